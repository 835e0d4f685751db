/** realtimekit.clearRecentIds: forgets the IDs the prompts offer. */
import * as vscode from 'vscode';
import type { CommandDefinition } from './support/commandDefinition';
import type { Services } from './support/services';

async function clearRecentIds(services: Services): Promise<void> {
  await services.recent.clearAll();
  void vscode.window.showInformationMessage('RealtimeKit: recent IDs cleared.');
}

export const clearRecentIdsCommand: CommandDefinition = { id: 'realtimekit.clearRecentIds', run: clearRecentIds };
