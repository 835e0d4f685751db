/** realtimekit.tree.choose: what a tree item runs when chosen, its command, resolving to nothing (see resultUnwanted.ts). */
import { COMMAND_IDS, runCall, type CommandCall } from '../../common/commands';
import type { CommandDefinition } from '../support/commandDefinition';
import { withoutResult } from '../support/resultUnwanted';

async function choose(_services: unknown, value?: unknown): Promise<undefined> {
  const chosen = value as Partial<CommandCall> | undefined;
  const command = COMMAND_IDS.find((id) => id === chosen?.command && id !== 'realtimekit.tree.choose');
  if (command && Array.isArray(chosen?.arguments))
    await withoutResult(() => runCall({ command, arguments: chosen.arguments } as CommandCall));
  return undefined;
}

export const chooseCommand: CommandDefinition = { id: 'realtimekit.tree.choose', run: choose };
