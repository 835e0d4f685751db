/** Runs an API call behind a cancellable progress notification, with the error reporting of interface.md. */
import * as vscode from 'vscode';
import { RealtimeKitApiError } from '../api/errors';
import { withCancellableProgress } from './progress';
import { reportError } from './reportError';
import type { Services } from './services';

export async function withApi<T>(
  services: Services,
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>,
  rerun?: () => Thenable<unknown>,
): Promise<T | undefined> {
  try {
    if (!(await services.tokens.get())) throw new RealtimeKitApiError({ kind: 'noToken', operation: title });
    return await withCancellableProgress(title, work);
  } catch (error) {
    services.log.warn(`${title}: ${error instanceof Error ? error.message : String(error)}`);
    reportError(error, rerun);
    return undefined;
  }
}
