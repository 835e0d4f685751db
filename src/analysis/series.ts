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

/** The typical time between samples (median gap), 5 s when it cannot be told. */
export function typicalInterval(samples: readonly QualitySample[]): number {
  const gaps = samples
    .slice(1)
    .map((sample, i) => sample.t - samples[i].t)
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 5_000;
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

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
