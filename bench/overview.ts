/**
 * The session overview's engine at session scale, in Node against the sample server with latency:
 * analysing 100 participants with 2 peers each (300 requests) versus the bound requests / concurrency x
 * latency, and how long the event loop stalls meanwhile. The figure in the real host: npm run bench:host.
 *
 *   npx tsx bench/overview.ts
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, SCALE_SESSION_IDS } from '../sample-server';
import { RealtimeKitClient } from '../src/api/client';
import { RequestScheduler } from '../src/api/scheduler';
import { statsWorker } from '../src/inspection/worker/statsWorkerHost';
import { SessionOverviewRun } from '../src/sessionAnalysis/sessionOverviewRun';
import { buildStatsWorker } from '../test/fixtures/statsWorkerBundle';

const LATENCY_MS = Number(process.env.LATENCY ?? 50);
const CONCURRENCY = 4;

async function once(baseUrl: string): Promise<{ requests: number; ms: number; boundMs: number; stallMs: number }> {
  const client = new RealtimeKitClient({ baseUrl, getToken: () => SAMPLE_TOKEN });
  const run = new SessionOverviewRun({
    client,
    scheduler: new RequestScheduler({ concurrency: CONCURRENCY }),
    scope: { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID },
    sessionId: SCALE_SESSION_IDS.hundredTwoPeers,
    autoAnalyseLimit: 100,
    onChange: () => undefined,
  });
  await run.open(new AbortController().signal);
  const requests = run.allRows().reduce((sum, row) => sum + 1 + row.peerIds.length, 0);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  await run.analyse();
  const ms = performance.now() - started;
  delay.disable();
  return { requests, ms, boundMs: (requests / CONCURRENCY) * LATENCY_MS, stallMs: delay.max / 1e6 };
}

/** The sample server in its own process, so its work does not count as ours. */
async function sampleServer(): Promise<{ baseUrl: string; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sample-server/main.ts', '--latency', String(LATENCY_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /base URL\s+(\S+)/.exec(output);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the sample server exited with ${code}`)));
  });
  return { baseUrl, close: () => child.kill() };
}

async function main(): Promise<void> {
  // The worker bundle the extension ships, so parsing and analysis run off this thread as in the host.
  statsWorker.file = await buildStatsWorker(path.resolve(__dirname, '..', 'out', 'bench'));
  statsWorker.log = { warn: (message) => console.error(message) };
  const server = await sampleServer();
  try {
    await once(server.baseUrl); // warm-up: the sample world and its reports are built on first use
    const runs = [];
    for (let index = 0; index < 3; index++) runs.push(await once(server.baseUrl));
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[1];
    console.log(`| analysing 100 participants x 2 peers, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY} | value |`);
    console.log('|---|---|');
    console.log(`| requests | ${median.requests} |`);
    console.log(`| time (median of 3) | ${Math.round(median.ms)} ms |`);
    console.log(`| bound: requests / concurrency x latency | ${Math.round(median.boundMs)} ms |`);
    console.log(`| ratio | ${(median.ms / median.boundMs).toFixed(2)} (goal 1.3 or less) |`);
    console.log(`| longest event-loop stall | ${Math.round(Math.max(...runs.map((run) => run.stallMs)))} ms |`);
  } finally {
    server.close();
    statsWorker.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
