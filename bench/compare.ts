/**
 * Benchmark (not a test): time from the payload posted to the compare webview until its charts are
 * painted, for 8 participants × 4 tracks × 20,000 samples per series, against the stats panel painting
 * ONE such participant. Both run their production bundles (dist/compare.js, dist/webview.js) in headless
 * Chromium with a stand-in for the VS Code API; the payload crosses postMessage with its Float64Array
 * columns as in the real webview. Participants sampled at the same moments and at their own moments
 * (125 ms apart, so their samples interleave on the shared axis) are timed apart.
 *
 *   npx tsx bench/compare.ts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ComparedParticipant, ComparePayload } from '../src/shared/compare';
import type { PanelPayload } from '../src/shared/messages';
import type { QualityTrack } from '../src/shared/model';
import { toWireColumns, toWireParticipant } from '../src/shared/wire';
import { sampleColumns, type Sample } from '../test/fixtures/sampleColumns';
import { openBrowser } from '../test/host/codeServer';
import { audioSample as audio, benchPage, median, videoSample as video } from './webviewBench';

const ROOT = path.resolve(__dirname, '..');
const PARTICIPANTS = 8;
const SAMPLES = 20_000;
const RUNS = 5;
const T0 = Date.parse('2026-11-20T09:00:00Z');

/** A participant's four tracks (audio and video, sent and received), sampled every second from `offset` ms. */
function tracksOf(seed: number, offset: number): QualityTrack[] {
  const series = (phase: number, make: (i: number, wave: number) => Omit<Sample, 't'>): Sample[] =>
    Array.from({ length: SAMPLES }, (_, i) => ({ t: T0 + offset + i * 1000, ...make(i, Math.sin((i + seed * 7 + phase) / 37)) }));
  return [
    { kind: 'audio', direction: 'producer', ...sampleColumns(series(1, audio)), summary: {} },
    { kind: 'audio', direction: 'consumer', ...sampleColumns(series(2, audio)), summary: {} },
    { kind: 'video', direction: 'producer', ...sampleColumns(series(3, video)), summary: {} },
    { kind: 'video', direction: 'consumer', ...sampleColumns(series(4, video)), summary: {} },
  ];
}

function comparePayload(interleaved: boolean): ComparePayload {
  const participants = Array.from({ length: PARTICIPANTS }, (_, p): ComparedParticipant => ({
    participantId: `bench-${p}`,
    displayName: `Participant ${p + 1}`,
    colour: p,
    verdict: { level: 'unknown', line: 'benchmark' },
    issues: [],
    causedBy: [],
    affected: [],
    tracks: tracksOf(p, interleaved ? p * 125 : 0).map(({ columns, limitation: _limitation, ...track }) => ({
      ...track,
      columns: toWireColumns(columns),
    })),
    events: [],
  }));
  const restore = { accountId: 'bench', appId: 'bench', sessionId: 'bench', participantIds: participants.map((p) => p.participantId) };
  return { sessionId: 'bench', participants, notices: [], restore };
}

function statsPayload(): PanelPayload {
  return {
    participant: toWireParticipant({
      kind: 'peer',
      id: 'bench',
      displayName: 'Benchmark peer',
      peers: [{ peerId: 'bench-peer' }],
      peerEvents: [],
      generations: ['current'],
      absent: [],
      peerStats: [{ peerId: 'bench-peer', events: [], tracks: tracksOf(0, 0) }],
    }),
    issues: [],
    verdict: { level: 'unknown', line: 'benchmark' },
    precallLimits: { maxRttMs: 300, maxJitterMs: 30, maxLossFraction: 0.05, minThroughputKbps: 500 },
    fetchedAt: new Date().toISOString(),
    restore: {},
  };
}

/** The page's globals as the callbacks below use them (this file is type-checked without the DOM library). */
interface PageGlobals {
  __messages: { m: { type: string }; at: number }[];
  postMessage(message: unknown, target: string): void;
  document: { querySelectorAll(selector: string): { length: number } };
}

async function paintTimes(
  browser: Awaited<ReturnType<typeof openBrowser>>,
  url: string,
  payload: unknown,
): Promise<{ ms: number; plots: number }> {
  const times: number[] = [];
  let plots = 0;
  for (let run = 0; run < RUNS; run++) {
    await browser.page.goto(url);
    await browser.page.waitForFunction(() => (globalThis as unknown as PageGlobals).__messages.some((entry) => entry.m.type === 'ready'));
    times.push(
      await browser.page.evaluate(async (data) => {
        const page = globalThis as unknown as PageGlobals;
        const started = performance.now();
        page.postMessage({ type: 'show', payload: data }, '*');
        while (!page.__messages.some((entry) => entry.m.type === 'rendered')) await new Promise((resolve) => setTimeout(resolve, 1));
        return page.__messages.find((entry) => entry.m.type === 'rendered')!.at - started;
      }, payload),
    );
    plots = await browser.page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('.uplot').length);
  }
  return { ms: median(times), plots };
}

async function main(): Promise<void> {
  if (
    !process.env.SKIP_BUILD &&
    spawnSync('npx', ['tsx', 'scripts/build.ts', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0
  )
    throw new Error('build failed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-bench-compare-'));
  const browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
  try {
    const stats = await paintTimes(browser, benchPage(dir, 'webview'), statsPayload());
    const aligned = await paintTimes(browser, benchPage(dir, 'compare'), comparePayload(false));
    const interleaved = await paintTimes(browser, benchPage(dir, 'compare'), comparePayload(true));
    const points = (count: number) => `${count} × 4 tracks × ${SAMPLES.toLocaleString('en-US')} samples`;
    console.log(`\nmedian of ${RUNS} runs, payload posted → charts painted`);
    console.log(`stats panel, 1 participant (${points(1)}, ${stats.plots} plots):             ${stats.ms.toFixed(0)} ms`);
    console.log(
      `compare, ${PARTICIPANTS} participants sampled together (${points(PARTICIPANTS)}, ${aligned.plots} plots): ${aligned.ms.toFixed(0)} ms  x${(aligned.ms / stats.ms).toFixed(2)}`,
    );
    console.log(
      `compare, ${PARTICIPANTS} participants interleaved (${points(PARTICIPANTS)}, ${interleaved.plots} plots):     ${interleaved.ms.toFixed(0)} ms  x${(interleaved.ms / stats.ms).toFixed(2)}`,
    );
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'test-output', 'bench-compare.json'),
      JSON.stringify({ runs: RUNS, statsMs: stats.ms, compareAlignedMs: aligned.ms, compareInterleavedMs: interleaved.ms }, null, 2),
    );
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
