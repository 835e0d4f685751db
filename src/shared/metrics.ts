/** The quality metrics charted and summarised, and how a track is named. Shared by host and webview. */
import type { QualityTrack } from './model';

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

export function trackLabel(track: Pick<QualityTrack, 'kind' | 'direction' | 'remotePeerId'>): string {
  const direction = track.direction === 'unknown' ? '' : ` ${track.direction === 'producer' ? 'sent' : 'received'}`;
  const from = track.remotePeerId ? ` from ${track.remotePeerId.slice(0, 8)}` : '';
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

/**
 * Nearest-rank p50/p75/p90 of every metric of every track over the whole call. Computed on the host,
 * where sorting 100k-sample series does not hold up the panel's first paint.
 */
export function percentileRows(tracks: readonly QualityTrack[]): PercentileRow[] {
  const rows: PercentileRow[] = [];
  for (const metric of METRICS) {
    for (const track of tracks) {
      // A plain loop into one array: a long call has 100,000 samples a track, for every metric.
      const all = new Float64Array(track.samples.length);
      let count = 0;
      for (const sample of track.samples) {
        const value = sample[metric.key];
        if (value !== undefined) all[count++] = value;
      }
      if (count === 0) continue;
      const values = all.subarray(0, count).sort();
      const rank = (p: number) => values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))];
      rows.push({
        track: trackLabel(track),
        metric: metric.title,
        unit: metric.unit,
        count: values.length,
        p50: rank(50),
        p75: rank(75),
        p90: rank(90),
      });
    }
  }
  return rows;
}
