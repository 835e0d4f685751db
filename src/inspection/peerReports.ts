/**
 * The current API keeps a participant's call statistics in the peer report of each of its peers, not in
 * its own answer. When a participant's answer holds none, this fetches every peer's report (in
 * parallel, through the one request scheduler) and merges their statistics into the participant, so
 * one participant is one complete picture in both generations.
 */
import type { RealtimeKitClient, Scope } from '../api/client';
import { normalizeParticipant } from '../api/normalize';
import { requestKeys, type RequestScheduler } from '../api/scheduler';
import { PhaseRecorder } from '../common/phaseTimes';
import type { InspectedParticipant } from '../shared/model';
import { fetchInspection } from './fetchInspection';
import { mergePeerReports, peersToRead } from './mergePeerReports';
import type { Inspection } from './inspection';
import type { ParticipantTarget } from './inspectionTarget';
import { inspectOffThread } from './worker/inspectOffThread';

export interface PeerReportFailure {
  peerId: string;
  error: unknown;
}

export interface WithPeerReports {
  participant: InspectedParticipant;
  /** Peers whose report could not be read; the others are still merged. */
  failures: PeerReportFailure[];
}

export interface PeerReportOptions {
  signal?: AbortSignal;
  refresh?: boolean;
  /** Told each answer's timings and the time spent normalising and merging. */
  phases?: PhaseRecorder;
}

/** Fetches one peer's report through the scheduler (once per peer and cache) and normalises it. */
export function fetchPeerStatistics(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  scope: Scope,
  peerId: string,
  options: PeerReportOptions = {},
): Promise<InspectedParticipant> {
  return scheduler.run(
    requestKeys.peerReport(scope, peerId),
    async (signal) => {
      const raw = await client.getPeerReport(
        scope,
        peerId,
        { includePeerEvents: true },
        { signal, refresh: options.refresh, phases: options.phases },
      );
      const normalise = () => normalizeParticipant('peer', raw, { peerId });
      return options.phases ? options.phases.time('normalise', normalise) : normalise();
    },
    { signal: options.signal, refresh: options.refresh, operation: 'Fetching the peer report' },
  );
}

export async function withPeerReports(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  scope: Scope,
  participant: InspectedParticipant,
  options: PeerReportOptions = {},
): Promise<WithPeerReports> {
  const peerIds = peersToRead(participant);
  if (peerIds.length === 0) return { participant, failures: [] };
  const settled = await Promise.allSettled(peerIds.map((peerId) => fetchPeerStatistics(client, scheduler, scope, peerId, options)));
  const reports: InspectedParticipant[] = [];
  const failures: PeerReportFailure[] = [];
  settled.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') reports.push(outcome.value);
    else failures.push({ peerId: peerIds[index], error: outcome.reason });
  });
  if (reports.length === 0) throw failures[0].error;
  const merge = () => mergePeerReports(participant, reports);
  return { participant: options.phases ? options.phases.time('normalise', merge) : merge(), failures };
}

/**
 * A stats panel's inspection: the target's answer and, for a session participant, its peers' reports;
 * parsed and analysed by the stats worker, except a meeting participant's (small, and no statistics).
 */
export async function inspectWithPeerReports(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  target: ParticipantTarget,
  options: PeerReportOptions = {},
): Promise<Inspection> {
  // Where the time goes, from the first request to the paint (the panel fills in the rest).
  const phases = options.phases ?? new PhaseRecorder();
  if (target.kind !== 'meetingParticipant') return inspectOffThread(client, scheduler, target, { ...options, phases });
  return { ...(await fetchInspection(client, target, { ...options, phases })), phases };
}

/**
 * One session participant's complete statistics, as the overview and compare need them: its details
 * (the older generation's statistics are there) and, when they hold none, its peers' reports; every
 * request through the scheduler. `onStart` says when its first request leaves the queue.
 */
export async function sessionParticipantStatistics(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  scope: Scope,
  ids: { sessionId: string; participantId: string },
  options: PeerReportOptions & { onStart?: () => void } = {},
): Promise<WithPeerReports> {
  const details = await scheduler.run(
    requestKeys.sessionParticipant(scope, ids.sessionId, ids.participantId),
    (signal) => {
      options.onStart?.();
      return client.getSessionParticipant(scope, ids, { includePeerEvents: true }, { signal, refresh: options.refresh });
    },
    { signal: options.signal, refresh: options.refresh, operation: 'Fetching the session participant' },
  );
  const participant = normalizeParticipant('sessionParticipant', details, { sessionId: ids.sessionId });
  return withPeerReports(client, scheduler, scope, participant, options);
}
