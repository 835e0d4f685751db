/**
 * Benchmark (not a test) of the session overview webview with 2,345 participants, in headless Chromium
 * running the production bundle (dist/session.js) with a stand-in for the VS Code API: time from the
 * 'rows' message to the painted list, the longest frame while scrolling through the whole table,
 * sorting by each column (the slowest) and typing five characters into the filter (the slowest).
 * Exports its made-up rows for screenshots.
 *
 *   npx tsx bench/sessionTable.ts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IssueWindow, ParticipantRow, SessionHeader, VerdictLevel } from '../src/shared/session';
import { openBrowser } from '../test/host/codeServer';

const ROOT = path.resolve(__dirname, '..');
const ROWS = 2_345;

export const SESSION_START = Date.parse('2026-11-20T09:00:00Z');
const MINUTE = 60_000;
const BROWSERS = ['Chrome 131', 'Firefox 133', 'Safari 18.1', 'Edge 131'];
const SYSTEMS = ['Windows 11', 'macOS 15.1', 'Android 14', 'iOS 18', 'Ubuntu 24.04'];
const PRESETS = ['host', 'participant', 'viewer', 'webinar_presenter'];
const NETWORKS = ['wifi', 'ethernet', 'cellular', undefined];
const ISSUES: Array<Omit<IssueWindow, 'from' | 'to' | 'peerId'>> = [
  { rule: 'sustained-packet-loss', severity: 'critical', title: 'Sustained packet loss' },
  { rule: 'high-jitter', severity: 'warning', title: 'High jitter' },
  { rule: 'low-mos', severity: 'critical', title: 'Low audio quality (MOS)' },
  { rule: 'cpu-limited', severity: 'warning', title: 'Camera limited by CPU' },
  { rule: 'high-rtt', severity: 'warning', title: 'High round-trip time' },
  { rule: 'relay-only', severity: 'info', title: 'Media relayed through TURN' },
];
const NAMES = ['Sam Carter', 'Alex Kim', 'Priya Natarajan', 'Jonas Weber', 'Mei Lin', 'Olu Adeyemi', 'Chloé Martin', 'Diego Ruiz'];

/** A small deterministic generator: the same rows every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function sessionHeader(participants: number, live = false): SessionHeader {
  return {
    sessionId: '4a5f1b9e-2c7d-4e8a-9b3f-0d6c2e1a7b85',
    title: 'Weekly all-hands <b>Q4</b>',
    status: live ? 'LIVE' : 'ENDED',
    live,
    startedAt: new Date(SESSION_START).toISOString(),
    endedAt: live ? undefined : new Date(SESSION_START + 62 * MINUTE).toISOString(),
    durationMinutes: 62,
    maxConcurrentParticipants: Math.min(participants, 1800),
    minutesConsumed: participants * 41,
    type: 'meeting',
    notices: ['Call statistics are kept for 30 days: this session is 24 days old, statistics go in 6 days.'],
  };
}

export function sessionRows(count: number, options: { pending?: boolean } = {}): ParticipantRow[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const rows: ParticipantRow[] = [];
  for (let i = 0; i < count; i++) {
    const participantId = `p-${String(i).padStart(5, '0')}-${Math.floor(next() * 1e8).toString(16)}`;
    const joinedAt = SESSION_START + Math.floor(next() * 20 * MINUTE);
    const leftAt = Math.min(SESSION_START + 62 * MINUTE, joinedAt + Math.floor((10 + next() * 45) * MINUTE));
    const reconnects = next() < 0.15 ? 1 + Math.floor(next() * 2) : 0;
    const peers = [];
    let from = joinedAt;
    const slice = (leftAt - joinedAt) / (reconnects + 1);
    for (let p = 0; p <= reconnects; p++) {
      const to = p === reconnects ? leftAt : from + slice - 20_000;
      peers.push({ peerId: `${participantId}-peer${p}`, from, to });
      from = to + 20_000;
    }
    const roll = next();
    const verdict: VerdictLevel = roll < 0.08 ? 'poor' : roll < 0.25 ? 'degraded' : roll < 0.32 ? 'unknown' : 'good';
    const issueWindows: IssueWindow[] = [];
    if (verdict === 'poor' || verdict === 'degraded') {
      for (let k = 0; k < (verdict === 'poor' ? 2 : 1); k++) {
        const issue = verdict === 'poor' && k === 0 ? ISSUES[next() < 0.5 ? 0 : 2] : pick(ISSUES.slice(1));
        const start = joinedAt + Math.floor(next() * (leftAt - joinedAt - 3 * MINUTE));
        issueWindows.push({ ...issue, peerId: peers[0].peerId, from: start, to: start + Math.floor((0.5 + next() * 3) * MINUTE) });
      }
    }
    const failed = i % 97 === 13;
    const state = failed ? 'failed' : options.pending && i % 5 === 0 ? (i % 10 === 0 ? 'analysing' : 'waiting') : 'analysed';
    const analysed = state === 'analysed';
    const name = i === 0 ? '<img src=x onerror=alert(1)>**bold**' : `${pick(NAMES)} ${i}`;
    rows.push({
      participantId,
      displayName: name,
      customParticipantId: next() < 0.7 ? `crm-${1000 + i}` : undefined,
      preset: pick(PRESETS),
      joinedAt,
      leftAt,
      durationMinutes: (leftAt - joinedAt) / MINUTE,
      peerIds: peers.map((peer) => peer.peerId),
      reconnects,
      browser: pick(BROWSERS),
      os: pick(SYSTEMS),
      sdk: 'web-core 1.35.2',
      networkType: analysed ? pick(NETWORKS) : undefined,
      relay: analysed ? next() < 0.1 : undefined,
      worstMos:
        analysed && verdict !== 'unknown'
          ? verdict === 'poor'
            ? 2.1 + next()
            : verdict === 'degraded'
              ? 3.2 + next() * 0.5
              : 4 + next() * 0.4
          : undefined,
      worstLossPct: analysed && verdict !== 'unknown' ? (verdict === 'poor' ? 8 + next() * 10 : next() * 3) : undefined,
      p95RttMs: analysed && verdict !== 'unknown' ? 40 + next() * (verdict === 'good' ? 120 : 400) : undefined,
      state,
      analysed,
      verdict: analysed ? verdict : 'unknown',
      issues: analysed ? issueWindows.map((issue) => issue.rule) : [],
      topIssue: analysed ? issueWindows[0]?.title : undefined,
      causedBy:
        analysed && verdict === 'poor' && i > 2 && next() < 0.5
          ? [{ participantId: rows[1].participantId, rule: 'sustained-packet-loss', confidence: 'likely' }]
          : [],
      affected: [],
      peers,
      issueWindows: analysed ? issueWindows : [],
      error: failed ? '403 Forbidden: the token lacks the Realtime permission' : undefined,
    });
  }
  return rows;
}

const RUNS = 3;

interface Figures {
  firstPaintMs: number;
  scrollFrames: number;
  scrollMaxFrameMs: number;
  sortMaxMs: number;
  sortSlowestColumn: string;
  filterMaxMs: number;
  /** Frames the browser itself reported as over 50 ms (Long Animation Frames API) while scrolling, sorting, filtering. */
  longFrames: { scroll: number[]; sort: number[]; filter: number[] };
}

/** A page with the production bundle and a stand-in for acquireVsCodeApi that logs what is posted. */
export function sessionPage(dir: string, bodyClass: string, style = ''): string {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${path.join(ROOT, 'dist', 'session.css')}"></head>
<body class="${bodyClass}" style="${style}"><main id="app"></main>
<script>
window.__name = (f) => f;
window.__messages = [];
window.__state = window.__presetState;
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__messages.push({ m, at: performance.now() }), getState: () => window.__state, setState: (s) => { window.__state = s; } });
window.__longFrames = [];
new PerformanceObserver((list) => window.__longFrames.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'long-animation-frame', buffered: true });
</script>
<script src="${path.join(ROOT, 'dist', 'session.js')}"></script></body></html>`;
  const file = path.join(dir, `session-${bodyClass}.html`);
  fs.writeFileSync(file, html);
  return `file://${file}`;
}

async function measure(page: Awaited<ReturnType<typeof openBrowser>>['page'], rows: ParticipantRow[]): Promise<Figures> {
  return page.evaluate(
    async ({ header, rows }) => {
      type Logged = { m: { type: string }; at: number };
      const w = window as unknown as { __messages: Logged[]; __longFrames: number[] };
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const settle = async () => {
        await frame();
        await frame();
      };
      window.postMessage({ type: 'header', header, verdictLine: 'benchmark' }, '*');
      await settle();
      const started = performance.now();
      window.postMessage({ type: 'rows', rows, replace: true }, '*');
      while (!w.__messages.some((entry) => entry.m.type === 'rendered')) await new Promise((resolve) => setTimeout(resolve, 1));
      const firstPaintMs = w.__messages.find((entry) => entry.m.type === 'rendered')!.at - started;
      await settle();

      const longFrames = () => w.__longFrames.splice(0);
      longFrames();
      // Scroll through the whole table, most of a page per frame.
      const scroller = document.getElementById('participants')!;
      const intervals: number[] = [];
      let last = await frame();
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
        scroller.scrollTop += scroller.clientHeight * 0.8;
        const now = await frame();
        intervals.push(now - last);
        last = now;
      }
      await settle();
      const scrollLong = longFrames();

      // Work from the click until layout is done (forced), for every column and both directions.
      const work = (action: () => void) => {
        const t0 = performance.now();
        action();
        void scroller.getBoundingClientRect().height;
        void document.getElementById('timeline')!.getBoundingClientRect().height;
        return performance.now() - t0;
      };
      let sortMaxMs = 0;
      let sortSlowestColumn = '';
      for (const button of document.querySelectorAll<HTMLButtonElement>('button.sort')) {
        for (let click = 0; click < 2; click++) {
          const ms = work(() => button.click());
          if (ms > sortMaxMs) {
            sortMaxMs = ms;
            sortSlowestColumn = button.dataset.column ?? '';
          }
          await settle();
        }
      }

      const sortLong = longFrames();
      const filter = document.getElementById('session-filter') as HTMLInputElement;
      filter.focus();
      let filterMaxMs = 0;
      for (const char of 'safar') {
        filterMaxMs = Math.max(
          filterMaxMs,
          work(() => {
            filter.value += char;
            filter.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        );
        await settle();
      }
      return {
        firstPaintMs,
        scrollFrames: intervals.length,
        scrollMaxFrameMs: Math.max(...intervals),
        sortMaxMs,
        sortSlowestColumn,
        filterMaxMs,
        longFrames: { scroll: scrollLong, sort: sortLong, filter: longFrames() },
      };
    },
    { header: sessionHeader(rows.length), rows },
  );
}

async function main(): Promise<void> {
  if (
    !process.env.SKIP_BUILD &&
    spawnSync('npx', ['tsx', 'scripts/build.ts', '--production'], { cwd: ROOT, stdio: 'inherit' }).status !== 0
  )
    throw new Error('build failed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-bench-session-'));
  const browser = await openBrowser({ viewport: { width: 1400, height: 1000 } });
  const rows = sessionRows(ROWS);
  const runs: Figures[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      await browser.page.goto(sessionPage(dir, 'vscode-dark'));
      await browser.page.waitForFunction(() =>
        (window as unknown as { __messages: { m: { type: string } }[] }).__messages.some((entry) => entry.m.type === 'ready'),
      );
      runs.push(await measure(browser.page, rows));
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const median = (pick: (figures: Figures) => number) => [...runs.map(pick)].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const worst = (pick: (figures: Figures) => number) => Math.max(...runs.map(pick));
  console.log(`session table, ${ROWS.toLocaleString('en-US')} participants, ${RUNS} runs (production bundle, headless Chromium)`);
  console.log(`  rows message to painted list: ${median((f) => f.firstPaintMs).toFixed(0)} ms (median)`);
  console.log(
    `  scrolling through the table (${runs[0].scrollFrames} frames): longest frame ${worst((f) => f.scrollMaxFrameMs).toFixed(1)} ms`,
  );
  console.log(
    `  sort by each column, both directions: slowest ${worst((f) => f.sortMaxMs).toFixed(1)} ms (${runs.map((f) => f.sortSlowestColumn).join(', ')})`,
  );
  console.log(`  filter, typing 5 characters: slowest keystroke ${worst((f) => f.filterMaxMs).toFixed(1)} ms`);
  for (const phase of ['scroll', 'sort', 'filter'] as const) {
    const frames = runs.flatMap((f) => f.longFrames[phase]);
    console.log(
      `  frames over 50 ms reported by the browser (Long Animation Frames) during ${phase === 'scroll' ? 'scrolling' : phase === 'sort' ? 'sorting' : 'filtering'}, all runs: ${frames.length}${frames.length ? ` (longest ${Math.max(...frames).toFixed(0)} ms)` : ''}`,
    );
  }
  console.log(`  load average while measuring: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'bench-session-table.json'), JSON.stringify(runs, null, 2));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
