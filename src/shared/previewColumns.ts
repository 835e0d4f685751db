/**
 * A first-paint copy of a participant's columns: a long track is cut into PREVIEW_BUCKETS equal spans of
 * time and keeps two samples of each (its first and last moment), each metric holding its minimum and
 * maximum of the span in time order. The whole call then draws as it does from every sample (a chart
 * keeps a minimum and maximum per pixel column, and 2,000 spans are more than a panel has columns),
 * while a fifth of the samples of a 20,000-sample track cross to the webview before its first paint.
 * The full columns follow once the webview painted the preview. Pure: no vscode, no DOM.
 */
import { extremesAt, extremesOf } from './extent';
import { METRIC_KEYS } from './metrics';
import type { TrackColumns, WireParticipant } from './wire';

export const PREVIEW_BUCKETS = 2_000;

/** The participant with every track longer than two samples a bucket cut down; itself when none is. */
export function previewParticipant(participant: WireParticipant, buckets = PREVIEW_BUCKETS): WireParticipant {
  const long = participant.peerStats.some((peer) => peer.tracks.some((track) => track.columns.t.length > buckets * 2));
  if (!long) return participant;
  return {
    ...participant,
    peerStats: participant.peerStats.map((peer) => ({
      ...peer,
      tracks: peer.tracks.map((track) => ({ ...track, columns: previewColumns(track.columns, buckets) })),
    })),
  };
}

export function previewColumns(columns: TrackColumns, buckets = PREVIEW_BUCKETS): TrackColumns {
  const { t } = columns;
  if (t.length <= buckets * 2) return columns;
  // Each bucket's first index; the next one's is where it ends.
  const starts: number[] = [];
  const t0 = t[0];
  const span = (t[t.length - 1] - t0) / buckets || 1;
  for (let i = 0, bucket = -1; i < t.length; i++) {
    const at = Math.min(buckets - 1, Math.floor((t[i] - t0) / span));
    if (at !== bucket) {
      starts.push(i);
      bucket = at;
    }
  }
  starts.push(t.length);
  // Two points a bucket, one where a bucket holds a single sample.
  const picks: number[] = [];
  for (let b = 0; b + 1 < starts.length; b++) {
    picks.push(starts[b]);
    if (starts[b + 1] - starts[b] > 1) picks.push(starts[b + 1] - 1);
  }
  const preview: TrackColumns = { t: Float64Array.from(picks, (index) => t[index]) };
  for (const key of METRIC_KEYS) {
    const values = columns[key];
    if (!values) continue;
    const out = new Float32Array(picks.length).fill(Number.NaN);
    let p = 0;
    for (let b = 0; b + 1 < starts.length; b++) {
      const from = starts[b];
      const to = starts[b + 1];
      if (to - from === 1) out[p] = values[from];
      else if (extremesOf(values, from, to)) {
        out[p] = values[extremesAt.first];
        out[p + 1] = values[extremesAt.second];
      }
      p += to - from === 1 ? 1 : 2;
    }
    preview[key] = out;
  }
  return preview;
}
