/** Well-known IDs in the sample world, for tests and docs. */
import { HOSTILE_DISPLAY_NAME, getWorld, sessionByRole, type ParticipantRecord, type SessionRecord } from './world';

export interface CatalogParticipant {
  id: string;
  displayName: string;
  peerIds: string[];
}

export interface CatalogSession {
  id: string;
  meetingId: string;
  participants: CatalogParticipant[];
}

export interface SampleCatalog {
  /** Current-generation shapes, 6 participants, LIVE (two participants are still in it). */
  currentSession: CatalogSession;
  /** Legacy shapes (peer_stats, quality_stats), 4 participants. */
  legacySession: CatalogSession;
  /** 1,650 participants, current shapes. */
  largeSession: { id: string; participantCount: number };
  /** Exactly 5,000 participants, for benchmarks. */
  hugeSession: { id: string; participantCount: number };
  /** For GET /meetings/{id}/participants/{participant_id}. */
  meeting: { id: string; participantId: string; participantName: string };
  /** Two peers (a reconnect); loss bursts, jitter spikes and a cpu-limited video sender, then a relay-only peer. */
  troubledParticipant: { sessionId: string; participantId: string; peerIds: string[] };
  /** A participant whose display name is HTML and Markdown markup (legacy session). */
  hostileParticipant: { sessionId: string; participantId: string; displayName: string };
}

function catalogParticipant(participant: ParticipantRecord): CatalogParticipant {
  return { id: participant.id, displayName: participant.displayName, peerIds: participant.peers.map((p) => p.id) };
}

function catalogSession(session: SessionRecord): CatalogSession {
  return { id: session.id, meetingId: session.meeting.id, participants: session.participants.map(catalogParticipant) };
}

export function sampleCatalog(): SampleCatalog {
  getWorld();
  const current = sessionByRole('current');
  const large = sessionByRole('large');
  const huge = sessionByRole('huge');
  const troubled = current.participants.find((p) => p.peers[0].scenario.cpuLimited && p.peers.length >= 2);
  if (!troubled) throw new Error('The sample world lost its troubled participant');
  const person = current.meeting.people.find((p) => p.id === troubled.userId) ?? current.meeting.people[0];
  const legacy = sessionByRole('legacy');
  const hostile = legacy.participants.find((p) => p.displayName === HOSTILE_DISPLAY_NAME);
  if (!hostile) throw new Error('The sample world lost its hostile participant');
  return {
    currentSession: catalogSession(current),
    legacySession: catalogSession(legacy),
    largeSession: { id: large.id, participantCount: large.participants.length },
    hugeSession: { id: huge.id, participantCount: huge.participants.length },
    meeting: { id: current.meeting.id, participantId: person.id, participantName: person.name },
    troubledParticipant: { sessionId: current.id, participantId: troubled.id, peerIds: troubled.peers.map((p) => p.id) },
    hostileParticipant: { sessionId: legacy.id, participantId: hostile.id, displayName: hostile.displayName },
  };
}
