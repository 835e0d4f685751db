/**
 * Tells the user what failed and what to do next, with an action where one helps. Never waits for
 * the user: a command resolves at once, and the chosen action runs afterwards.
 */
import * as vscode from 'vscode';
import { RealtimeKitApiError } from '../api/errors';

export const SET_TOKEN_ACTION = 'Set API Token';
export const RETRY_ACTION = 'Retry';
export const CONFIGURE_ACTION = 'Open Settings';

export function reportError(error: unknown, rerun?: () => Thenable<unknown>): void {
  if (!(error instanceof RealtimeKitApiError)) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`RealtimeKit: ${message}`);
    return;
  }
  if (error.kind === 'cancelled') return;
  const actions: string[] = [];
  if (error.kind === 'noToken' || error.kind === 'unauthorized' || error.kind === 'forbidden') actions.push(SET_TOKEN_ACTION);
  if (error.retryable && rerun) actions.push(RETRY_ACTION);
  void vscode.window.showErrorMessage(error.message, ...actions).then(async (choice) => {
    if (choice === SET_TOKEN_ACTION) {
      const stored = await vscode.commands.executeCommand<string | undefined>('realtimekit.setApiToken');
      if (stored && rerun) await rerun();
    } else if (choice === RETRY_ACTION && rerun) {
      await rerun();
    }
  });
}

export function reportMissingSetting(what: 'account ID' | 'app ID'): void {
  const key = what === 'account ID' ? 'realtimekit.accountId' : 'realtimekit.appId';
  void vscode.window
    .showErrorMessage(`RealtimeKit: no ${what} was given and the ${key} setting is empty. Set it, or pass ${what === 'account ID' ? 'accountId' : 'appId'} in the argument.`, CONFIGURE_ACTION)
    .then((choice) => choice === CONFIGURE_ACTION && vscode.commands.executeCommand('workbench.action.openSettings', key));
}
