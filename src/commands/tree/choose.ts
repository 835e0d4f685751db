/**
 * realtimekit.tree.choose: what a tree item runs when chosen. It runs the item's command here and
 * resolves to nothing, since the workbench, which asked, keeps no result. A command the workbench runs
 * sends its result back to it, serialised on the extension host's thread: a show command's result is
 * the API's `data`, and a 69 MB peer report held the host for over a second after its panel was painted.
 */
import { COMMAND_IDS, runCall, type CommandCall } from '../../common/commands';
import type { CommandDefinition } from '../support/commandDefinition';

async function choose(_services: unknown, value?: unknown): Promise<undefined> {
  const chosen = value as Partial<CommandCall> | undefined;
  const command = COMMAND_IDS.find((id) => id === chosen?.command && id !== 'realtimekit.tree.choose');
  if (command && Array.isArray(chosen?.arguments)) await runCall({ command, arguments: chosen.arguments } as CommandCall);
  return undefined;
}

export const chooseCommand: CommandDefinition = { id: 'realtimekit.tree.choose', run: choose };
