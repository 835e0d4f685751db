/** Shared set-up for the integration suites: the sample server, settings pointing at it, the extension. */
import * as vscode from 'vscode';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, startSampleServer, type SampleServer } from '../../sample-server';
import type { ExtensionApi } from '../../src/extension';
import { SampleControl } from '../fixtures/sampleControl';

export const EXTENSION_ID = 'rtk-tools.realtimekit-inspector';

let server: SampleServer | undefined;
let control: SampleControl | undefined;

/** Starts the sample server once for all suites and points the extension at it, signed in. */
export async function setUpSampleServer(): Promise<SampleControl> {
  if (!server) {
    server = await startSampleServer();
    control = new SampleControl(server);
  }
  const config = vscode.workspace.getConfiguration('realtimekit');
  await config.update('apiBaseUrl', server.baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('accountId', SAMPLE_ACCOUNT_ID, vscode.ConfigurationTarget.Global);
  await config.update('appId', SAMPLE_APP_ID, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('realtimekit.setApiToken', SAMPLE_TOKEN);
  return control!;
}

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}
