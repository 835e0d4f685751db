/** How many requests analysing a session's participants takes, for "Analyse all: N requests, about …". */
import type { RawSessionParticipant } from '../api/types';
import { peerCount } from './peerSpans';

/**
 * Per participant: its details, plus one peer report per peer (current generation). The generation is
 * only known once an answer is in, so this is the upper bound.
 */
export function analysisRequestCount(participants: readonly RawSessionParticipant[]): number {
  let requests = 0;
  // Counted, not spanned: the overview asks again as rows come in, over thousands of participants.
  for (const participant of participants) requests += 1 + peerCount(participant.peer_events);
  return requests;
}
