/**
 * Benchmark (not a test) of the API client on the loopback sample server:
 *  1. overhead per request against raw node:http (same server, same headers, sequential GETs);
 *  2. wall time to list a 5,000-participant session (50 pages of 100) with 50 ms injected latency,
 *     against the bound RTT + ceil(49 / concurrency) x RTT, at concurrency 1, 4 (the default) and 8.
 *
 *   npm run bench:client
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { RealtimeKitClient } from '../src/api/client';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, sampleCatalog, startSampleServer } from '../sample-server';

const ROOT = path.resolve(__dirname, '..');
const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
const catalog = sampleCatalog();
const REQUESTS = 2_000;
const WARM_UP = 200;
const LATENCY_MS = 50;
const REPEATS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

function rawGet(agent: http.Agent, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Authorization: `Bearer ${SAMPLE_TOKEN}`, Accept: 'application/json' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString());
          resolve();
        });
      })
      .on('error', reject);
  });
}

async function time(run: () => Promise<void>, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function overhead(): Promise<Record<string, number>> {
  const server = await startSampleServer();
  try {
    const client = new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });
    const ids = { meetingId: catalog.meeting.id, participantId: catalog.meeting.participantId };
    const url = `${server.baseUrl}/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit/${SAMPLE_APP_ID}/meetings/${ids.meetingId}/participants/${ids.participantId}`;
    const agent = new http.Agent({ keepAlive: true });
    const viaClient = () => client.getMeetingParticipant(scope, ids, { refresh: true }).then(() => undefined);
    const viaRaw = () => rawGet(agent, url);
    await time(viaClient, WARM_UP);
    await time(viaRaw, WARM_UP);
    const clientTimes = await time(viaClient, REQUESTS);
    const rawTimes = await time(viaRaw, REQUESTS);
    agent.destroy();
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    return {
      clientMeanMs: mean(clientTimes),
      clientP50Ms: percentile(clientTimes, 50),
      clientP95Ms: percentile(clientTimes, 95),
      rawMeanMs: mean(rawTimes),
      rawP50Ms: percentile(rawTimes, 50),
      rawP95Ms: percentile(rawTimes, 95),
      ratio: mean(clientTimes) / mean(rawTimes),
    };
  } finally {
    await server.close();
  }
}

async function listing(): Promise<Array<Record<string, number>>> {
  const server = await startSampleServer({ latencyMs: LATENCY_MS });
  const rows: Array<Record<string, number>> = [];
  try {
    const pages = Math.ceil(catalog.hugeSession.participantCount / 100);
    for (const concurrency of [1, 4, 8]) {
      const walls: number[] = [];
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        const client = new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });
        const started = performance.now();
        let count = 0;
        for await (const page of client.allSessionParticipants(scope, catalog.hugeSession.id, {}, { concurrency })) count += page.length;
        walls.push(performance.now() - started);
        if (count !== catalog.hugeSession.participantCount) throw new Error(`listed ${count} participants`);
      }
      const bound = LATENCY_MS + Math.ceil((pages - 1) / concurrency) * LATENCY_MS;
      rows.push({ concurrency, pages, wallMs: median(walls), boundMs: bound, ratio: median(walls) / bound });
    }
  } finally {
    await server.close();
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`Client overhead: ${REQUESTS} sequential GETs (after ${WARM_UP} warm-up) of one meeting participant, loopback`);
  const cost = await overhead();
  console.log(
    `  client    mean ${cost.clientMeanMs.toFixed(3)} ms  p50 ${cost.clientP50Ms.toFixed(3)} ms  p95 ${cost.clientP95Ms.toFixed(3)} ms`,
  );
  console.log(`  node:http mean ${cost.rawMeanMs.toFixed(3)} ms  p50 ${cost.rawP50Ms.toFixed(3)} ms  p95 ${cost.rawP95Ms.toFixed(3)} ms`);
  console.log(`  ratio client / raw: ${cost.ratio.toFixed(2)}`);
  console.log(
    `\nListing ${catalog.hugeSession.participantCount} participants (100 per page) with ${LATENCY_MS} ms latency per response, median of ${REPEATS}`,
  );
  const rows = await listing();
  for (const row of rows) {
    console.log(
      `  concurrency ${row.concurrency}: ${row.wallMs.toFixed(0)} ms for ${row.pages} pages; bound RTT + ceil(${row.pages - 1}/${row.concurrency}) x RTT = ${row.boundMs} ms; ratio ${row.ratio.toFixed(2)}`,
    );
  }
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'bench-client.json'), JSON.stringify({ overhead: cost, listing: rows }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
