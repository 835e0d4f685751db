/** The session panel's header from GET /sessions/{session_id}, with what the retention limits mean for it. */
import { num, text } from '../api/coerce';
import type { RawSession } from '../api/types';
import type { SessionHeader } from '../shared/session';
import { epochMs } from './epoch';

/** How long Cloudflare keeps what a support engineer looks for, in days. */
export const RETENTION_DAYS = { callStatistics: 30, recordingsAndTranscripts: 7 } as const;

const DAY_MS = 86_400_000;

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

/** "Call statistics are kept for 30 days: this session is 41 days old, so they are gone (since 2026-10-21)." */
function retentionNotice(what: string, keptDays: number, endedAt: number, now: number): string {
  const expires = endedAt + keptDays * DAY_MS;
  const date = new Date(expires).toISOString().slice(0, 10);
  const age = Math.floor((now - endedAt) / DAY_MS);
  if (expires <= now) return `${what} are kept for ${days(keptDays)}: this session is ${days(age)} old, so they are gone (since ${date}).`;
  return `${what} are kept for ${days(keptDays)}: available until ${date} (${days(Math.ceil((expires - now) / DAY_MS))} left).`;
}

export function sessionHeader(sessionId: string, session: RawSession | undefined, now: number): SessionHeader {
  const status = text(session?.status);
  const live = status?.toUpperCase() === 'LIVE';
  const started = epochMs(session?.started_at) ?? epochMs(session?.created_at);
  const ended = epochMs(session?.ended_at);
  const end = ended ?? (live ? now : undefined);
  // Retention counts from when the call ended (or began, when that is all there is); a live call keeps everything.
  const reference = live ? undefined : (ended ?? started);
  return {
    sessionId,
    title: text(session?.meeting_display_name),
    status,
    live,
    startedAt: text(session?.started_at) ?? text(session?.created_at),
    endedAt: text(session?.ended_at),
    durationMinutes: started !== undefined && end !== undefined && end >= started ? (end - started) / 60_000 : undefined,
    maxConcurrentParticipants: num(session?.max_concurrent_participants),
    minutesConsumed: num(session?.minutes_consumed),
    type: text(session?.type),
    notices:
      reference === undefined
        ? []
        : [
            retentionNotice('Call statistics', RETENTION_DAYS.callStatistics, reference, now),
            retentionNotice('Recordings and transcripts', RETENTION_DAYS.recordingsAndTranscripts, reference, now),
          ],
  };
}
