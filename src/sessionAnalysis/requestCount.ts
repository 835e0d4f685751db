/** How many requests analysing a session's participants takes, for "Analyse all: N requests, about …". */
import type { RawSessionParticipant } from '../api/types';
import { peerSpans } from './peerSpans';

/**
 * Per participant: its details, plus one peer report per peer (current generation). The generation is
 * only known once an answer is in, so this is the upper bound.
 */
export function analysisRequestCount(participants: readonly RawSessionParticipant[]): number {
  let requests = 0;
  for (const participant of participants) requests += 1 + peerSpans(participant.peer_events).length;
  return requests;
}
