/**
 * Smallest and largest of a list by a loop: `Math.min(...values)` passes every value as an argument and
 * overflows the stack above about 125,000 of them (a long call's samples). Undefined for an empty list.
 */
export function minOf(values: readonly number[]): number | undefined {
  let min: number | undefined;
  for (const value of values) if (min === undefined || value < min) min = value;
  return min;
}

export function maxOf(values: readonly number[]): number | undefined {
  let max: number | undefined;
  for (const value of values) if (max === undefined || value > max) max = value;
  return max;
}

/** Where extremesOf found a range's extremes: `first` and `second` are their indices, in time order. */
export const extremesAt = { first: -1, second: -1 };

/**
 * Finds the minimum and maximum of values[from, to), NaN skipped, and puts their indices in time order
 * into `extremesAt` (one shared object, so this allocates nothing); false when every one is NaN. Plain
 * loops and locals: charts run it for every sample of every line.
 */
export function extremesOf(values: ArrayLike<number>, from: number, to: number): boolean {
  let min = Number.NaN;
  let max = Number.NaN;
  let minAt = -1;
  let maxAt = -1;
  for (let j = from; j < to; j++) {
    const value = values[j];
    if (value !== value) continue; // NaN
    if (minAt < 0 || value < min) {
      min = value;
      minAt = j;
    }
    if (maxAt < 0 || value > max) {
      max = value;
      maxAt = j;
    }
  }
  if (minAt < 0) return false;
  extremesAt.first = Math.min(minAt, maxAt);
  extremesAt.second = Math.max(minAt, maxAt);
  return true;
}
