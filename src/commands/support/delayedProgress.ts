/**
 * Work behind a cancellable progress notification that shows only once the work has taken longer than
 * a delay: a Refresh done in a tenth of a second then flashes no notification (VS Code keeps one on
 * screen for at least 800 ms), and the workbench does not lay out and animate one while the stats
 * worker needs the CPU (turn about in the host, a heavy Refresh with the same answers was painted 13 ms
 * after its last byte instead of 49). Pure: the notification is given (progress.ts shows VS Code's).
 */
import type { CancellationToken, Progress } from 'vscode';
import { fanOutController } from '../../api/scheduler';

export type ProgressStep = { message?: string; increment?: number };

/** Shows a notification for as long as `task` runs; its Cancel fires the token. */
export type ShowNotification = (
  task: (progress: Progress<ProgressStep>, token: CancellationToken) => Promise<void>,
) => PromiseLike<unknown>;

/** As VS Code's own delayed progress notifications (creating a profile from a template). */
export const NOTIFICATION_DELAY_MS = 500;

export function withDelayedProgress<T>(
  show: ShowNotification,
  work: (signal: AbortSignal, progress: Progress<ProgressStep>) => Promise<T>,
  delayMs = NOTIFICATION_DELAY_MS,
): Promise<T> {
  const controller = fanOutController();
  let shown: Progress<ProgressStep> | undefined;
  // What was reported before the notification showed, told to it when it does.
  const before: ProgressStep = {};
  const progress: Progress<ProgressStep> = {
    report: (step) => {
      if (shown) return shown.report(step);
      if (step.message !== undefined) before.message = step.message;
      if (step.increment !== undefined) before.increment = (before.increment ?? 0) + step.increment;
    },
  };
  const running = (async () => work(controller.signal, progress))();
  const notify = async (notification: Progress<ProgressStep>, token: CancellationToken) => {
    const subscription = token.onCancellationRequested(() => controller.abort());
    shown = notification;
    if (before.message !== undefined || before.increment !== undefined) notification.report(before);
    try {
      await running;
    } catch {
      // The caller hears of the failure from the promise returned.
    } finally {
      subscription.dispose();
    }
  };
  // A notification that cannot show (the window closing) leaves the work to go on without one.
  const timer = setTimeout(() => {
    try {
      Promise.resolve(show(notify)).catch(() => undefined);
    } catch {
      // As above.
    }
  }, delayMs);
  return running.finally(() => clearTimeout(timer));
}
