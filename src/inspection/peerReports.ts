/**
 * The current API keeps a participant's call statistics in the peer report of each of its peers, not in
 * its own answer. When a participant's answer holds none, every peer's report is fetched (in parallel,
 * through the one request scheduler) and the stats worker merges their statistics into the
 * participant, so one participant is one complete picture in both generations.
 */
import type { RealtimeKitClient, Scope } from '../api/client';
import { requestKeys, type RequestScheduler } from '../api/scheduler';
import type { RawSessionParticipant } from '../api/types';
import { PhaseRecorder } from '../common/phaseTimes';
import type { PeerDigest } from '../sessionAnalysis/attributionDigest';
import type { DetectedIssue, InspectedParticipant, Verdict } from '../shared/model';
import type { ParticipantRow } from '../shared/session';
import type { WireParticipant } from '../shared/wire';
import { fetchInspection } from './fetchInspection';
import type { AnalysedInspection, Inspection } from './inspection';
import type { ParticipantTarget } from './inspectionTarget';
import type { AnswerFingerprints } from './answerFingerprints';
import { analyseOffThread, inspectOffThread, scheduledText, participantOfWire } from './worker/inspectOffThread';

export interface PeerReportFailure {
  peerId: string;
  error: unknown;
}

export interface SessionParticipantStatistics {
  /** Its statistics, its peers' reports merged, over the columns of `wire`. */
  participant: InspectedParticipant;
  /** The same as the webview's columns, built by the worker (compare sends them as they are). */
  wire: WireParticipant;
  /** Found by the worker on the full-precision samples. */
  issues: DetectedIssue[];
  verdict: Verdict;
  /** What who-affected-whom needs of it. */
  digest: PeerDigest[];
  /** Peers whose report could not be read; the others are still merged. */
  failures: PeerReportFailure[];
  /** Its session overview table row, given the overview's list entry. */
  row?: ParticipantRow;
  /** The list entry the row was made from. */
  listEntry?: RawSessionParticipant;
  /** What was read, when every answer was: a later fetch of the same answers keeps these statistics. */
  fingerprints?: AnswerFingerprints;
}

export interface PeerReportOptions {
  signal?: AbortSignal;
  refresh?: boolean;
  /** Told each answer's timings and the time spent normalising and merging. */
  phases?: PhaseRecorder;
}

/**
 * A stats panel's inspection: the target's answer and, for a session participant, its peers' reports;
 * parsed and analysed by the stats worker, except a meeting participant's (small, and no statistics).
 */
export async function inspectWithPeerReports(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  target: ParticipantTarget,
  /** `previous`: the target's inspection on screen, kept when its answers come the same again. */
  options: PeerReportOptions & { previous?: AnalysedInspection } = {},
): Promise<Inspection> {
  // Where the time goes, from the first request to the paint (the panel fills in the rest).
  const phases = options.phases ?? new PhaseRecorder();
  if (target.kind !== 'meetingParticipant') return inspectOffThread(client, scheduler, target, { ...options, phases });
  return { ...(await fetchInspection(client, target, { ...options, phases })), phases };
}

/**
 * One session participant's complete statistics, as the overview and compare need them: its details
 * (the older generation's statistics are there) and, when they hold none, its peers' reports; every
 * request through the scheduler, parsing and analysis in the stats worker. Given the overview's list
 * entry, also its table row. The result is kept by the scheduler, so opening the overview again is
 * instant, and compare takes what the overview analysed. `onStart` says when its first request leaves
 * the queue. Given the statistics it replaces (`previous`, made from the same list entry), answers the
 * same as theirs are not read again, and when all of them are, those statistics stand.
 */
export async function sessionParticipantStatistics(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  scope: Scope,
  ids: { sessionId: string; participantId: string },
  options: PeerReportOptions & {
    onStart?: () => void;
    listEntry?: RawSessionParticipant;
    previous?: SessionParticipantStatistics;
  } = {},
): Promise<SessionParticipantStatistics> {
  const participantKey = requestKeys.sessionParticipant(scope, ids.sessionId, ids.participantId);
  const overviewKey = `${participantKey}#overview`;
  const key = options.listEntry ? overviewKey : `${participantKey}#statistics`;
  // The overview's analysis holds everything compare needs, and more.
  const known = options.refresh
    ? undefined
    : (scheduler.recall<SessionParticipantStatistics>(key) ??
      (options.listEntry ? undefined : scheduler.recall<SessionParticipantStatistics>(overviewKey)));
  if (known) return known;
  // Its table row is made from the list entry too: kept only when that is the same as well.
  const previous =
    options.previous && JSON.stringify(options.previous.listEntry) === JSON.stringify(options.listEntry) ? options.previous : undefined;
  const outcome = await analyseOffThread(
    client,
    scheduler,
    scope,
    {
      target: { kind: 'sessionParticipant', sessionId: ids.sessionId },
      listEntry: options.listEntry,
      digest: true,
      fetch: () =>
        scheduledText(
          scheduler,
          `${participantKey}#text`,
          (signal) => {
            options.onStart?.();
            return client.getSessionParticipantText(
              scope,
              ids,
              { includePeerEvents: true },
              { signal, refresh: options.refresh, lastFingerprint: options.previous?.fingerprints?.answer },
            );
          },
          { signal: options.signal, refresh: options.refresh, operation: 'Fetching the session participant' },
        ),
    },
    { ...options, previous },
  );
  if (outcome.result === 'unchanged') {
    scheduler.keep(key, outcome.previous);
    return outcome.previous;
  }
  const { result, failures, fingerprints } = outcome;
  const analysed: SessionParticipantStatistics = {
    participant: participantOfWire(result.participant),
    wire: result.participant,
    issues: result.issues,
    verdict: result.verdict,
    digest: result.digest ?? [],
    failures,
    row: result.row,
    listEntry: options.listEntry,
    fingerprints,
  };
  // With a peer report missing, opening it again tries that report again.
  if (failures.length === 0) scheduler.keep(key, analysed);
  return analysed;
}
