/**
 * The HTTP core: one axios instance (its fetch adapter, over a fetch of our own on Node's http module, so
 * the bundle carries none of axios's Node HTTP stack), bounded retries through axios-retry, envelope and
 * error-shape handling, de-duplication of identical GETs in flight, and a short-lived cache. Knows nothing of VS Code; the caller hands in the token.
 */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import axiosRetry, { exponentialDelay, retryAfter } from 'axios-retry';
import { MAX_RESPONSE_BYTES, type BodyChunks, type BodyReadAlong } from './bodyChunks';
import { cappedFetch, FETCH_TAP, FetchTap, RESPONSE_TOO_LARGE, type KeptBody } from './cappedFetch';
import { wholeBody, type ContentEncoding } from './contentEncoding';
import type { PhaseSink, RequestTiming } from '../common/phaseTimes';
import { RealtimeKitApiError, type ApiErrorKind } from './errors';
import { fillPath } from './endpoints';
import { errorMessage } from '../shared/errorMessage';
import { apiErrorOf, isRecord, parseJson, readEnvelope, type AnswerProblem } from './envelope';

export { apiErrorOf, isRecord } from './envelope';
export { MAX_RESPONSE_BYTES };

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
  /** Someone to read a large text answer along as it arrives (the stats worker), if any; a compressed one with its encoding. */
  readAlong?: (encoding?: ContentEncoding) => BodyReadAlong | undefined;
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
  /** For a text answer: the fingerprint of the last one read, so a body the same so far is not read along (FetchTap). */
  lastFingerprint?: string;
}

/** An answer's body unparsed, for a caller that parses it elsewhere (a worker thread). */
export interface AnswerText {
  /**
   * The body as it came (UTF-8), in the pieces it came in: a worker joins and decodes it, so tens of MB
   * are not copied or decoded on this thread. Lent to the worker (its buffers transferred there and
   * back), it is replaced by the one that came back.
   */
  chunks: BodyChunks;
  /** How `chunks` are compressed, when they are: decoded where the body is read (KeptBody). */
  encoding?: ContentEncoding;
  /** The body's fingerprint (KeptBody, BodyFingerprint): the same bytes as an answer already read need not be read again. */
  fingerprint: string;
  /** The ID it was read along under as it arrived (HttpOptions.readAlong), when it was. */
  readAlong?: number;
  /** The body decoded, on first read (an error's detail, Raw JSON). */
  readonly text: string;
  status: number;
  /** What was asked, so a problem found where the text is parsed becomes the error `get` would have thrown. */
  request: Pick<RequestSpec, 'operation' | 'endpoint' | 'ids'>;
  /** Its request and transfer times; parseMs is 0, the caller adds its own. */
  timing: RequestTiming;
}

function answerText(
  { chunks, encoding, fingerprint, readAlong }: KeptBody,
  rest: Omit<AnswerText, 'chunks' | 'encoding' | 'fingerprint' | 'readAlong' | 'text'>,
  limitBytes: number,
): AnswerText {
  let text: string | undefined;
  return {
    chunks,
    encoding,
    fingerprint,
    readAlong: readAlong?.id,
    // `chunks`, not the argument: the stats worker lends the body out and puts it back there.
    get text() {
      return (text ??= new TextDecoder().decode(wholeBody(this.chunks, encoding, limitBytes)));
    },
    ...rest,
  };
}

/** The error `get` (and the client's `data` check) throws for an answer with this problem. */
export function answerError(answer: Pick<AnswerText, 'status' | 'request'>, problem: AnswerProblem): RealtimeKitApiError {
  const { operation, endpoint, ids } = answer.request;
  if (problem.kind === 'noData') return noDataError(operation);
  const { kind, ...detail } = problem;
  return new RealtimeKitApiError({ kind, operation, endpoint, ids, status: answer.status, ...detail });
}

/** An envelope without a `data` object. */
export function noDataError(operation: string): RealtimeKitApiError {
  return new RealtimeKitApiError({ kind: 'malformed', operation, apiMessage: 'the answer has no data object' });
}

type Answer = Envelope | AnswerText;

interface InFlight {
  promise: Promise<Answer>;
  controller: AbortController;
  waiters: number;
}

const MAX_RETRIES = 2;

/** Each envelope's timings, for the callers that share it. */
const timings = new WeakMap<Envelope, RequestTiming>();

export class RealtimeKitHttp {
  private readonly axios: AxiosInstance;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly cache = new Map<string, { expires: number; answer: Answer }>();
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
    const envelope = (await this.request(spec, false)) as Envelope;
    const timing = timings.get(envelope);
    if (timing) spec.phases?.request(timing);
    return envelope;
  }

  /** Like `get` with the body left unparsed (status checked, JSON not read); its timing comes with it. */
  async getText(spec: RequestSpec): Promise<AnswerText> {
    return (await this.request(spec, true)) as AnswerText;
  }

  private request(spec: RequestSpec, asText: boolean): Promise<Answer> {
    const url = this.url(spec);
    // Text and parsed answers of one URL are cached and shared apart: they are different values.
    const key = asText ? `text ${url}` : url;
    if (!spec.refresh) {
      const cached = this.cache.get(key);
      if (cached && cached.expires > Date.now()) {
        this.options.log?.({ method: 'GET', path: url, durationMs: 0, outcome: 'cached' });
        return Promise.resolve(cached.answer);
      }
    }
    // One every caller left is being aborted: joining it would be cancelled with it.
    let entry = this.inFlight.get(key);
    if (entry?.controller.signal.aborted) entry = undefined;
    if (entry) {
      this.options.log?.({ method: 'GET', path: url, durationMs: 0, outcome: 'shared' });
    } else {
      const controller = new AbortController();
      const created: InFlight = { controller, waiters: 0, promise: this.fetchAnswer(url, spec, controller.signal, asText) };
      const generation = this.generation;
      entry = created;
      this.inFlight.set(key, created);
      created.promise
        .then((answer) => {
          if (generation === this.generation) this.cache.set(key, { expires: Date.now() + this.cacheTtlMs, answer });
        })
        .catch(() => undefined)
        .finally(() => {
          // A request started after abortAll may hold this URL by now.
          if (this.inFlight.get(key) === created) this.inFlight.delete(key);
        });
    }
    return this.wait(entry, spec);
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
  private wait(entry: InFlight, spec: RequestSpec): Promise<Answer> {
    const signal = spec.signal;
    if (signal?.aborted) return Promise.reject(this.cancelled(spec));
    entry.waiters += 1;
    return new Promise<Answer>((resolve, reject) => {
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

  private async fetchAnswer(url: string, spec: RequestSpec, signal: AbortSignal, asText: boolean): Promise<Answer> {
    const token = await this.options.getToken();
    if (!token) throw this.error(spec, 'noToken');
    const started = Date.now();
    const tap = new FetchTap();
    tap.keepBody = asText;
    tap.readAlong = this.options.readAlong;
    tap.lastFingerprint = spec.lastFingerprint;
    let attempt = 0;
    const baseUrl = this.options.baseUrl.replace(/\/+$/, '');
    try {
      const response = await this.axios.get<string | ArrayBuffer>(baseUrl + url, {
        signal,
        responseType: asText ? 'arraybuffer' : 'text',
        headers: { Authorization: `Bearer ${token}` },
        // Told when the headers and the last byte arrive, and given the body to keep as it came (the
        // fetch passes it on, the server never sees it).
        fetchOptions: { [FETCH_TAP]: tap } as RequestInit,
        'axios-retry': {
          onRetry: (count: number) => {
            attempt = count;
          },
        },
      });
      this.options.log?.({ method: 'GET', path: url, status: response.status, durationMs: Date.now() - started, outcome: 'ok', attempt });
      const headers = tap.headers ?? Date.now();
      const timing: RequestTiming = {
        path: url,
        started,
        headers,
        lastByte: tap.lastByte ?? headers,
        bytes: tap.bytes ?? (typeof response.data === 'string' ? response.data.length : response.data.byteLength),
        parseMs: 0,
      };
      const data = response.data;
      if (typeof data !== 'string') {
        // The fetch keeps every successful answer's body when asked (FetchTap.keepBody).
        if (!tap.body) throw new Error('The answer’s body was not kept.');
        const request = { operation: spec.operation, endpoint: spec.endpoint, ids: spec.ids };
        return answerText(tap.body, { status: response.status, request, timing }, this.maxResponseBytes);
      }
      const parseStarted = performance.now();
      const envelope = this.parseEnvelope(data, response.status, spec);
      timings.set(envelope, { ...timing, parseMs: performance.now() - parseStarted });
      return envelope;
    } catch (error) {
      const mapped = error instanceof RealtimeKitApiError ? error : this.mapAxiosError(error, spec);
      this.options.log?.({ method: 'GET', path: url, status: mapped.status, durationMs: Date.now() - started, outcome: 'error', attempt });
      throw mapped;
    }
  }

  private parseEnvelope(text: string, status: number, spec: RequestSpec): Envelope {
    const read = readEnvelope(text);
    if ('problem' in read) throw answerError({ status, request: spec }, read.problem);
    return read.envelope as Envelope;
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
    const data: unknown = response.data;
    const body = parseJson(typeof data === 'string' ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : '');
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

function isTooLarge(error: AxiosError): boolean {
  return error.code === RESPONSE_TOO_LARGE;
}

function networkReason(error: AxiosError): string | undefined {
  const cause = (error.cause as { code?: string; message?: string } | undefined) ?? undefined;
  return cause?.code ?? error.code ?? undefined;
}
