/** Formatting shared by the tree and the webview. Pure functions. */

export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '';
  const totalSeconds = Math.round(minutes * 60);
  const hours = Math.floor(totalSeconds / 3600);
  const mins = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${mins} min`;
  if (mins > 0) return `${mins} min${secs ? ` ${secs} s` : ''}`;
  return `${secs} s`;
}

/** "2026-11-20 09:05:03 UTC"; the raw text when it is not a date; "" when absent. */
export function formatTime(value: string | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 20 08:26" (UTC), with the year when it is not `now`'s ("Nov 20 2025 08:26"); the raw text when it is not a date. */
export function formatShortTime(value: string | undefined, now = Date.now()): string {
  if (!value) return '';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const date = new Date(ms);
  const year = date.getUTCFullYear() === new Date(now).getUTCFullYear() ? '' : ` ${date.getUTCFullYear()}`;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}${year} ${date.toISOString().slice(11, 16)}`;
}

/** "09:05:03" (UTC) for lists where the day is known from context; the raw text when it is not a date. */
export function formatClock(value: string | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().slice(11, 19);
}
