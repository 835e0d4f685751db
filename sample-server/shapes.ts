/** JSON for the records both API generations share: apps, meetings, sessions, participants, peer events. */
import type { PeerCallStats } from './callStats';
import { SAMPLE_ORGANIZATION_ID } from './identity';
import { isoTime, Rng, round } from './random';
import {
  WORLD_NOW,
  type AppRecord,
  type MeetingPerson,
  type MeetingRecord,
  type ParticipantRecord,
  type PeerRecord,
  type SessionRecord,
} from './world';

export type Json = Record<string, unknown>;

/** The report sections a `filters` query parameter can ask for. */
export const FILTER_NAMES = ['device_info', 'ip_information', 'precall_network_information', 'events', 'quality_stats'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
/** undefined = no filters parameter = everything. */
export type Filters = ReadonlySet<FilterName> | undefined;

export function wants(filters: Filters, name: FilterName): boolean {
  return filters === undefined || filters.has(name);
}

function minutesBetween(start: number, end: number): number {
  return round((end - start) / 60_000, 4);
}

export function appJson(app: AppRecord): Json {
  return { id: app.id, name: app.name, created_at: isoTime(app.createdAt) };
}

export function meetingJson(meeting: MeetingRecord): Json {
  return {
    id: meeting.id,
    title: meeting.title,
    status: meeting.status,
    created_at: isoTime(meeting.createdAt),
    updated_at: isoTime(meeting.updatedAt),
    record_on_start: meeting.recordOnStart,
    live_stream_on_start: false,
    persist_chat: false,
    summarize_on_end: false,
    transcribe_on_end: false,
    session_keep_alive_time_in_secs: 60,
  };
}

export function meetingPersonJson(person: MeetingPerson): Json {
  return {
    id: person.id,
    name: person.name,
    picture: person.picture ?? null,
    custom_participant_id: person.customParticipantId,
    preset_name: person.presetName,
    created_at: isoTime(person.createdAt),
    updated_at: isoTime(person.createdAt),
  };
}

interface SessionTotals {
  minutesConsumed: number;
  maxConcurrent: number;
  live: number;
}
const sessionTotals = new WeakMap<SessionRecord, SessionTotals>();

/** Sums over every participant; cached because large sessions have thousands. */
function totalsOf(session: SessionRecord): SessionTotals {
  const cached = sessionTotals.get(session);
  if (cached) return cached;
  const changes: Array<[number, number]> = [];
  let minutes = 0;
  let live = 0;
  for (const participant of session.participants) {
    minutes += (participant.leftAt ?? WORLD_NOW) - participant.joinedAt;
    changes.push([participant.joinedAt, 1]);
    if (participant.leftAt === undefined) live++;
    else changes.push([participant.leftAt, -1]);
  }
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let maxConcurrent = 0;
  for (const [, delta] of changes) {
    current += delta;
    maxConcurrent = Math.max(maxConcurrent, current);
  }
  const totals = { minutesConsumed: round(minutes / 60_000, 2), maxConcurrent, live };
  sessionTotals.set(session, totals);
  return totals;
}

export function sessionMinutesConsumed(session: SessionRecord): number {
  return totalsOf(session).minutesConsumed;
}

export function sessionJson(session: SessionRecord): Json {
  const totals = totalsOf(session);
  return {
    id: session.id,
    associated_id: session.meeting.id,
    meeting_display_name: session.meeting.title,
    type: 'meeting',
    status: session.status,
    organization_id: SAMPLE_ORGANIZATION_ID,
    created_at: isoTime(session.startedAt),
    started_at: isoTime(session.startedAt),
    ...(session.endedAt === undefined ? {} : { ended_at: isoTime(session.endedAt) }),
    updated_at: isoTime(session.endedAt ?? WORLD_NOW),
    live_participants: session.status === 'LIVE' ? totals.live : 0,
    max_concurrent_participants: totals.maxConcurrent,
    minutes_consumed: totals.minutesConsumed,
  };
}

/** The fields every participant shape starts with. */
export function participantBaseJson(participant: ParticipantRecord): Json {
  const lastPeer = participant.peers[participant.peers.length - 1];
  return {
    id: participant.id,
    user_id: participant.userId,
    custom_participant_id: participant.customParticipantId,
    display_name: participant.displayName,
    preset_name: participant.presetName,
    joined_at: isoTime(participant.joinedAt),
    ...(participant.leftAt === undefined ? {} : { left_at: isoTime(participant.leftAt) }),
    duration: minutesBetween(participant.joinedAt, participant.leftAt ?? WORLD_NOW),
    created_at: isoTime(participant.joinedAt - 7),
    updated_at: isoTime((participant.leftAt ?? lastPeer.joinedAt) + 6),
  };
}

function peerEventJson(peer: PeerRecord, id: string, name: string, at: number, minutesConsumed: number): Json {
  const { participant } = peer;
  return {
    id,
    event_name: name,
    created_at: isoTime(at),
    updated_at: isoTime(at + 6),
    minutes_consumed: minutesConsumed,
    participant_id: participant.id,
    peer_id: peer.id,
    preset_view_type: participant.session.viewType,
    session_id: participant.session.id,
    socket_session_id: peer.socketSessionId,
  };
}

/** PEER_CREATED, PEER_JOINING and (once gone) PEER_LEAVING for each of the participant's peers, in time order. */
export function peerEventsJson(participant: ParticipantRecord): Json[] {
  const events: Json[] = [];
  for (const peer of participant.peers) {
    const ids = new Rng(`peer-events:${peer.id}`);
    events.push(peerEventJson(peer, ids.uuid(), 'PEER_CREATED', peer.createdAt, 0));
    events.push(peerEventJson(peer, ids.uuid(), 'PEER_JOINING', peer.joinedAt, 0));
    if (peer.leftAt !== undefined) {
      events.push(peerEventJson(peer, ids.uuid(), 'PEER_LEAVING', peer.leftAt, minutesBetween(peer.joinedAt, peer.leftAt)));
    }
  }
  return events;
}

export function roleOf(participant: ParticipantRecord): string {
  if (participant.presetName.endsWith('_host') || participant.presetName.endsWith('_presenter')) return 'host';
  return participant.presetName.endsWith('_viewer') ? 'viewer' : 'participant';
}

/** The IP fields both generations share; each adds its own (asn, or ip_location and portal). */
export function ipBaseJson(stats: PeerCallStats): Json {
  return {
    ipv4: stats.ipv4,
    city: stats.location.city,
    region: stats.location.region,
    country: stats.location.country,
    timezone: stats.location.timezone,
    org: `${stats.location.asn} ${stats.location.org}`,
  };
}
