/**
 * The shape quality data travels in to the webview: one typed array per metric (NaN where a sample has
 * no value) instead of one object per sample. VS Code transfers typed arrays in postMessage as binary
 * for extensions built for 1.57+, so even 100k samples cross in milliseconds, and charts read columns as is.
 * Times stay Float64 (epoch milliseconds need it); metrics are Float32, whose 7 significant digits are
 * far finer than the 2 decimals any chart, legend or table shows, and a metric a track never reports
 * (fps of an audio track) is left out: the payload a heavy call sends is about half what it was.
 */
import { METRIC_KEYS, percentileRows, type MetricKey, type PercentileRow } from './metrics';
import type { InspectedParticipant, PeerStats, QualitySample, QualityTrack } from './model';

/** A metric's values, aligned with `t`, NaN where a sample has none. */
export type MetricColumn = Float32Array;

/** `t` in epoch milliseconds, ascending; the metrics the track reports at least once aligned with it. */
export type TrackColumns = { t: Float64Array } & Partial<Record<MetricKey, MetricColumn>>;

export type WireTrack = Omit<QualityTrack, 'samples'> & { columns: TrackColumns };
export type WirePeerStats = Omit<PeerStats, 'tracks'> & { tracks: WireTrack[]; percentiles: PercentileRow[] };
export type WireParticipant = Omit<InspectedParticipant, 'peerStats'> & { peerStats: WirePeerStats[] };

export function toColumns(samples: readonly QualitySample[]): TrackColumns {
  const sorted = samples.every((sample, i) => i === 0 || samples[i - 1].t <= sample.t) ? samples : [...samples].sort((a, b) => a.t - b.t);
  const count = sorted.length;
  // Plain loops: a long call has 100,000 samples a track (Array.from with a function is several times slower).
  const t = new Float64Array(count);
  for (let i = 0; i < count; i++) t[i] = sorted[i].t;
  const columns: TrackColumns = { t };
  for (const key of METRIC_KEYS) {
    let column: Float32Array | undefined;
    for (let i = 0; i < count; i++) {
      const value = sorted[i][key];
      if (value === undefined) continue;
      // Made at the first value: a metric the track never reports gets no column.
      column ??= new Float32Array(count).fill(Number.NaN);
      column[i] = value;
    }
    if (column) columns[key] = column;
  }
  return columns;
}

export function toWireParticipant(participant: InspectedParticipant): WireParticipant {
  return {
    ...participant,
    peerStats: participant.peerStats.map((peer) => ({
      ...peer,
      tracks: peer.tracks.map(({ samples, ...track }) => ({ ...track, columns: toColumns(samples) })),
      percentiles: percentileRows(peer.tracks),
    })),
  };
}
