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

/** "09:05:03" (UTC) for lists where the day is known from context; the raw text when it is not a date. */
export function formatClock(value: string | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().slice(11, 19);
}
