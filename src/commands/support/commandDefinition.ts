/** A command as each file in src/commands declares it: its typed ID and what it runs. */
import type { CommandId } from '../../common/commands';
import type { Services } from './services';

/** Arguments arrive untyped from callers outside the extension: each handler checks its own. */
export type CommandHandler = (services: Services, ...args: unknown[]) => Promise<unknown>;

export interface CommandDefinition {
  id: CommandId;
  run: CommandHandler;
}
