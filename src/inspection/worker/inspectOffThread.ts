/**
 * A stats panel's inspection with the heavy part off the extension host's thread: this thread only
 * fetches the answers' text and hands it to the stats worker, which sends back the analysis and the
 * webview's columns (transferred, not copied).
 */
import type { RealtimeKitClient, Scope } from '../../api/client';
import { readData } from '../../api/envelope';
import { answerError, type AnswerText } from '../../api/http';
import { requestKeys, type RequestScheduler } from '../../api/scheduler';
import type { PhaseRecorder } from '../../common/phaseTimes';
import { errorMessage } from '../../shared/errorMessage';
import type { InspectedParticipant, QualitySample } from '../../shared/model';
import { METRIC_KEYS } from '../../shared/metrics';
import type { TrackColumns, WireParticipant } from '../../shared/wire';
import type { AnalysedInspection } from '../inspection';
import { scopeOf, type ParticipantTarget } from '../inspectionTarget';
import type { PeerReportFailure, PeerReportOptions } from '../peerReports';
import type { AnswersRequest, AnswersResult } from './analyseAnswers';
import { statsWorker } from './statsWorkerHost';

type StatsTarget = Exclude<ParticipantTarget, { kind: 'meetingParticipant' }>;

export async function inspectOffThread(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  target: StatsTarget,
  options: PeerReportOptions & { phases: PhaseRecorder },
): Promise<AnalysedInspection> {
  const { signal, refresh, phases } = options;
  const answer =
    target.kind === 'peer'
      ? await client.getPeerReportText(target, target.peerId, { filters: target.filters, includePeerEvents: true }, { signal, refresh })
      : await client.getSessionParticipantText(
          target,
          target,
          { filters: target.filters, includePeerEvents: target.includePeerEvents ?? true },
          { signal, refresh },
        );
  const request: AnswersRequest = {
    target: target.kind === 'peer' ? { kind: 'peer', peerId: target.peerId } : { kind: 'sessionParticipant', sessionId: target.sessionId },
    text: answer.text,
  };
  let result = await statsWorker.analyse(request);
  let mainParseMs = count(phases, result);
  const peers: Array<{ peerId: string; answer: AnswerText }> = [];
  const failures: PeerReportFailure[] = [];
  if (result.kind === 'needPeers') {
    const peerIds = result.peerIds;
    const settled = await Promise.allSettled(peerIds.map((peerId) => fetchPeerText(client, scheduler, scopeOf(target), peerId, options)));
    settled.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') peers.push({ peerId: peerIds[index], answer: outcome.value });
      else failures.push({ peerId: peerIds[index], error: outcome.reason });
    });
    if (peers.length === 0) throw failures[0].error;
    result = await statsWorker.analyse({ ...request, peers: peers.map(({ peerId, answer }) => ({ peerId, text: answer.text })) });
    mainParseMs += count(phases, result);
    peers.forEach(({ answer }, index) => phases.request({ ...answer.timing, parseMs: result.times.parseMs[index + 1] ?? 0 }));
  }
  phases.request({ ...answer.timing, parseMs: mainParseMs });
  if (result.kind === 'problem') throw answerError(answer, result.problem);
  if (result.kind === 'needPeers') throw new Error('The statistics worker asked for the peer reports twice.');
  for (const { peerId, problem } of result.peerProblems) {
    const peer = peers.find((candidate) => candidate.peerId === peerId);
    if (peer) failures.push({ peerId, error: answerError(peer.answer, problem) });
  }
  const order = peers.map((peer) => peer.peerId);
  failures.sort((a, b) => order.indexOf(a.peerId) - order.indexOf(b.peerId));
  if (result.kind === 'unreadPeers') throw failures[0].error;
  const unread = failures.map((failure) => `the report of peer ${failure.peerId.slice(0, 8)} (${errorMessage(failure.error)})`);
  const wire: WireParticipant = { ...result.participant, absent: [...result.participant.absent, ...unread] };
  const inspection = {
    participant: withColumnSamples(wire),
    wire,
    issues: result.issues,
    verdict: result.verdict,
    fetchedAt: new Date().toISOString(),
    phases,
  } as Omit<AnalysedInspection, 'raw'> as AnalysedInspection;
  // Parsed here only when asked for (Raw JSON, export, the command's result): the worker has read it already.
  let text: string | undefined = answer.text;
  let raw: unknown;
  Object.defineProperty(inspection, 'raw', {
    enumerable: true,
    get: () => {
      if (text !== undefined) {
        const read = readData(text);
        raw = 'data' in read ? read.data : undefined;
        text = undefined;
      }
      return raw;
    },
  });
  return inspection;
}

/** The worker's times, added to the inspection's phases; returns the target's answer's parse time. */
function count(phases: PhaseRecorder, result: AnswersResult): number {
  phases.normaliseMs += result.times.normaliseMs;
  phases.analyseMs += result.times.analyseMs;
  phases.postMs += result.times.wireMs;
  return result.times.parseMs[0] ?? 0;
}

/** One peer's report as text, through the scheduler; not kept in its cache (the worker keeps nothing either). */
async function fetchPeerText(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  scope: Scope,
  peerId: string,
  options: PeerReportOptions,
): Promise<AnswerText> {
  const key = `${requestKeys.peerReport(scope, peerId)}#text`;
  try {
    return await scheduler.run(
      key,
      (signal) => client.getPeerReportText(scope, peerId, { includePeerEvents: true }, { signal, refresh: options.refresh }),
      { signal: options.signal, refresh: options.refresh, operation: 'Fetching the peer report' },
    );
  } finally {
    scheduler.invalidate(key);
  }
}

/**
 * The participant over the wire participant's columns: each track's samples are read back from them
 * only when asked for (a Markdown export), so the host never holds the samples twice.
 */
function withColumnSamples(wire: WireParticipant): InspectedParticipant {
  return {
    ...wire,
    peerStats: wire.peerStats.map(({ percentiles: _percentiles, tracks, ...peer }) => ({
      ...peer,
      tracks: tracks.map(({ columns, ...track }) => {
        let samples: QualitySample[] | undefined;
        return Object.defineProperty({ ...track, samples: [] as QualitySample[] }, 'samples', {
          enumerable: true,
          get: () => (samples ??= samplesOf(columns)),
        });
      }),
    })),
  };
}

/** The chart metrics of each sample (NaN is an absent value), in time order. */
export function samplesOf(columns: TrackColumns): QualitySample[] {
  return Array.from(columns.t, (t, index) => {
    const sample: QualitySample = { t };
    for (const key of METRIC_KEYS) if (!Number.isNaN(columns[key][index])) sample[key] = columns[key][index];
    return sample;
  });
}
