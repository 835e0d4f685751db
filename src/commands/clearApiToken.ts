/** realtimekit.clearApiToken: deletes the token from SecretStorage. */
import * as vscode from 'vscode';
import type { CommandDefinition } from './support/commandDefinition';
import type { Services } from './support/services';

async function clearApiToken(services: Services): Promise<boolean> {
  await services.tokens.clear();
  services.forgetAnswers();
  services.log.info('API token deleted from secret storage.');
  void vscode.window.showInformationMessage('RealtimeKit: API token deleted.');
  return true;
}

export const clearApiTokenCommand: CommandDefinition = { id: 'realtimekit.clearApiToken', run: clearApiToken };
