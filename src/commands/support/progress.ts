/** A cancellable progress notification whose Cancel aborts the work's AbortSignal. */
import * as vscode from 'vscode';
import { fanOutController } from '../../api/scheduler';

export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = fanOutController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await work(controller.signal, progress);
      } finally {
        subscription.dispose();
      }
    },
  );
}
