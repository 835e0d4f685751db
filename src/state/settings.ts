/** The extension's settings (names fixed by the public interface). */
import * as vscode from 'vscode';
import type { Scope } from '../api/client';
import { DEFAULT_API_BASE_URL } from './apiBaseUrl';

export interface Settings {
  accountId: string;
  appId: string;
  apiBaseUrl: string;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('realtimekit');
  return {
    accountId: config.get<string>('accountId', '').trim(),
    appId: config.get<string>('appId', '').trim(),
    apiBaseUrl: config.get<string>('apiBaseUrl', DEFAULT_API_BASE_URL).trim() || DEFAULT_API_BASE_URL,
  };
}

export async function saveSetting(key: 'accountId' | 'appId', value: string): Promise<void> {
  await vscode.workspace.getConfiguration('realtimekit').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The account and app from the settings, when both are set. */
export function configuredScope(): Scope | undefined {
  const { accountId, appId } = readSettings();
  return accountId && appId ? { accountId, appId } : undefined;
}

/** realtimekit.overview.autoAnalyseLimit: sessions up to this many participants are analysed on opening. */
export function autoAnalyseLimit(): number {
  const value = vscode.workspace.getConfiguration('realtimekit').get<number>('overview.autoAnalyseLimit', 100);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 100;
}
