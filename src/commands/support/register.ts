/**
 * Runs a command so that it never rejects: failures are shown and it resolves to undefined. extension.ts
 * registers every command ID at activation and hands each call here once the core is loaded.
 */
import type { CommandDefinition } from './commandDefinition';
import { reportError } from './reportError';
import type { Services } from './services';

export async function runCommand(services: Services, command: CommandDefinition, args: readonly unknown[]): Promise<unknown> {
  try {
    return await command.run(services, ...args);
  } catch (error) {
    services.log.error(command.id, error);
    reportError(error);
    return undefined;
  }
}
