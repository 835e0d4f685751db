/**
 * A chart whose lines are each sampled at their own moments (compare: one line per participant). On the
 * union of every line's times each line would be as long as all of them together (eight times for eight
 * participants) before any decimation; instead each window is decimated line by line on one bucket grid.
 * A sample stands until its line's next one, or for the line's `hold` at most, as compare's combining
 * does: a longer gap (a reconnect) stays a gap. Pure, so it is unit-tested without a DOM.
 */
import { maxOf, minOf } from '../../shared/extent';
import { lowerBound, pushExtremes, type PlotData, type PlotSource } from './chartData';

export interface HeldLine {
  /** Seconds since epoch, ascending. */
  x: Float64Array;
  /** Aligned with x; NaN where there is no value (a gap). */
  values: Float32Array | Float64Array;
  /** How long a sample stands, in seconds. */
  hold: number;
}

export function heldLinesSource(lines: readonly HeldLine[]): PlotSource {
  const drawn = lines.filter((line) => line.x.length > 0);
  return {
    first: minOf(drawn.map((line) => line.x[0])) ?? Number.NaN,
    last: maxOf(drawn.map((line) => line.x[line.x.length - 1])) ?? Number.NaN,
    window: (xMin, xMax, buckets) => heldWindow(lines, xMin, xMax, buckets),
  };
}

/**
 * The lines between xMin and xMax (seconds): every sample on the union of their times when there are at
 * most two per bucket, else each line's minimum and maximum in each of `buckets` equal buckets, in time
 * order, so spikes and dips survive. NaN and expired holds become null, which the chart draws as a gap.
 */
export function heldWindow(lines: readonly HeldLine[], xMin: number, xMax: number, buckets: number): PlotData {
  let total = 0;
  const ranges = lines.map(({ x }) => {
    // One sample either side keeps lines running to the edges when zoomed in.
    const start = Math.max(0, lowerBound(x, xMin) - 1);
    const end = Math.min(x.length, lowerBound(x, xMax) + 1);
    total += end - start;
    return { start, end };
  });
  return total <= buckets * 2 ? everySample(lines, ranges, total) : bucketed(lines, xMin, xMax, buckets);
}

function everySample(lines: readonly HeldLine[], ranges: readonly { start: number; end: number }[], total: number): PlotData {
  const all = new Float64Array(total);
  let offset = 0;
  lines.forEach(({ x }, i) => {
    all.set(x.subarray(ranges[i].start, ranges[i].end), offset);
    offset += ranges[i].end - ranges[i].start;
  });
  all.sort();
  const xs: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) xs.push(all[i]);
  const ys = lines.map(({ x, values, hold }, i) => {
    const { start, end } = ranges[i];
    let j = start;
    return xs.map((at) => {
      while (j + 1 < end && x[j + 1] <= at) j++;
      if (j >= end || x[j] > at || (at !== x[j] && at >= x[j] + hold)) return null;
      const value = values[j];
      return value !== value ? null : value;
    });
  });
  return [xs, ...ys];
}

function bucketed(lines: readonly HeldLine[], xMin: number, xMax: number, buckets: number): PlotData {
  const span = (xMax - xMin) / buckets;
  const xs: number[] = [];
  for (let b = 0; b < buckets; b++) xs.push(xMin + (b + 0.25) * span, xMin + (b + 0.75) * span);
  const ys = lines.map(({ x, values, hold }) => {
    const y: (number | null)[] = [];
    let j = lowerBound(x, xMin);
    // The sample before the window may still stand in its first buckets.
    let held = Number.NaN;
    let heldUntil = Number.NEGATIVE_INFINITY;
    if (j > 0 && values[j - 1] === values[j - 1]) {
      held = values[j - 1];
      heldUntil = x[j - 1] + hold;
    }
    for (let b = 0; b < buckets; b++) {
      const from = xMin + b * span;
      const to = b === buckets - 1 ? xMax : from + span;
      const start = j;
      while (j < x.length && (x[j] < to || (b === buckets - 1 && x[j] <= to))) j++;
      if (j > start) {
        const value = values[j - 1];
        held = value;
        heldUntil = value !== value ? Number.NEGATIVE_INFINITY : x[j - 1] + hold;
        if (!pushExtremes(values, start, j, y)) y.push(null, null);
      } else if (heldUntil > from) y.push(held, held);
      else y.push(null, null);
    }
    return y;
  });
  return [xs, ...ys];
}
