/**
 * Benchmark (not a test): time from data posted to the stats webview until its charts are painted, for
 * 1k, 10k, 20k and 100k samples per series, in headless Chromium; and how long a zoom takes to redraw
 * every synced chart. Runs the real webview bundle (dist/webview.js) with a stand-in for the VS Code API.
 *
 *   npm run bench:charts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PanelPayload } from '../src/shared/messages';
import type { QualityTrack } from '../src/shared/model';
import { toWireParticipant } from '../src/shared/wire';
import { sampleColumns, type Sample } from '../test/fixtures/sampleColumns';
import { openBrowser } from '../test/host/codeServer';
import { audioSample as audio, benchPage, median, videoSample as video } from './webviewBench';

const ROOT = path.resolve(__dirname, '..');
const SIZES = [1_000, 10_000, 20_000, 100_000];
const RUNS = 3;

function series(count: number, seed: number, make: (i: number, wave: number) => Omit<Sample, 't'>): Sample[] {
  const t0 = Date.parse('2026-11-20T09:00:00Z');
  return Array.from({ length: count }, (_, i) => ({ t: t0 + i * 1000, ...make(i, Math.sin((i + seed) / 37)) }));
}

function payloadWith(samplesPerSeries: number): PanelPayload {
  const tracks: QualityTrack[] = [
    { kind: 'audio', direction: 'producer', ...sampleColumns(series(samplesPerSeries, 1, audio)), summary: {} },
    { kind: 'audio', direction: 'consumer', ...sampleColumns(series(samplesPerSeries, 2, audio)), summary: {} },
    { kind: 'video', direction: 'producer', ...sampleColumns(series(samplesPerSeries, 3, video)), summary: {} },
    { kind: 'video', direction: 'consumer', ...sampleColumns(series(samplesPerSeries, 4, video)), summary: {} },
  ];
  return {
    participant: toWireParticipant({
      kind: 'peer',
      id: 'bench',
      displayName: 'Benchmark peer',
      peers: [{ peerId: 'bench-peer' }],
      peerEvents: [],
      generations: ['current'],
      absent: [],
      peerStats: [{ peerId: 'bench-peer', events: [], tracks }],
    }),
    issues: [],
    verdict: { level: 'unknown', line: 'benchmark' },
    precallLimits: { maxRttMs: 300, maxJitterMs: 30, maxLossFraction: 0.05, minThroughputKbps: 500 },
    fetchedAt: new Date().toISOString(),
    restore: {},
  };
}

async function main(): Promise<void> {
  if (
    !process.env.SKIP_BUILD &&
    spawnSync('npx', ['tsx', 'scripts/build.ts', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0
  )
    throw new Error('build failed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-bench-'));
  const browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
  const results: { samples: number; points: number; paintMs: number; zoomMs: number }[] = [];
  try {
    for (const size of SIZES) {
      const payload = payloadWith(size);
      const paints: number[] = [];
      const zooms: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await browser.page.goto(benchPage(dir, 'webview'));
        await browser.page.waitForFunction(() =>
          (window as unknown as { __messages: { m: { type: string } }[] }).__messages.some((entry) => entry.m.type === 'ready'),
        );
        const paintMs = await browser.page.evaluate(async (data) => {
          const w = window as unknown as { __messages: { m: { type: string }; at: number }[] };
          const started = performance.now();
          window.postMessage({ type: 'show', payload: data }, '*');
          while (!w.__messages.some((entry) => entry.m.type === 'rendered')) await new Promise((resolve) => setTimeout(resolve, 1));
          return w.__messages.find((entry) => entry.m.type === 'rendered')!.at - started;
        }, payload);
        paints.push(paintMs);
        // A drag across the first chart zooms it and, through the sync, every other chart.
        const zoomMs = await browser.page.evaluate(async () => {
          const over = document.querySelector('.u-over') as HTMLElement;
          const box = over.getBoundingClientRect();
          const at = (x: number) => ({ clientX: box.left + x, clientY: box.top + box.height / 2, bubbles: true, view: window });
          const started = performance.now();
          over.dispatchEvent(new MouseEvent('mousedown', { ...at(box.width * 0.3), button: 0 }));
          document.dispatchEvent(new MouseEvent('mousemove', at(box.width * 0.6)));
          document.dispatchEvent(new MouseEvent('mouseup', { ...at(box.width * 0.6), button: 0 }));
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return performance.now() - started;
        });
        zooms.push(zoomMs);
      }
      const chartCount = await browser.page.evaluate(() => document.querySelectorAll('.uplot').length);
      results.push({ samples: size, points: size * 4, paintMs: median(paints), zoomMs: median(zooms) });
      console.log(
        `${size.toLocaleString('en-US').padStart(8)} samples/series (${chartCount} charts): painted in ${median(paints).toFixed(0)} ms, zoom redraw ${median(zooms).toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = results[0];
  console.log('\nsamples/series | paint (ms) | zoom (ms) | paint growth vs 1k');
  for (const row of results)
    console.log(
      `${String(row.samples).padStart(14)} | ${row.paintMs.toFixed(0).padStart(10)} | ${row.zoomMs.toFixed(0).padStart(9)} | x${(row.paintMs / base.paintMs).toFixed(1)}`,
    );
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'bench-charts.json'), JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
