/** Merging a participant's peers' reports into it: pure, so the stats worker runs it too. */
import type { InspectedParticipant } from '../shared/model';

/** The peers whose reports hold the participant's statistics: none when its own answer has them. */
export function peersToRead(participant: InspectedParticipant): string[] {
  return participant.peerStats.length > 0 ? [] : [...new Set(participant.peers.map((peer) => peer.peerId))];
}

/** The participant with its peers' statistics; what no peer report held stays named as absent. */
export function mergePeerReports(participant: InspectedParticipant, reports: readonly InspectedParticipant[]): InspectedParticipant {
  const peerStats = reports.flatMap((report) => report.peerStats);
  const generations = [...new Set([...participant.generations, ...reports.flatMap((report) => report.generations)])];
  const absent =
    reports.length > 0
      ? reports.map((report) => report.absent).reduce((common, next) => common.filter((name) => next.includes(name)))
      : participant.absent;
  return { ...participant, peerStats, generations, absent };
}
