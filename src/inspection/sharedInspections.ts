/**
 * One fetch and one analysis of a target for everyone who asks for it during one Refresh: an open stats
 * panel and the explorer's tree both need the target again, and a 40 MB answer must not be read twice.
 * Shared by what is asked (IDs, filters, peer events), not by the label. Pure (no `vscode`).
 */
import { RealtimeKitApiError } from '../api/errors';
import type { Inspection } from './inspection';
import { targetKey, type ParticipantTarget } from './inspectionTarget';

export type Inspect = (target: ParticipantTarget, signal: AbortSignal) => Promise<Inspection>;

/** The same key for two targets when fetching them asks the API for the same answers. */
export function inspectionRequestKey(target: ParticipantTarget): string {
  const filters = 'filters' in target && target.filters ? [...new Set(target.filters)].sort().join(',') : '';
  const peerEvents = target.kind === 'sessionParticipant' ? String(target.includePeerEvents ?? true) : '';
  return `${targetKey(target)}|${filters}|${peerEvents}`;
}

interface Shared {
  promise: Promise<Inspection>;
  controller: AbortController;
  waiters: number;
}

/**
 * `inspect`, run once per request key: later callers wait for the first one's result. Each caller may
 * cancel on its own; the fetch itself is aborted only when every caller waiting for it has cancelled.
 */
export function sharedInspections(inspect: Inspect): Inspect {
  const shared = new Map<string, Shared>();
  return (target, signal) => {
    if (signal.aborted) return Promise.reject(cancelled());
    const key = inspectionRequestKey(target);
    let entry = shared.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Shared = { promise: inspect(target, controller.signal), controller, waiters: 0 };
      // Whoever waits is told of a failure; whoever asks after it tries again.
      created.promise.catch(() => {
        if (shared.get(key) === created) shared.delete(key);
      });
      entry = created;
      shared.set(key, created);
    }
    return wait(entry, signal, () => {
      if (shared.get(key) === entry) shared.delete(key);
    });
  };
}

function wait(entry: Shared, signal: AbortSignal, abandoned: () => void): Promise<Inspection> {
  entry.waiters += 1;
  return new Promise<Inspection>((resolve, reject) => {
    let done = false;
    const leave = () => {
      if (done) return false;
      done = true;
      signal.removeEventListener('abort', onAbort);
      entry.waiters -= 1;
      return true;
    };
    const onAbort = () => {
      if (!leave()) return;
      if (entry.waiters === 0) {
        entry.controller.abort();
        abandoned();
      }
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (value) => leave() && resolve(value),
      (error: unknown) => leave() && reject(error),
    );
  });
}

function cancelled(): RealtimeKitApiError {
  return new RealtimeKitApiError({ kind: 'cancelled', operation: 'Fetching call statistics' });
}
