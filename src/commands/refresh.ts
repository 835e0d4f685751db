/**
 * realtimekit.refresh: fetches again everything on screen (every inspected target, every expanded list,
 * every open panel) behind one progress notification whose Cancel stops it. What was in flight before
 * is dropped first, so nothing old lands after the new data.
 */
import * as vscode from 'vscode';
import { RealtimeKitApiError } from '../api/errors';
import { fetchInspection } from '../inspection/fetchInspection';
import { errorMessage } from '../shared/errorMessage';
import type { CommandDefinition } from './support/commandDefinition';
import { notificationText } from './support/notificationText';
import { withCancellableProgress } from './support/progress';
import type { Services } from './support/services';

async function refresh(services: Services): Promise<boolean> {
  const client = services.client();
  client.dropInFlight();
  const jobs = [
    ...services.store.refreshJobs(),
    ...services.panels.refreshJobs((target, signal) => fetchInspection(client, target, { signal, refresh: true })),
  ];
  if (jobs.length === 0) return true;
  const failures: unknown[] = [];
  const cancelled = await withCancellableProgress('Refreshing RealtimeKit…', async (signal, progress) => {
    let done = 0;
    // Through the one scheduler of all fan-out: bounded concurrency, and a 429 pauses everything.
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await services.scheduler.run(`refresh:${job.key}`, job.run, { signal, refresh: true, operation: 'Refreshing' });
        } catch (error) {
          if (!(error instanceof RealtimeKitApiError && error.kind === 'cancelled')) failures.push(error);
          services.log.warn(`Refreshing ${job.key}: ${errorMessage(error)}`);
        }
        done += 1;
        progress.report({ message: `${done} of ${jobs.length}`, increment: 100 / jobs.length });
      }),
    );
    services.scheduler.invalidate((key) => key.startsWith('refresh:'));
    return signal.aborted;
  });
  if (failures.length > 0) {
    const first = errorMessage(failures[0]);
    void vscode.window.showWarningMessage(notificationText(`RealtimeKit: ${failures.length} of ${jobs.length} items could not be fetched again. ${first}`));
  }
  return !cancelled;
}

export const refreshCommand: CommandDefinition = { id: 'realtimekit.refresh', run: refresh };
