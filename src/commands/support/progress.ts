/** A cancellable progress notification whose Cancel aborts the work's AbortSignal, once the work is slow (delayedProgress.ts). */
import * as vscode from 'vscode';
import { withDelayedProgress, type ProgressStep } from './delayedProgress';

export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<ProgressStep>) => Promise<T>,
): Promise<T> {
  return withDelayedProgress(
    (task) => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, task),
    work,
  );
}
