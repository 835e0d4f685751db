/** realtimekit.setApiToken: the token goes to SecretStorage only, and is checked with one cheap call. */
import * as vscode from 'vscode';
import type { CommandId } from '../common/commands';
import { errorMessage } from '../shared/errorMessage';
import { readSettings } from '../state/settings';
import { ArgumentError } from './support/arguments';
import type { CommandDefinition } from './support/commandDefinition';
import { notificationText } from './support/notificationText';
import type { Services } from './support/services';

const COMMAND = 'realtimekit.setApiToken' satisfies CommandId;

function tokenProblem(value: string): string | undefined {
  const token = value.trim();
  if (token === '') return 'Paste a Cloudflare API token with the Realtime or Realtime Admin permission.';
  if (/\s/.test(token)) return 'A token has no spaces inside.';
  return undefined;
}

/** Resolves to true once a token is stored (never to the token itself). */
async function setApiToken(services: Services, argument?: unknown): Promise<boolean | undefined> {
  let token: string | undefined;
  if (argument !== undefined && argument !== null) {
    if (typeof argument !== 'string') throw new ArgumentError(`${COMMAND} takes the token as a string.`);
    const problem = tokenProblem(argument);
    if (problem) throw new ArgumentError(`${COMMAND}: ${problem}`);
    token = argument.trim();
  } else {
    const entered = await vscode.window.showInputBox({
      title: 'RealtimeKit: Set API Token',
      prompt: 'Cloudflare API token with the Realtime or Realtime Admin permission (stored in VS Code secret storage)',
      password: true,
      ignoreFocusOut: true,
      validateInput: tokenProblem,
    });
    if (entered === undefined) return undefined;
    token = entered.trim();
  }
  await services.tokens.set(token);
  services.forgetAnswers();
  services.log.info('API token stored in secret storage.');
  void verifyToken(services);
  return true;
}

/** One cheap call (the first app of the account) tells whether the token works. */
async function verifyToken(services: Services): Promise<void> {
  const { accountId } = readSettings();
  if (!accountId) {
    void vscode.window.showInformationMessage('RealtimeKit: API token stored. Set realtimekit.accountId to have it checked.');
    return;
  }
  try {
    await services.client().listApps(accountId, { perPage: 1 }, { refresh: true });
    void vscode.window.showInformationMessage('RealtimeKit: API token stored and verified.');
  } catch (error) {
    void vscode.window.showWarningMessage(notificationText(`RealtimeKit: API token stored, but the check failed. ${errorMessage(error)}`));
  }
}

export const setApiTokenCommand: CommandDefinition = { id: COMMAND, run: setApiToken };
