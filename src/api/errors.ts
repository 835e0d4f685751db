/**
 * One error type for everything the API layer can fail with. It carries what a person needs to act
 * (status, API code and message, endpoint, IDs) and never the token or request headers.
 */

export type ApiErrorKind =
  | 'invalidInput'
  | 'noToken'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'badRequest'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'apiFailure'
  | 'tooLarge'
  | 'cancelled';

export interface ApiErrorDetails {
  kind: ApiErrorKind;
  /** What was being done, e.g. "Fetching session participant". */
  operation: string;
  /** Path template without the base URL, e.g. /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}. */
  endpoint?: string;
  /** IDs involved, by role (sessionId, participantId, ...). */
  ids?: Record<string, string>;
  status?: number;
  apiCode?: number | string;
  apiMessage?: string;
  retryAfterSeconds?: number;
  /** Longest wait between attempts; set when the server asked for a longer one, which was not waited for. */
  maxWaitSeconds?: number;
  /** The response size cap an answer went over ('tooLarge'). */
  limitBytes?: number;
}

const IS_NETWORK_KIND: ReadonlySet<ApiErrorKind> = new Set(['network', 'timeout', 'server', 'rateLimited']);

/** The request was cancelled (Cancel, Stop, a closed panel, a Refresh dropping what was in flight): no failure to report. */
export function isCancellation(error: unknown): boolean {
  return error instanceof RealtimeKitApiError && error.kind === 'cancelled';
}

export class RealtimeKitApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly operation: string;
  readonly endpoint?: string;
  readonly ids: Record<string, string>;
  readonly status?: number;
  readonly apiCode?: number | string;
  readonly apiMessage?: string;
  readonly retryAfterSeconds?: number;
  readonly maxWaitSeconds?: number;
  readonly limitBytes?: number;

  constructor(details: ApiErrorDetails) {
    super(describe(details));
    this.name = 'RealtimeKitApiError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.endpoint = details.endpoint;
    this.ids = details.ids ?? {};
    this.status = details.status;
    this.apiCode = details.apiCode;
    this.apiMessage = details.apiMessage;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.maxWaitSeconds = details.maxWaitSeconds;
    this.limitBytes = details.limitBytes;
  }

  /** Network trouble, time-outs, 5xx and rate limits may pass: offer a Retry action. */
  get retryable(): boolean {
    return IS_NETWORK_KIND.has(this.kind);
  }
}

function idList(ids: Record<string, string> | undefined): string {
  const entries = Object.entries(ids ?? {});
  return entries.map(([role, id]) => `${humanRole(role)} ${id}`).join(', ');
}

/** "peerId" -> "peer ID", "participantId" -> "participant ID". */
function humanRole(role: string): string {
  return `${role
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()} ID`;
}

/** The user-facing sentence: what failed, why, and what to do next. */
function describe(details: ApiErrorDetails): string {
  const what = `${details.operation} failed`;
  const api = details.apiMessage ? ` (API says: ${details.apiMessage})` : '';
  switch (details.kind) {
    case 'invalidInput':
      return `${what}: ${details.apiMessage ?? 'an ID is not valid'}.`;
    case 'noToken':
      return `${what}: no API token is stored. Run "RealtimeKit: Set API Token".`;
    case 'unauthorized':
      return `${what}: the API token is invalid or expired (HTTP 401)${api}. Set a new token with "RealtimeKit: Set API Token".`;
    case 'forbidden':
      return `${what}: the API token lacks the Realtime or Realtime Admin permission for this account (HTTP 403)${api}. Check the token's permissions and the account ID.`;
    case 'notFound': {
      const ids = idList(details.ids);
      return `${what}: not found (HTTP 404)${ids ? ` for ${ids}` : ''}${api}. Check the IDs, the account and the app.`;
    }
    case 'rateLimited': {
      if (details.maxWaitSeconds !== undefined) return `${what}: rate limited by the Cloudflare API (HTTP 429)${tooLongWait(details)}`;
      const wait =
        details.retryAfterSeconds !== undefined ? ` Try again in ${details.retryAfterSeconds} s.` : ' Try again in a few minutes.';
      return `${what}: rate limited by the Cloudflare API (HTTP 429), still after retrying.${wait}`;
    }
    case 'server':
      if (details.maxWaitSeconds !== undefined)
        return `${what}: the API answered HTTP ${details.status ?? '5xx'}${api}${tooLongWait(details)}`;
      return `${what}: the API answered HTTP ${details.status ?? '5xx'}${api}, still after retrying. Retry later.`;
    case 'badRequest':
      return `${what}: the API refused the request (HTTP ${details.status ?? 400})${api}.`;
    case 'network':
      return `${what}: could not reach the API${details.apiMessage ? ` (${details.apiMessage})` : ''}. Check the network and the realtimekit.apiBaseUrl setting, then retry.`;
    case 'timeout':
      return `${what}: the API did not answer in time. Retry, or check the network.`;
    case 'malformed':
      return `${what}: the API answered with a body that is not the expected JSON${details.status ? ` (HTTP ${details.status})` : ''}. Retry; if it persists, check realtimekit.apiBaseUrl.`;
    case 'apiFailure':
      return `${what}: the API reported a failure${api}.`;
    case 'tooLarge':
      return `${what}: the API's answer is larger than ${megabytes(details.limitBytes)}, too large to read. Ask for less (fewer statistics filters, one peer's report) or check realtimekit.apiBaseUrl.`;
    case 'cancelled':
      return `${what}: cancelled.`;
  }
}

/** ", and asks to wait 3600 s before retrying: longer than the 30 s this extension waits. Try again then." */
function tooLongWait(details: ApiErrorDetails): string {
  return `, and asks to wait ${details.retryAfterSeconds ?? 'longer'} s before retrying: longer than the ${details.maxWaitSeconds} s this extension waits, so it did not retry. Try again then.`;
}

function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? 'the size limit' : `${Math.round(bytes / 1024 / 1024)} MB`;
}
