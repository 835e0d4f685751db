/**
 * Benchmark (not a test) of normalising call statistics: time to turn 10k to 100k quality rows of each
 * answer shape into the model, so the growth per 1,000 rows shows whether normalisation stays linear.
 * Counters are running totals (the costlier path: they become per-interval deltas).
 *
 *   npm run bench:normalize   (tsx --expose-gc bench/normalize.ts)
 */
import { normalizeParticipant } from '../src/api/normalize';

const SIZES = [10_000, 20_000, 40_000, 100_000];
const REPEATS = 5;
const t0 = Date.parse('2026-11-20T09:00:00Z');
/** Remote senders a consumer array interleaves, as in a small group call. */
const SENDERS = 4;

type Row = Record<string, unknown>;

/** Collecting before each run (with --expose-gc) keeps one run's garbage out of the next one's time. */
const gc = (globalThis as { gc?: () => void }).gc;

const at = (second: number) => new Date(t0 + second * 1000).toISOString();

function producerRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: at(i),
    producer_id: 'producer-self',
    mos_quality: 4.2,
    jitter: 4,
    rtt: 40,
    packets_sent: (i + 1) * 250,
    packets_lost: i,
    bytes_sent: (i + 1) * 62_500,
  }));
}

function consumerRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const sender = i % SENDERS;
    const n = Math.floor(i / SENDERS);
    return {
      timestamp: at(n),
      peer_id: `peer-${sender}`,
      producer_id: `producer-${sender}`,
      mos_quality: 4.1,
      jitter: 6,
      packets_received: (n + 1) * 250,
      packets_lost: n,
      bytes_received: (n + 1) * 62_500,
    };
  });
}

function legacyRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: at(i),
    quality: 4,
    jitter: 5,
    packets_received: (i + 1) * 250,
    packets_lost: i,
    bytes_received: (i + 1) * 62_500,
  }));
}

const SHAPES: Record<string, (count: number) => unknown> = {
  'current, video_consumer': (count) => ({
    participant: { peer_report: { metadata: {}, quality: { video_consumer: consumerRows(count) } } },
  }),
  'current, video_producer': (count) => ({
    participant: { peer_report: { metadata: {}, quality: { video_producer: producerRows(count) } } },
  }),
  'legacy, quality_stats': (count) => ({
    participant: { quality_stats: [{ peer_id: 'peer-self', audio_stats: legacyRows(count / 2), video_stats: legacyRows(count / 2) }] },
  }),
};

function medianMs(data: unknown): number {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    gc?.();
    const started = performance.now();
    normalizeParticipant('peer', data);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)];
}

function main(): void {
  for (const build of Object.values(SHAPES)) medianMs(build(SIZES[0])); // warm up the JIT on every path
  console.log('| rows | shape | ms | ms per 1k rows |');
  console.log('|---:|---|---:|---:|');
  for (const size of SIZES) {
    for (const [shape, build] of Object.entries(SHAPES)) {
      const ms = medianMs(build(size));
      console.log(`| ${size.toLocaleString('en')} | ${shape} | ${ms.toFixed(0)} | ${((ms / size) * 1000).toFixed(2)} |`);
    }
  }
}

main();
