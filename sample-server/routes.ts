/** The RealtimeKit GET endpoints under /accounts/{account_id}/realtime/kit, once auth has passed. */
import { currentParticipantDetails, currentPeerReport } from './currentShapes';
import { SAMPLE_APP_ID } from './identity';
import { cachedResponse } from './reportCache';
import { legacyParticipantDetails, legacyPeerReport } from './legacyShapes';
import { booleanParam, enumParam, filtersParam, paginate, rangeParam, requireUuid, timeParam } from './query';
import { liveSessionAt } from './liveSession';
import { ApiError, notFound, ok, realtimeKitError, type ApiResponse } from './responses';
import { MEDIA_KINDS, mediaJson, TRANSCRIPT_FORMATS, type MediaKind } from './sessionMedia';
import {
  appJson,
  meetingJson,
  meetingPersonJson,
  participantBaseJson,
  peerEventsJson,
  sessionJson,
  sessionMinutesConsumed,
} from './shapes';
import { getWorld, type AppRecord, type MeetingRecord, type ParticipantRecord, type PeerRecord, type SessionRecord } from './world';

/** What a route needs from the server it runs in. */
export interface RouteContext {
  /** e.g. http://127.0.0.1:8787, for download URLs that point back at this server. */
  origin: string;
  /** How many LIVE-session steps have passed since this server started. */
  liveSteps: number;
  /** How many times POST /__control/revision re-issued this peer's report (0: as built). */
  revisionOf(peerId: string): number;
}

/** The LIVE sessions as they stand at this server's step; every other session as built. */
function current(session: SessionRecord, context: RouteContext): SessionRecord {
  return session.role === 'live' ? liveSessionAt(session.meeting, session.generation, context.liveSteps) : session;
}

function findApp(appId: string): AppRecord {
  const app = getWorld().apps.find((a) => a.id === appId);
  if (!app) throw notFound(`App ${appId} not found`);
  return app;
}

/** Only the sample app has meetings and sessions; the other app is empty. */
function meetingsOf(app: AppRecord): MeetingRecord[] {
  return app.id === SAMPLE_APP_ID ? getWorld().meetings : [];
}

function sessionsOf(app: AppRecord, context: RouteContext): SessionRecord[] {
  return app.id === SAMPLE_APP_ID ? getWorld().sessions.map((s) => current(s, context)) : [];
}

function findMeeting(app: AppRecord, meetingId: string): MeetingRecord {
  requireUuid(meetingId, 'meeting_id');
  const meeting = meetingsOf(app).find((m) => m.id === meetingId);
  if (!meeting) throw notFound(`Meeting ${meetingId} not found`);
  return meeting;
}

function findSession(app: AppRecord, sessionId: string, context: RouteContext): SessionRecord {
  requireUuid(sessionId, 'session_id');
  const session = app.id === SAMPLE_APP_ID ? getWorld().sessionsById.get(sessionId) : undefined;
  if (!session) throw notFound(`Session ${sessionId} not found`);
  return current(session, context);
}

const livePeerIndexes = new WeakMap<SessionRecord, Map<string, PeerRecord>>();

function findPeer(peerId: string, context: RouteContext): PeerRecord | undefined {
  const world = getWorld();
  const built = world.peersById.get(peerId);
  if (built) return built;
  for (const session of world.sessions.filter((s) => s.role === 'live').map((s) => current(s, context))) {
    let index = livePeerIndexes.get(session);
    if (!index) {
      index = new Map(session.participants.flatMap((p) => p.peers.map((peer) => [peer.id, peer] as const)));
      livePeerIndexes.set(session, index);
    }
    const peer = index.get(peerId);
    if (peer) return peer;
  }
  return undefined;
}

/** A participant whose statistics cannot be read fails the same way every time (stories). */
function failStatistics(participant: ParticipantRecord, peerId: string): void {
  if (participant.statsFailure === 500) throw new ApiError(realtimeKitError(500, 'Internal server error'));
  if (participant.statsFailure === 404) throw notFound(`Peer report not found for peer ${peerId}`);
}

const participantIndexes = new WeakMap<SessionRecord, Map<string, ParticipantRecord>>();

function findParticipant(session: SessionRecord, participantId: string): ParticipantRecord {
  let index = participantIndexes.get(session);
  if (!index) {
    index = new Map(session.participants.map((p) => [p.id, p]));
    participantIndexes.set(session, index);
  }
  const participant = index.get(participantId);
  if (!participant) throw notFound(`Participant ${participantId} not found in session ${session.id}`);
  return participant;
}

function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

function listApps(query: URLSearchParams): ApiResponse {
  const search = query.get('search') ?? '';
  const order = enumParam(query, 'sort_order', ['ASC', 'DESC'] as const) ?? 'DESC';
  const apps = getWorld()
    .apps.filter((a) => contains(a.name, search))
    .sort((a, b) => (order === 'ASC' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
  const { items, paging } = paginate(apps, query);
  return ok(items.map(appJson), paging);
}

function listMeetings(app: AppRecord, query: URLSearchParams): ApiResponse {
  const search = query.get('search') ?? '';
  const status = enumParam(query, 'status', ['ACTIVE', 'INACTIVE'] as const);
  const from = timeParam(query, 'start_time') ?? -Infinity;
  const to = timeParam(query, 'end_time') ?? Infinity;
  const meetings = meetingsOf(app)
    .filter((m) => (contains(m.title, search) || m.id === search) && (!status || m.status === status))
    .filter((m) => m.createdAt >= from && m.createdAt <= to)
    .sort((a, b) => b.createdAt - a.createdAt);
  const { items, paging } = paginate(meetings, query);
  return ok(items.map(meetingJson), paging);
}

function listSessions(app: AppRecord, query: URLSearchParams, context: RouteContext): ApiResponse {
  const search = query.get('search') ?? '';
  const status = enumParam(query, 'status', ['LIVE', 'ENDED'] as const);
  const associatedRaw = query.get('associated_id');
  const associatedId = associatedRaw ? requireUuid(associatedRaw, 'associated_id') : undefined;
  const from = timeParam(query, 'start_time') ?? -Infinity;
  const to = timeParam(query, 'end_time') ?? Infinity;
  const participants = rangeParam(query, 'participants');
  const sortBy = enumParam(query, 'sort_by', ['createdAt', 'minutesConsumed'] as const) ?? 'createdAt';
  const direction = (enumParam(query, 'sort_order', ['ASC', 'DESC'] as const) ?? 'DESC') === 'ASC' ? 1 : -1;
  const key = (s: SessionRecord) => (sortBy === 'createdAt' ? s.startedAt : sessionMinutesConsumed(s));
  const sessions = sessionsOf(app, context)
    .filter((s) => !search || contains(s.meeting.title, search) || s.meeting.id === search || s.id === search)
    .filter((s) => (!status || s.status === status) && (!associatedId || s.meeting.id === associatedId))
    .filter((s) => s.startedAt >= from && s.startedAt <= to)
    .filter((s) => !participants || (s.participants.length >= participants.min && s.participants.length <= participants.max))
    .sort((a, b) => direction * (key(a) - key(b)));
  const { items, paging } = paginate(sessions, query);
  return ok({ sessions: items.map(sessionJson) }, paging);
}

const durationOrders = new WeakMap<SessionRecord, ParticipantRecord[]>();

function byDuration(session: SessionRecord): ParticipantRecord[] {
  let sorted = durationOrders.get(session);
  if (!sorted) {
    const duration = (p: ParticipantRecord) => (p.leftAt ?? session.asOf) - p.joinedAt;
    sorted = [...session.participants].sort((a, b) => duration(a) - duration(b));
    durationOrders.set(session, sorted);
  }
  return sorted;
}

function listSessionParticipants(session: SessionRecord, query: URLSearchParams): ApiResponse {
  const search = query.get('search') ?? '';
  const sortBy = enumParam(query, 'sort_by', ['joinedAt', 'duration'] as const) ?? 'joinedAt';
  const descending = enumParam(query, 'sort_order', ['ASC', 'DESC'] as const) === 'DESC';
  const includePeerEvents = booleanParam(query, 'include_peer_events', false);
  // Participants are stored in join order and the duration order is cached, so a page of 5,000 is a slice.
  let participants = sortBy === 'joinedAt' ? session.participants : byDuration(session);
  if (descending) participants = [...participants].reverse();
  if (search) {
    participants = participants.filter((p) => contains(p.displayName, search) || p.id === search || p.customParticipantId === search);
  }
  const { items, paging } = paginate(participants, query);
  const rendered = items.map((p) => ({ ...participantBaseJson(p), ...(includePeerEvents ? { peer_events: peerEventsJson(p) } : {}) }));
  return ok({ participants: rendered, paging });
}

function participantDetails(session: SessionRecord, participantId: string, query: URLSearchParams): ApiResponse {
  const participant = findParticipant(session, participantId);
  // The legacy generation kept statistics in these details; the current one in peer reports only.
  if (session.generation === 'legacy') failStatistics(participant, participant.peers[0].id);
  const includePeerEvents = booleanParam(query, 'include_peer_events', false);
  const filters = filtersParam(query);
  return ok(
    session.generation === 'legacy'
      ? legacyParticipantDetails(participant, includePeerEvents, filters)
      : currentParticipantDetails(participant, includePeerEvents),
  );
}

function peerReport(app: AppRecord, peerId: string, query: URLSearchParams, context: RouteContext): ApiResponse {
  requireUuid(peerId, 'peer_id');
  const found = app.id === SAMPLE_APP_ID ? findPeer(peerId, context) : undefined;
  if (!found) throw notFound(`Peer ${peerId} not found`);
  const revision = context.revisionOf(peerId);
  const peer = revision > 0 ? { ...found, revision } : found;
  failStatistics(peer.participant, peerId);
  // Unlike the participant endpoints, the peer report carries peer events unless told otherwise.
  const includePeerEvents = booleanParam(query, 'include_peer_events', true);
  const filters = filtersParam(query);
  const build = () =>
    ok(
      peer.participant.session.generation === 'legacy'
        ? legacyPeerReport(peer, includePeerEvents, filters)
        : currentPeerReport(peer, includePeerEvents, filters),
    );
  if (peer.participant.session.status === 'LIVE') return build();
  return cachedResponse(`${peerId}#${revision}|${includePeerEvents}|${filters ? [...filters].sort().join(',') : ''}`, build, revision);
}

function sessionMedia(session: SessionRecord, kind: MediaKind, query: URLSearchParams, context: RouteContext): ApiResponse {
  const format = kind === 'transcript' ? (enumParam(query, 'format', TRANSCRIPT_FORMATS) ?? 'CSV') : 'CSV';
  return ok(mediaJson(session, kind, format, context.origin));
}

/** `segments` follow /accounts/{account_id}/realtime/kit/. */
export function routeKitRequest(segments: string[], query: URLSearchParams, context: RouteContext): ApiResponse {
  const [first, second, third, fourth, fifth] = segments;
  if (first === 'apps' && segments.length === 1) return listApps(query);
  if (first === 'apps' && segments.length === 2) return ok(appJson(findApp(second)));
  const app = findApp(first);
  if (second === 'meetings') {
    if (segments.length === 2) return listMeetings(app, query);
    const meeting = findMeeting(app, third);
    if (segments.length === 3) return ok(meetingJson(meeting));
    if (fourth === 'participants' && segments.length === 4) {
      const { items, paging } = paginate(meeting.people, query);
      return ok(items.map(meetingPersonJson), paging);
    }
    if (fourth === 'participants' && segments.length === 5) {
      const person = meeting.people.find((p) => p.id === fifth);
      if (!person) throw notFound(`Participant ${fifth} not found in meeting ${meeting.id}`);
      return ok(meetingPersonJson(person));
    }
  }
  if (second === 'sessions') {
    if (segments.length === 2) return listSessions(app, query, context);
    if (third === 'peer-report' && segments.length === 4) return peerReport(app, fourth, query, context);
    const session = findSession(app, third, context);
    if (segments.length === 3) return ok(sessionJson(session));
    if (fourth === 'participants' && segments.length === 4) return listSessionParticipants(session, query);
    if (fourth === 'participants' && segments.length === 5) return participantDetails(session, fifth, query);
    const media = MEDIA_KINDS.find((kind) => kind === fourth);
    if (media && segments.length === 4) return sessionMedia(session, media, query, context);
  }
  throw notFound(`No route for ${segments.join('/')}`);
}
