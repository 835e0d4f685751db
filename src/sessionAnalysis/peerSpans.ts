/**
 * A participant's connections (peers) from its peer events: when each joined and left, so reconnect
 * gaps show, and which participant owns which peer (the join from a receiver to its sender).
 */
import { text } from '../api/coerce';
import type { RawPeerEvent, RawSessionParticipant } from '../api/types';
import type { PeerSpan } from '../shared/session';
import { epochMs } from './epoch';

const STARTS = new Set(['PEER_JOINING', 'PEER_CREATED']);
const ENDS = new Set(['PEER_LEAVING']);

/** One span per peer, earliest first: from its first join/create event, to its last leave event. */
export function peerSpans(events: readonly RawPeerEvent[] | undefined): PeerSpan[] {
  const spans = new Map<string, PeerSpan>();
  for (const event of events ?? []) {
    const peerId = text(event.peer_id);
    if (!peerId) continue;
    const span = spans.get(peerId) ?? { peerId };
    spans.set(peerId, span);
    const at = epochMs(event.created_at);
    const name = text(event.event_name) ?? '';
    if (at === undefined) continue;
    if (STARTS.has(name) && (span.from === undefined || at < span.from)) span.from = at;
    if (ENDS.has(name) && (span.to === undefined || at > span.to)) span.to = at;
  }
  return [...spans.values()].sort((a, b) => (a.from ?? Infinity) - (b.from ?? Infinity));
}

/** How many peers the events name: peerSpans(events).length without reading a time. */
export function peerCount(events: readonly RawPeerEvent[] | undefined): number {
  const peerIds = new Set<string>();
  for (const event of events ?? []) {
    const peerId = text(event.peer_id);
    if (peerId) peerIds.add(peerId);
  }
  return peerIds.size;
}

/** peerId → participantId over the whole session, from every participant's peer events. */
export function peerOwners(participants: readonly RawSessionParticipant[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const participant of participants) {
    const participantId = text(participant.id);
    if (!participantId) continue;
    for (const event of participant.peer_events ?? []) {
      const peerId = text(event.peer_id);
      if (peerId) owners.set(peerId, participantId);
    }
  }
  return owners;
}
