/** Summaries of the runs' figures, for bench:host and its A/B comparison. */

/** The median of the finite values; undefined when there are none. */
export function median(values: Array<number | undefined>): number | undefined {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (numbers.length === 0) return undefined;
  const mid = Math.floor(numbers.length / 2);
  return numbers.length % 2 ? numbers[mid] : (numbers[mid - 1] + numbers[mid]) / 2;
}

/** The value below which `share` (0-1) of the finite values lie (nearest rank). */
export function quantile(values: Array<number | undefined>, share: number): number | undefined {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (numbers.length === 0) return undefined;
  return numbers[Math.min(numbers.length - 1, Math.max(0, Math.ceil(share * numbers.length) - 1))];
}

/** Milliseconds as printed in the tables: whole, with thousands separators; a dash for none. */
export const ms = (value: number | undefined): string => (value === undefined ? '–' : Math.round(value).toLocaleString('en-US'));
