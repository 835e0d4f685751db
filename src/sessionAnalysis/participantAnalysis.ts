/**
 * One session participant as a table row: who it is, its worst figures over all its tracks, its device
 * and network, and the verdict and issues of the single-participant analysis (detectIssues), reused as is.
 */
import { detectIssues, verdictOf } from '../analysis/detectIssues';
import { num, text } from '../api/coerce';
import { isCancellation } from '../api/errors';
import type { RawSessionParticipant } from '../api/types';
import { errorMessage } from '../shared/errorMessage';
import { maxOf, minOf } from '../shared/extent';
import { issueWindowsOf, type DetectedIssue, type InspectedParticipant, type PeerStats, type Verdict } from '../shared/model';
import type { IssueWindow, ParticipantRow, RowState } from '../shared/session';
import { epochMs } from './epoch';
import { peerSpans } from './peerSpans';

/** The row before (or without) statistics: identity and peers from the list entry alone. */
export function pendingRow(
  raw: RawSessionParticipant,
  state: Extract<RowState, 'waiting' | 'analysing' | 'skipped'> = 'waiting',
): ParticipantRow {
  const peers = peerSpans(raw.peer_events);
  return {
    participantId: text(raw.id) ?? '',
    displayName: text(raw.display_name),
    customParticipantId: text(raw.custom_participant_id),
    preset: text(raw.preset_name),
    joinedAt: epochMs(raw.joined_at),
    leftAt: epochMs(raw.left_at),
    durationMinutes: num(raw.duration),
    peerIds: peers.map((peer) => peer.peerId),
    reconnects: Math.max(0, peers.length - 1),
    peers,
    state,
    analysed: false,
    verdict: 'unknown',
    issues: [],
    causedBy: [],
    affected: [],
    issueWindows: [],
  };
}

/**
 * A participant whose statistics could not be read keeps its row, with the reason. A cancelled fetch
 * (Stop, panel closed) is not a failure: the row is 'skipped' and not analysed.
 */
export function failedRow(raw: RawSessionParticipant, error: unknown): ParticipantRow {
  if (isCancellation(error)) return pendingRow(raw, 'skipped');
  return { ...pendingRow(raw), state: 'failed', analysed: true, error: errorMessage(error) };
}

/** Worst MOS, worst loss and p95 RTT over every sample of every track; loops, as series can be long. */
function worstFigures(peerStats: readonly PeerStats[]): Pick<ParticipantRow, 'worstMos' | 'worstLossPct' | 'p95RttMs'> {
  let worstMos: number | undefined;
  let worstLossPct: number | undefined;
  let rttCount = 0;
  for (const peer of peerStats) for (const track of peer.tracks) rttCount += track.columns.rttMs?.length ?? 0;
  const rtts = new Float64Array(rttCount);
  let next = 0;
  for (const peer of peerStats) {
    for (const track of peer.tracks) {
      const { mos, lossPct, rttMs } = track.columns;
      const lowestMos = mos && minOf(mos);
      if (lowestMos !== undefined) worstMos = Math.min(worstMos ?? lowestMos, lowestMos);
      const highestLoss = lossPct && maxOf(lossPct);
      if (highestLoss !== undefined) worstLossPct = Math.max(worstLossPct ?? highestLoss, highestLoss);
      if (rttMs) for (const value of rttMs) if (!Number.isNaN(value)) rtts[next++] = value;
      // Legacy series carry only the call's average loss.
      const average = track.summary.avgLossPct;
      if (!lossPct && average !== undefined && (worstLossPct === undefined || average > worstLossPct)) worstLossPct = average;
    }
  }
  const measured = rtts.subarray(0, next).sort();
  const p95RttMs = measured.length ? measured[Math.min(measured.length - 1, Math.ceil(0.95 * measured.length) - 1)] : undefined;
  return { worstMos, worstLossPct, p95RttMs };
}

/** Device and network of the latest connection that reported them. */
function deviceAndNetwork(peerStats: readonly PeerStats[]): Pick<ParticipantRow, 'browser' | 'os' | 'sdk' | 'networkType' | 'relay'> {
  const latest = [...peerStats].reverse();
  const device = latest.find((peer) => peer.device)?.device;
  const network = latest.find((peer) => peer.network)?.network;
  const chosen = peerStats.flatMap((peer) => peer.network?.candidatePairs.filter((pair) => pair.nominated) ?? []);
  return {
    browser: [device?.browser, device?.browserVersion].filter(Boolean).join(' ') || undefined,
    os: [device?.os, device?.osVersion].filter(Boolean).join(' ') || undefined,
    sdk: [device?.sdkName, device?.sdkVersion].filter(Boolean).join(' ') || undefined,
    networkType: network?.networkType ?? latest.find((peer) => peer.precall?.networkType)?.precall?.networkType,
    relay: chosen.length ? chosen.some((pair) => pair.localType === 'relay' || pair.remoteType === 'relay') : undefined,
  };
}

/**
 * The analysed row. `stats` is the participant's normalised statistics; for the current generation the
 * caller has merged its peers' reports into `peerStats`. Peers of the list entry's peer events that
 * `stats` lacks are added, so reconnects count either way.
 */
export function analyseParticipant(raw: RawSessionParticipant, stats: InspectedParticipant): ParticipantRow {
  return participantFindings(raw, stats).row;
}

/**
 * The analysed row, with the issues and verdict it was made from (the stats worker sends all three).
 * `known`: issues of peers found already (detectIssues).
 */
export function participantFindings(
  raw: RawSessionParticipant,
  stats: InspectedParticipant,
  known?: ReadonlyMap<PeerStats, DetectedIssue[]>,
): { row: ParticipantRow; issues: DetectedIssue[]; verdict: Verdict } {
  const base = pendingRow(raw);
  const participant: InspectedParticipant = {
    ...stats,
    joinedAt: stats.joinedAt ?? text(raw.joined_at),
    peers: [
      ...stats.peers,
      ...base.peers
        .filter((span) => !stats.peers.some((peer) => peer.peerId === span.peerId))
        .map((span) => ({ peerId: span.peerId, firstSeen: span.from === undefined ? undefined : new Date(span.from).toISOString() })),
    ],
  };
  const issues = detectIssues(participant, known);
  const verdict = verdictOf(issues, participant);
  const peerIds = [...base.peerIds];
  for (const id of [...participant.peers.map((peer) => peer.peerId), ...stats.peerStats.map((peer) => peer.peerId)])
    if (id && !peerIds.includes(id)) peerIds.push(id);
  // Each window of an issue (each track's, each critical stretch's): a cause must account for every critical one.
  const issueWindows: IssueWindow[] = issues.flatMap((issue) =>
    issueWindowsOf(issue).map((window) => ({
      rule: issue.rule,
      severity: window.severity,
      title: issue.title,
      peerId: issue.peerId,
      ...(issue.received === undefined ? {} : { received: issue.received }),
      from: window.from,
      to: window.to,
    })),
  );
  const row: ParticipantRow = {
    ...base,
    displayName: base.displayName ?? stats.displayName,
    customParticipantId: base.customParticipantId ?? stats.customParticipantId,
    preset: base.preset ?? stats.presetName,
    durationMinutes: base.durationMinutes ?? stats.durationMinutes,
    peerIds,
    reconnects: Math.max(0, peerIds.length - 1),
    ...worstFigures(stats.peerStats),
    ...deviceAndNetwork(stats.peerStats),
    state: 'analysed',
    analysed: true,
    verdict: verdict.level,
    issues: [...new Set(issues.map((issue) => issue.rule))],
    topIssue: issues[0]?.title,
    criticalIssues: issues.filter((issue) => issue.severity === 'critical').length,
    issueWindows,
  };
  return { row, issues, verdict };
}
