/**
 * What `realtimekit.showSessionOverview` resolves to: the shape fixed in interface.md, exactly those
 * keys, participants worst first.
 */
import type { RawSession } from '../api/types';
import type { OverviewParticipant, ParticipantRow, SessionOverviewResult } from '../shared/session';
import { rankRows } from './ranking';

function participantOf(row: ParticipantRow): OverviewParticipant {
  const causedBy: OverviewParticipant['causedBy'] = [];
  for (const cause of row.causedBy) {
    if (!causedBy.some((item) => item.participantId === cause.participantId && item.rule === cause.rule))
      causedBy.push({ participantId: cause.participantId, rule: cause.rule });
  }
  return {
    participantId: row.participantId,
    ...(row.displayName !== undefined ? { displayName: row.displayName } : {}),
    peerIds: [...row.peerIds],
    analysed: row.analysed,
    verdict: row.verdict,
    issues: [...row.issues],
    causedBy,
    ...(row.error !== undefined ? { error: row.error } : {}),
  };
}

export function overviewResult(sessionId: string, session: RawSession | undefined, rows: readonly ParticipantRow[]): SessionOverviewResult {
  return {
    sessionId,
    ...(session !== undefined ? { session } : {}),
    participants: rankRows(rows).map(participantOf),
  };
}
