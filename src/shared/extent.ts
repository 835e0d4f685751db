/**
 * Smallest and largest of a list by a loop: `Math.min(...values)` passes every value as an argument and
 * overflows the stack above about 125,000 of them (a long call's samples). NaN (a column's missing value)
 * is skipped; undefined when nothing is left.
 */
export function minOf(values: Iterable<number>): number | undefined {
  let min: number | undefined;
  for (const value of values) if (min === undefined ? value === value : value < min) min = value;
  return min;
}

export function maxOf(values: Iterable<number>): number | undefined {
  let max: number | undefined;
  for (const value of values) if (max === undefined ? value === value : value > max) max = value;
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

/**
 * Reorders `values` (no NaN) in place so that values[k] is what values.sort()[k] would be, for each of
 * the ascending 0-based `ranks`: quickselect, linear on average, where a sort of a 100,000-sample
 * series for three percentiles does twenty times the work.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  let from = 0;
  for (const k of ranks) {
    let left = from;
    let right = values.length - 1;
    while (right > left) {
      const a = values[left];
      const b = values[(left + right) >>> 1];
      const c = values[right];
      const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
      let i = left;
      let j = right;
      while (i <= j) {
        while (values[i] < pivot) i++;
        while (values[j] > pivot) j--;
        if (i <= j) {
          const swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      if (k <= j) right = j;
      else if (k >= i) left = i;
      else break;
    }
    from = Math.max(from, k + 1);
  }
}
