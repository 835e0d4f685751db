/**
 * The compare panel (viewType realtimekit.compare) as both sides see it: 2 to 8 participants of one
 * session on shared, synced charts, one colour per participant. Pure data; no vscode, no DOM.
 */
import type { DetectedIssue, SdkEventModel, Verdict } from './model';
import type { CausedBy, Affected } from './session';
import type { WireTrack } from './wire';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 8;

export interface ComparedParticipant {
  participantId: string;
  displayName?: string;
  /** Index into the palette: the participant's colour in every chart and legend. */
  colour: number;
  verdict: Verdict;
  issues: DetectedIssue[];
  causedBy: CausedBy[];
  affected: Affected[];
  /** An open overview of the session ranks its poor call degraded: every critical problem was another participant's send side. */
  explainedByOthers?: true;
  /** Every track of every peer, in the wire format of the stats panel (Float64Array columns). */
  tracks: WireTrack[];
  events: SdkEventModel[];
  /** Why it has no charts (its statistics failed, or hold none). */
  error?: string;
}

export interface ComparePayload {
  sessionId: string;
  sessionTitle?: string;
  participants: ComparedParticipant[];
  /** "Attribution needs the current API generation" and the like. */
  notices: string[];
  /** Kept by the webview so a reload can restore the panel from the IDs alone. */
  restore: { accountId: string; appId: string; sessionId: string; participantIds: string[] };
}

export type CompareHostToWebview =
  { type: 'show'; payload: ComparePayload } | { type: 'loading'; title: string } | { type: 'error'; message: string };

export type CompareWebviewToHost =
  { type: 'ready' } | { type: 'rendered' } | { type: 'openParticipant'; participantId: string } | { type: 'copy'; text: string };

/** Messages from the webview are checked at run time: a webview is not trusted input. */
export function isCompareWebviewToHost(value: unknown): value is CompareWebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'rendered':
      return true;
    case 'openParticipant':
      return typeof message.participantId === 'string';
    case 'copy':
      return typeof message.text === 'string';
    default:
      return false;
  }
}
