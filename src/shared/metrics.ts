/** The quality metrics charted and summarised, and how a track is named. Shared by host and webview. */
import type { QualityTrack } from './model';
import { SHORT_PEER_ID } from './peerNames';

export const METRIC_KEYS = ['mos', 'lossPct', 'jitterMs', 'rttMs', 'bitrateKbps', 'fps', 'height'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface MetricDefinition {
  id: string;
  key: MetricKey;
  title: string;
  unit: string;
  /** Fixed y range where the metric has one (MOS is 1..5). */
  range?: [number, number];
}

export const METRICS: readonly MetricDefinition[] = [
  { id: 'mos', key: 'mos', title: 'Quality', unit: 'MOS', range: [1, 5] },
  { id: 'loss', key: 'lossPct', title: 'Packet loss', unit: '%' },
  { id: 'jitter', key: 'jitterMs', title: 'Jitter', unit: 'ms' },
  { id: 'rtt', key: 'rttMs', title: 'Round-trip time', unit: 'ms' },
  { id: 'bitrate', key: 'bitrateKbps', title: 'Bitrate', unit: 'kbit/s' },
  { id: 'fps', key: 'fps', title: 'Frame rate', unit: 'fps' },
  { id: 'height', key: 'height', title: 'Resolution (height)', unit: 'px' },
];

const KIND_LABELS: Record<QualityTrack['kind'], string> = {
  audio: 'audio',
  video: 'video',
  screenshare_audio: 'screenshare audio',
  screenshare_video: 'screenshare video',
};

export function trackLabel(track: Pick<QualityTrack, 'kind' | 'direction' | 'remotePeerId' | 'remoteName'>): string {
  const direction = track.direction === 'unknown' ? '' : ` ${track.direction === 'producer' ? 'sent' : 'received'}`;
  const from = track.remotePeerId ? ` from ${track.remoteName ?? track.remotePeerId.slice(0, SHORT_PEER_ID)}` : '';
  return `${KIND_LABELS[track.kind]}${direction}${from}`;
}

export interface PercentileRow {
  track: string;
  metric: string;
  unit: string;
  count: number;
  p50: number;
  p75: number;
  p90: number;
}
