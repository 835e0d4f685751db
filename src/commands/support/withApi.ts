/** Runs an API call behind a cancellable progress notification, with the error reporting of interface.md. */
import type * as vscode from 'vscode';
import { RealtimeKitApiError } from '../../api/errors';
import type { CommandCall } from '../../common/commands';
import { withCancellableProgress } from './progress';
import { reportError } from './reportError';
import type { Services } from './services';

export async function withApi<T>(
  services: Services,
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
  rerun?: CommandCall,
): Promise<T | undefined> {
  try {
    if (!(await services.tokens.get())) throw new RealtimeKitApiError({ kind: 'noToken', operation: title });
    return await withCancellableProgress(title, work);
  } catch (error) {
    if (error instanceof RealtimeKitApiError) services.log.warn(`${title}: ${error.message}`);
    else services.log.error(title, error);
    reportError(error, rerun);
    return undefined;
  }
}
