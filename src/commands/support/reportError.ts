/**
 * Tells the user what failed and what to do next, with an action where one helps. Never waits for
 * the user: a command resolves at once, and the chosen action runs afterwards.
 */
import * as vscode from 'vscode';
import { RealtimeKitApiError } from '../../api/errors';
import { executeCommand, runCall, type CommandCall } from '../../common/commands';
import { errorMessage } from '../../shared/errorMessage';
import { notificationText } from './notificationText';

export const SET_TOKEN_ACTION = 'Set API Token';
export const RETRY_ACTION = 'Retry';
export const CONFIGURE_ACTION = 'Open Settings';

/** No token, or one the API refused: setting another is the next step. */
export function isTokenProblem(error: unknown): boolean {
  return error instanceof RealtimeKitApiError && (error.kind === 'noToken' || error.kind === 'unauthorized' || error.kind === 'forbidden');
}

/** `lead`: a sentence said before the error's own (what the failure means for the whole command). */
export function reportError(error: unknown, rerun?: CommandCall, lead?: string): void {
  const said = (text: string) => notificationText(lead ? `${lead} ${text}` : text);
  if (!(error instanceof RealtimeKitApiError)) {
    void vscode.window.showErrorMessage(said(lead ? errorMessage(error) : `RealtimeKit: ${errorMessage(error)}`));
    return;
  }
  if (error.kind === 'cancelled') return;
  const actions: string[] = [];
  if (isTokenProblem(error)) actions.push(SET_TOKEN_ACTION);
  if (error.retryable && rerun) actions.push(RETRY_ACTION);
  void vscode.window.showErrorMessage(said(error.message), ...actions).then(async (choice) => {
    if (choice === SET_TOKEN_ACTION) {
      const stored = await executeCommand('realtimekit.setApiToken');
      if (stored && rerun) await runCall(rerun);
    } else if (choice === RETRY_ACTION && rerun) {
      await runCall(rerun);
    }
  });
}

export function reportMissingSetting(what: 'account ID' | 'app ID'): void {
  const key = what === 'account ID' ? 'realtimekit.accountId' : 'realtimekit.appId';
  const field = what === 'account ID' ? 'accountId' : 'appId';
  void vscode.window
    .showErrorMessage(
      `RealtimeKit: no ${what} was given and the ${key} setting is empty. Set it, or pass ${field} in the argument.`,
      CONFIGURE_ACTION,
    )
    .then((choice) => choice === CONFIGURE_ACTION && vscode.commands.executeCommand('workbench.action.openSettings', key));
}
