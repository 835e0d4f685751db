/**
 * What the explorer fetches of a target that no stats panel is fetching: the target's own answer only
 * (the tree lists the participant and its peer events, never statistics, so a session participant's
 * peers' reports are not read), parsed off the extension host's thread whenever it may be large.
 */
import type { RealtimeKitClient } from '../api/client';
import { readData } from '../api/envelope';
import { answerError } from '../api/http';
import { normalizeParticipant } from '../api/normalize';
import type { RequestScheduler } from '../api/scheduler';
import type { Inspection } from '../inspection/inspection';
import type { ParticipantTarget } from '../inspection/inspectionTarget';
import { inspectWithPeerReports } from '../inspection/peerReports';
import { participantOfWire, withLazyRaw } from '../inspection/worker/inspectOffThread';
import { statsWorker } from '../inspection/worker/statsWorkerHost';

export async function inspectForTree(
  client: RealtimeKitClient,
  scheduler: RequestScheduler,
  target: ParticipantTarget,
  signal: AbortSignal,
): Promise<Inspection> {
  // A peer's report is one answer, read by the stats worker; a meeting participant's is small.
  if (target.kind !== 'sessionParticipant') return inspectWithPeerReports(client, scheduler, target, { signal });
  const answer = await client.getSessionParticipantText(
    target,
    target,
    { filters: target.filters, includePeerEvents: target.includePeerEvents ?? true },
    { signal },
  );
  const result = await statsWorker.analyse({ target: { kind: 'sessionParticipant', sessionId: target.sessionId }, text: answer });
  if (result.kind === 'problem') throw answerError(answer, result.problem);
  const fetchedAt = new Date().toISOString();
  if (result.kind === 'analysed') return withLazyRaw({ participant: participantOfWire(result.participant), fetchedAt }, answer);
  // Its statistics are in its peers' reports, so this answer holds none: small enough to read here.
  const read = readData(answer.text);
  if ('problem' in read) throw answerError(answer, read.problem);
  return { raw: read.data, participant: normalizeParticipant('sessionParticipant', read.data, { sessionId: target.sessionId }), fetchedAt };
}
