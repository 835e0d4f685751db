/** Shared set-up for the integration suites: the sample server, settings pointing at it, the extension. */
import * as vscode from 'vscode';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, startSampleServer, type SampleServer } from '../../sample-server';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'rtk-tools.realtimekit-inspector';

let server: SampleServer | undefined;

export async function setUpSampleServer(): Promise<SampleServer> {
  server ??= await startSampleServer();
  const config = vscode.workspace.getConfiguration('realtimekit');
  await config.update('apiBaseUrl', server.baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('accountId', SAMPLE_ACCOUNT_ID, vscode.ConfigurationTarget.Global);
  await config.update('appId', SAMPLE_APP_ID, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('realtimekit.setApiToken', SAMPLE_TOKEN);
  return server;
}

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export async function controlRequest(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  if (!server) throw new Error('sample server not started');
  const origin = new URL(server.baseUrl).origin;
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

export async function injectFault(fault: Record<string, unknown>): Promise<void> {
  await controlRequest('POST', '/__control/faults', fault);
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export async function requestLog(): Promise<LoggedRequest[]> {
  const log = (await controlRequest('GET', '/__control/requests')) as { data: LoggedRequest[] };
  return log.data;
}

export async function clearRequestLog(): Promise<void> {
  await controlRequest('DELETE', '/__control/requests');
}

export async function stopSampleServer(): Promise<void> {
  await server?.close();
  server = undefined;
}
