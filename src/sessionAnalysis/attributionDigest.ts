/**
 * What who-affected-whom needs of a participant's statistics, without its samples: per track, its
 * link to a producer and its problem windows; per sending track, when each metric was measured (to
 * tell a silent send side from a clean one). Small and made of plain data and typed arrays, so the
 * stats worker computes it next to the samples and only the digest crosses to the extension host.
 */
import type { PeerStats, QualityTrack } from '../shared/model';
import { appliesTo, PROBLEM_RULES, problemWindows, type ProblemRule, type ProblemWindow } from './problemWindows';

export interface TrackDigest {
  direction: QualityTrack['direction'];
  kind: QualityTrack['kind'];
  producerId?: string;
  remotePeerId?: string;
  /** Per problem rule ID: the track's windows with that problem. */
  windows: Record<string, ProblemWindow[]>;
  /** Producer tracks only: sample times, ascending, and per sample a bit per PROBLEM_RULES index set when it measured that rule's metric. */
  measured?: { t: Float64Array; rules: Uint8Array };
}

export interface PeerDigest {
  peerId?: string;
  generation: PeerStats['generation'];
  tracks: TrackDigest[];
}

/** The older generation has no producer links: its tracks are counted, never joined, so no windows are worked out. */
export function digestPeers(peerStats: readonly PeerStats[]): PeerDigest[] {
  return peerStats.map((peer) => ({
    peerId: peer.peerId,
    generation: peer.generation,
    tracks: peer.tracks.map((track) => digestTrack(track, peer.generation === 'current')),
  }));
}

function digestTrack(track: QualityTrack, current: boolean): TrackDigest {
  const windows: Record<string, ProblemWindow[]> = {};
  if (current) for (const rule of PROBLEM_RULES) windows[rule.rule] = problemWindows(track, rule);
  const digest: TrackDigest = {
    direction: track.direction,
    kind: track.kind,
    producerId: track.producerId,
    remotePeerId: track.remotePeerId,
    windows,
  };
  if (current && track.direction === 'producer') digest.measured = measuredTimes(track);
  return digest;
}

function measuredTimes(track: QualityTrack): NonNullable<TrackDigest['measured']> {
  const { t } = track.columns;
  const rules = new Uint8Array(t.length);
  PROBLEM_RULES.forEach((rule, bit) => {
    const values = appliesTo(rule, track) ? track.columns[rule.metric] : undefined;
    if (values) for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) rules[i] |= 1 << bit;
  });
  // A copy: the digest's buffers are transferred to the host, and the model's stay (kept for a Refresh).
  return { t: t.slice(), rules };
}

/** The track's windows with the rule's problem (none when the rule does not apply to it). */
export function windowsOf(track: TrackDigest, rule: ProblemRule): readonly ProblemWindow[] {
  return track.windows[rule.rule] ?? [];
}

/** Whether the sending track measured the rule's metric at all during the window (else it is silent there, not clean). */
export function measuredDuring(track: TrackDigest, rule: ProblemRule, window: Pick<ProblemWindow, 'from' | 'end'>): boolean {
  const measured = track.measured;
  if (!measured) return false;
  const bit = 1 << PROBLEM_RULES.indexOf(rule);
  // The first sample at or after the window's start, then forward until its end.
  let low = 0;
  let high = measured.t.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (measured.t[mid] < window.from) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < measured.t.length && measured.t[i] < window.end; i++) if (measured.rules[i] & bit) return true;
  return false;
}
