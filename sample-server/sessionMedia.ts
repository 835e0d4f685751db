/**
 * GET …/sessions/{id}/transcript, /summary and /chat for the story sessions (404 elsewhere), and the
 * small files their download URLs point at, served by the sample server itself under /downloads/.
 */
import { isoTime } from './random';
import { notFound } from './responses';
import type { Json } from './shapes';
import { STORY_SCRIPTS, type StoryKey } from './storyScripts';
import { CONVERSATIONS, type Line } from './storyTranscripts';
import { getWorld, type ParticipantRecord, type SessionRecord } from './world';
import { HOUR, MINUTE, WORLD_NOW } from './worldTime';

export const MEDIA_KINDS = ['transcript', 'summary', 'chat'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const TRANSCRIPT_FORMATS = ['SRT', 'VTT', 'JSON', 'CSV'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export const DOWNLOAD_PREFIX = '/downloads/sessions/';
/** Sample-world time, like every other time here; the file server does not enforce it. */
const EXPIRES_AT = WORLD_NOW + HOUR;

function storyOf(session: SessionRecord): StoryKey | undefined {
  return session.role === 'story' || session.role === 'attribution' ? session.role : undefined;
}

function names(session: SessionRecord, story: StoryKey): Map<string, ParticipantRecord> {
  const byName = new Map(session.participants.map((p) => [p.displayName, p]));
  return new Map(STORY_SCRIPTS[story].people.map((person) => [person.key, byName.get(person.name) as ParticipantRecord]));
}

export function mediaJson(session: SessionRecord, kind: MediaKind, format: TranscriptFormat, origin: string): Json {
  const story = storyOf(session);
  const label = kind === 'chat' ? 'Chat' : kind === 'summary' ? 'Summary' : 'Transcript';
  if (!story) throw notFound(`${label} not found for session ${session.id}`);
  const url = `${origin}${DOWNLOAD_PREFIX}${session.id}/`;
  const expiry = isoTime(EXPIRES_AT);
  if (kind === 'chat') return { chat_download_url: `${url}chat.csv`, chat_download_url_expiry: expiry };
  if (kind === 'summary') return { sessionId: session.id, summaryDownloadUrl: `${url}summary.txt`, summaryDownloadUrlExpiry: expiry };
  return {
    sessionId: session.id,
    transcript_download_url: `${url}transcript.${format.toLowerCase()}`,
    transcript_download_url_expiry: expiry,
  };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function clock(ms: number, separator: ',' | '.'): string {
  return `${new Date(ms).toISOString().slice(11, 19)}${separator}${String(ms % 1000).padStart(3, '0')}`;
}

function transcriptFile(
  session: SessionRecord,
  lines: readonly Line[],
  people: Map<string, ParticipantRecord>,
  format: string,
): { type: string; text: string } | undefined {
  const rows = lines.map(([minute, who, text], index) => {
    const start = Math.round(minute * MINUTE);
    return { index, start, end: start + 4_000, person: people.get(who), text };
  });
  const speaker = (row: (typeof rows)[number]) => row.person?.displayName ?? 'Unknown';
  switch (format) {
    case 'csv':
      return {
        type: 'text/csv; charset=utf-8',
        text:
          [
            'timestamp,participant_id,custom_participant_id,display_name,text',
            ...rows.map((r) =>
              [isoTime(session.startedAt + r.start), r.person?.id ?? '', r.person?.customParticipantId ?? '', speaker(r), r.text]
                .map(csvCell)
                .join(','),
            ),
          ].join('\n') + '\n',
      };
    case 'json':
      return {
        type: 'application/json',
        text: JSON.stringify(
          rows.map((r) => ({
            timestamp: isoTime(session.startedAt + r.start),
            participant_id: r.person?.id,
            display_name: speaker(r),
            text: r.text,
          })),
        ),
      };
    case 'srt':
      return {
        type: 'application/x-subrip; charset=utf-8',
        text: rows.map((r) => `${r.index + 1}\n${clock(r.start, ',')} --> ${clock(r.end, ',')}\n${speaker(r)}: ${r.text}\n`).join('\n'),
      };
    case 'vtt':
      return {
        type: 'text/vtt; charset=utf-8',
        text: `WEBVTT\n\n${rows.map((r) => `${clock(r.start, '.')} --> ${clock(r.end, '.')}\n<v ${speaker(r)}>${r.text}\n`).join('\n')}`,
      };
    default:
      return undefined;
  }
}

function chatFile(session: SessionRecord, lines: readonly Line[], people: Map<string, ParticipantRecord>): string {
  const header = 'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt';
  const rows = lines.map(([minute, who, text], index) => {
    const person = people.get(who);
    const id = `${session.id.slice(0, 8)}-msg-${index + 1}`;
    return [
      id,
      person?.id ?? '',
      session.id,
      session.meeting.id,
      person?.displayName ?? '',
      'false',
      'false',
      'TEXT_MESSAGE',
      text,
      isoTime(session.startedAt + Math.round(minute * MINUTE)),
    ]
      .map(csvCell)
      .join(',');
  });
  return [header, ...rows].join('\n') + '\n';
}

/** The body behind a download URL (path after DOWNLOAD_PREFIX, e.g. "<session>/transcript.vtt"), or undefined. */
export function downloadFile(path: string): { type: string; text: string } | undefined {
  const match = /^([0-9a-f-]{36})\/(transcript\.(csv|json|srt|vtt)|summary\.txt|chat\.csv)$/.exec(path);
  const session = match ? getWorld().sessionsById.get(match[1]) : undefined;
  const story = session && storyOf(session);
  if (!match || !session || !story) return undefined;
  const conversation = CONVERSATIONS[story];
  const people = names(session, story);
  if (match[2] === 'summary.txt') return { type: 'text/plain; charset=utf-8', text: `${conversation.summary}\n` };
  if (match[2] === 'chat.csv') return { type: 'text/csv; charset=utf-8', text: chatFile(session, conversation.chat, people) };
  return transcriptFile(session, conversation.spoken, people, match[3]);
}
