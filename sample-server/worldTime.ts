/** "Now" in the sample world: every time is relative to it, never to the clock (the LIVE session aside). */
export const WORLD_NOW = Date.parse('2026-11-20T09:00:00Z');
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Call statistics are sampled every five seconds (soak-test sessions: every second). */
export const DEFAULT_SAMPLE_INTERVAL_MS = 5 * SECOND;
