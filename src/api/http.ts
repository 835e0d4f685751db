/**
 * The HTTP core: one axios instance (fetch adapter, so the bundle carries no Node HTTP stack), bounded
 * retries through axios-retry, envelope and error-shape handling, de-duplication of identical GETs in
 * flight, and a short-lived cache. Knows nothing of VS Code; the caller hands in the token.
 */
import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import axiosRetry, { exponentialDelay, retryAfter } from 'axios-retry';
import { cappedFetch, FETCH_TIMING, FetchTiming, RESPONSE_TOO_LARGE } from './cappedFetch';
import type { PhaseSink, RequestTiming } from '../common/phaseTimes';
import { RealtimeKitApiError, type ApiErrorKind } from './errors';
import { fillPath } from './endpoints';
import { errorMessage } from '../shared/errorMessage';

export interface Envelope {
  success?: boolean;
  data?: unknown;
  paging?: unknown;
  [key: string]: unknown;
}

export interface RequestLogEntry {
  method: 'GET';
  /** Path template and query, without host, token or body. */
  path: string;
  status?: number;
  durationMs: number;
  outcome: 'ok' | 'error' | 'cached' | 'shared';
  attempt?: number;
}

export interface HttpOptions {
  baseUrl: string;
  /** Asked for on every request so a token change takes effect at once; never stored here. */
  getToken: () => PromiseLike<string | undefined> | string | undefined;
  timeoutMs?: number;
  cacheTtlMs?: number;
  /** Base of the exponential back-off between retries. */
  retryBaseDelayMs?: number;
  /**
   * The longest wait between attempts, whatever the status: a Retry-After asking for more is reported at
   * once rather than waited for. One request's time-out by default.
   */
  maxRetryAfterSeconds?: number;
  /** Answers larger than this are refused unread and not retried; 128 MB by default. */
  maxResponseBytes?: number;
  log?: (entry: RequestLogEntry) => void;
  /** Status and headers of every attempt, retries included: the scheduler reads rate limits from them. */
  onResponse?: (response: { status: number; headers: Record<string, unknown> }) => void;
}

export interface RequestSpec {
  operation: string;
  endpoint: string;
  pathValues: Record<string, string>;
  ids?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** Skip the cache (still shares an identical request already in flight). */
  refresh?: boolean;
  /** Told the answer's request, transfer and parse times (not for an answer from the cache). */
  phases?: PhaseSink;
}

interface InFlight {
  promise: Promise<Envelope>;
  controller: AbortController;
  waiters: number;
}

const MAX_RETRIES = 2;
/** Far above any real answer (a long call's full statistics are a few MB), far below what exhausts memory. */
/**
 * Far above a normal answer (a participant's three peers of 20,000 samples per series are about 40 MB;
 * 100,000 samples per series about 70 MB), yet a bound on what one answer may cost in memory.
 */
export const MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/** Each envelope's timings, for the callers that share it. */
const timings = new WeakMap<Envelope, RequestTiming>();

export class RealtimeKitHttp {
  private readonly axios: AxiosInstance;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly cache = new Map<string, { expires: number; envelope: Envelope }>();
  private readonly cacheTtlMs: number;
  private readonly maxWaitMs: number;
  private readonly maxResponseBytes: number;
  /** Bumped by abortAll, so an answer from before it is not cached after it. */
  private generation = 0;

  constructor(private readonly options: HttpOptions) {
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    const timeoutMs = options.timeoutMs ?? 30_000;
    this.maxWaitMs = options.maxRetryAfterSeconds !== undefined ? options.maxRetryAfterSeconds * 1000 : timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    this.axios = axios.create({
      adapter: 'fetch',
      timeout: timeoutMs,
      env: { fetch: cappedFetch(this.maxResponseBytes) },
      responseType: 'text',
      transformResponse: [(body: unknown) => body],
      headers: { Accept: 'application/json' },
    });
    // Registered before axios-retry, so each attempt is seen before a retry is scheduled.
    const onResponse = options.onResponse;
    if (onResponse) {
      this.axios.interceptors.response.use(
        (response) => {
          onResponse({ status: response.status, headers: response.headers as Record<string, unknown> });
          return response;
        },
        (error: unknown) => {
          if (error instanceof AxiosError && error.response)
            onResponse({ status: error.response.status, headers: error.response.headers as Record<string, unknown> });
          return Promise.reject(error);
        },
      );
    }
    const base = options.retryBaseDelayMs ?? 500;
    axiosRetry(this.axios, {
      retries: MAX_RETRIES,
      shouldResetTimeout: true,
      retryCondition: (error) => {
        if (error.code === AxiosError.ERR_CANCELED || isTooLarge(error)) return false;
        const status = error.response?.status;
        if (status !== undefined) return (status === 429 || status >= 500) && retryAfter(error) <= this.maxWaitMs;
        // No response: a reset or refused connection; time-outs are not retried (they already waited).
        return error.code !== AxiosError.ECONNABORTED && error.code !== AxiosError.ETIMEDOUT;
      },
      // 2^n * base with 0-20 % jitter, or Retry-After when the server asks for longer; never past the bound.
      retryDelay: (retryCount, error) => Math.min(this.maxWaitMs, exponentialDelay(retryCount - 1, error, base)),
    });
  }

  async get(spec: RequestSpec): Promise<Envelope> {
    const url = this.url(spec);
    if (!spec.refresh) {
      const cached = this.cache.get(url);
      if (cached && cached.expires > Date.now()) {
        this.options.log?.({ method: 'GET', path: url, durationMs: 0, outcome: 'cached' });
        return cached.envelope;
      }
    }
    let entry = this.inFlight.get(url);
    if (entry) {
      this.options.log?.({ method: 'GET', path: url, durationMs: 0, outcome: 'shared' });
    } else {
      const controller = new AbortController();
      const created: InFlight = { controller, waiters: 0, promise: this.fetchEnvelope(url, spec, controller.signal) };
      const generation = this.generation;
      entry = created;
      this.inFlight.set(url, created);
      created.promise
        .then((envelope) => {
          if (generation === this.generation) this.cache.set(url, { expires: Date.now() + this.cacheTtlMs, envelope });
        })
        .catch(() => undefined)
        .finally(() => {
          // A request started after abortAll may hold this URL by now.
          if (this.inFlight.get(url) === created) this.inFlight.delete(url);
        });
    }
    const answer = this.wait(entry, spec);
    const phases = spec.phases;
    if (!phases) return answer;
    return answer.then((envelope) => {
      const timing = timings.get(envelope);
      if (timing) phases.request(timing);
      return envelope;
    });
  }

  clearCache(): void {
    this.cache.clear();
  }

  /** Aborts every request in flight (each caller gets a cancellation) and empties the cache: a clean start for Refresh. */
  abortAll(): void {
    this.generation += 1;
    const entries = [...this.inFlight.values()];
    this.inFlight.clear();
    this.cache.clear();
    for (const entry of entries) entry.controller.abort();
  }

  /** Each caller may cancel on its own; the shared request is aborted when no caller is left. */
  private wait(entry: InFlight, spec: RequestSpec): Promise<Envelope> {
    const signal = spec.signal;
    if (signal?.aborted) return Promise.reject(this.cancelled(spec));
    entry.waiters += 1;
    return new Promise<Envelope>((resolve, reject) => {
      let done = false;
      const leave = () => {
        if (done) return false;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        entry.controller.signal.removeEventListener('abort', onDropped);
        entry.waiters -= 1;
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (entry.waiters === 0) entry.controller.abort();
        reject(this.cancelled(spec));
      };
      // abortAll: every caller is told at once, whatever the request is doing (even waiting to retry).
      const onDropped = () => leave() && reject(this.cancelled(spec));
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.controller.signal.addEventListener('abort', onDropped, { once: true });
      entry.promise.then(
        (value) => leave() && resolve(value),
        (error) => leave() && reject(error),
      );
    });
  }

  private url(spec: RequestSpec): string {
    const path = fillPath(spec.endpoint, spec.pathValues);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) query.set(key, String(value));
    }
    const search = query.toString();
    return search ? `${path}?${search}` : path;
  }

  private async fetchEnvelope(url: string, spec: RequestSpec, signal: AbortSignal): Promise<Envelope> {
    const token = await this.options.getToken();
    if (!token) throw this.error(spec, 'noToken');
    const started = Date.now();
    const fetchTiming = new FetchTiming();
    let attempt = 0;
    const baseUrl = this.options.baseUrl.replace(/\/+$/, '');
    try {
      const response = await this.axios.get<string>(baseUrl + url, {
        signal,
        headers: { Authorization: `Bearer ${token}` },
        // Told when the headers and the last byte arrive (the fetch passes it on, the server never sees it).
        fetchOptions: { [FETCH_TIMING]: fetchTiming } as RequestInit,
        'axios-retry': {
          onRetry: (count: number) => {
            attempt = count;
          },
        },
      });
      this.options.log?.({ method: 'GET', path: url, status: response.status, durationMs: Date.now() - started, outcome: 'ok', attempt });
      const parseStarted = performance.now();
      const envelope = this.parseEnvelope(response, spec);
      const headers = fetchTiming.headers ?? Date.now();
      timings.set(envelope, {
        path: url,
        started,
        headers,
        lastByte: fetchTiming.lastByte ?? headers,
        bytes: fetchTiming.bytes ?? response.data.length,
        parseMs: performance.now() - parseStarted,
      });
      return envelope;
    } catch (error) {
      const mapped = error instanceof RealtimeKitApiError ? error : this.mapAxiosError(error, spec);
      this.options.log?.({ method: 'GET', path: url, status: mapped.status, durationMs: Date.now() - started, outcome: 'error', attempt });
      throw mapped;
    }
  }

  private parseEnvelope(response: AxiosResponse<string>, spec: RequestSpec): Envelope {
    const parsed = parseJson(response.data);
    if (!isRecord(parsed)) throw this.error(spec, 'malformed', { status: response.status });
    if (parsed.success === false) {
      const { code, message } = apiErrorOf(parsed);
      throw this.error(spec, 'apiFailure', { status: response.status, apiCode: code, apiMessage: message });
    }
    return parsed as Envelope;
  }

  private mapAxiosError(error: unknown, spec: RequestSpec): RealtimeKitApiError {
    if (!(error instanceof AxiosError)) {
      return this.error(spec, 'network', { apiMessage: errorMessage(error) });
    }
    if (error.code === AxiosError.ERR_CANCELED) return this.cancelled(spec);
    if (isTooLarge(error)) return this.error(spec, 'tooLarge', { limitBytes: this.maxResponseBytes });
    const response = error.response;
    if (!response) {
      const timedOut = error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT;
      return this.error(spec, timedOut ? 'timeout' : 'network', { apiMessage: timedOut ? undefined : networkReason(error) });
    }
    const status = response.status;
    const body = parseJson(typeof response.data === 'string' ? response.data : '');
    const { code, message } = isRecord(body) ? apiErrorOf(body) : { code: undefined, message: undefined };
    // Seconds or an HTTP date; 0 when absent.
    const retryAfterMs = retryAfter(error);
    const hasRetryAfter = response.headers?.['retry-after'] !== undefined;
    const kind: ApiErrorKind =
      status === 401
        ? 'unauthorized'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'notFound'
            : status === 429
              ? 'rateLimited'
              : status >= 500
                ? 'server'
                : 'badRequest';
    return this.error(spec, kind, {
      status,
      apiCode: code,
      apiMessage: message,
      retryAfterSeconds: hasRetryAfter ? Math.ceil(retryAfterMs / 1000) : undefined,
      maxWaitSeconds:
        (kind === 'rateLimited' || kind === 'server') && retryAfterMs > this.maxWaitMs ? Math.round(this.maxWaitMs / 1000) : undefined,
    });
  }

  private cancelled(spec: RequestSpec): RealtimeKitApiError {
    return this.error(spec, 'cancelled');
  }

  private error(
    spec: RequestSpec,
    kind: ApiErrorKind,
    extra: Partial<ConstructorParameters<typeof RealtimeKitApiError>[0]> = {},
  ): RealtimeKitApiError {
    return new RealtimeKitApiError({ kind, operation: spec.operation, endpoint: spec.endpoint, ids: spec.ids, ...extra });
  }
}

function parseJson(text: string): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Both error shapes: RealtimeKit's { error: { code, message } } and Cloudflare's { errors: [{ code, message }] }. */
export function apiErrorOf(body: Record<string, unknown>): { code?: number | string; message?: string } {
  const single = body.error;
  if (isRecord(single)) return { code: codeOf(single.code), message: textOf(single.message) };
  if (typeof single === 'string') return { message: single };
  const list = body.errors;
  if (Array.isArray(list) && list.length > 0) {
    const messages = list
      .filter(isRecord)
      .map((item) => textOf(item.message))
      .filter(Boolean);
    const first = list.find(isRecord);
    return { code: first ? codeOf(first.code) : undefined, message: messages.join('; ') || undefined };
  }
  return { message: textOf(body.message) };
}

function codeOf(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** API text is shortened so a hostile or huge message cannot flood a notification. */
function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > 300 ? `${value.slice(0, 300)}…` : value;
}

function isTooLarge(error: AxiosError): boolean {
  return error.code === RESPONSE_TOO_LARGE;
}

function networkReason(error: AxiosError): string | undefined {
  const cause = (error.cause as { code?: string; message?: string } | undefined) ?? undefined;
  return cause?.code ?? error.code ?? undefined;
}
