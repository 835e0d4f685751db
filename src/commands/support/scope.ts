/** Account and app: from the argument, else the settings, else (from the palette) asked for. */
import * as vscode from 'vscode';
import type { Scope } from '../../api/client';
import { errorMessage } from '../../shared/errorMessage';
import { readSettings, saveSetting } from '../../state/settings';
import { askForId } from './prompts';
import { reportMissingSetting } from './reportError';
import type { Services } from './services';

export interface ScopeArgument {
  accountId?: unknown;
  appId?: unknown;
}

export async function resolveScope(services: Services, argument: ScopeArgument | undefined, title: string): Promise<Scope | undefined> {
  const settings = readSettings();
  const fromArgument = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  let accountId = fromArgument(argument?.accountId) ?? (settings.accountId || undefined);
  let appId = fromArgument(argument?.appId) ?? (settings.appId || undefined);
  if (argument !== undefined) {
    // Called from code: no prompts, say what is missing instead.
    if (!accountId) reportMissingSetting('account ID');
    else if (!appId) reportMissingSetting('app ID');
    return accountId && appId ? { accountId, appId } : undefined;
  }
  if (!accountId) {
    accountId = await askForId('account', services.recent, { title, step: 'account' });
    if (!accountId) return undefined;
    offerToSave('accountId', accountId);
  }
  if (!appId) {
    appId = await askForId('app', services.recent, { title, step: 'app' });
    if (!appId) return undefined;
    offerToSave('appId', appId);
  }
  return { accountId, appId };
}

function offerToSave(key: 'accountId' | 'appId', value: string): void {
  const label = key === 'accountId' ? 'account ID' : 'app ID';
  void vscode.window
    .showInformationMessage(`Save ${value} as the default RealtimeKit ${label} (setting realtimekit.${key})?`, 'Save')
    .then(async (choice) => {
      if (choice !== 'Save') return;
      try {
        await saveSetting(key, value);
      } catch (error) {
        // A settings.json that does not parse, or cannot be written: the user thinks it was saved otherwise.
        void vscode.window.showErrorMessage(`RealtimeKit: the ${label} was not saved: ${errorMessage(error)}`);
      }
    });
}
