/**
 * The stats worker reading a heavy participant's changed Refresh, outside VS Code: its three peer
 * reports (20,000 audio and 20,000 video samples each, 14 MB of JSON, Brotli-compressed as the API
 * sends them) pushed into the worker in 16 KB pieces, all at once as over loopback, then read ahead and
 * analysed. Prints last byte → analysed and how far the process's memory (RSS) grew at most; the host's
 * own benchmark (`npm run bench:host`) measures the whole path to pixels. The worker is the bundle as
 * built for the extension.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { HEAVY_PARTICIPANTS, SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, SAMPLE_TOKEN, SCALE_SESSION_IDS, startSampleServer } from '../sample-server';
import { compressed } from '../sample-server/compression';
import { RealtimeKitClient } from '../src/api/client';
import { StatsWorker } from '../src/inspection/worker/statsWorkerHost';
import { buildStatsWorker } from '../test/fixtures/statsWorkerBundle';

const ROUNDS = Number(process.env.RTK_BENCH_RUNS ?? 10);
const PIECE_BYTES = 16 * 1024;
/**
 * RTK_BENCH_IDLE_MS: the worker idles this long before every other round, as it does between a user's
 * Refreshes; the rounds after an idle and those run back to back are then compared, turn about, so that
 * the machine's drift falls on both alike.
 */
const IDLE_MS = Number(process.env.RTK_BENCH_IDLE_MS ?? 0);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function answers() {
  const server = await startSampleServer();
  try {
    const client = new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });
    const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
    const heavy = HEAVY_PARTICIPANTS.heavy;
    const ids = { sessionId: SCALE_SESSION_IDS.heavy, participantId: heavy.id };
    const participant = (await client.getSessionParticipantText(scope, ids, { includePeerEvents: true })).text;
    const reports = await Promise.all(
      heavy.peerIds.map(async (peerId) => {
        const text = (await client.getPeerReportText(scope, peerId, { includePeerEvents: true })).text;
        return { peerId, characters: text.length, compressed: compressed({ text }, 'br') };
      }),
    );
    return { participant, reports };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const { participant, reports } = await answers();
  const worker = new StatsWorker(await buildStatsWorker(path.resolve(__dirname, '..', 'out', 'bench')));
  worker.log = { warn: (message) => console.error(message) };
  const target = { kind: 'sessionParticipant' as const, sessionId: SCALE_SESSION_IDS.heavy };
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  // This thread only waits for the worker: sampling it every 2 ms sees the worker's peak too (one process).
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const times: number[] = [];
  const afterIdle: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const idled = IDLE_MS > 0 && round % 2 === 1;
      if (idled) await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      const bodies = reports.map((report) => {
        const along = worker.readAlong('br');
        if (!along) throw new Error('The stats worker did not start.');
        const chunks: Uint8Array[] = [];
        for (let at = 0; at < report.compressed.length; at += PIECE_BYTES) {
          const chunk = new Uint8Array(report.compressed.subarray(at, at + PIECE_BYTES));
          chunks.push(chunk);
          along.push(chunk);
        }
        along.end(true);
        return { chunks, readAlong: along.id, encoding: 'br' as const };
      });
      const lastByte = performance.now();
      const reads = await Promise.all(reports.map((report, index) => worker.readAhead(report.peerId, bodies[index])));
      const peers = reports.map((report, index) => ({ peerId: report.peerId, readAhead: reads[index].key }));
      const result = await worker.analyse({ target, text: participant, peers });
      if (result.kind !== 'analysed') throw new Error(`The analysis gave ${result.kind}.`);
      (idled ? afterIdle : times).push(performance.now() - lastByte);
    }
  } finally {
    clearInterval(sampler);
    worker.stop();
  }
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const characters = reports.reduce((sum, report) => sum + report.characters, 0);
  const compressedBytes = reports.reduce((sum, report) => sum + report.compressed.length, 0);
  console.log(`Heavy participant's changed Refresh in the stats worker (${os.cpus().length} cores, Node ${process.version}):`);
  console.log(`  3 reports, ${megabytes(characters)} MB of JSON, ${megabytes(compressedBytes)} MB compressed, ${ROUNDS} rounds`);
  const rounds = (list: number[]) => `median ${median(list).toFixed(0)} ms; each round ${list.map((ms) => ms.toFixed(0)).join(', ')}`;
  // The first round starts the worker and compiles its code: it is listed, and left out of the comparison.
  console.log(`  last byte → analysed${afterIdle.length ? ', back to back' : ''}: ${rounds(times)}`);
  if (afterIdle.length)
    console.log(
      `  after ${IDLE_MS / 1000} s idle: ${rounds(afterIdle)}; back to back without the first: median ${median(times.slice(1)).toFixed(0)} ms`,
    );
  console.log(`  memory: RSS grew at most ${megabytes(peak - baseline)} MB over the ${megabytes(baseline)} MB before the first round`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
