/** Lenient readers for API values: nulls, "null" strings and numbers sent as strings are common. */

import { parseIsoTime } from './isoTime';

export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  // Lower-cased only at the lengths of the two words: this runs for every field of 100k-row reports.
  const word = trimmed.length === 4 || trimmed.length === 9 ? trimmed.toLowerCase() : '';
  return trimmed === '' || word === 'null' || word === 'undefined' ? undefined : trimmed;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const raw = text(value);
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Epoch milliseconds of an ISO 8601 time, as Date.parse reads it. */
export function time(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const ms = parseIsoTime(raw);
  return Number.isNaN(ms) ? undefined : ms;
}

export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const raw = text(value)?.toLowerCase();
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return undefined;
}

/** An object (not an array), read as the wire shape T; its fields still go through the readers above. */
export function record<T extends object = Record<string, unknown>>(value: unknown): T | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : undefined;
}

/**
 * The objects of an array. Almost always every item is one: the array itself is returned then, read
 * only, where a copy of a long call's rows (100,000 of them) cost two arrays' allocation each time.
 */
export function records<T extends object = Record<string, unknown>>(value: unknown): readonly T[] {
  if (!Array.isArray(value)) return [];
  for (const item of value)
    if (record(item) === undefined) return value.filter((candidate): candidate is T => record(candidate) !== undefined);
  return value as T[];
}
