/**
 * What the compare panel shows of 2 to 8 participants of one session: each one's tracks in the wire
 * format, its events, its issues and verdict, and who affected whom among them. Pure: everything heavy
 * (columns, issues, digests) was done by the stats worker, so no sample is touched here.
 */
import type { ComparedParticipant, ComparePayload } from '../shared/compare';
import type { DetectedIssue, Verdict } from '../shared/model';
import type { WireParticipant } from '../shared/wire';
import { attributeSession, attributionNotice, type AttributionInput } from './attribution';
import type { PeerDigest } from './attributionDigest';

/** A participant's statistics as the stats worker analysed them. */
export interface ComparedStatistics {
  wire: WireParticipant;
  issues: DetectedIssue[];
  verdict: Verdict;
  digest: readonly PeerDigest[];
}

export interface CompareInput {
  participantId: string;
  displayName?: string;
  peerIds: readonly string[];
  statistics?: ComparedStatistics;
  error?: string;
  /** What an open overview of the session says of it (ComparedParticipant.explainedByOthers). */
  explainedByOthers?: boolean;
}

export function comparePayload(
  scope: { accountId: string; appId: string },
  session: { sessionId: string; title?: string },
  inputs: readonly CompareInput[],
): ComparePayload {
  const attributionInputs: AttributionInput[] = inputs.flatMap((input) =>
    input.statistics
      ? [
          {
            participantId: input.participantId,
            displayName: input.displayName ?? input.statistics.wire.displayName,
            peerIds: input.peerIds,
            peers: input.statistics.digest,
          },
        ]
      : [],
  );
  const attribution = attributeSession(attributionInputs);
  const notice = attributionNotice(attributionInputs);
  const participants = inputs.map((input, colour): ComparedParticipant => {
    const statistics = input.statistics;
    const found = attribution.get(input.participantId);
    const base = {
      participantId: input.participantId,
      displayName: input.displayName ?? statistics?.wire.displayName,
      colour,
      causedBy: found?.causedBy ?? [],
      affected: found?.affected ?? [],
      ...(input.explainedByOthers && statistics?.verdict.level === 'poor' ? { explainedByOthers: true as const } : {}),
    };
    if (!statistics)
      return {
        ...base,
        verdict: { level: 'unknown', line: 'Its statistics could not be read.' },
        issues: [],
        tracks: [],
        events: [],
        error: input.error,
      };
    const { wire } = statistics;
    return {
      ...base,
      verdict: statistics.verdict,
      issues: statistics.issues,
      tracks: wire.peerStats.flatMap((peer) => peer.tracks),
      events: wire.peerStats.flatMap((peer) => peer.events),
      error: input.error,
    };
  });
  return {
    sessionId: session.sessionId,
    sessionTitle: session.title,
    participants,
    notices: notice ? [notice] : [],
    restore: { ...scope, sessionId: session.sessionId, participantIds: inputs.map((input) => input.participantId) },
  };
}
