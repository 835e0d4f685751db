/** Runs an API call behind a cancellable progress notification, with the error reporting of interface.md. */
import * as vscode from 'vscode';
import { RealtimeKitApiError } from '../api/errors';
import { reportError } from './reportError';
import type { Services } from './services';

export async function withApi<T>(services: Services, title: string, work: (signal: AbortSignal) => Promise<T>, rerun?: () => Thenable<unknown>): Promise<T | undefined> {
  try {
    if (!(await services.tokens.get())) throw new RealtimeKitApiError({ kind: 'noToken', operation: title });
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await work(controller.signal);
      } finally {
        subscription.dispose();
      }
    });
  } catch (error) {
    services.log.warn(`${title}: ${error instanceof Error ? error.message : String(error)}`);
    reportError(error, rerun);
    return undefined;
  }
}
