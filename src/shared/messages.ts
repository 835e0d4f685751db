/** Messages between the stats panel host and the webview. Both sides import these types. */
import type { DetectedIssue, Verdict } from './model';
import type { WireParticipant, WirePeerStats } from './wire';

export interface PrecallLimits {
  maxRttMs: number;
  maxJitterMs: number;
  /** 0..1 */
  maxLossFraction: number;
  minThroughputKbps: number;
}

/** Who affected whom around this participant, from the open session overview of its session. */
export interface PanelAttribution {
  /** Its issues that another participant's send side caused; `likely` marks an inference. */
  causedBy: Array<{ participantId: string; name: string; rule: string; evidence: string; likely: boolean }>;
  /** Whom its own send-side problems affected. */
  affected: Array<{ participantId: string; name: string; rule: string }>;
  /** Every critical problem it had was another participant's send side: the overview ranks its poor call degraded. */
  explainedByOthers?: boolean;
  /** The names of the peers it received from, by peer ID, as far as the overview knows them (peerNames.ts). */
  peerNames?: Record<string, string>;
}

export interface PanelPayload {
  participant: WireParticipant;
  issues: DetectedIssue[];
  verdict: Verdict;
  precallLimits: PrecallLimits;
  /** When the data was fetched; a raw JSON answer names it too, so one for older data is ignored. */
  fetchedAt: string;
  /** When a later fetch got the same answers again (Refresh found no change). */
  checkedAt?: string;
  stale?: boolean;
  /** Absent when no overview of its session is open; the panel then offers to open one. */
  attribution?: PanelAttribution;
  /** Set for a session participant, so the panel can offer its session's overview. */
  sessionOverview?: boolean;
  /** The user asked to see the participant's picture: the panel's policy now allows its origin. */
  pictureAllowed?: boolean;
  /** Kept by the webview in its state so a reload can restore the panel from the IDs alone. */
  restore: Record<string, unknown>;
}

export type ExportFormat = 'markdown' | 'json';

/** What the stats webview saves with setState: enough to restore the panel after a reload. */
export interface StatsPanelState {
  /** Index of the peer shown. */
  peer: number;
  /** Its ID, when it has one: after a reload the peer is found by it, wherever the new data lists it. */
  peerId?: string;
  /** The inspected target's IDs; the host checks them before use. */
  restore: Record<string, unknown>;
}

/** Which data a paint was of: when it was fetched, and when last found unchanged. */
export interface PaintedData {
  fetchedAt?: string;
  checkedAt?: string;
}

/** Sent with 'rendered' after a 'show': when the message arrived and when it was painted (the webview's Date.now()). */
export interface RenderTimings {
  received: number;
  painted: number;
}

/**
 * How a new webview started, from its document's own timing: VS Code writes the panel's HTML into a
 * frame whose first request goes through VS Code's service worker, then the panel's script and styles
 * load. A fresh panel's data waits for all of it.
 */
export interface WebviewStart {
  /** From the document's start until VS Code's service worker took its request (0 without one). */
  serviceWorkerMs: number;
  /** The panel's script and style sheet, from the first request to the last byte. */
  bundleMs: number;
  /** Date.now() when the script said "ready". */
  readyAt: number;
}

export function isWebviewStart(value: unknown): value is WebviewStart {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return [item.serviceWorkerMs, item.bundleMs, item.readyAt].every(
    (figure) => typeof figure === 'number' && Number.isFinite(figure) && figure >= 0,
  );
}

/** Timings from a webview are checked like the rest of its messages. */
export function isRenderTimings(value: unknown): value is RenderTimings {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return Number.isFinite(item.received) && Number.isFinite(item.painted);
}

/**
 * The API's answer, pretty-printed by the host, sent only when the user opens Raw JSON (the payload does
 * not carry it: it can be half of a large answer). `text` is the start of it when `totalChars` is more.
 */
export interface RawJsonMessage {
  type: 'rawJson';
  /** The `fetchedAt` of the data it belongs to. */
  fetchedAt: string;
  text: string;
  totalChars: number;
}

/** The most of the raw JSON a panel lays out; Copy and Export JSON take the whole of it on the host. */
export const RAW_JSON_PREVIEW_CHARS = 1_000_000;

export type HostToWebview =
  | { type: 'show'; payload: PanelPayload }
  /** Every sample, right after a 'show' whose payload held a preview of the long tracks (see previewColumns.ts). */
  | { type: 'columns'; participantId?: string; fetchedAt: string; peerStats: WirePeerStats[] }
  /** Fetched again at `checkedAt` and the same as the data fetched at `fetchedAt`: only the panel's note changes. */
  | { type: 'checked'; fetchedAt: string; checkedAt: string }
  | { type: 'loading'; title: string }
  | { type: 'error'; message: string }
  | RawJsonMessage;

export type WebviewToHost =
  /** `start` is a WebviewStart when isWebviewStart says so: a webview that says it is ready is, whatever its timing. */
  | { type: 'ready'; start?: unknown }
  /**
   * `fetchedAt` and `checkedAt`: of the data painted (a 'show' payload's, or a 'checked' message's), so
   * that the host times the paint of what it posted, not of what a restarted webview painted before it.
   */
  | ({ type: 'rendered'; id?: string; timings?: RenderTimings } & PaintedData)
  | { type: 'copy'; text: string }
  /** Raw JSON was opened: the host answers with a RawJsonMessage. */
  | { type: 'rawJson' }
  /** Copy the whole raw answer (the host has it; the panel may hold only its start). */
  | { type: 'copyRawJson' }
  | { type: 'refresh' }
  | { type: 'export'; format: ExportFormat }
  | { type: 'openPeer'; peerId: string }
  | { type: 'showPicture' }
  | { type: 'openParticipant'; participantId: string }
  | { type: 'openSessionOverview' }
  /** The peer shown (its index, and ID when it has one), whenever it is chosen or restored: a first paint carries its columns alone. */
  | { type: 'peerShown'; peer: number; peerId?: string };

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; text?: unknown; format?: unknown };
  switch (message.type) {
    case 'copy':
      return typeof message.text === 'string';
    case 'export':
      return message.format === 'markdown' || message.format === 'json';
    case 'openPeer':
      return typeof (value as { peerId?: unknown }).peerId === 'string';
    case 'openParticipant':
      return typeof (value as { participantId?: unknown }).participantId === 'string';
    case 'peerShown': {
      const { peer, peerId } = value as { peer?: unknown; peerId?: unknown };
      return typeof peer === 'number' && Number.isSafeInteger(peer) && peer >= 0 && (peerId === undefined || typeof peerId === 'string');
    }
    case 'rendered': {
      const { timings, fetchedAt, checkedAt } = value as { timings?: unknown; fetchedAt?: unknown; checkedAt?: unknown };
      const optionalText = (field: unknown) => field === undefined || typeof field === 'string';
      return (timings === undefined || isRenderTimings(timings)) && optionalText(fetchedAt) && optionalText(checkedAt);
    }
    case 'ready':
    case 'rawJson':
    case 'copyRawJson':
    case 'refresh':
    case 'showPicture':
    case 'openSessionOverview':
      return true;
    default:
      return false;
  }
}
