/**
 * realtimekit.refresh: fetches again everything on screen (every inspected target, every expanded list,
 * every open panel) behind one progress notification whose Cancel stops it. What was in flight before
 * is dropped first, so nothing old lands after the new data.
 */
import { defaultMaxListeners, setMaxListeners } from 'node:events';
import { isCancellation } from '../api/errors';
import { call } from '../common/commands';
import { inspectWithPeerReports } from '../inspection/peerReports';
import { inspectionRequestKey, sharedInspections } from '../inspection/sharedInspections';
import { errorMessage } from '../shared/errorMessage';
import type { CommandDefinition } from './support/commandDefinition';
import { withCancellableProgress } from './support/progress';
import { isTokenProblem, reportError } from './support/reportError';
import type { Services } from './support/services';

async function refresh(services: Services): Promise<boolean> {
  const client = services.client();
  client.dropInFlight();
  // A target an open stats panel shows is fetched and analysed once (off the host's thread): the
  // panel shows it, and the explorer takes the same inspection for its tree once the panel painted it
  // (saving the tree's summary and redrawing the tree would otherwise compete with the panel's paint).
  // Answers the same as the panel's are not read again: an ended session's never change.
  const inspect = sharedInspections((target, signal) =>
    inspectWithPeerReports(client, services.scheduler, target, { signal, refresh: true, previous: services.panels.shown(target) }),
  );
  const painted = new Map<string, Promise<unknown>>();
  const panelJobs = services.panels.refreshJobs(inspect).map(({ key, target, run }) => {
    let done = () => {};
    painted.set(inspectionRequestKey(target), new Promise<void>((resolve) => (done = resolve)));
    return { key, run: (signal: AbortSignal) => run(signal).finally(done) };
  });
  const storeJobs = services.store.refreshJobs((target) => {
    const shown = painted.get(inspectionRequestKey(target));
    if (!shown) return undefined;
    return async (signal: AbortSignal) => {
      const inspection = await inspect(target, signal);
      await shown;
      return inspection;
    };
  });
  const jobs = [...storeJobs, ...panelJobs];
  if (jobs.length === 0) return true;
  const failures: unknown[] = [];
  const cancelled = await withCancellableProgress('Refreshing RealtimeKit…', async (signal, progress) => {
    // Each job listens for Cancel until it ends: more than Node's default of 10 is no leak.
    setMaxListeners(Math.max(defaultMaxListeners, jobs.length + defaultMaxListeners), signal);
    let done = 0;
    // Not through the scheduler: a job may itself queue peer reports there, and must not hold a slot
    // while it waits for them. The jobs are few (what is on screen); their peer reports are bounded.
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await job.run(signal);
        } catch (error) {
          if (!isCancellation(error)) failures.push(error);
          services.log.warn(`Refreshing ${job.key}: ${errorMessage(error)}`);
        }
        done += 1;
        progress.report({ message: `${done} of ${jobs.length}`, increment: 100 / jobs.length });
      }),
    );
    return signal.aborted;
  });
  // One failure says why, with its next step: a token problem first (setting one fixes every item),
  // else the first (Retry for a network error).
  if (failures.length > 0)
    reportError(
      failures.find(isTokenProblem) ?? failures[0],
      call('realtimekit.refresh'),
      `RealtimeKit: ${failures.length} of ${jobs.length} items could not be fetched again.`,
    );
  return !cancelled;
}

export const refreshCommand: CommandDefinition = { id: 'realtimekit.refresh', run: refresh };
