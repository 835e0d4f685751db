/** Response envelopes: RealtimeKit success and error bodies, and Cloudflare's error body. */
import type { ContentEncoding } from './compression';

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body already serialised, when the server keeps it (see reportCache.ts). */
  text?: string;
  /** Set when the server keeps it: its body compressed in each encoding asked for so far (compression.ts). */
  encoded?: Partial<Record<ContentEncoding, Buffer>>;
}

export interface Paging {
  start_offset: number;
  end_offset: number;
  total_count: number;
}

export function ok(data: unknown, paging?: Paging): ApiResponse {
  return { status: 200, body: paging ? { success: true, data, paging } : { success: true, data } };
}

export function realtimeKitErrorBody(code: number, message: string): unknown {
  return { success: false, error: { code, message } };
}

export function cloudflareErrorBody(code: number, message: string): unknown {
  return { success: false, errors: [{ code, message }], messages: [], result: null };
}

export function realtimeKitError(status: number, message: string): ApiResponse {
  return { status, body: realtimeKitErrorBody(status, message) };
}

export function cloudflareError(status: number, code: number, message: string): ApiResponse {
  return { status, body: cloudflareErrorBody(code, message) };
}

/** Thrown by request handlers to answer with an error at once (404, 400). */
export class ApiError extends Error {
  constructor(readonly response: ApiResponse) {
    super(`HTTP ${response.status}`);
  }
}

export function notFound(message: string): ApiError {
  return new ApiError(realtimeKitError(404, message));
}

export function badRequest(message: string): ApiError {
  return new ApiError(realtimeKitError(400, message));
}
