/** Time arithmetic of the session timeline: the session's span, zoom windows and axis ticks. Pure. */
import type { ParticipantRow } from '../../shared/session';

export interface TimeWindow {
  /** Epoch ms. */
  from: number;
  to: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const STEPS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * SECOND)
  .concat(
    [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE),
    [1, 2, 3, 6, 12, 24].map((h) => h * HOUR),
  );
/** Zooming in stops at a window this narrow: below it bars are a few samples wide. */
export const MIN_WINDOW_MS = 10 * SECOND;

const parse = (iso: string | undefined) => {
  const ms = Date.parse(iso ?? '');
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * From the session's start to its end; missing ends come from the participants' peers and, for a live
 * session, from `now`. Undefined when nothing has a time.
 */
export function sessionSpan(
  rows: readonly ParticipantRow[],
  startedAt: string | undefined,
  endedAt: string | undefined,
  now: number,
): TimeWindow | undefined {
  let from = parse(startedAt) ?? Infinity;
  let to = parse(endedAt) ?? -Infinity;
  for (const row of rows) {
    for (const t of [row.joinedAt, row.leftAt, ...row.peers.flatMap((peer) => [peer.from, peer.to])]) {
      if (t === undefined || !Number.isFinite(t)) continue;
      if (t < from) from = t;
      if (t > to) to = t;
    }
  }
  if (!endedAt && Number.isFinite(from) && now > to) to = now;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  return to > from ? { from, to } : { from, to: from + MINUTE };
}

/** Keeps a window inside the session and no narrower than MIN_WINDOW_MS. */
export function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const width = Math.min(bounds.to - bounds.from, Math.max(MIN_WINDOW_MS, window.to - window.from));
  const from = Math.min(Math.max(window.from, bounds.from), bounds.to - width);
  return { from, to: from + width };
}

/** factor < 1 zooms in around the window's centre, > 1 out. */
export function zoomWindow(window: TimeWindow, factor: number, bounds: TimeWindow): TimeWindow {
  const centre = (window.from + window.to) / 2;
  const half = ((window.to - window.from) * factor) / 2;
  return clampWindow({ from: centre - half, to: centre + half }, bounds);
}

/** fraction of the window's width: -0.5 moves half a window earlier. */
export function panWindow(window: TimeWindow, fraction: number, bounds: TimeWindow): TimeWindow {
  const shift = (window.to - window.from) * fraction;
  return clampWindow({ from: window.from + shift, to: window.to + shift }, bounds);
}

export function isWhole(window: TimeWindow, bounds: TimeWindow): boolean {
  return window.from <= bounds.from && window.to >= bounds.to;
}

/** Ticks on round clock times (UTC), at most about `maxTicks` of them. */
export function timeTicks(window: TimeWindow, maxTicks: number): { step: number; ticks: number[] } {
  const width = window.to - window.from;
  const step = STEPS.find((candidate) => width / candidate <= maxTicks) ?? STEPS[STEPS.length - 1];
  const ticks: number[] = [];
  for (let t = Math.ceil(window.from / step) * step; t <= window.to; t += step) ticks.push(t);
  return { step, ticks };
}

/** "09:05" on minute steps, "09:05:30" below a minute; midnight of a session spanning days is its date, "11-21". */
export function tickLabel(t: number, step: number): string {
  const iso = new Date(t).toISOString();
  if (step >= HOUR && iso.slice(11, 16) === '00:00') return iso.slice(5, 10);
  return iso.slice(11, step < MINUTE ? 19 : 16);
}

/** "09:00:00 to 10:02:00 UTC", with dates when the window crosses midnight. */
export function windowText(window: TimeWindow): string {
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  const show = (iso: string) => (sameDay ? iso.slice(11, 19) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
  return `${show(from)} to ${show(to)} UTC`;
}

/** Where a time stands in the window, in percent of its width (may lie outside 0–100). */
export function percentOf(t: number, window: TimeWindow): number {
  return ((t - window.from) / (window.to - window.from)) * 100;
}
