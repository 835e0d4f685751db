/**
 * What the compare webview saves with setState. Pure: the reader is unit-tested, and the host finds the
 * IDs to reopen the panel from under `restore` after a reload.
 */
import type { ComparePayload } from '../../shared/compare';

export interface ComparePanelState {
  version: 1;
  /** From the payload: the host reopens the comparison from these IDs alone. */
  restore?: ComparePayload['restore'];
  /** The charts' time window in epoch ms; absent: the whole call. */
  zoom?: { from: number; to: number };
  /** Participants whose lines are hidden in every chart (legend toggles). */
  hidden: string[];
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Read back field by field: an older build, or a hand-edited state, may hold anything. */
export function readPanelState(saved: unknown): ComparePanelState {
  const state = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<Record<keyof ComparePanelState, unknown>>;
  const restore = state.restore as Partial<ComparePayload['restore']> | undefined;
  const zoom = state.zoom as Partial<NonNullable<ComparePanelState['zoom']>> | undefined;
  return {
    version: 1,
    restore:
      typeof restore?.accountId === 'string' &&
      typeof restore.appId === 'string' &&
      typeof restore.sessionId === 'string' &&
      isStringList(restore.participantIds)
        ? { accountId: restore.accountId, appId: restore.appId, sessionId: restore.sessionId, participantIds: [...restore.participantIds] }
        : undefined,
    zoom:
      typeof zoom?.from === 'number' &&
      typeof zoom.to === 'number' &&
      Number.isFinite(zoom.from) &&
      Number.isFinite(zoom.to) &&
      zoom.to > zoom.from
        ? { from: zoom.from, to: zoom.to }
        : undefined,
    hidden: isStringList(state.hidden) ? [...state.hidden] : [],
  };
}
