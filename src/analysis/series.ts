/** Finding sustained stretches in a quality series. Pure. */
import { THRESHOLDS } from './thresholds';

export interface Stretch {
  /** Epoch ms of the first and last sample in the stretch. */
  from: number;
  to: number;
  /** Time covered: last minus first plus one sampling interval. */
  seconds: number;
  /** The worst value seen (largest, or smallest when `worst` is 'min'). */
  peak: number;
  samples: number;
}

/** Each track's typical interval, by its (never changed) times: every rule over a track asks for it. */
const intervals = new WeakMap<Float64Array, number>();

/** The typical time between samples (median gap) of ascending times, 5 s when it cannot be told. */
export function typicalInterval(t: Float64Array): number {
  let interval = intervals.get(t);
  if (interval === undefined) {
    // A typed array sorts numbers without a comparator call: a long call has 100,000 gaps a track.
    const gaps = new Float64Array(Math.max(0, t.length - 1));
    let count = 0;
    for (let i = 1; i < t.length; i++) {
      const gap = t[i] - t[i - 1];
      if (gap > 0) gaps[count++] = gap;
    }
    interval = count > 0 ? gaps.subarray(0, count).sort()[Math.floor(count / 2)] : 5_000;
    intervals.set(t, interval);
  }
  return interval;
}

/**
 * Stretches of consecutive samples whose value (aligned with the times `t`, NaN where a sample has none)
 * is bad, covering at least minSeconds. A sample without the value ends a stretch; so does a gap longer
 * than a few intervals. No values, no stretches.
 */
export function sustained(
  t: Float64Array,
  values: ArrayLike<number> | undefined,
  isBad: (value: number) => boolean,
  minSeconds: number,
  worst: 'max' | 'min' = 'max',
): Stretch[] {
  if (!values) return [];
  const interval = typicalInterval(t);
  const maxGap = interval * THRESHOLDS.gapIntervals;
  const stretches: Stretch[] = [];
  let current: Stretch | undefined;
  const close = () => {
    if (current && current.seconds >= minSeconds) stretches.push(current);
    current = undefined;
  };
  for (let i = 0; i < t.length; i++) {
    const value = values[i];
    const bad = !Number.isNaN(value) && isBad(value);
    if (!bad || (i > 0 && t[i] - t[i - 1] > maxGap)) close();
    if (!bad) continue;
    if (!current) current = { from: t[i], to: t[i], seconds: interval / 1000, peak: value, samples: 1 };
    else {
      current.to = t[i];
      current.seconds = (current.to - current.from + interval) / 1000;
      current.peak = worst === 'max' ? Math.max(current.peak, value) : Math.min(current.peak, value);
      current.samples += 1;
    }
  }
  close();
  return stretches;
}

export function median(values: ArrayLike<number>): number | undefined {
  if (values.length === 0) return undefined;
  // A typed array sorts numbers without a comparator call: a quarter of a long call is 25,000 values.
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)];
}

export function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
