/**
 * Peer reports of ended sessions never change, and building one costs the server 20 ms (a real API
 * answers from storage): keep the serialised answers, up to a memory bound, so the sample server's own
 * work does not dominate what the extension's benchmarks measure. LIVE sessions are never cached.
 * Reports re-issued by POST /__control/revision are kept apart: each revision is a new report, asked
 * for once or twice, and a benchmark makes dozens of 14-69 MB ones, which pushed the reports built at
 * its start out of one shared bound (the 69 MB peer's next request then waited 1.5 s for the server
 * to build it again, and the first overview for 200 reports built anew on the same cores).
 */
import type { ApiResponse } from './responses';

const MAX_BYTES = 256 * 1024 * 1024;

type KeptAnswer = ApiResponse & { text: string };

/** Most recently used last, so the oldest go first; bounded by the characters of their text. */
class TextCache {
  private readonly entries = new Map<string, KeptAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): KeptAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, entry: KeptAnswer): void {
    this.entries.set(key, entry);
    this.bytes += entry.text.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.text.length;
    }
  }
}

/** Reports as built, and those re-issued, each up to `maxBytes` characters. */
export class ReportCache {
  private readonly built: TextCache;
  private readonly revised: TextCache;

  constructor(private readonly maxBytes = MAX_BYTES) {
    this.built = new TextCache(maxBytes);
    this.revised = new TextCache(maxBytes);
  }

  /**
   * The answer under `key`, built once while kept; `revision`: the report's (0: as built). A kept
   * answer keeps its compressed forms too (compression.ts).
   */
  response(key: string, build: () => ApiResponse, revision = 0): ApiResponse {
    const cache = revision > 0 ? this.revised : this.built;
    const hit = cache.get(key);
    if (hit) return hit;
    const response = build();
    const text = JSON.stringify(response.body);
    if (text.length > this.maxBytes) return { ...response, text };
    const entry = { ...response, text, encoded: {} };
    cache.set(key, entry);
    return entry;
  }
}

/** This process's: every sample server in it shares the reports it built. */
const reports = new ReportCache();

export function cachedResponse(key: string, build: () => ApiResponse, revision = 0): ApiResponse {
  return reports.response(key, build, revision);
}
