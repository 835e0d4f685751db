/**
 * The shape quality data travels in to the webview: one Float64Array per metric (NaN where a sample has
 * no value) instead of one object per sample. VS Code transfers typed arrays in postMessage as binary
 * for extensions built for 1.57+, so even 100k samples cross in milliseconds, and charts read columns as is.
 */
import { METRIC_KEYS, percentileRows, type MetricKey, type PercentileRow } from './metrics';
import type { InspectedParticipant, PeerStats, QualitySample, QualityTrack } from './model';

/** `t` in epoch milliseconds, ascending; metrics aligned with it, NaN where absent. */
export type TrackColumns = { t: Float64Array } & Record<MetricKey, Float64Array>;

export type WireTrack = Omit<QualityTrack, 'samples'> & { columns: TrackColumns };
export type WirePeerStats = Omit<PeerStats, 'tracks'> & { tracks: WireTrack[]; percentiles: PercentileRow[] };
export type WireParticipant = Omit<InspectedParticipant, 'peerStats'> & { peerStats: WirePeerStats[] };

export function toColumns(samples: readonly QualitySample[]): TrackColumns {
  const sorted = samples.every((sample, i) => i === 0 || samples[i - 1].t <= sample.t) ? samples : [...samples].sort((a, b) => a.t - b.t);
  const columns = { t: Float64Array.from(sorted, (sample) => sample.t) } as TrackColumns;
  for (const key of METRIC_KEYS) columns[key] = Float64Array.from(sorted, (sample) => sample[key] ?? Number.NaN);
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
