/**
 * The shape quality data travels in to the webview: one typed array per metric (NaN where a sample has
 * no value) instead of one object per sample. VS Code transfers typed arrays in postMessage as binary
 * for extensions built for 1.57+, so even 100k samples cross in milliseconds, and charts read columns as is.
 * Times stay Float64 (epoch milliseconds need it); metrics are Float32, whose 7 significant digits are
 * far finer than the 2 decimals any chart, legend or table shows, and a metric a track never reports
 * (fps of an audio track) is left out: the payload a heavy call sends is about half what it was.
 */
import { selectRanks } from './extent';
import { METRIC_KEYS, METRICS, trackLabel, type MetricKey, type PercentileRow } from './metrics';
import type { InspectedParticipant, PeerStats, QualityTrack, SampleColumns } from './model';

/** A metric's values, aligned with `t`, NaN where a sample has none. */
export type MetricColumn = Float32Array;

/** `t` in epoch milliseconds, ascending; the metrics the track reports at least once aligned with it. */
export type TrackColumns = { t: Float64Array } & Partial<Record<MetricKey, MetricColumn>>;

export type WireTrack = Omit<QualityTrack, 'columns' | 'limitation'> & { columns: TrackColumns };
export type WirePeerStats = Omit<PeerStats, 'tracks'> & {
  tracks: WireTrack[];
  percentiles: PercentileRow[];
  /**
   * Left out of a first paint, which carries the columns of the peer shown alone: its tracks come with
   * the 'columns' message that follows.
   */
  tracksFollow?: true;
};
export type WireParticipant = Omit<InspectedParticipant, 'peerStats'> & { peerStats: WirePeerStats[] };

/** The columns as they cross, copies (their buffers are transferred), metrics in Float32. */
export function toWireColumns(columns: SampleColumns): TrackColumns {
  const wire: TrackColumns = { t: columns.t.slice() };
  for (const key of METRIC_KEYS) {
    const column = columns[key];
    if (column) wire[key] = new Float32Array(column);
  }
  return wire;
}

/** `known`: peers made wire already (the stats worker does a peer report's as soon as it came). */
export function toWireParticipant(participant: InspectedParticipant, known?: ReadonlyMap<PeerStats, WirePeerStats>): WireParticipant {
  return { ...participant, peerStats: participant.peerStats.map((peer) => known?.get(peer) ?? toWirePeer(peer)) };
}

export function toWirePeer(peer: PeerStats): WirePeerStats {
  const tracks = peer.tracks.map(({ columns, limitation: _limitation, ...track }) => ({ ...track, columns: toWireColumns(columns) }));
  return { ...peer, tracks, percentiles: percentileRows(tracks) };
}

/**
 * Nearest-rank p50/p75/p90 of every metric of every track over the whole call, read from its columns
 * (a typed array reads many times faster than a property of 100,000 sample objects). Computed off the
 * webview, in the stats worker, so a long series does not hold up the panel's first paint.
 */
export function percentileRows(tracks: readonly WireTrack[]): PercentileRow[] {
  const rows: PercentileRow[] = [];
  for (const metric of METRICS) {
    for (const track of tracks) {
      const column = track.columns[metric.key];
      if (!column) continue;
      const values = new Float64Array(column.length);
      let count = 0;
      for (let i = 0; i < column.length; i++) if (column[i] === column[i]) values[count++] = column[i];
      if (count === 0) continue;
      const [p50, p75, p90] = [50, 75, 90].map((p) => Math.min(count - 1, Math.max(0, Math.ceil((p / 100) * count) - 1)));
      const ranked = values.subarray(0, count);
      selectRanks(ranked, [p50, p75, p90]);
      rows.push({
        track: trackLabel(track),
        metric: metric.title,
        unit: metric.unit,
        count,
        p50: ranked[p50],
        p75: ranked[p75],
        p90: ranked[p90],
      });
    }
  }
  return rows;
}
