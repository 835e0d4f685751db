/** Finding sustained stretches in a quality series. Pure. */
import type { QualitySample } from '../shared/model';
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

/** Each track's typical interval, by its (never mutated) samples: every rule over a track asks for it. */
const intervals = new WeakMap<readonly QualitySample[], number>();

/** The typical time between samples (median gap), 5 s when it cannot be told. */
export function typicalInterval(samples: readonly QualitySample[]): number {
  let interval = intervals.get(samples);
  if (interval === undefined) {
    // A typed array sorts numbers without a comparator call: a long call has 100,000 gaps a track.
    const gaps = new Float64Array(Math.max(0, samples.length - 1));
    let count = 0;
    for (let i = 1; i < samples.length; i++) {
      const gap = samples[i].t - samples[i - 1].t;
      if (gap > 0) gaps[count++] = gap;
    }
    interval = count > 0 ? gaps.subarray(0, count).sort()[Math.floor(count / 2)] : 5_000;
    intervals.set(samples, interval);
  }
  return interval;
}

/**
 * Stretches of consecutive samples whose value is bad, covering at least minSeconds. A sample without
 * the value ends a stretch; so does a gap longer than a few intervals.
 */
export function sustained(
  samples: readonly QualitySample[],
  read: (sample: QualitySample) => number | undefined,
  isBad: (value: number) => boolean,
  minSeconds: number,
  worst: 'max' | 'min' = 'max',
): Stretch[] {
  const interval = typicalInterval(samples);
  const maxGap = interval * THRESHOLDS.gapIntervals;
  const stretches: Stretch[] = [];
  let current: Stretch | undefined;
  let previousT: number | undefined;
  const close = () => {
    if (current && current.seconds >= minSeconds) stretches.push(current);
    current = undefined;
  };
  for (const sample of samples) {
    const value = read(sample);
    if (value === undefined || !isBad(value) || (previousT !== undefined && sample.t - previousT > maxGap)) close();
    if (value !== undefined && isBad(value)) {
      if (!current) current = { from: sample.t, to: sample.t, seconds: interval / 1000, peak: value, samples: 1 };
      else {
        current.to = sample.t;
        current.seconds = (current.to - current.from + interval) / 1000;
        current.peak = worst === 'max' ? Math.max(current.peak, value) : Math.min(current.peak, value);
        current.samples += 1;
      }
    }
    previousT = sample.t;
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
