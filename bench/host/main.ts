/**
 * Benchmark (not a test) in the real host: `npm run bench:host`. Builds the extension, bundles
 * bench/host/inHost.ts, starts code-server with the extension and an empty extension loaded for
 * development and headless Chromium showing the workbench, runs the real commands inside the
 * extension host against the sample server, and prints one table of where the time goes.
 *
 *   RTK_BENCH_RUNS=3          runs per case (medians are printed)
 *   RTK_BENCH_ONLY=overview   only the session overviews (or =stats: only the stats panels)
 *   RTK_BENCH_CASE=heavy      only the stats cases whose name holds "heavy"
 *   RTK_BENCH_PROFILE=1       the extension host's CPU profile of each overview, in out/bench/host/<session>.cpuprofile
 *   RTK_BENCH_LINK_MBPS=100   the stats panels' answers share a link of this speed, as over a user's
 *                             connection (on loopback they arrive faster than they can be parsed)
 *   RTK_SAMPLE_COMPRESS=1     the sample servers compress answers as Cloudflare's network does (Brotli,
 *                             as the extension accepts it): what crosses the link is then a few MB
 *   RTK_BENCH_AUTOGROUP=keep  leave Linux's autogroup scheduling on (see schedulingGroups.ts)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { openBrowser, startCodeServer, workbenchUrl } from '../../test/host/codeServer';
import { ensureTestHost } from '../../test/host/ensureTestHost';
import {
  HEAVY_PARTICIPANTS,
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  SCALE_SESSION_IDS,
  startSampleServer,
} from '../../sample-server';
import { RealtimeKitClient } from '../../src/api/client';
import { peerOwners } from '../../src/sessionAnalysis/peerSpans';
import { median, ms } from './figures';
import { oneSchedulingGroup } from './schedulingGroups';
import type { BenchResults, BenchServers, OverviewRun, StatsRun } from './inHost';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out', 'bench', 'host');
const TIMEOUT_MS = 20 * 60_000;
/** The session overviews' sample-server latency. */
const OVERVIEW_LATENCY_MS = 50;
/** Mbit/s of the stats panels' link; none: loopback speed. */
const LINK_MBPS = process.env.RTK_BENCH_LINK_MBPS ? Number(process.env.RTK_BENCH_LINK_MBPS) : undefined;
/** Read by the sample servers started here (SampleServerOptions.compress). */
const COMPRESSED = process.env.RTK_SAMPLE_COMPRESS === '1';

function emptyExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-empty-extension-'));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'empty-extension',
      publisher: 'rtk-bench',
      version: '0.0.1',
      engines: { vscode: '^1.90.0' },
      main: './extension.js',
      activationEvents: [],
    }),
  );
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = () => undefined;\nexports.deactivate = () => undefined;\n');
  return dir;
}

async function runInHost(): Promise<BenchResults> {
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the extension did not build');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'inHost.ts')],
    outfile: path.join(OUT, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  ensureTestHost();
  const resultsFile = path.join(OUT, 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const scheduling = oneSchedulingGroup();
  // The sample servers run here, not in the extension host: their work must not count as the host's.
  const sample = await startSampleServer();
  const slowSample = await startSampleServer({ latencyMs: OVERVIEW_LATENCY_MS });
  const statsSample = LINK_MBPS === undefined ? sample : await startSampleServer({ linkMbps: LINK_MBPS });
  await warmReports(sample.baseUrl, SCALE_SESSION_IDS.hundredTwoPeers);
  await warmPeerReports(sample.baseUrl, [...HEAVY_PARTICIPANTS.heavy.peerIds, ...HEAVY_PARTICIPANTS.veryHeavy.peerIds]);
  const servers: BenchServers = { baseUrl: statsSample.baseUrl, slowBaseUrl: slowSample.baseUrl, latencyMs: OVERVIEW_LATENCY_MS };
  fs.writeFileSync(path.join(OUT, 'servers.json'), JSON.stringify(servers));
  const empty = emptyExtension();
  // The empty extension is installed as an ordinary one: the web workbench takes one development path.
  const server = await startCodeServer({ settings: { 'realtimekit.overview.autoAnalyseLimit': 100 }, extensions: [empty] });
  const browser = await openBrowser();
  try {
    let settle: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (settle = resolve));
    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (text.startsWith('[bench]') || type === 'error' || process.env.RTK_BENCH_VERBOSE)
        (type === 'error' ? console.error : console.log)(text);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => settle(Number(code)));
    await browser.page.goto(workbenchUrl(server, { extensionDevelopmentPaths: [ROOT], extensionTestsPath: path.join(OUT, 'index.js') }));
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), TIMEOUT_MS).unref());
    const code = await Promise.race([exited, timeout]);
    if (code === -1) throw new Error(`the benchmark did not finish within ${TIMEOUT_MS / 60_000} min`);
    if (!fs.existsSync(resultsFile)) throw new Error(`the host wrote no results (exit ${code})`);
    if (code !== 0) console.error(`[bench] the host run ended with code ${code}; printing what it measured`);
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults;
    results.notes.push(scheduling.note);
    return results;
  } finally {
    scheduling.restore();
    await browser.close();
    await server.stop();
    await sample.close();
    await slowSample.close();
    if (statsSample !== sample) await statsSample.close();
    fs.rmSync(empty, { recursive: true, force: true });
  }
}

/**
 * Reads every peer report of the overview's session once, so the sample server (in this process, on
 * the same two cores) answers the measured run from its cache of ended sessions' reports rather than
 * building 200 of them (20 ms each) while the extension is being timed, as the Node benchmark's warm-up does.
 */
async function warmReports(baseUrl: string, sessionId: string): Promise<void> {
  const client = new RealtimeKitClient({ baseUrl, getToken: () => SAMPLE_TOKEN });
  const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
  const participants = [];
  for await (const page of client.allSessionParticipants(scope, sessionId, { includePeerEvents: true })) participants.push(...page);
  await warmPeerReports(baseUrl, [...peerOwners(participants).keys()]);
}

/** Has the sample server build and keep these peers' reports (3 x 14 MB for the heavy participant took it 0.7 s each). */
async function warmPeerReports(baseUrl: string, peerIds: string[]): Promise<void> {
  const client = new RealtimeKitClient({ baseUrl, getToken: () => SAMPLE_TOKEN });
  const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
  for (const peerId of peerIds) await client.getPeerReportText(scope, peerId, { includePeerEvents: true });
}

/** The longest stall of the runs, and how much of it the host's main thread spent on a core and waiting for one. */
/** The run (of those without an error) with the most of `key`. */
function worstRun(runs: StatsRun[], key: 'stallMs' | 'collectionMs'): StatsRun | undefined {
  return runs.filter((run) => !run.error).reduce<StatsRun | undefined>((max, run) => (max && max[key] >= run[key] ? max : run), undefined);
}

function longestStallShare(runs: StatsRun[]): string {
  const worst = worstRun(runs, 'stallMs');
  if (!worst?.stallShare) return '–';
  return `${ms(worst.stallMs)}: ${ms(worst.stallShare.cpuMs)} / ${ms(worst.stallShare.waitMs)}`;
}

/** The longest garbage collection pause of the runs, with its kind: a major one marks the whole heap. */
function longestCollection(runs: StatsRun[]): string {
  const worst = worstRun(runs, 'collectionMs');
  if (!worst || worst.collectionMs === 0) return '';
  return `; longest ${ms(worst.collectionMs)}${worst.collectionKind ? ` ${worst.collectionKind}` : ''}`;
}

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const COLUMNS = [
  'case',
  'request',
  'transfer',
  'parse',
  'normalise',
  'analyse',
  'last byte → analysed',
  'post',
  'webview receive',
  'first paint',
  'new webview: ready after its HTML (service worker; script and styles) / data waited for it',
  'last byte → painted',
  'command → resolved',
  'worst host stall (longest GC pause)',
  'longest stall of the runs: on a core / waiting for one',
  'host CPU: main thread / all threads',
  'host memory (RSS) rose at most, MB',
  'runs',
] as const;

/** A table row from the cells it has, by column; the others are blank. */
const row = (cells: Partial<Record<(typeof COLUMNS)[number], string>>): string[] => COLUMNS.map((column) => cells[column] ?? '');

function printResults(results: BenchResults): void {
  console.log(`\nReal host: VS Code ${results.vscodeVersion} (code-server, extension host ${results.appHost}), headless Chromium.`);
  console.log('Times in ms, median of the runs shown. Parallel requests overlap, so request and transfer are wall time.');
  if (LINK_MBPS !== undefined) console.log(`The stats panels' answers came over a link of ${LINK_MBPS} Mbit/s that they share.`);
  if (COMPRESSED) console.log("The sample servers compressed their answers (Brotli), as Cloudflare's network does.");
  console.log('');
  const pick = (runs: StatsRun[], key: keyof StatsRun) => median(runs.filter((r) => !r.error).map((r) => r[key] as number | undefined));
  const rows = results.stats
    .filter((c) => c.runs.length > 0)
    .map((c) => {
      const ok = c.runs.filter((r) => !r.error);
      const label = `${c.name}, ${c.samplesPerSeries?.toLocaleString('en-US')} samples/series, ${c.mode}`;
      if (ok.length === 0)
        return row({
          case: label,
          request: `not shown: ${c.runs[0].error}`,
          'command → resolved': ms(pick(c.runs, 'commandMs')),
          'worst host stall (longest GC pause)': ms(median(c.runs.map((r) => r.stallMs))),
          runs: `${c.runs.length}`,
        });
      const bytes = median(ok.map((r) => r.bytes));
      return row({
        case: `${label} (${bytes !== undefined ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '?'}, ${median(ok.map((r) => r.requests)) ?? '?'} req)`,
        request: ms(pick(c.runs, 'requestMs')),
        transfer: ms(pick(c.runs, 'transferMs')),
        parse: ms(pick(c.runs, 'parseMs')),
        normalise: ms(pick(c.runs, 'normaliseMs')),
        analyse: ms(pick(c.runs, 'analyseMs')),
        'last byte → analysed': ms(pick(c.runs, 'lastByteToAnalysedMs')),
        post: ms(pick(c.runs, 'postMs')),
        'webview receive': ms(pick(c.runs, 'receiveMs')),
        'first paint': ms(pick(c.runs, 'paintMs')),
        'new webview: ready after its HTML (service worker; script and styles) / data waited for it': ok.some(
          (r) => r.webviewStartMs !== undefined,
        )
          ? `${ms(pick(c.runs, 'webviewStartMs'))} (${ms(pick(c.runs, 'serviceWorkerMs'))}; ${ms(pick(c.runs, 'webviewBundleMs'))}) / ${ms(pick(c.runs, 'waitedForWebviewMs'))}`
          : '',
        'last byte → painted': ms(pick(c.runs, 'lastByteToPaintedMs')),
        'command → resolved': ms(pick(c.runs, 'commandMs')),
        'worst host stall (longest GC pause)': `${ms(pick(c.runs, 'stallMs'))} (GC ${ms(pick(c.runs, 'collectionMs'))}${longestCollection(c.runs)})`,
        'longest stall of the runs: on a core / waiting for one': longestStallShare(c.runs),
        'host CPU: main thread / all threads': `${ms(median(ok.map((r) => r.cpu?.mainMs)))} / ${ms(median(ok.map((r) => r.cpu?.allMs)))}`,
        'host memory (RSS) rose at most, MB': ms(pick(c.runs, 'rssGrowthMb')),
        runs: `${ok.length}`,
      });
    });
  const overviewRow = (label: string, runs: OverviewRun[]): string[] => {
    const pickO = (key: keyof OverviewRun) => median(runs.map((r) => r[key]));
    const analysed = runs.some((r) => r.analyseMs !== undefined);
    return row({
      case: label,
      request: `list on screen ${ms(pickO('listOnScreenMs'))}`,
      analyse: analysed
        ? `first verdict ${ms(pickO('firstVerdictMs'))}, all analysed ${ms(pickO('analyseMs'))}`
        : 'not analysed (above the limit)',
      'command → resolved': ms(pickO('commandMs')),
      'worst host stall (longest GC pause)': `${ms(pickO('stallMs'))} (GC ${ms(pickO('collectionMs'))})${analysed ? ` (analysing: ${ms(pickO('stallWhileAnalysingMs'))})` : ''}`,
      runs: `${runs.length}`,
    });
  };
  const o = results.overview;
  const w = results.webinar;
  rows.push(overviewRow(`session overview, ${o.participants ?? '?'} participants x 2 peers, ${o.latencyMs} ms latency`, o.runs));
  rows.push(overviewRow(`session list, ${w.participants?.toLocaleString('en-US') ?? '?'} participants, ${w.latencyMs} ms latency`, w.runs));
  for (const a of results.activation)
    rows.push(row({ case: `activation: ${a.id}${a.wasActive ? ' (was already active)' : ''}`, 'command → resolved': ms(a.ms), runs: '1' }));
  console.log(table([...COLUMNS], rows));
  if (o.runs.length > 0) {
    const analysed = median(o.runs.map((r) => r.analyseMs));
    const requests = median(o.runs.map((r) => r.analysisRequests));
    const bound = median(o.runs.map((r) => r.boundMs));
    console.log(
      `\nOverview analysis: ${ms(analysed)} ms for ${requests} requests at concurrency ${o.concurrency ?? '?'} x ${o.latencyMs} ms ` +
        `= bound ${ms(bound)} ms, ratio ${analysed && bound ? (analysed / bound).toFixed(2) : '?'} (goal ≤ 1.3; ` +
        `each run: ${o.runs.map((r) => (r.analyseMs && r.boundMs ? (r.analyseMs / r.boundMs).toFixed(2) : '?')).join(', ')}); ` +
        `list ${median(o.runs.map((r) => r.listRequests))} requests; worst stall while analysing ${ms(median(o.runs.map((r) => r.stallWhileAnalysingMs)))} ms (goal ≤ 100).`,
    );
  }
  if (w.runs.length > 0)
    console.log(
      `Webinar list on screen after ${ms(median(w.runs.map((r) => r.listOnScreenMs)))} ms from the command, ${ms(median(w.runs.map((r) => r.lastPageToScreenMs)))} ms after its last page arrived (goal ≤ 1,000), ${median(w.runs.map((r) => r.listRequests))} requests.`,
    );
  for (const note of results.notes) console.log(`Note: ${note}`);
}

runInHost().then(printResults, (error: unknown) => {
  console.error(`[bench:host] ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
