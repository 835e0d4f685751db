/**
 * Who affected whom (current API generation): each consumer track is joined to the producer it
 * receives and so to the sending participant. A receiver's problem is put down to the sender only when
 * the sender's own send side shows the same problem in an overlapping window ('certain'), or, when the
 * sender's samples are missing, when at least two of its receivers suffered at once ('likely', an
 * inference). A clean send side means the receiver's own downlink; the older generation has no
 * producer link, so nothing is attributed there.
 */
import { clock } from '../analysis/series';
import type { Affected, CausedBy, ParticipantRow } from '../shared/session';
import { measuredDuring, windowsOf, type PeerDigest, type TrackDigest } from './attributionDigest';
import { overlaps, PROBLEM_RULES, type ProblemRule, type ProblemWindow } from './problemWindows';

export interface AttributionInput {
  participantId: string;
  displayName?: string;
  /** Its peers (from its peer events), so a consumer track's remote peer leads back to it. */
  peerIds: readonly string[];
  /** Its statistics, digested (attributionDigest.ts). */
  peers: readonly PeerDigest[];
}

export interface ParticipantAttribution {
  causedBy: CausedBy[];
  affected: Affected[];
}

interface Sender {
  participantId: string;
  /** Its producer track for what the receiver got, when its report holds one. */
  track?: TrackDigest;
}

interface Suspect {
  receiver: string;
  sender: string;
  rule: ProblemRule;
  window: ProblemWindow;
}

const isCurrent = (peer: PeerDigest) => peer.generation === 'current';
const span = (window: Pick<ProblemWindow, 'from' | 'to'>) => `${clock(window.from)}–${clock(window.to)} UTC`;

/** Joins producers and peers to their participants. */
function senderIndex(inputs: readonly AttributionInput[], peerOwners: ReadonlyMap<string, string>) {
  const owners = new Map(peerOwners);
  const byProducer = new Map<string, { participantId: string; track: TrackDigest }>();
  const producerTracksByPeer = new Map<string, TrackDigest[]>();
  for (const input of inputs) {
    for (const peerId of input.peerIds) owners.set(peerId, input.participantId);
    for (const peer of input.peers.filter(isCurrent)) {
      if (peer.peerId) owners.set(peer.peerId, input.participantId);
      for (const track of peer.tracks.filter((item) => item.direction === 'producer')) {
        if (track.producerId) byProducer.set(track.producerId, { participantId: input.participantId, track });
        if (peer.peerId) producerTracksByPeer.set(peer.peerId, [...(producerTracksByPeer.get(peer.peerId) ?? []), track]);
      }
    }
  }
  /** By producer ID; without one, by the sending peer and the media kind. */
  return (consumer: TrackDigest): Sender | undefined => {
    const exact = consumer.producerId ? byProducer.get(consumer.producerId) : undefined;
    if (exact) return exact;
    const participantId = consumer.remotePeerId ? owners.get(consumer.remotePeerId) : undefined;
    if (!participantId) return undefined;
    return { participantId, track: producerTracksByPeer.get(consumer.remotePeerId!)?.find((track) => track.kind === consumer.kind) };
  };
}

/** One entry per other participant and rule; a certain finding replaces a likely one, else the earliest stays. */
function add<T extends { participantId: string; rule: string; confidence?: 'certain' | 'likely' }>(list: T[], entry: T): number {
  const index = list.findIndex((item) => item.participantId === entry.participantId && item.rule === entry.rule);
  if (index < 0) return list.push(entry) - 1;
  if (list[index].confidence === 'likely' && entry.confidence === 'certain') list[index] = entry;
  return index;
}

/**
 * As add, the cause keeping every window of the receiver's it accounts for with its confidence: a
 * receiver is ranked below its own verdict only when each critical window has a certain cause.
 */
function addCause(list: CausedBy[], entry: CausedBy & { from: number; to: number }): void {
  const window = { from: entry.from, to: entry.to };
  const kept = list[add(list, { ...entry, windows: [window] })];
  if (
    kept.confidence === entry.confidence &&
    kept.windows &&
    !kept.windows.some((known) => known.from === window.from && known.to === window.to)
  )
    kept.windows.push(window);
}

export function attributeSession(
  inputs: readonly AttributionInput[],
  peerOwners: ReadonlyMap<string, string> = new Map(),
): Map<string, ParticipantAttribution> {
  const findSender = senderIndex(inputs, peerOwners);
  const names = new Map(inputs.map((input) => [input.participantId, input.displayName ?? input.participantId]));
  const result = new Map<string, ParticipantAttribution>(inputs.map((input) => [input.participantId, { causedBy: [], affected: [] }]));
  const record = (
    receiver: string,
    sender: string,
    rule: string,
    confidence: 'certain' | 'likely',
    evidence: string,
    window: ProblemWindow,
  ) => {
    addCause(result.get(receiver)!.causedBy, { participantId: sender, rule, confidence, evidence, from: window.from, to: window.to });
    const senderEntry = result.get(sender) ?? { causedBy: [], affected: [] };
    result.set(sender, senderEntry);
    add(senderEntry.affected, { participantId: receiver, rule, confidence, evidence });
  };
  const suspects: Suspect[] = [];
  for (const input of inputs) {
    for (const peer of input.peers.filter(isCurrent)) {
      for (const consumer of peer.tracks.filter((track) => track.direction === 'consumer')) {
        const sender = findSender(consumer);
        if (!sender || sender.participantId === input.participantId) continue;
        for (const rule of PROBLEM_RULES) {
          const senderWindows = sender.track ? windowsOf(sender.track, rule) : [];
          for (const window of windowsOf(consumer, rule)) {
            if (!sender.track || !measuredDuring(sender.track, rule, window)) {
              suspects.push({ receiver: input.participantId, sender: sender.participantId, rule, window });
              continue;
            }
            const cause = senderWindows.find((candidate) => overlaps(candidate, window));
            // A clean send side in that window: the receiver's own downlink, not the sender.
            if (!cause) continue;
            const evidence = `caused by ${names.get(sender.participantId) ?? sender.participantId}'s ${rule.sendSide}: ${rule.figure(cause.peak)} ${span(cause)}`;
            record(input.participantId, sender.participantId, rule.rule, 'certain', evidence, window);
          }
        }
      }
    }
  }
  for (const suspect of suspects) {
    const together = suspects.filter(
      (other) => other.sender === suspect.sender && other.rule === suspect.rule && overlaps(other.window, suspect.window),
    );
    const receivers = new Set(together.map((other) => other.receiver));
    if (receivers.size < 2) continue;
    const name = names.get(suspect.sender) ?? suspect.sender;
    const evidence = `likely ${name}'s ${suspect.rule.sendSide} (inferred: ${receivers.size} receivers had ${suspect.rule.label} at once ${span(suspect.window)}; ${name}'s own send statistics are missing)`;
    record(suspect.receiver, suspect.sender, suspect.rule.rule, 'likely', evidence, suspect.window);
  }
  return result;
}

/**
 * The rows with their causedBy and affected lists filled in. A receiver whose every critical problem
 * is, window for window, another participant's send side (and who degraded nobody itself) had a call
 * degraded by someone else: it is ranked 'degraded', so the overview leads with the root causes.
 */
export function withAttribution(
  rows: readonly ParticipantRow[],
  attribution: ReadonlyMap<string, ParticipantAttribution>,
): ParticipantRow[] {
  return rows.map((row) => {
    const found = attribution.get(row.participantId);
    if (!found) return row;
    // Judged afresh each time from its own verdict: a row demoted before may have affected others since.
    const { explainedByOthers, ...own } = row;
    const attributed: ParticipantRow = {
      ...own,
      verdict: explainedByOthers ? 'poor' : row.verdict,
      causedBy: found.causedBy,
      affected: found.affected,
    };
    return attributed.verdict === 'poor' && criticalProblemsExplained(attributed)
      ? { ...attributed, verdict: 'degraded', explainedByOthers: true }
      : attributed;
  });
}

function criticalProblemsExplained(row: ParticipantRow): boolean {
  // One that degraded others has a problem of its own on its send side.
  if (row.affected.length > 0) return false;
  const critical = row.issueWindows.filter((window) => window.severity === 'critical');
  // Critical issues without a time window (relay only, failed connectivity) are never someone else's,
  // nor is trouble with what it sent. An issue joining several tracks has a window per track.
  const windowed = new Set(critical.map((window) => `${window.rule}\n${window.title}`)).size;
  if (critical.length === 0 || windowed < (row.criticalIssues ?? 0)) return false;
  if (critical.some((window) => window.received === false)) return false;
  return critical.every((window) =>
    row.causedBy.some(
      (cause) =>
        cause.rule === window.rule &&
        cause.confidence !== 'likely' &&
        causeWindows(cause).some((explained) => explained.from < window.to && window.from < explained.to),
    ),
  );
}

function causeWindows(cause: CausedBy): Array<{ from: number; to: number }> {
  if (cause.windows) return cause.windows;
  return cause.from !== undefined && cause.to !== undefined ? [{ from: cause.from, to: cause.to }] : [];
}

/** For the UI: why there is no "caused by" column to trust, or undefined when attribution could run. */
export function attributionNotice(inputs: readonly AttributionInput[]): string | undefined {
  const withTracks = inputs.flatMap((input) => input.peers).filter((peer) => peer.tracks.length > 0);
  if (withTracks.length === 0 || withTracks.some(isCurrent)) return undefined;
  return 'Who affected whom needs the current API (per-peer reports with producer links); this session’s statistics came in the older shape, so no issue is attributed to another participant.';
}
