/**
 * The session overview as both sides see it: one row per participant, the header, and the messages
 * between the session panel host and its webview. Pure data; no vscode, no DOM.
 */
import type { Severity, Verdict } from './model';
import { isRenderTimings, type RenderTimings } from './messages';

export type VerdictLevel = Verdict['level'];

/** A receive-side issue of one participant explained by another participant's send side. */
export interface CausedBy {
  participantId: string;
  rule: string;
  /** "likely" when the sender's own samples are missing and several receivers suffered at once. */
  confidence?: 'certain' | 'likely';
  /** The whole clause, e.g. "caused by Sam's uplink: 12 % loss 10:03:00–10:05:00 UTC" or "likely Sam's uplink (inferred: …)". */
  evidence?: string;
  /** The first of the receiver's windows it accounts for (the evidence's). */
  from?: number;
  to?: number;
  /** Every window of the receiver's it accounts for, with this confidence (the first is from/to). */
  windows?: Array<{ from: number; to: number }>;
}

/** What a participant's send-side problem did to others (the sender's side of CausedBy). */
export interface Affected {
  participantId: string;
  rule: string;
  confidence?: 'certain' | 'likely';
  evidence?: string;
}

export interface PeerSpan {
  peerId: string;
  /** Epoch ms. */
  from?: number;
  to?: number;
}

export interface IssueWindow {
  rule: string;
  severity: Severity;
  title: string;
  peerId?: string;
  /** About what it received (true) or sent (false); absent when the issue is about neither. */
  received?: boolean;
  from: number;
  to: number;
}

/** Where a row is in its analysis. */
export type RowState = 'waiting' | 'analysing' | 'analysed' | 'failed' | 'skipped';

export interface ParticipantRow {
  participantId: string;
  displayName?: string;
  customParticipantId?: string;
  preset?: string;
  /** Epoch ms. */
  joinedAt?: number;
  leftAt?: number;
  durationMinutes?: number;
  peerIds: string[];
  /** Peers minus one: each reconnect is a new peer. */
  reconnects: number;
  browser?: string;
  os?: string;
  sdk?: string;
  networkType?: string;
  /** True when a relay (TURN) candidate carried media. */
  relay?: boolean;
  worstMos?: number;
  worstLossPct?: number;
  p95RttMs?: number;
  state: RowState;
  analysed: boolean;
  verdict: VerdictLevel;
  /** Rule IDs, most severe first. */
  issues: string[];
  /** Title of the most severe issue, for the table. */
  topIssue?: string;
  /** How many of its issues are critical: the worst-first order's second key. */
  criticalIssues?: number;
  causedBy: CausedBy[];
  affected: Affected[];
  /** Poor in its own statistics, ranked degraded: every critical problem was another participant's send side. */
  explainedByOthers?: true;
  peers: PeerSpan[];
  issueWindows: IssueWindow[];
  error?: string;
}

/** One participant in the resolved value of `realtimekit.showSessionOverview` (interface.md: exactly these keys). */
export interface OverviewParticipant {
  participantId: string;
  displayName?: string;
  peerIds: string[];
  analysed: boolean;
  verdict: VerdictLevel;
  issues: string[];
  causedBy: Array<{ participantId: string; rule: string }>;
  error?: string;
}

/** The resolved value of `realtimekit.showSessionOverview`; participants worst first. */
export interface SessionOverviewResult {
  sessionId: string;
  /** `data` of GET /sessions/{session_id}, when it answered. */
  session?: object;
  participants: OverviewParticipant[];
}

export interface SessionHeader {
  sessionId: string;
  title?: string;
  status?: string;
  live: boolean;
  startedAt?: string;
  endedAt?: string;
  durationMinutes?: number;
  maxConcurrentParticipants?: number;
  minutesConsumed?: number;
  type?: string;
  /** Retention notices ("call statistics are kept for 30 days: this session is 41 days old"). */
  notices: string[];
}

export interface SessionResource {
  kind: 'transcript' | 'summary' | 'chat';
  state: 'available' | 'not-available' | 'error' | 'unknown';
  /** Download link from the API, shown as text and opened only through the host. */
  url?: string;
  expiresAt?: string;
  detail?: string;
}

export interface SessionProgress {
  analysed: number;
  total: number;
  running: boolean;
  /** Set when the session has more participants than are analysed automatically. */
  pendingAnalyseAll?: { participants: number; requests: number; estimatedSeconds: number };
  live?: { polling: boolean; everySeconds: number; lastReadAt?: string };
}

/** Kept in the webview's saved state so a reload can restore the overview from its IDs alone. */
export interface SessionRestore {
  accountId: string;
  appId: string;
  sessionId: string;
}

export type SessionHostToWebview =
  | { type: 'header'; header: SessionHeader; verdictLine: string; restore: SessionRestore }
  | { type: 'rows'; rows: ParticipantRow[]; replace: boolean }
  | { type: 'progress'; progress: SessionProgress }
  | { type: 'resources'; resources: SessionResource[] }
  | { type: 'error'; message: string };

export type SessionWebviewToHost =
  | { type: 'ready' }
  | { type: 'rendered'; timings?: RenderTimings }
  | { type: 'openParticipant'; participantId: string }
  | { type: 'compare'; participantIds: string[] }
  | { type: 'retry'; participantId: string }
  | { type: 'stop' }
  | { type: 'analyseAll' }
  | { type: 'setLivePolling'; polling: boolean }
  | { type: 'openResource'; kind: SessionResource['kind'] }
  | { type: 'copy'; text: string }
  | { type: 'export' };

/** Messages from the webview are checked at run time: a webview is not trusted input. */
export function isSessionWebviewToHost(value: unknown): value is SessionWebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'rendered':
      return message.timings === undefined || isRenderTimings(message.timings);
    case 'ready':
    case 'stop':
    case 'analyseAll':
    case 'export':
      return true;
    case 'openParticipant':
    case 'retry':
      return typeof message.participantId === 'string';
    case 'compare':
      return Array.isArray(message.participantIds) && message.participantIds.every((id) => typeof id === 'string');
    case 'setLivePolling':
      return typeof message.polling === 'boolean';
    case 'openResource':
      return message.kind === 'transcript' || message.kind === 'summary' || message.kind === 'chat';
    case 'copy':
      return typeof message.text === 'string';
    default:
      return false;
  }
}

/**
 * The whole table as 'rows' messages of at most `size` rows: the first replaces what the webview shows,
 * the others add to it in order. VS Code serialises (and compresses) each message on the extension
 * host's thread: one message of a 2,345-row list held it for 164 ms.
 */
export function tableInParts(rows: readonly ParticipantRow[], size: number): Array<Extract<SessionHostToWebview, { type: 'rows' }>> {
  const parts: Array<Extract<SessionHostToWebview, { type: 'rows' }>> = [];
  for (let start = 0; start === 0 || start < rows.length; start += size)
    parts.push({ type: 'rows', rows: rows.slice(start, start + size), replace: start === 0 });
  return parts;
}
