/**
 * One queue for every fan-out of API requests (session overview, a panel fetching its peers' reports,
 * compare). The Cloudflare budget (1,200 requests per 5 minutes per token) is shared by all of them, so
 * they share: bounded concurrency, one pause for everyone on a 429, slowing down before the limit when
 * the server says how much is left, cancellation per caller, and de-duplication with a cache keyed by
 * request. Tasks are plain async functions; this file knows nothing of axios or VS Code.
 */
import { setMaxListeners } from 'node:events';
import { formatDuration } from '../shared/format';
import { RealtimeKitApiError } from './errors';

export interface RateLimitInfo {
  /** Requests left in the current window. */
  remaining?: number;
  /** Seconds until the window resets. */
  resetSeconds?: number;
  /** Requests allowed per window. */
  limit?: number;
}

/** Response headers as axios, fetch or a plain object hold them. */
export type HeaderBag = Record<string, unknown> | { get(name: string): unknown };

export interface SchedulerOptions {
  /** Tasks running at once; 4 by default. */
  concurrency?: number;
  /** Requests left untouched for the user's other commands when the server says how many remain. */
  reserve?: number;
  /** Pause after a 429 that names no Retry-After. */
  defaultRetryAfterSeconds?: number;
  /** Times a task that failed with 429 is queued again (at the front) once the pause is over. */
  rateLimitRetries?: number;
  /** Results kept for instant re-opening; the oldest go first. */
  maxCacheEntries?: number;
}

export interface RunOptions {
  /** The caller's group (Stop, panel closed): once aborted, its queued tasks never start. */
  signal?: AbortSignal;
  /** Do not answer from the cache (an identical task in flight is still shared). */
  refresh?: boolean;
  /** Names the work in the cancellation error, e.g. "Fetching the peer report". */
  operation?: string;
  /**
   * Work that finishes something begun (a participant's peer reports, once its details came): queued
   * ahead of the tasks that begin something new, behind others like it. An overview of 100 then finishes
   * participants one after another from the start, instead of beginning all 100 before finishing any.
   */
  ahead?: boolean;
}

/** What the HTTP layer reports of every response (retried attempts included). */
export interface ResponseInfo {
  status: number;
  headers: HeaderBag;
}

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

interface Entry {
  key: string;
  task: (signal: AbortSignal) => Promise<unknown>;
  controller: AbortController;
  waiters: Set<Waiter>;
  running: boolean;
  retries: number;
  operation: string;
  ahead: boolean;
}

/** A signal that every task of a batch waits on: hundreds of abort listeners are expected, not a leak. */
export function fanOutController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

export class RequestScheduler {
  private readonly concurrency: number;
  private readonly reserve: number;
  private readonly defaultRetryAfterMs: number;
  private readonly rateLimitRetries: number;
  private readonly maxCacheEntries: number;
  private readonly queue: Entry[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly cache = new Map<string, unknown>();
  private running = 0;
  private pausedUntil = 0;
  /** The server's word on the window: requests left (counted down as we start) and when it resets. */
  private budget: { remaining: number; resetAt: number } | undefined;
  private lastStartAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private maxRunning = 0;
  private pumpQueued = false;

  constructor(options: SchedulerOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.reserve = Math.max(0, options.reserve ?? 2);
    this.defaultRetryAfterMs = (options.defaultRetryAfterSeconds ?? 30) * 1000;
    this.rateLimitRetries = options.rateLimitRetries ?? 1;
    this.maxCacheEntries = options.maxCacheEntries ?? 1000;
  }

  /**
   * Runs `task` under the scheduler's limits, once per key: a cached result answers at once, a caller
   * asking for a key already queued or running shares it. The task's signal aborts when every caller
   * waiting for it has cancelled.
   */
  run<T>(key: string, task: (signal: AbortSignal) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const operation = options.operation ?? 'Fetching call statistics';
    if (options.signal?.aborted) return Promise.reject(cancelled(operation));
    if (!options.refresh && this.cache.has(key)) {
      const value = this.cache.get(key);
      // Re-inserting keeps the most recently used entries when the cache trims.
      this.cache.delete(key);
      this.cache.set(key, value);
      return Promise.resolve(value as T);
    }
    let entry = this.entries.get(key);
    if (!entry) {
      const ahead = options.ahead ?? false;
      entry = { key, task, controller: new AbortController(), waiters: new Set(), running: false, retries: 0, operation, ahead };
      this.entries.set(key, entry);
      const firstBehind = ahead ? this.queue.findIndex((queued) => !queued.ahead) : -1;
      if (firstBehind >= 0) this.queue.splice(firstBehind, 0, entry);
      else this.queue.push(entry);
    }
    const promise = this.wait(entry, options.signal, operation) as Promise<T>;
    this.pumpSoon();
    return promise;
  }

  /** No task starts for `ms` (a 429's Retry-After); running ones finish. Pauses only ever lengthen. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + Math.max(0, ms));
    this.reschedule();
  }

  /** The server's rate-limit figures: below what the queue needs, starts are spread over the reset time. */
  observeRateLimit(info: RateLimitInfo): void {
    if (info.remaining === undefined || info.resetSeconds === undefined) return;
    this.budget = { remaining: info.remaining, resetAt: Date.now() + info.resetSeconds * 1000 };
    this.reschedule();
  }

  /** Hook for the HTTP layer: every response, retried attempts included, so a 429 is seen even when retried. */
  observeResponse(response: ResponseInfo): void {
    const info = parseRateLimitHeaders(response.headers);
    if (info) this.observeRateLimit(info);
    if (response.status === 429)
      this.pause(
        retryAfterMs(response.headers) ?? (info?.resetSeconds !== undefined ? info.resetSeconds * 1000 : this.defaultRetryAfterMs),
      );
  }

  /** A result kept under the key (by run or keep), if still there. */
  recall<T>(key: string): T | undefined {
    return this.cache.get(key) as T | undefined;
  }

  /** Keeps a result worked out from several tasks (an analysis of several answers) beside the tasks' own. */
  keep(key: string, value: unknown): void {
    this.remember(key, value);
  }

  /** Forgets cached results: one key, or every key the predicate accepts. */
  invalidate(match: string | ((key: string) => boolean)): void {
    if (typeof match === 'string') this.cache.delete(match);
    else for (const key of [...this.cache.keys()]) if (match(key)) this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }

  /** For progress lines and tests. */
  get stats(): { running: number; queued: number; maxRunning: number; pausedForMs: number; cached: number } {
    return {
      running: this.running,
      queued: this.queue.length,
      maxRunning: this.maxRunning,
      pausedForMs: Math.max(0, this.pausedUntil - Date.now()),
      cached: this.cache.size,
    };
  }

  private wait(entry: Entry, signal: AbortSignal | undefined, operation: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        waiter.detach();
        entry.waiters.delete(waiter);
        reject(cancelled(operation));
        if (entry.waiters.size === 0) this.abandon(entry);
      };
      const waiter: Waiter = { resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
      entry.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Nobody waits any more: a queued task never starts, a running one sees its signal abort. */
  private abandon(entry: Entry): void {
    entry.controller.abort();
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
    const index = this.queue.indexOf(entry);
    if (index >= 0) this.queue.splice(index, 1);
    this.reschedule();
  }

  private reschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pump();
  }

  /** Tasks queued in one go (a loop of run() calls) are seen together, so the budget is judged on all of them. */
  private pumpSoon(): void {
    if (this.pumpQueued) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.timer) return;
    while (this.running < this.concurrency && this.queue.length > 0) {
      const delay = this.delayBeforeNextStart();
      if (delay > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, delay);
        return;
      }
      this.start(this.queue.shift()!);
    }
  }

  /** 0 when a task may start now; otherwise how long to wait (pause, exhausted or thin budget). */
  private delayBeforeNextStart(): number {
    const now = Date.now();
    if (this.pausedUntil > now) return this.pausedUntil - now;
    const budget = this.budget;
    if (!budget || budget.resetAt <= now) return 0;
    const usable = budget.remaining - this.reserve;
    if (usable <= 0) return budget.resetAt - now;
    // Enough left for everything queued: no reason to slow down.
    if (usable >= this.queue.length) return 0;
    const spacing = (budget.resetAt - now) / usable;
    return Math.max(0, this.lastStartAt + spacing - now);
  }

  private start(entry: Entry): void {
    entry.running = true;
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    this.lastStartAt = Date.now();
    if (this.budget) this.budget.remaining -= 1;
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(entry.task(entry.controller.signal));
    } catch (error) {
      result = Promise.reject(error);
    }
    result
      .then(
        (value) => this.settle(entry, { value }),
        (error: unknown) => {
          if (error instanceof RealtimeKitApiError && error.kind === 'rateLimited') {
            this.pause(error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : this.defaultRetryAfterMs);
            if (entry.retries < this.rateLimitRetries && !entry.controller.signal.aborted) {
              entry.retries += 1;
              entry.running = false;
              this.queue.unshift(entry);
              return;
            }
          }
          this.settle(entry, { error });
        },
      )
      .finally(() => {
        this.running -= 1;
        this.pump();
      });
  }

  private settle(entry: Entry, outcome: { value: unknown } | { error: unknown }): void {
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
    if ('value' in outcome) this.remember(entry.key, outcome.value);
    for (const waiter of entry.waiters) {
      waiter.detach();
      if ('value' in outcome) waiter.resolve(outcome.value);
      else waiter.reject(outcome.error);
    }
    entry.waiters.clear();
  }

  private remember(key: string, value: unknown): void {
    this.cache.delete(key);
    this.cache.set(key, value);
    while (this.cache.size > this.maxCacheEntries) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function cancelled(operation: string): RealtimeKitApiError {
  return new RealtimeKitApiError({ kind: 'cancelled', operation });
}

/**
 * Keys every caller uses for the same request, so the overview, a participant panel and compare share
 * one fetch and one cache entry.
 */
export const requestKeys = {
  peerReport: (scope: { accountId: string; appId: string }, peerId: string) => `peer:${scope.accountId}/${scope.appId}/${peerId}`,
  sessionParticipant: (scope: { accountId: string; appId: string }, sessionId: string, participantId: string) =>
    `participant:${scope.accountId}/${scope.appId}/${sessionId}/${participantId}`,
};

/** The budget the estimate assumes: Cloudflare's 1,200 requests per 5 minutes per token. */
export const CLOUDFLARE_BUDGET = { requests: 1200, windowSeconds: 300 } as const;

/**
 * About how long `requests` take at the budget's pace (or at the concurrency and latency bound when that
 * is slower), for "Analyse all: 640 requests, about 2 min 40 s".
 */
export function estimateRequests(
  requests: number,
  options: { budget?: { requests: number; windowSeconds: number }; concurrency?: number; latencyMs?: number } = {},
): { requests: number; seconds: number; text: string } {
  const budget = options.budget ?? CLOUDFLARE_BUDGET;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const latencyBound = (Math.ceil(requests / concurrency) * (options.latencyMs ?? 300)) / 1000;
  const rateBound = (requests * budget.windowSeconds) / budget.requests;
  const seconds = Math.ceil(Math.max(latencyBound, rateBound));
  return {
    requests,
    seconds,
    text: `${requests.toLocaleString('en-US')} request${requests === 1 ? '' : 's'}, about ${formatDuration(seconds / 60)}`,
  };
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    const value = (headers as { get(name: string): unknown }).get(name);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && (typeof value === 'string' || typeof value === 'number')) return String(value);
  }
  return undefined;
}

const count = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
};

/** `"default";r=50;t=30, "burst";r=5;t=1` or `limit=100, remaining=50, reset=5` as parameter maps. */
function items(value: string): Array<Record<string, string>> {
  return value.split(',').map((item) => {
    const params: Record<string, string> = {};
    for (const part of item.split(';')) {
      const [key, raw] = part.split('=');
      if (raw !== undefined) params[key.trim().toLowerCase()] = raw.trim().replace(/^"|"$/g, '');
    }
    return params;
  });
}

/**
 * The rate-limit figures of a response, from the IETF draft's `RateLimit: "default";r=50;t=30` with
 * `RateLimit-Policy: "default";q=1200;w=300` (what Cloudflare sends), its older
 * `RateLimit: limit=…, remaining=…, reset=…`, or separate `RateLimit-Remaining` / `-Reset` / `-Limit`
 * headers (with or without `X-`). Of several policies the one with the fewest requests left counts.
 */
export function parseRateLimitHeaders(headers: HeaderBag): RateLimitInfo | undefined {
  const combined = header(headers, 'ratelimit');
  const policy = header(headers, 'ratelimit-policy');
  let info: RateLimitInfo = {};
  if (combined) {
    const parsed = items(combined);
    // The older draft spreads one policy over comma-separated `limit=…, remaining=…, reset=…`.
    const policies = (parsed.some((params) => 'remaining' in params) ? [Object.assign({}, ...parsed) as Record<string, string>] : parsed)
      .map((params) => ({
        remaining: count(params.r ?? params.remaining),
        resetSeconds: count(params.t ?? params.reset),
        limit: count(params.limit),
      }))
      .filter((item) => item.remaining !== undefined);
    let tightest: RateLimitInfo | undefined;
    for (const item of policies) if (!tightest || item.remaining! < tightest.remaining!) tightest = item;
    if (tightest) info = tightest;
  } else {
    const read = (name: string) => count(header(headers, `ratelimit-${name}`) ?? header(headers, `x-ratelimit-${name}`));
    info = { remaining: read('remaining'), resetSeconds: read('reset'), limit: read('limit') };
  }
  if (info.limit === undefined && policy) info.limit = count(items(policy)[0]?.q) ?? count(policy.split(';')[0]);
  return info.remaining === undefined && info.resetSeconds === undefined && info.limit === undefined ? undefined : info;
}

/** Retry-After in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(headers: HeaderBag): number | undefined {
  const value = header(headers, 'retry-after');
  if (value === undefined) return undefined;
  const seconds = count(value);
  if (seconds !== undefined) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
