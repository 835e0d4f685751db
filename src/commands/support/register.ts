/** Registers a command so that it never rejects: failures are shown and it resolves to undefined. */
import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDefinition';
import { reportError } from './reportError';
import type { Services } from './services';

export function registerCommand(services: Services, command: CommandDefinition): vscode.Disposable {
  return vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
    try {
      return await command.run(services, ...args);
    } catch (error) {
      services.log.error(command.id, error);
      reportError(error);
      return undefined;
    }
  });
}
