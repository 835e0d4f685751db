/** Lenient readers for API values: nulls, "null" strings and numbers sent as strings are common. */

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

export function records<T extends object = Record<string, unknown>>(value: unknown): T[] {
  return Array.isArray(value) ? value.map((item) => record<T>(item)).filter((item): item is T => item !== undefined) : [];
}
