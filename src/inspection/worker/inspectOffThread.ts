/**
 * A stats panel's inspection with the heavy part off the extension host's thread: this thread only
 * fetches the answers' text and hands it to the stats worker, which sends back the analysis and the
 * webview's columns (transferred, not copied).
 */
import type { RealtimeKitClient, Scope } from '../../api/client';
import { dataOf, parseJson } from '../../api/envelope';
import { joinInSlices, MAX_RESPONSE_BYTES } from '../../api/bodyChunks';
import { decodeElsewhere } from '../../api/contentEncoding';
import { parseJsonInSlices } from '../../api/slicedJson';
import { answerError, type AnswerText } from '../../api/http';
import { requestKeys, type RequestScheduler } from '../../api/scheduler';
import type { PhaseRecorder } from '../../common/phaseTimes';
import { errorMessage } from '../../shared/errorMessage';
import type { InspectedParticipant } from '../../shared/model';
import type { WireParticipant } from '../../shared/wire';
import type { AnalysedInspection } from '../inspection';
import { scopeOf, type ParticipantTarget } from '../inspectionTarget';
import type { PeerReportFailure, PeerReportOptions } from '../peerReports';
import type { AnswersRequest, AnswersResult } from './analyseAnswers';
import type { AnswerFingerprints } from '../answerFingerprints';
import { statsWorker, type ReadAheadReport } from './statsWorkerHost';

type StatsTarget = Exclude<ParticipantTarget, { kind: 'meetingParticipant' }>;

/**
 * The target's inspection. Given the one on screen (`previous`), answers the same as its are not read
 * again, and when all of them are, that inspection stands, marked as checked now.
 */
export async function inspectOffThread(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  target: StatsTarget,
  options: PeerReportOptions & { phases: PhaseRecorder; previous?: AnalysedInspection },
): Promise<AnalysedInspection> {
  const { signal, refresh } = options;
  // A body the same so far as the one on screen is not read along as it arrives: it may need no reading.
  const lastFingerprint = options.previous?.fingerprints?.answer;
  const outcome = await analyseOffThread(
    client,
    scheduler,
    scopeOf(target),
    {
      target:
        target.kind === 'peer' ? { kind: 'peer', peerId: target.peerId } : { kind: 'sessionParticipant', sessionId: target.sessionId },
      fetch: () =>
        target.kind === 'peer'
          ? client.getPeerReportText(
              target,
              target.peerId,
              { filters: target.filters, includePeerEvents: true },
              { signal, refresh, lastFingerprint },
            )
          : client.getSessionParticipantText(
              target,
              target,
              { filters: target.filters, includePeerEvents: target.includePeerEvents ?? true },
              { signal, refresh, lastFingerprint },
            ),
    },
    options,
  );
  options.phases.analysedAt = Date.now();
  if (outcome.result === 'unchanged')
    return withLazyRaw(checkedAgain(outcome.previous, outcome.fingerprints, options.phases), outcome.answer);
  const { answer, result, failures, fingerprints } = outcome;
  const unread = failures.map((failure) => `the report of peer ${failure.peerId.slice(0, 8)} (${errorMessage(failure.error)})`);
  const absent = [...result.participant.absent, ...unread];
  const wire: WireParticipant = { ...result.participant, absent };
  const inspection: Omit<AnalysedInspection, 'raw'> = {
    participant: participantOfWire(wire),
    wire,
    preview: result.preview && { ...result.preview, absent },
    issues: result.issues,
    verdict: result.verdict,
    fetchedAt: new Date().toISOString(),
    phases: options.phases,
    fingerprints,
  };
  // Decoded and parsed here only when asked for (Raw JSON, export, the command's result): the worker has read it already.
  return withLazyRaw(inspection, answer);
}

/** The inspection on screen, fetched again and found the same: its data and `fetchedAt` stand. */
function checkedAgain(
  previous: AnalysedInspection,
  fingerprints: AnswerFingerprints | undefined,
  phases: PhaseRecorder,
): Omit<AnalysedInspection, 'raw'> {
  // Field by field: spreading it would read (parse) its lazy raw answer.
  const { participant, wire, preview, issues, verdict, fetchedAt } = previous;
  return { participant, wire, preview, issues, verdict, fetchedAt, checkedAt: new Date().toISOString(), fingerprints, phases };
}

/** The answer's bytes joined a slice at a time, and decoded off this thread when they came compressed. */
async function decodedInSlices({ chunks, encoding }: AnswerText): Promise<Uint8Array> {
  return joinInSlices(encoding ? await decodeElsewhere(chunks, encoding, MAX_RESPONSE_BYTES) : chunks);
}

/** How to parse an inspection's raw answer without stalling this thread, for those given a lazy one. */
const rawReaders = new WeakMap<object, () => Promise<unknown>>();

/**
 * Gives the inspection a `raw` that decodes and parses the answer on first read, once; readRaw parses
 * it a slice at a time instead.
 */
export function withLazyRaw<T extends object>(inspection: T, answer: AnswerText): T & { raw: unknown } {
  let unread: AnswerText | undefined = answer;
  let raw: unknown;
  let reading: Promise<unknown> | undefined;
  const keep = (parsed: unknown) => {
    // Read once: whichever of the two reads finishes first is the answer both give.
    if (unread !== undefined) {
      const read = dataOf(parsed);
      raw = 'data' in read ? read.data : undefined;
      unread = undefined;
    }
    return raw;
  };
  const lazy = Object.defineProperty(inspection as T & { raw: unknown }, 'raw', {
    enumerable: true,
    get: () => (unread === undefined ? raw : keep(parseJson(unread.text))),
  });
  rawReaders.set(
    lazy,
    () => (reading ??= unread === undefined ? Promise.resolve(raw) : decodedInSlices(unread).then(parseJsonInSlices).then(keep)),
  );
  return lazy;
}

/**
 * The inspection's raw answer (the API's `data`) without a long stall of this thread: a lazy one (see
 * withLazyRaw) is parsed a slice at a time; a 69 MB answer parsed at once held the extension host for
 * half a second after its panel was painted.
 */
export function readRaw(inspection: { raw: unknown }): Promise<unknown> {
  return rawReaders.get(inspection)?.() ?? Promise.resolve(inspection.raw);
}

export interface OffThreadAnswers {
  /** The target's own answer. */
  answer: AnswerText;
  /**
   * What this fetch got, for the next one to compare with; only when every answer was read, so a peer
   * report missing now is tried again next time.
   */
  fingerprints?: AnswerFingerprints;
  /** Peers whose report could not be fetched or read, in the order of the peers; the others are merged. */
  failures: PeerReportFailure[];
}

/** Analysed, or every answer was the same as those `previous` read: nothing was read, and it stands. */
export type OffThreadOutcome<Kept> =
  | (OffThreadAnswers & { result: Extract<AnswersResult, { kind: 'analysed' }> })
  | (OffThreadAnswers & { result: 'unchanged'; previous: Kept });

type MainAnswer = Omit<AnswersRequest, 'text' | 'peers'> & { fetch: () => Promise<AnswerText> };

/**
 * The target's answer, then (when its statistics are in its peers' reports) every peer's report, each
 * fetched here as text and parsed, merged and analysed by the stats worker. Given `previous` (what the
 * last fetch of the target made, with the fingerprints of what it read), answers the same as then are
 * not read again, and when all of them are, the result is 'unchanged' and `previous` stands: nothing
 * went to the worker, nor was joined, once the last byte was in. Throws when the target's answer is
 * unusable or no peer report could be read.
 */
export async function analyseOffThread<Kept extends { fingerprints?: AnswerFingerprints }>(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  scope: Scope,
  main: MainAnswer,
  options: PeerReportOptions & { previous?: Kept },
): Promise<OffThreadOutcome<Kept>> {
  const { fetch, ...request } = main;
  const { phases } = options;
  const answer = await fetch();
  // Each peer report fetched: what was decoded of them as they arrived and no job took is forgotten at the end.
  const peerAnswers: AnswerText[] = [];
  try {
    const fingerprints: AnswerFingerprints = { answer: answer.fingerprint, peers: {} };
    const kept = options.previous;
    // The same answer as last time names the same peers, and is read again only if one of their reports changed.
    const known = kept?.fingerprints?.answer === answer.fingerprint ? kept.fingerprints : undefined;
    let result: AnswersResult | { kind: 'unchanged'; previous: Kept } =
      kept && known
        ? { kind: 'unchanged', previous: kept }
        : // A session participant's own answer mostly says which peer reports to fetch: ahead of the queue.
          await statsWorker.analyse({ ...request, text: answer }, { urgent: request.target.kind === 'sessionParticipant' });
    let mainParseMs = result.kind === 'unchanged' ? 0 : count(phases, result);
    const peerIds = result.kind === 'needPeers' ? result.peerIds : Object.keys(known?.peers ?? {});
    const peers: Array<{ peerId: string; answer: AnswerText; read?: ReadAheadReport }> = [];
    const failures: PeerReportFailure[] = [];
    if (peerIds.length > 0) {
      const readKeys: number[] = [];
      const readPeer = async (peerId: string, peerAnswer: AnswerText) => {
        // A report the same as the last one the worker read of this peer (a LIVE call's peers that left) is not read again.
        const read = await statsWorker.readAhead(peerId, peerAnswer, peerAnswer.fingerprint);
        readKeys.push(read.key);
        count(phases, read);
        return read;
      };
      try {
        // Each report is parsed and normalised as soon as it came, while the others still download; one
        // the same as last time waits, as it may need no reading at all.
        const settled = await Promise.allSettled(
          peerIds.map(async (peerId) => {
            const peerAnswer = await fetchPeerText(client, scheduler, scope, peerId, options, kept?.fingerprints?.peers[peerId]);
            peerAnswers.push(peerAnswer);
            const unchanged = known?.peers[peerId] === peerAnswer.fingerprint;
            return { answer: peerAnswer, read: unchanged ? undefined : await readPeer(peerId, peerAnswer) };
          }),
        );
        settled.forEach((outcome, index) => {
          if (outcome.status === 'fulfilled') peers.push({ peerId: peerIds[index], ...outcome.value });
          else failures.push({ peerId: peerIds[index], error: outcome.reason });
        });
        if (peers.length === 0) throw failures[0].error;
        for (const peer of peers) fingerprints.peers[peer.peerId] = peer.answer.fingerprint;
        if (result.kind !== 'unchanged' || failures.length > 0 || peers.some((peer) => peer.read)) {
          // Something changed: the target's answer is read again, and the reports skipped as unchanged are
          // taken as the worker read them last time (it keeps each peer's last report), or read if it no longer has them.
          for (const peer of peers) peer.read ??= await readPeer(peer.peerId, peer.answer);
          result = await statsWorker.analyse({
            ...request,
            text: answer,
            peers: peers.flatMap(({ peerId, read }) => (read ? [{ peerId, readAhead: read.key }] : [])),
          });
          mainParseMs += count(phases, result);
        }
      } finally {
        // Those the analysis took are gone already; the others (it failed or was cancelled) go now.
        statsWorker.release(readKeys);
      }
      for (const peer of peers) phases?.request({ ...peer.answer.timing, parseMs: peer.read?.times.parseMs[0] ?? 0 });
    }
    phases?.request({ ...answer.timing, parseMs: mainParseMs });
    if (result.kind === 'unchanged') return { answer, fingerprints, failures, result: 'unchanged', previous: result.previous };
    if (result.kind === 'problem') throw answerError(answer, result.problem);
    if (result.kind === 'needPeers') throw new Error('The statistics worker asked for the peer reports twice.');
    for (const { peerId, problem } of result.peerProblems) {
      const peer = peers.find((candidate) => candidate.peerId === peerId);
      if (peer) failures.push({ peerId, error: answerError(peer.answer, problem) });
    }
    const order = peers.map((peer) => peer.peerId);
    failures.sort((a, b) => order.indexOf(a.peerId) - order.indexOf(b.peerId));
    if (result.kind === 'unreadPeers') throw failures[0].error;
    return { answer, fingerprints: failures.length === 0 ? fingerprints : undefined, failures, result };
  } finally {
    // Answers the same as last time, or work that failed, leave what the worker decoded of them untaken.
    statsWorker.forget([answer, ...peerAnswers].map((text) => text.readAlong));
  }
}

/** The worker's times, added to the inspection's phases; returns the (first) answer's parse time. */
function count(phases: PhaseRecorder | undefined, result: Pick<AnswersResult, 'times'>): number {
  if (phases) {
    phases.normaliseMs += result.times.normaliseMs;
    phases.analyseMs += result.times.analyseMs;
    phases.postMs += result.times.wireMs;
  }
  return result.times.parseMs[0] ?? 0;
}

/**
 * One peer's report as text, through the scheduler; `lastFingerprint`: that of the last one read, if
 * any. A body the same as the report the worker keeps of the peer is not read along as it arrives.
 */
function fetchPeerText(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  scope: Scope,
  peerId: string,
  options: PeerReportOptions,
  lastFingerprint: string | undefined,
): Promise<AnswerText> {
  return scheduledText(
    scheduler,
    `${requestKeys.peerReport(scope, peerId)}#text`,
    (signal) =>
      client.getPeerReportText(
        scope,
        peerId,
        { includePeerEvents: true },
        { signal, refresh: options.refresh, lastFingerprint: statsWorker.lastReportRead(peerId) ?? lastFingerprint },
      ),
    // Its participant's details are in: finishing that participant goes before beginning another.
    { ...options, operation: 'Fetching the peer report', ahead: true },
  );
}

/**
 * An answer's text through the scheduler (its limits, de-duplication and cancellation), not kept in its
 * cache: the worker reads it and keeps nothing, and what is kept is the analysis.
 */
export async function scheduledText(
  scheduler: RequestScheduler,
  key: string,
  fetch: (signal: AbortSignal) => Promise<AnswerText>,
  options: { signal?: AbortSignal; refresh?: boolean; operation: string; ahead?: boolean },
): Promise<AnswerText> {
  try {
    return await scheduler.run(key, fetch, options);
  } finally {
    scheduler.invalidate(key);
  }
}

/** The participant over the wire participant's columns: the host keeps one copy of the samples, the webview's. */
export function participantOfWire(wire: WireParticipant): InspectedParticipant {
  return { ...wire, peerStats: wire.peerStats.map(({ percentiles: _percentiles, ...peer }) => peer) };
}
