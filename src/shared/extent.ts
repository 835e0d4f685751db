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
