/**
 * Peer reports of ended sessions never change, and building one costs the server 20 ms (a real API
 * answers from storage): keep the serialised answers, up to a memory bound, so the sample server's own
 * work does not dominate what the extension's benchmarks measure. LIVE sessions are never cached.
 */
import type { ApiResponse } from './responses';

const MAX_BYTES = 256 * 1024 * 1024;

const entries = new Map<string, ApiResponse & { text: string }>();
let bytes = 0;

export function cachedResponse(key: string, build: () => ApiResponse): ApiResponse {
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last, so the oldest go first.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const response = build();
  const text = JSON.stringify(response.body);
  if (text.length > MAX_BYTES) return { ...response, text };
  const entry = { ...response, text };
  entries.set(key, entry);
  bytes += text.length;
  for (const [oldest, value] of entries) {
    if (bytes <= MAX_BYTES) break;
    entries.delete(oldest);
    bytes -= value.text.length;
  }
  return entry;
}
