/** Registers a command so that it never rejects: failures are shown and it resolves to undefined. */
import * as vscode from 'vscode';
import { reportError } from './reportError';
import type { Services } from './services';

export type CommandHandler = (services: Services, ...args: unknown[]) => Promise<unknown>;

export function registerCommand(services: Services, id: string, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(services, ...args);
    } catch (error) {
      services.log.error(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      reportError(error);
      return undefined;
    }
  });
}
