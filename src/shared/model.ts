/** The normalised model the tree and the stats panel consume, whichever API generation the data came in. */

export type Generation = 'legacy' | 'current';

export type InspectedKind = 'sessionParticipant' | 'peer' | 'meetingParticipant';

export interface PeerEventModel {
  id?: string;
  name: string;
  at?: string;
  peerId?: string;
  viewType?: string;
}

export interface PeerSummary {
  peerId: string;
  firstSeen?: string;
  lastSeen?: string;
}

export interface InspectedParticipant {
  kind: InspectedKind;
  id?: string;
  displayName?: string;
  userId?: string;
  customParticipantId?: string;
  presetName?: string;
  role?: string;
  sessionId?: string;
  joinedAt?: string;
  leftAt?: string;
  durationMinutes?: number;
  createdAt?: string;
  updatedAt?: string;
  peers: PeerSummary[];
  peerEvents: PeerEventModel[];
  /** Which response generations the data showed; empty when it showed neither. */
  generations: Generation[];
}
