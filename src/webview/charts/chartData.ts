/**
 * Turns quality tracks into what the charts draw: one chart per metric, one series per track, all on a
 * shared time axis (seconds), and decimates it to the chart's width so drawing costs the same for 1k or
 * 100k samples. Pure, so it is unit-tested without a DOM.
 */
import { extremesAt, extremesOf } from '../../shared/extent';
import { METRICS, trackLabel, type MetricDefinition } from '../../shared/metrics';
import type { MetricColumn, WireTrack } from '../../shared/wire';

export interface ChartSeries {
  label: string;
  /** Index into the track list, for stable colours. */
  trackIndex: number;
  /** Palette index when the colour is not the track's (the compare panel colours by participant). */
  colour?: number;
  /** Aligned with the chart's x; NaN where the track has no value. A track's own column, or compare's combination. */
  values: Float32Array | Float64Array;
}

export interface ChartModel {
  metric: MetricDefinition;
  /** Seconds since epoch, ascending, shared by every series of the chart. */
  x: Float64Array;
  series: ChartSeries[];
  /** What the chart draws, when not `decimate` of x and the series (compare: each line on its own times). */
  source?: PlotSource;
}

/** What a chart draws: its whole span (seconds) and, for any window, at most two points per bucket per series. */
export interface PlotSource {
  first: number;
  last: number;
  window(xMin: number, xMax: number, buckets: number): PlotData;
}

/** The model's plot source: its own, or decimation of its shared axis. */
export function plotSource(model: ChartModel): PlotSource {
  return (
    model.source ?? {
      first: model.x[0],
      last: model.x[model.x.length - 1],
      window: (xMin, xMax, buckets) => decimate(model, xMin, xMax, buckets),
    }
  );
}

function sameTimes(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The union of every track's (ascending) timestamps, and where each track's samples land on it (undefined: one to one). */
export function sharedAxis(tracks: readonly WireTrack[]): { axis: Float64Array; positions: (Int32Array | undefined)[] } {
  const first = tracks[0]?.columns.t ?? new Float64Array();
  // Tracks sampled together share their timestamps: no merging needed.
  if (tracks.every((track) => sameTimes(track.columns.t, first))) return { axis: first, positions: tracks.map(() => undefined) };
  const all = new Float64Array(tracks.reduce((sum, track) => sum + track.columns.t.length, 0));
  let offset = 0;
  for (const track of tracks) {
    all.set(track.columns.t, offset);
    offset += track.columns.t.length;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i];
  const axis = all.slice(0, unique);
  const positions = tracks.map((track) => {
    const place = new Int32Array(track.columns.t.length);
    let j = 0;
    track.columns.t.forEach((t, i) => {
      while (axis[j] < t) j++;
      place[i] = j;
    });
    return place;
  });
  return { axis, positions };
}

/** Whether a track reports the metric at all. */
export function hasValue(column: MetricColumn | undefined): column is MetricColumn {
  if (!column) return false;
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i])) return true;
  return false;
}

/** Charts for the metrics that have at least one value, in METRICS order. */
export function buildCharts(tracks: readonly WireTrack[]): ChartModel[] {
  const { axis, positions } = sharedAxis(tracks);
  const x = axis.map((t) => t / 1000);
  const charts: ChartModel[] = [];
  for (const metric of METRICS) {
    const series: ChartSeries[] = [];
    tracks.forEach((track, trackIndex) => {
      const column = track.columns[metric.key];
      if (!hasValue(column)) return;
      const place = positions[trackIndex];
      let values = column;
      if (place) {
        values = new Float32Array(axis.length).fill(Number.NaN);
        for (let i = 0; i < column.length; i++) values[place[i]] = column[i];
      }
      series.push({ label: trackLabel(track), trackIndex, values });
    });
    if (series.length > 0) charts.push({ metric, x, series });
  }
  return charts;
}

/** First index from `from` with x[i] >= value. */
export function lowerBound(x: Float64Array, value: number, from = 0): number {
  let low = from;
  let high = x.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (x[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export type PlotData = [number[], ...(number | null)[][]];

/**
 * The chart's points between xMin and xMax (seconds), at most two per bucket: each series keeps its
 * minimum and maximum in every bucket, in time order, so spikes and dips survive at any zoom. NaN
 * becomes null, which the chart draws as a gap.
 */
export function decimate(model: ChartModel, xMin: number, xMax: number, buckets: number): PlotData {
  const { x, series } = model;
  // One sample either side keeps lines running to the edges when zoomed in.
  const start = Math.max(0, lowerBound(x, xMin) - 1);
  const end = Math.min(x.length, lowerBound(x, xMax) + 1);
  const count = end - start;
  const nullable = (value: number) => (Number.isNaN(value) ? null : value);
  if (count <= buckets * 2) {
    const xs = Array.from(x.subarray(start, end));
    return [xs, ...series.map((item) => Array.from(item.values.subarray(start, end), nullable))];
  }
  const xs: number[] = [];
  const ys: (number | null)[][] = series.map(() => []);
  const span = (x[end - 1] - x[start]) / buckets || 1;
  let i = start;
  while (i < end) {
    const bucketEnd = Math.min(end, Math.max(i + 1, lowerBound(x, x[start] + span * (Math.floor((x[i] - x[start]) / span) + 1))));
    xs.push(x[i], x[bucketEnd - 1]);
    for (let s = 0; s < series.length; s++) if (!pushExtremes(series[s].values, i, bucketEnd, ys[s])) ys[s].push(null, null);
    i = bucketEnd;
  }
  return [xs, ...ys];
}

/** Appends the minimum and maximum of values[from, to), in time order; false (nothing appended) when every one is NaN. */
export function pushExtremes(values: ArrayLike<number>, from: number, to: number, out: (number | null)[]): boolean {
  if (!extremesOf(values, from, to)) return false;
  out.push(values[extremesAt.first], values[extremesAt.second]);
  return true;
}
