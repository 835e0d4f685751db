/**
 * Benchmark (not a test) of the request scheduler with fake tasks:
 *  1. its own cost per task (10,000 tasks that answer at once);
 *  2. wall time of 200 tasks of 50 ms at concurrency 4 against the bound ceil(200 / 4) x 50 ms;
 *  3. pacing: 40 tasks queued with 20 requests left for 1 s: how the starts spread before the reset.
 *
 *   npx tsx bench/scheduler.ts
 */
import { RequestScheduler } from '../src/api/scheduler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function overhead(): Promise<void> {
  const scheduler = new RequestScheduler();
  const count = 10_000;
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => scheduler.run(`k${i}`, async () => i)));
  const ms = performance.now() - started;
  console.log(`overhead: ${count} instant tasks in ${ms.toFixed(0)} ms (${((ms / count) * 1000).toFixed(1)} µs per task)`);
}

async function concurrency(): Promise<void> {
  const scheduler = new RequestScheduler({ concurrency: 4 });
  const started = performance.now();
  await Promise.all(Array.from({ length: 200 }, (_, i) => scheduler.run(`k${i}`, () => sleep(50))));
  const ms = performance.now() - started;
  const bound = Math.ceil(200 / 4) * 50;
  console.log(`concurrency 4: 200 tasks of 50 ms in ${ms.toFixed(0)} ms vs bound ${bound} ms (ratio ${(ms / bound).toFixed(2)})`);
}

async function pacing(): Promise<void> {
  const scheduler = new RequestScheduler({ concurrency: 4, reserve: 0 });
  scheduler.observeRateLimit({ remaining: 20, resetSeconds: 1, limit: 1200 });
  const started = performance.now();
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      scheduler.run(`k${i}`, async () => {
        starts.push(performance.now() - started);
      }),
    ),
  );
  const before = starts.filter((at) => at < 1000);
  console.log(
    `pacing: ${before.length} starts before the reset, spread over ${before[before.length - 1].toFixed(0)} ms; the other ${starts.length - before.length} from ${starts[before.length].toFixed(0)} ms`,
  );
}

void (async () => {
  await overhead();
  await concurrency();
  await pacing();
})();
