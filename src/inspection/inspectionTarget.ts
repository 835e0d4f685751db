/**
 * What the user inspects, by its IDs: a session, a session participant, a peer or a meeting
 * participant. Persisted as IDs only; the data is fetched again. One key per target, so the same
 * participant asked twice is one tree item and one panel.
 */
import type { Scope } from '../api/client';
import type { StatsFilter } from '../api/endpoints';

type Scoped<T> = Scope & { label?: string } & T;

export type InspectionTarget =
  | Scoped<{ kind: 'session'; sessionId: string }>
  | Scoped<{ kind: 'sessionParticipant'; sessionId: string; participantId: string; filters?: StatsFilter[]; includePeerEvents?: boolean }>
  | Scoped<{ kind: 'peer'; peerId: string; filters?: StatsFilter[] }>
  | Scoped<{ kind: 'meetingParticipant'; meetingId: string; participantId: string }>;

/** A target that has call statistics of its own (everything but a session). */
export type ParticipantTarget = Exclude<InspectionTarget, { kind: 'session' }>;

export function targetKey(target: InspectionTarget): string {
  const scope = `${target.accountId}/${target.appId}`;
  switch (target.kind) {
    case 'session':
      return `session:${scope}/${target.sessionId}`;
    case 'sessionParticipant':
      return `sessionParticipant:${scope}/${target.sessionId}/${target.participantId}`;
    case 'peer':
      return `peer:${scope}/${target.peerId}`;
    case 'meetingParticipant':
      return `meetingParticipant:${scope}/${target.meetingId}/${target.participantId}`;
  }
}

/** The key of a session; `scope` may be any object with the account and app (a target, say). */
export function sessionKey(scope: Scope, sessionId: string): string {
  return targetKey({ kind: 'session', accountId: scope.accountId, appId: scope.appId, sessionId });
}

/** The ID a person would look for: the session's, the peer's or the participant's. */
export function primaryId(target: InspectionTarget): string {
  switch (target.kind) {
    case 'session':
      return target.sessionId;
    case 'peer':
      return target.peerId;
    case 'sessionParticipant':
    case 'meetingParticipant':
      return target.participantId;
  }
}

export function scopeOf(target: InspectionTarget): Scope {
  return { accountId: target.accountId, appId: target.appId };
}

/** Checks a value read back from storage or a webview's state: neither is trusted. */
export function isInspectionTarget(value: unknown): value is InspectionTarget {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  const strings = (...keys: string[]) => keys.every((key) => typeof item[key] === 'string');
  if (!strings('accountId', 'appId')) return false;
  if (item.label !== undefined && typeof item.label !== 'string') return false;
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
