/** API times (strings, sometimes "null") as epoch ms; undefined when absent or not a date. */
import { text } from '../api/coerce';

export function epochMs(value: unknown): number | undefined {
  const ms = Date.parse(text(value) ?? '');
  return Number.isNaN(ms) ? undefined : ms;
}
