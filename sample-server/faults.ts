/**
 * Fault injection for tests: a fault comes from the `x-sample-fault` request header (that request only)
 * or from the queue that POST /__control/faults fills (matching requests, `times` times).
 */
import { cloudflareErrorBody, realtimeKitErrorBody } from './responses';

export interface Fault {
  status?: number;
  errorShape?: 'realtimekit' | 'cloudflare';
  retryAfter?: number;
  delayMs?: number;
  body?: 'malformed' | 'html' | 'success-false' | 'empty';
  dropConnection?: boolean;
}

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const BODY_KINDS = ['malformed', 'html', 'success-false', 'empty'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a fault object; throws an Error whose message says what is wrong. */
export function parseFault(value: unknown): Fault {
  if (!isRecord(value)) throw new Error('a fault must be a JSON object');
  const fault: Fault = {};
  const { status, errorShape, retryAfter, delayMs, body, dropConnection } = value;
  if (status !== undefined) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)
      throw new Error('status must be an HTTP status code');
    fault.status = status;
  }
  if (errorShape !== undefined) {
    if (errorShape !== 'realtimekit' && errorShape !== 'cloudflare') throw new Error('errorShape must be "realtimekit" or "cloudflare"');
    fault.errorShape = errorShape;
  }
  if (retryAfter !== undefined) {
    if (typeof retryAfter !== 'number' || retryAfter < 0) throw new Error('retryAfter must be a number of seconds');
    fault.retryAfter = retryAfter;
  }
  if (delayMs !== undefined) {
    if (typeof delayMs !== 'number' || delayMs < 0 || delayMs > 120_000) throw new Error('delayMs must be between 0 and 120000');
    fault.delayMs = delayMs;
  }
  if (body !== undefined) {
    if (!(BODY_KINDS as readonly unknown[]).includes(body)) throw new Error(`body must be one of ${BODY_KINDS.join(', ')}`);
    fault.body = body as Fault['body'];
  }
  if (dropConnection !== undefined) {
    if (typeof dropConnection !== 'boolean') throw new Error('dropConnection must be a boolean');
    fault.dropConnection = dropConnection;
  }
  return fault;
}

interface QueuedFault {
  fault: Fault;
  match: string;
  remaining: number;
}

export class FaultQueue {
  private queued: QueuedFault[] = [];

  add(fault: Fault, match: string, times: number): void {
    this.queued.push({ fault, match, remaining: times });
  }

  clear(): void {
    this.queued = [];
  }

  /** The first queued fault whose `match` is in the path (with query), used up by this request. */
  take(pathWithQuery: string): Fault | undefined {
    const entry = this.queued.find((q) => pathWithQuery.includes(q.match));
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.queued = this.queued.filter((q) => q !== entry);
    return entry.fault;
  }
}

function reasonFor(status: number): string {
  if (status === 429) return 'Rate limit exceeded';
  if (status === 401) return 'Authentication error';
  if (status === 403) return 'Forbidden';
  if (status >= 500) return 'Internal server error';
  return 'Injected fault';
}

/** The answer a fault replaces the real one with, or undefined when it only delays or adds headers. */
export function faultReply(fault: Fault): FaultReply | undefined {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  switch (fault.body) {
    case 'malformed':
      return { status: fault.status ?? 200, headers, text: '{"success":true,"data":{"participant":{"id":"' };
    case 'html':
      return {
        status: fault.status ?? 502,
        headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
        text: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad gateway</h1><p>cloudflare</p></body></html>',
      };
    case 'success-false': {
      const code = fault.status ?? 500;
      return { status: 200, headers, text: JSON.stringify(realtimeKitErrorBody(code, reasonFor(code))) };
    }
    case 'empty':
      return { status: fault.status ?? 200, headers, text: '' };
    case undefined:
      break;
  }
  if (fault.status === undefined) return undefined;
  const body =
    fault.errorShape === 'cloudflare'
      ? cloudflareErrorBody(fault.status === 429 ? 971 : 10000, reasonFor(fault.status))
      : realtimeKitErrorBody(fault.status, reasonFor(fault.status));
  return { status: fault.status, headers, text: JSON.stringify(body) };
}
