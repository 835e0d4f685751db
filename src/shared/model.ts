/** The normalised model the tree and the stats panel consume, whichever API generation the data came in. */
import type { MetricKey } from './metrics';

export type Generation = 'legacy' | 'current';

export type InspectedKind = 'sessionParticipant' | 'peer' | 'meetingParticipant';

export interface PeerEventModel {
  id?: string;
  name: string;
  at?: string;
  peerId?: string;
  viewType?: string;
}

export interface PeerSummary {
  peerId: string;
  firstSeen?: string;
  lastSeen?: string;
}

export interface DeviceChange {
  /** ISO time. */
  at?: string;
  /** "audioinput", "videoinput", "audiooutput", or the API's kind text. */
  kind?: string;
  label?: string;
  change: 'added' | 'removed' | 'selected';
}

export interface DeviceModel {
  browser?: string;
  browserVersion?: string;
  engine?: string;
  os?: string;
  osVersion?: string;
  isMobile?: boolean;
  cpus?: number;
  /** GB as reported. */
  memory?: number;
  userAgent?: string;
  webglSupport?: string;
  sdkName?: string;
  sdkType?: string;
  sdkVersion?: string;
  audioEncoder?: string;
  videoEncoder?: string;
  deviceChanges: DeviceChange[];
}

export interface CandidatePairModel {
  transport: 'producing' | 'consuming' | 'unknown';
  nominated?: boolean;
  localType?: string;
  localProtocol?: string;
  localAddress?: string;
  localPort?: number;
  localNetworkType?: string;
  localRelayUrl?: string;
  remoteType?: string;
  remoteProtocol?: string;
  remoteAddress?: string;
  remotePort?: number;
  currentRttMs?: number;
  availableOutgoingKbps?: number;
  availableIncomingKbps?: number;
}

export interface ConnectivityCheck {
  at?: string;
  networkType?: string;
  reflexive?: boolean;
  relay?: boolean;
  turn?: boolean;
}

export interface NetworkModel {
  ipv4?: string;
  city?: string;
  region?: string;
  country?: string;
  timezone?: string;
  org?: string;
  asn?: { asn?: string; name?: string; domain?: string; route?: string; type?: string };
  /** Effective network type (wifi, 4g, ...) from pc_metadata or the pre-call test. */
  networkType?: string;
  connectivity: ConnectivityCheck[];
  candidatePairs: CandidatePairModel[];
}

export interface PrecallModel {
  rttMs?: number;
  backendRttMs?: number;
  jitterMs?: number;
  /** 0..1 */
  fractionalLoss?: number;
  throughputKbps?: number;
  networkType?: string;
  reflexive?: boolean;
  relay?: boolean;
  turn?: boolean;
}

export interface SdkEventModel {
  at?: string;
  name: string;
  /** Short text rendering of the event's metadata, if any. */
  detail?: string;
}

export type MediaKind = 'audio' | 'video' | 'screenshare_audio' | 'screenshare_video';
export type Direction = 'producer' | 'consumer' | 'unknown';

/**
 * A track's samples as one typed array per metric, aligned with `t` (epoch ms, ascending), NaN where a
 * sample has no value: a long call has 100,000 samples a track, which as objects cost most of a report's
 * reading in allocation and garbage collection. A metric the track never reports has no column. The stats
 * worker keeps full precision (Float64); columns read back from the webview's payload are Float32.
 */
export type SampleColumns = { t: Float64Array } & Partial<Record<MetricKey, Float64Array | Float32Array>>;

/** The quality_limitation_reason values told apart, coded in a track's `limitation` column as index + 1 (0: none given). */
const LIMITATION_REASONS = ['none', 'cpu', 'bandwidth', 'other'] as const;

/** A reason's code in a `limitation` column; a reason the API adds later counts as "other". */
export function limitationCode(reason: string): number {
  const index = (LIMITATION_REASONS as readonly string[]).indexOf(reason);
  return (index < 0 ? LIMITATION_REASONS.indexOf('other') : index) + 1;
}

export interface Percentiles {
  avg?: number;
  p50?: number;
  p75?: number;
  p90?: number;
}

export interface QualityTrack {
  kind: MediaKind;
  direction: Direction;
  /** Remote peer for consumer tracks, when known. */
  remotePeerId?: string;
  /** Whose that peer is, once a session overview knows it (peerNames.ts): labels name it. */
  remoteName?: string;
  /**
   * Producer the track belongs to, when known: the one received (consumer tracks) or the track's own
   * (producer tracks). Links a receiver's trouble to the sender it came from.
   */
  producerId?: string;
  columns: SampleColumns;
  /** Per sample, why the sender lowered its quality (limitationCode), when any sample says. */
  limitation?: Uint8Array;
  /** From the API's *_cumulative summaries, or computed from samples when absent. */
  summary: {
    mos?: Percentiles;
    fps?: Percentiles;
    frameWidth?: Percentiles;
    avgLossPct?: number;
    avgRttMs?: number;
    avgJitterMs?: number;
    /** Fractions 0..1 where the API gives them. */
    cpuLimitedFraction?: number;
    bandwidthLimitedFraction?: number;
  };
}

export interface PeerStats {
  peerId?: string;
  startedAt?: string;
  endedAt?: string;
  /** Legacy quality_stats average_quality. */
  averageQuality?: number;
  device?: DeviceModel;
  network?: NetworkModel;
  precall?: PrecallModel;
  events: SdkEventModel[];
  tracks: QualityTrack[];
  generation?: Generation;
}

export interface InspectedParticipant {
  kind: InspectedKind;
  id?: string;
  displayName?: string;
  userId?: string;
  customParticipantId?: string;
  presetName?: string;
  role?: string;
  viewType?: string;
  sessionId?: string;
  meetingId?: string;
  /** Only shown when the user asks: loading it reveals the viewer to the picture's host. */
  picture?: string;
  joinedAt?: string;
  leftAt?: string;
  durationMinutes?: number;
  createdAt?: string;
  updatedAt?: string;
  peers: PeerSummary[];
  peerEvents: PeerEventModel[];
  /** Call statistics per peer, when the answer held any. */
  peerStats: PeerStats[];
  /** Which response generations the data showed; empty when it showed neither. */
  generations: Generation[];
  /** Human-readable names of sections the answer did not contain (e.g. "quality statistics"). */
  absent: string[];
}

export type Severity = 'critical' | 'warning' | 'info';

export interface DetectedIssue {
  /** Stable rule ID, e.g. "sustained-packet-loss". */
  rule: string;
  severity: Severity;
  title: string;
  /** What in the data shows it, with figures ("audio consumer: 12 % loss for 35 s from 09:12:05"). */
  evidence: string;
  /** Plain-language meaning and what to try. */
  explanation: string;
  peerId?: string;
  /**
   * Whether a track it names is one this participant received (false: only tracks it sent). Only such
   * trouble can be another participant's doing; absent where the issue names no track.
   */
  received?: boolean;
  /** Time window (epoch ms) the issue covers, for highlighting on the charts. */
  from?: number;
  to?: number;
  /**
   * For an issue that joins several tracks, or a track with several critical stretches, each window and
   * its severity (`from`/`to` are the lead track's worst stretch, quoted in the evidence): who affected
   * whom must account for every critical one, not the quoted one alone.
   */
  windows?: IssueWindowOf[];
  /** The peer ID of the sender of the received track it is about, when it is about one sender's. */
  sender?: string;
}

/** One stretch of an issue: when, how bad, and whose received track it was on (when one's). */
export interface IssueWindowOf {
  from: number;
  to: number;
  severity: Severity;
  sender?: string;
}

/** An issue's windows: each of its tracks' critical stretches, or the one it quotes. */
export function issueWindowsOf(issue: DetectedIssue): IssueWindowOf[] {
  if (issue.windows) return issue.windows;
  if (issue.from === undefined || issue.to === undefined) return [];
  return [{ from: issue.from, to: issue.to, severity: issue.severity, ...(issue.sender ? { sender: issue.sender } : {}) }];
}

export interface Verdict {
  level: 'good' | 'degraded' | 'poor' | 'unknown';
  /** One line, e.g. "Poor call: sustained packet loss and a CPU-limited camera". */
  line: string;
}
