/** What the user opened through a command: persisted as IDs only, data is fetched again. */
import type { CallOptions, RealtimeKitClient } from '../api/client';
import type { StatsFilter } from '../api/endpoints';
import { normalizeParticipant } from '../api/normalize';
import type { InspectedParticipant } from '../shared/model';

interface ScopeIds {
  accountId: string;
  appId: string;
  label?: string;
}

export type LookedUp =
  | (ScopeIds & { kind: 'session'; sessionId: string })
  | (ScopeIds & { kind: 'sessionParticipant'; sessionId: string; participantId: string; filters?: StatsFilter[]; includePeerEvents?: boolean })
  | (ScopeIds & { kind: 'peer'; peerId: string; filters?: StatsFilter[] })
  | (ScopeIds & { kind: 'meetingParticipant'; meetingId: string; participantId: string });

/** One key per thing inspected: the same participant asked twice is one tree item and one panel. */
export function lookedUpKey(item: LookedUp): string {
  const scope = `${item.accountId}/${item.appId}`;
  switch (item.kind) {
    case 'session':
      return `session:${scope}/${item.sessionId}`;
    case 'sessionParticipant':
      return `sessionParticipant:${scope}/${item.sessionId}/${item.participantId}`;
    case 'peer':
      return `peer:${scope}/${item.peerId}`;
    case 'meetingParticipant':
      return `meetingParticipant:${scope}/${item.meetingId}/${item.participantId}`;
  }
}

export function isLookedUp(value: unknown): value is LookedUp {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  const strings = (...keys: string[]) => keys.every((key) => typeof item[key] === 'string');
  if (!strings('accountId', 'appId')) return false;
  switch (item.kind) {
    case 'session':
      return strings('sessionId');
    case 'sessionParticipant':
      return strings('sessionId', 'participantId');
    case 'peer':
      return strings('peerId');
    case 'meetingParticipant':
      return strings('meetingId', 'participantId');
    default:
      return false;
  }
}

/** The command and argument object that fetch and show this item again. */
export function reopenCommand(item: LookedUp): { command: string; argument: Record<string, unknown> } {
  const scope = { accountId: item.accountId, appId: item.appId };
  switch (item.kind) {
    case 'session':
      return { command: 'realtimekit.openSession', argument: { ...scope, sessionId: item.sessionId } };
    case 'sessionParticipant':
      return {
        command: 'realtimekit.showSessionParticipant',
        argument: { ...scope, sessionId: item.sessionId, participantId: item.participantId, filters: item.filters, includePeerEvents: item.includePeerEvents },
      };
    case 'peer':
      return { command: 'realtimekit.showPeerReport', argument: { ...scope, peerId: item.peerId, filters: item.filters } };
    case 'meetingParticipant':
      return { command: 'realtimekit.showMeetingParticipant', argument: { ...scope, meetingId: item.meetingId, participantId: item.participantId } };
  }
}

/** Fetches a participant, peer or meeting participant item and normalises the answer. */
export async function fetchInspection(
  client: RealtimeKitClient,
  item: Exclude<LookedUp, { kind: 'session' }>,
  options: CallOptions = {},
): Promise<{ raw: Record<string, unknown>; participant: InspectedParticipant }> {
  switch (item.kind) {
    case 'sessionParticipant': {
      const raw = await client.getSessionParticipant(item, item, { filters: item.filters, includePeerEvents: item.includePeerEvents ?? true }, options);
      return { raw, participant: normalizeParticipant('sessionParticipant', raw, { sessionId: item.sessionId }) };
    }
    case 'peer': {
      const raw = await client.getPeerReport(item, item.peerId, { filters: item.filters, includePeerEvents: true }, options);
      return { raw, participant: normalizeParticipant('peer', raw, { peerId: item.peerId }) };
    }
    case 'meetingParticipant': {
      const raw: Record<string, unknown> = { ...(await client.getMeetingParticipant(item, item, options)) };
      return { raw, participant: normalizeParticipant('meetingParticipant', raw) };
    }
  }
}
