/**
 * Turns any of the API's participant-shaped answers into one InspectedParticipant. Never throws:
 * what is missing is left undefined.
 */
import type { Generation, InspectedKind, InspectedParticipant, PeerEventModel, PeerSummary } from '../shared/model';
import { num, record, records, text } from './coerce';
import { absentSections, isCurrentReport, peerStatsOf } from './normalizeStats';

/** The participant object inside `data`: `data.participant` (details, current peer report) or `data` itself. */
function participantOf(data: unknown): Record<string, unknown> {
  const root = record(data) ?? {};
  return record(root.participant) ?? root;
}

export function detectGenerations(participant: Record<string, unknown>): Generation[] {
  const found = new Set<Generation>();
  if (record(participant.peer_stats) || Array.isArray(participant.quality_stats)) found.add('legacy');
  const report = record(participant.peer_report);
  if (report) found.add(isCurrentReport(report) ? 'current' : 'legacy');
  if (Array.isArray(participant.peer_events) && !found.size) found.add('current');
  return [...found];
}

function peerEventsOf(participant: Record<string, unknown>): PeerEventModel[] {
  return records(participant.peer_events)
    .map((event) => ({
      id: text(event.id),
      name: text(event.event_name) ?? text(event.name) ?? 'UNKNOWN_EVENT',
      at: text(event.created_at) ?? text(event.timestamp),
      peerId: text(event.peer_id),
      viewType: text(event.preset_view_type),
    }))
    .sort((a, b) => (Date.parse(a.at ?? '') || 0) - (Date.parse(b.at ?? '') || 0));
}

function peersOf(participant: Record<string, unknown>, events: PeerEventModel[], reportPeerId: string | undefined): PeerSummary[] {
  const peers = new Map<string, PeerSummary>();
  const touch = (peerId: string | undefined, at?: string) => {
    if (!peerId) return;
    const peer = peers.get(peerId) ?? { peerId };
    if (at && (!peer.firstSeen || at < peer.firstSeen)) peer.firstSeen = at;
    if (at && (!peer.lastSeen || at > peer.lastSeen)) peer.lastSeen = at;
    peers.set(peerId, peer);
  };
  touch(reportPeerId);
  for (const stats of records(participant.quality_stats)) touch(text(stats.peer_id), text(stats.start));
  for (const event of events) touch(event.peerId, event.at);
  return [...peers.values()].sort((a, b) => (a.firstSeen ?? '').localeCompare(b.firstSeen ?? ''));
}

export function normalizeParticipant(
  kind: InspectedKind,
  data: unknown,
  hints: { peerId?: string; sessionId?: string } = {},
): InspectedParticipant {
  const participant = participantOf(data);
  const peerEvents = peerEventsOf(participant);
  const generations = detectGenerations(participant);
  const peerStats = peerStatsOf(participant, { peerId: hints.peerId });
  return {
    kind,
    id: text(participant.id),
    displayName: text(participant.display_name) ?? text(participant.name),
    userId: text(participant.user_id),
    customParticipantId: text(participant.custom_participant_id),
    presetName: text(participant.preset_name),
    role: text(participant.role),
    viewType: peerEvents.find((event) => event.viewType)?.viewType,
    meetingId: text(participant.meeting_id),
    picture: text(participant.picture),
    sessionId: text(participant.session_id) ?? hints.sessionId,
    joinedAt: text(participant.joined_at),
    leftAt: text(participant.left_at),
    durationMinutes: num(participant.duration),
    createdAt: text(participant.created_at),
    updatedAt: text(participant.updated_at),
    peers: peersOf(participant, peerEvents, hints.peerId),
    peerEvents,
    generations,
    peerStats,
    absent: kind === 'meetingParticipant' ? [] : absentSections(peerStats, peerEvents.length, generations),
  };
}
