/**
 * Benchmark (not a test): what the stats webview's first paint costs. The production bundle (dist/webview.js,
 * webview.css and the fonts it names) is served over loopback HTTP to headless Chromium with a stand-in for
 * the VS Code API, for a 60-sample participant and a 20,000-sample one. It prints, median of RUNS fresh loads:
 *
 *  - the shipped sizes, and the payload posted to the webview (JSON of everything but typed arrays, plus
 *    the typed arrays' bytes, which VS Code transfers as binary);
 *  - page load: navigation to 'ready' (the host waits for it), of which script parse/compile/eval, CSS load
 *    and the rule count;
 *  - 'show' posted: received (structured clone), handled (the view built), first paint, 'rendered' (the
 *    webview's own report, after the charts), the icon font loaded, and the main thread's script, style
 *    and layout time from CDP;
 *  - a Refresh with changed answers, at the top of the panel and scrolled to the charts;
 *  - a drag across the first chart in sight (zooming every chart) and a double-click (the whole call
 *    again): mouse up to painted, and the main thread's script time;
 *  - opening Raw JSON: click to painted (the host stand-in answers a request at once, like a local host).
 *
 *   npm run bench:webview          (SKIP_BUILD=1 to reuse dist/, RUNS=n, JSON=path to save the figures)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { normalizeParticipant } from '../src/api/normalize';
import { analyseInspection } from '../src/inspection/inspection';
import type { InspectionTarget } from '../src/inspection/inspectionTarget';
import { toPayload } from '../src/panels/panelContent';
import { openBrowser } from '../test/host/codeServer';
import type { CDPSession, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const SIZES = [60, 20_000];
const RUNS = Number(process.env.RUNS ?? 5);
const t0 = Date.parse('2026-11-20T09:00:00Z');

type Row = Record<string, unknown>;

/** A current-generation peer report with `count` rows per track (audio and video, sent and received). */
function peerReport(count: number): unknown {
  const at = (i: number) => new Date(t0 + i * 1000).toISOString();
  const wave = (i: number, seed: number) => Math.sin((i + seed) / 37);
  const producer = (seed: number, video: boolean): Row[] =>
    Array.from({ length: count }, (_, i) => ({
      timestamp: at(i),
      producer_id: `producer-self-${seed}`,
      mos_quality: 4.2 + wave(i, seed) * 0.3,
      jitter: 4 + Math.abs(wave(i, seed)) * 20,
      rtt: 60 + wave(i, seed) * 30,
      packets_sent: (i + 1) * 250,
      packets_lost: i % 97 === 0 ? i * 2 : i,
      bytes_sent: (i + 1) * (video ? 112_500 : 4_000),
      ...(video ? { frames_per_second: 28 + wave(i, seed) * 4, frame_height: i % 500 < 250 ? 720 : 360, frame_width: 1280 } : {}),
    }));
  const consumer = (seed: number, video: boolean): Row[] =>
    Array.from({ length: count }, (_, i) => ({
      timestamp: at(i),
      peer_id: 'peer-remote',
      producer_id: `producer-remote-${seed}`,
      mos_quality: 4.1 + wave(i, seed) * 0.3,
      jitter: 6 + Math.abs(wave(i, seed)) * 20,
      packets_received: (i + 1) * 250,
      packets_lost: i,
      bytes_received: (i + 1) * (video ? 112_500 : 4_000),
      ...(video ? { frames_per_second: 27 + wave(i, seed) * 4, frame_height: 720, frame_width: 1280 } : {}),
    }));
  return {
    participant: {
      id: 'bench-participant',
      display_name: 'Benchmark participant',
      peer_report: {
        metadata: {
          device_info: { browser: 'Chrome', browser_version: '130', os: 'macOS', cpus: 8, is_mobile: false },
          sdk_info: { sdk_name: 'web-core', sdk_version: '1.2.3' },
        },
        quality: {
          audio_producer: producer(1, false),
          audio_consumer: consumer(2, false),
          video_producer: producer(3, true),
          video_consumer: consumer(4, true),
        },
      },
    },
  };
}

interface Measured {
  payload: { jsonBytes: number; typedBytes: number; rawJsonChars: number };
  load: Record<string, number>;
  show: Record<string, number>;
  refresh: Record<string, number>;
  refreshAtCharts: Record<string, number>;
  zoom: Record<string, number>;
  rawOpen: number;
}

/** JSON of everything but typed arrays, and the typed arrays' bytes: what crosses postMessage. */
function payloadSize(payload: unknown): { jsonBytes: number; typedBytes: number } {
  let typedBytes = 0;
  const json = JSON.stringify(payload, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) {
      typedBytes += value.byteLength;
      return null;
    }
    return value;
  });
  return { jsonBytes: Buffer.byteLength(json), typedBytes };
}

/** The in-page side: the VS Code API stand-in, probes around the bundle's message listener, paint timing. */
const PAGE_SCRIPT_BEFORE = `
window.__b = { messages: [], marks: {}, fontsDone: [] };
const b = window.__b;
window.acquireVsCodeApi = () => ({
  postMessage: (m) => {
    b.messages.push({ m, at: performance.now() });
    // The host stand-in answers a raw JSON request at once.
    if (m && (m.type === 'rawJson' || m.type === 'requestRaw') && b.rawReply) setTimeout(() => window.postMessage(b.rawReply(m), '*'), 0);
  },
  getState: () => undefined,
  setState: () => undefined,
});
// Registered before the bundle's listener: the time a message was received (after its structured clone).
window.addEventListener('message', (event) => { if (event.data && event.data.type === 'show') b.marks.received = performance.now(); });
document.fonts.addEventListener('loadingdone', () => b.fontsDone.push(performance.now()));
b.afterPaint = (name) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { b.marks[name] = performance.now(); };
  channel.port2.postMessage(0);
});
`;
const PAGE_SCRIPT_AFTER = `
// Registered after the bundle's listener: the view is built when this runs; the next frame paints it.
window.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'show') { __b.marks.handled = performance.now(); __b.afterPaint('painted'); }
});
`;

function pageHtml(): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/dist/webview.css">
</head>
<body class="vscode-dark" data-bench><main id="app" aria-live="polite"><p class="muted">Loading…</p></main>
<script>${PAGE_SCRIPT_BEFORE}</script>
<script src="/dist/webview.js"></script>
<script>${PAGE_SCRIPT_AFTER}</script>
</body></html>`;
}

function serve(): Promise<http.Server> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.woff2': 'font/woff2' };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(pageHtml());
      return;
    }
    const file = path.join(DIST, path.basename(url.pathname));
    if (!url.pathname.startsWith('/dist/') || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    // no-store: every run loads as a panel opening for the first time would (no HTTP cache).
    response
      .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      .end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function medians(rows: Record<string, number>[]): Record<string, number> {
  return Object.fromEntries(Object.keys(rows[0]).map((key) => [key, median(rows.map((row) => row[key]))]));
}

type Metrics = Record<string, number>;

/**
 * Posts `payload` to a panel already showing the participant, as a Refresh with changed answers does, and
 * times its paint. PROFILE=1 saves a CPU profile of each size's first one to out/bench/.
 */
async function showAgain(page: Page, cdp: CDPSession, payload: unknown, label: string, run: number): Promise<Record<string, number>> {
  const profile = process.env.PROFILE && run === 0;
  const scriptBefore = (await metricsOf(cdp)).ScriptDuration;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const renderedBefore = (await page.evaluate("window.__b.messages.filter((e) => e.m.type === 'rendered').length")) as number;
  await page.evaluate((data) => {
    const b = (globalThis as unknown as { __b: { marks: Record<string, number | undefined> } }).__b;
    b.marks = { posted: performance.now() };
    (globalThis as unknown as { postMessage: (message: unknown, origin: string) => void }).postMessage(
      { type: 'show', payload: data },
      '*',
    );
  }, payload);
  await page.waitForFunction((before) => {
    const b = (globalThis as unknown as { __b: { marks: Record<string, number>; messages: { m: { type: string } }[] } }).__b;
    return b.messages.filter((e) => e.m.type === 'rendered').length > before && b.marks.painted !== undefined;
  }, renderedBefore);
  if (profile) {
    const { profile: taken } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    const file = path.join(ROOT, 'out', 'bench', `webview refresh ${label}.cpuprofile`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(taken));
    console.log(`CPU profile: ${file}`);
  }
  const timings = (await page.evaluate(`(() => {
    const b = window.__b;
    const posted = b.marks.posted;
    const rendered = b.messages.filter((e) => e.m.type === 'rendered').at(-1).at;
    return { handledMs: b.marks.handled - posted, firstPaintMs: b.marks.painted - posted, renderedMs: rendered - posted };
  })()`)) as Record<string, number>;
  return { ...timings, cdpScriptMs: ((await metricsOf(cdp)).ScriptDuration - scriptBefore) * 1000 };
}

/**
 * A person's drag across the first chart in sight, from 30 % to 60 % of its width, then a double-click
 * on it: each timed from the mouse button's release to the next frame painted.
 */
async function dragZoom(page: Page, cdp: CDPSession): Promise<Record<string, number>> {
  const box = await page.evaluate(`(() => {
    const over = [...document.querySelectorAll('#quality .u-over')].find((o) => o.getBoundingClientRect().top >= 0);
    const r = over.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  })()`);
  const { x, y, width, height } = box as { x: number; y: number; width: number; height: number };
  // The release is marked before uPlot's own listener hears it; the frame after the zoom paints it.
  const armed = () =>
    page.evaluate(`new Promise((resolve) => {
      const b = window.__b;
      delete b.marks.zoomPainted;
      window.addEventListener('mouseup', () => { b.marks.released = performance.now(); b.afterPaint('zoomPainted'); }, { capture: true, once: true });
      resolve();
    })`);
  const painted = async () => {
    await page.waitForFunction('window.__b.marks.zoomPainted !== undefined');
    return (await page.evaluate('window.__b.marks.zoomPainted - window.__b.marks.released')) as number;
  };
  const mid = y + height / 2;
  let before = (await metricsOf(cdp)).ScriptDuration;
  await armed();
  await page.mouse.move(x + width * 0.3, mid);
  await page.mouse.down();
  await page.mouse.move(x + width * 0.45, mid, { steps: 4 });
  await page.mouse.move(x + width * 0.6, mid, { steps: 4 });
  await page.mouse.up();
  const zoomMs = await painted();
  const zoomScriptMs = ((await metricsOf(cdp)).ScriptDuration - before) * 1000;
  before = (await metricsOf(cdp)).ScriptDuration;
  await page.waitForTimeout(300);
  await armed();
  await page.mouse.dblclick(x + width * 0.5, mid);
  const resetMs = await painted();
  const resetScriptMs = ((await metricsOf(cdp)).ScriptDuration - before) * 1000;
  return { zoomMs, zoomScriptMs, resetMs, resetScriptMs };
}

async function metricsOf(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function main(): Promise<void> {
  if (
    !process.env.SKIP_BUILD &&
    spawnSync('npx', ['tsx', 'scripts/build.ts', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0
  )
    throw new Error('build failed');
  const css = fs.readFileSync(path.join(DIST, 'webview.css'), 'utf8');
  const fonts = [...css.matchAll(/url\("?\.?\/?([^")?]+\.(?:ttf|woff2?))[^")]*"?\)/g)].map((match) => path.basename(match[1]));
  const sizes = {
    'webview.js': fs.statSync(path.join(DIST, 'webview.js')).size,
    'webview.css': Buffer.byteLength(css),
    ...Object.fromEntries(fonts.map((font) => [font, fs.statSync(path.join(DIST, font)).size])),
  };
  console.log('Shipped to the stats webview (bytes):', sizes);

  const server = await serve();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
  const cdp = await browser.context.newCDPSession(browser.page);
  await cdp.send('Performance.enable');
  const metrics = () => metricsOf(cdp);
  const results: Record<string, Measured> = {};
  try {
    for (const size of SIZES) {
      const raw = peerReport(size);
      const target: InspectionTarget = { kind: 'peer', peerId: 'bench-peer', accountId: 'a'.repeat(32), appId: 'bench-app' };
      const content = analyseInspection({ participant: normalizeParticipant('peer', raw), raw, fetchedAt: new Date(t0).toISOString() });
      const payload = toPayload(content, target);
      const rawText = JSON.stringify(raw, null, 2);
      const loads: Record<string, number>[] = [];
      const shows: Record<string, number>[] = [];
      const refreshes: Record<string, number>[] = [];
      const refreshesAtCharts: Record<string, number>[] = [];
      const zooms: Record<string, number>[] = [];
      const rawOpens: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await browser.page.goto(origin, { waitUntil: 'load' });
        await browser.page.waitForFunction("window.__b.messages.some((e) => e.m.type === 'ready')");
        const loaded = await metrics();
        const load = (await browser.page.evaluate(`(() => {
          const b = window.__b;
          const entry = (suffix) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(suffix));
          const script = entry('webview.js');
          const style = entry('webview.css');
          const ready = b.messages.find((e) => e.m.type === 'ready').at;
          let rules = 0;
          for (const sheet of document.styleSheets) rules += sheet.cssRules.length;
          return {
            toReadyMs: ready,
            scriptFetchMs: script.responseEnd - script.startTime,
            scriptEvalMs: ready - script.responseEnd,
            cssLoadMs: style.responseEnd - style.startTime,
            cssRules: rules,
          };
        })()`)) as Record<string, number>;
        // The counters start again with each document.
        load.cdpScriptMs = loaded.ScriptDuration * 1000;
        load.cdpStyleLayoutMs = (loaded.RecalcStyleDuration + loaded.LayoutDuration) * 1000;
        loads.push(load);

        const beforeShow = await metrics();
        await browser.page.evaluate(
          ([data, text]) => {
            const b = (globalThis as unknown as { __b: { marks: Record<string, number>; rawReply: unknown } }).__b;
            const limit = 1_000_000;
            b.rawReply = () => ({
              type: 'rawJson',
              fetchedAt: data.fetchedAt,
              text: text.length > limit ? text.slice(0, limit) : text,
              totalChars: text.length,
            });
            b.marks.posted = performance.now();
            (globalThis as unknown as { postMessage: (message: unknown, origin: string) => void }).postMessage(
              { type: 'show', payload: data },
              '*',
            );
          },
          [payload, rawText] as const,
        );
        await browser.page.waitForFunction(
          "window.__b.messages.some((e) => e.m.type === 'rendered') && window.__b.marks.painted !== undefined && document.fonts.status === 'loaded'",
        );
        // The icon font may still be on its way when 'rendered' is posted: give it a moment to report.
        await browser.page.waitForTimeout(150);
        const shown = await metrics();
        const show = (await browser.page.evaluate(`(() => {
          const b = window.__b;
          const posted = b.marks.posted;
          const rendered = b.messages.find((e) => e.m.type === 'rendered').at;
          const font = performance.getEntriesByType('resource').find((e) => /\\.(ttf|woff2?)(\\?|$)/.test(e.name));
          return {
            receivedMs: b.marks.received - posted,
            handledMs: b.marks.handled - posted,
            firstPaintMs: b.marks.painted - posted,
            renderedMs: rendered - posted,
            fontStartMs: font ? font.startTime - posted : NaN,
            fontLoadedMs: b.fontsDone.length ? Math.max(...b.fontsDone) - posted : NaN,
          };
        })()`)) as Record<string, number>;
        show.cdpScriptMs = (shown.ScriptDuration - beforeShow.ScriptDuration) * 1000;
        show.cdpStyleLayoutMs =
          (shown.RecalcStyleDuration + shown.LayoutDuration - beforeShow.RecalcStyleDuration - beforeShow.LayoutDuration) * 1000;
        shows.push(show);

        // Opening Raw JSON: click to the text painted.
        rawOpens.push(
          (await browser.page.evaluate(`new Promise((resolve) => {
            const summary = document.querySelector('details.raw summary');
            const pre = document.getElementById('raw-json');
            const started = performance.now();
            summary.click();
            const check = () => {
              if (pre.textContent) requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - started); c.port2.postMessage(0); });
              else setTimeout(check, 1);
            };
            check();
          })`)) as number,
        );

        // A Refresh whose answers changed: the same participant shown again, fetched later. First at the
        // top of the panel, where its button is (the charts out of sight wait until scrolled to), then
        // scrolled to the charts (those in sight draw at once).
        const fetchedLater = (minutes: number) => ({ ...payload, fetchedAt: new Date(t0 + 60_000 * minutes).toISOString() });
        await browser.page.evaluate('window.scrollTo(0, 0)');
        refreshes.push(await showAgain(browser.page, cdp, fetchedLater(2 * run + 1), `${size} at top`, run));
        // Two frames after the scroll: the charts the first Refresh left out of sight draw first.
        await browser.page.evaluate(
          "new Promise((resolve) => { document.getElementById('quality').scrollIntoView(); requestAnimationFrame(() => requestAnimationFrame(resolve)); })",
        );
        await browser.page.waitForTimeout(50);
        refreshesAtCharts.push(await showAgain(browser.page, cdp, fetchedLater(2 * run + 2), `${size} at charts`, run));
        await browser.page.waitForTimeout(100);
        zooms.push(await dragZoom(browser.page, cdp));
      }
      results[String(size)] = {
        payload: { ...payloadSize(payload), rawJsonChars: rawText.length },
        load: medians(loads),
        show: medians(shows),
        refresh: medians(refreshes),
        refreshAtCharts: medians(refreshesAtCharts),
        zoom: medians(zooms),
        rawOpen: median(rawOpens),
      };
    }
  } finally {
    await browser.close();
    server.close();
  }

  const fmt = (value: number) => (Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
  for (const [size, result] of Object.entries(results)) {
    const { jsonBytes, typedBytes, rawJsonChars } = result.payload;
    console.log(`\n${Number(size).toLocaleString('en-US')} samples per track (4 tracks), median of ${RUNS}`);
    console.log(
      `  payload: ${(jsonBytes / 1024).toFixed(1)} KiB JSON + ${(typedBytes / 1024).toFixed(1)} KiB typed arrays (raw answer pretty-printed: ${(rawJsonChars / 1024).toFixed(1)} KiB)`,
    );
    console.log(
      `  load (ms): ${Object.entries(result.load)
        .map(([key, value]) => `${key} ${fmt(value)}`)
        .join(', ')}`,
    );
    console.log(
      `  show (ms after posting): ${Object.entries(result.show)
        .map(([key, value]) => `${key} ${fmt(value)}`)
        .join(', ')}`,
    );
    for (const [where, figures] of [
      ['at the top of the panel', result.refresh],
      ['scrolled to the charts', result.refreshAtCharts],
    ] as const)
      console.log(
        `  Refresh, answers changed, ${where} (ms after posting): ${Object.entries(figures)
          .map(([key, value]) => `${key} ${fmt(value)}`)
          .join(', ')}`,
      );
    console.log(
      `  drag to zoom, then double-click (ms after the mouse button's release): ${Object.entries(result.zoom)
        .map(([key, value]) => `${key} ${fmt(value)}`)
        .join(', ')}`,
    );
    console.log(`  open Raw JSON: ${fmt(result.rawOpen)} ms to painted`);
  }
  if (process.env.JSON) fs.writeFileSync(process.env.JSON, JSON.stringify({ sizes, results }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
