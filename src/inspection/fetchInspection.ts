/** Fetches a participant, peer or meeting participant target and normalises the answer. */
import type { CallOptions, RealtimeKitClient } from '../api/client';
import type { PhaseRecorder } from '../common/phaseTimes';
import { normalizeParticipant } from '../api/normalize';
import type { Inspection } from './inspection';
import type { ParticipantTarget } from './inspectionTarget';

export async function fetchInspection(
  client: RealtimeKitClient,
  target: ParticipantTarget,
  options: Omit<CallOptions, 'phases'> & { phases?: PhaseRecorder } = {},
): Promise<Inspection> {
  const fetchedAt = () => new Date().toISOString();
  const normalise = <T>(work: () => T): T => (options.phases ? options.phases.time('normalise', work) : work());
  switch (target.kind) {
    case 'sessionParticipant': {
      const params = { filters: target.filters, includePeerEvents: target.includePeerEvents ?? true };
      const raw = await client.getSessionParticipant(target, target, params, options);
      return {
        raw,
        participant: normalise(() => normalizeParticipant('sessionParticipant', raw, { sessionId: target.sessionId })),
        fetchedAt: fetchedAt(),
      };
    }
    case 'peer': {
      const raw = await client.getPeerReport(target, target.peerId, { filters: target.filters, includePeerEvents: true }, options);
      return { raw, participant: normalise(() => normalizeParticipant('peer', raw, { peerId: target.peerId })), fetchedAt: fetchedAt() };
    }
    case 'meetingParticipant': {
      const raw: Record<string, unknown> = { ...(await client.getMeetingParticipant(target, target, options)) };
      return { raw, participant: normalise(() => normalizeParticipant('meetingParticipant', raw)), fetchedAt: fetchedAt() };
    }
  }
}
