/**
 * The host benchmark's inside half: loaded by the real VS Code extension host (extensionTestsPath), it
 * starts the sample server, runs the extension's real commands and reads the phase times the
 * extension records (panels.phaseTimes, sessionPanels.overviewTimes), with a lag monitor measuring
 * the longest stall of the extension host. Writes results.json beside this bundle; bench/host/main.ts
 * prints the table.
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { constants } from 'node:perf_hooks';
import * as vscode from 'vscode';
import {
  HEAVY_PARTICIPANTS,
  SAMPLE_ACCOUNT_ID,
  SAMPLE_APP_ID,
  SAMPLE_TOKEN,
  SCALE_SESSION_IDS,
  STORY_PARTICIPANTS,
  STORY_SESSION_IDS,
  type SampleServer,
} from '../../sample-server';
import { RealtimeKitClient } from '../../src/api/client';
import { MAX_RESPONSE_BYTES } from '../../src/api/http';
import { normalizeParticipant } from '../../src/api/normalize';
import type { PhaseSummary } from '../../src/common/phaseTimes';
import { targetKey } from '../../src/inspection/inspectionTarget';
import type { OverviewTimes } from '../../src/panels/sessionPanels';
import type { PanelPhaseTimes } from '../../src/panels/statsPanels';
import { SampleControl } from '../../test/fixtures/sampleControl';

export const RESULTS_FILE = path.join(__dirname, 'results.json');
/** Written by bench/host/main.ts: the sample servers run in its process, so their work is not the host's. */
export const SERVERS_FILE = path.join(__dirname, 'servers.json');
export interface BenchServers {
  baseUrl: string;
  /** The server the session overviews are read from, answering after latencyMs. */
  slowBaseUrl: string;
  latencyMs: number;
}
const EXTENSION_ID = 'rtk-tools.realtimekit-inspector';
export const EMPTY_EXTENSION_ID = 'rtk-bench.empty-extension';
const RUNS = Math.max(1, Number(process.env.RTK_BENCH_RUNS ?? 3));
/** RTK_BENCH_ONLY=stats or overview: one half of the table, when working on it. */
const ONLY = process.env.RTK_BENCH_ONLY;
/** RTK_BENCH_CASE=heavy: only the stats cases whose name holds it. */
const CASE = process.env.RTK_BENCH_CASE;
/** RTK_BENCH_PROFILE=1: a CPU profile of the extension host during each overview and stats run, written beside results.json. */
const PROFILE = Boolean(process.env.RTK_BENCH_PROFILE);

/** Records the extension host's CPU profile while `work` runs (DevTools' .cpuprofile format). */
async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(path.join(__dirname, file), JSON.stringify(profile));
    session.disconnect();
  }
}

/** What the bench reads from the extension's API (structural, so a changing ExtensionApi does not matter). */
interface BenchApi {
  panels: { readonly phaseTimes: PanelPhaseTimes | undefined };
  sessionPanels: { readonly overviewTimes: OverviewTimes | undefined };
  store: { targets(): readonly Parameters<typeof targetKey>[0][]; remove(key: string): Promise<void> };
}

export interface StatsRun extends Partial<PhaseSummary> {
  commandMs: number;
  stallMs: number;
  /** The longest stall's time on a core and waiting for one (Linux). */
  stallShare?: StallShare;
  /** The longest garbage collection pause of the host in the same time. */
  collectionMs: number;
  /** Its kind (major: the whole heap marked and compacted; minor: the young generation; incremental: a step of marking). */
  collectionKind?: CollectionKind;
  /** CPU time of the host's main thread (Linux), and of all its threads (the stats worker's, the collector's), command to paint. */
  cpu?: { mainMs?: number; allMs: number };
  /** How far the host process's memory (RSS, the stats worker's included) rose at most above its level at the command, command to paint, MB. */
  rssGrowthMb?: number;
  error?: string;
}
export interface StatsCase {
  name: string;
  /**
   * Fresh panel: the command run here, in the extension host, on peer reports the stats worker has not
   * read (re-issued first); chosen in the tree: the same, run by the workbench, as a click on a tree item
   * runs it (a result goes back to the workbench, serialised on the host); opened again: a fresh panel
   * of the reports the worker read last time, kept. Refresh: the same answers again (an ended call);
   * answers changed: the sample server re-issued the peer reports first; one peer's report changed:
   * only the last peer's, as in a LIVE call, where the peers that left are done and the one still in
   * the call has more to say.
   */
  mode:
    | 'fresh panel'
    | 'fresh panel, chosen in the tree'
    | 'fresh panel, opened again'
    | 'Refresh'
    | 'Refresh, answers changed'
    | "Refresh, one peer's report changed";
  samplesPerSeries?: number;
  runs: StatsRun[];
}
export interface OverviewRun {
  listOnScreenMs?: number;
  /** The issue's measure: from the list's last page arriving to the list painted. */
  lastPageToScreenMs?: number;
  analyseMs?: number;
  /** From the analysis starting to its first analysed row posted to the table. */
  firstVerdictMs?: number;
  commandMs: number;
  analysisRequests: number;
  listRequests: number;
  boundMs: number;
  stallMs: number;
  stallWhileAnalysingMs: number;
  /** The longest garbage collection pause of the host in the same time as stallMs. */
  collectionMs: number;
}
export interface BenchResults {
  vscodeVersion: string;
  appHost: string;
  activation: Array<{ id: string; wasActive: boolean; ms: number }>;
  stats: StatsCase[];
  overview: { participants?: number; latencyMs: number; concurrency?: number; runs: OverviewRun[] };
  webinar: { participants?: number; latencyMs: number; runs: OverviewRun[] };
  notes: string[];
}

export type CollectionKind = 'major' | 'minor' | 'minor (mark-sweep)' | 'incremental' | 'weak callbacks';
const COLLECTION_KINDS: Record<number, CollectionKind> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  // V8's minor mark-sweep collector, which Node names no constant for.
  2: 'minor (mark-sweep)',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

/** Where a stall's time went on the host's main thread: on a core, and runnable but waiting for one. */
export interface StallShare {
  cpuMs: number;
  waitMs: number;
}

/** The main thread's time on a core and waiting for one (ns), from Linux's schedstat; undefined elsewhere. */
function schedulerTimes(): { cpu: number; wait: number } | undefined {
  try {
    const [cpu, wait] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return Number.isFinite(cpu) && Number.isFinite(wait) ? { cpu, wait } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records every extension-host stall (a 10 ms interval that fires late by the stall's length) with the
 * main thread's time on a core and waiting for one during it (Linux), and every garbage collection's
 * pause, to tell the host's own work from a wait for a core; and the process's memory at each tick.
 */
class StallMonitor {
  private readonly stalls: Array<{ at: number; ms: number; share?: StallShare }> = [];
  private readonly memory: Array<{ at: number; rss: number }> = [];
  private readonly collections: Array<{ at: number; ms: number; kind?: CollectionKind }> = [];
  private last = performance.now();
  private lastTimes = schedulerTimes();
  private readonly timer = setInterval(() => {
    const now = performance.now();
    const times = schedulerTimes();
    const late = now - this.last - 10;
    if (late > 2) {
      const before = this.lastTimes;
      const share = times && before ? { cpuMs: (times.cpu - before.cpu) / 1e6, waitMs: (times.wait - before.wait) / 1e6 } : undefined;
      this.stalls.push({ at: Date.now(), ms: late, share });
    }
    this.last = now;
    this.lastTimes = times;
    this.memory.push({ at: Date.now(), rss: process.memoryUsage.rss() });
  }, 10);
  private readonly gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      this.collections.push({
        at: performance.timeOrigin + entry.startTime + entry.duration,
        ms: entry.duration,
        kind: COLLECTION_KINDS[(entry as { detail?: { kind?: number } }).detail?.kind ?? -1],
      });
  });

  constructor() {
    this.gc.observe({ entryTypes: ['gc'] });
  }

  /** The highest RSS seen between two Date.now() times, in bytes (0: no tick in that time). */
  peakRss(from: number, to = Date.now()): number {
    let peak = 0;
    for (const { at, rss } of this.memory) if (at >= from && at <= to) peak = Math.max(peak, rss);
    return peak;
  }

  /** The longest stall between two Date.now() times. */
  worst(from: number, to = Date.now()): number {
    return longestOf(this.stalls, from, to)?.ms ?? 0;
  }

  /** The longest stall's time on a core and waiting for one. */
  worstShare(from: number, to = Date.now()): StallShare | undefined {
    return longestOf(this.stalls, from, to)?.share;
  }

  /** The longest garbage collection pause between two Date.now() times. */
  worstCollection(from: number, to = Date.now()): number {
    return longestOf(this.collections, from, to)?.ms ?? 0;
  }

  /** The kind of that pause. */
  worstCollectionKind(from: number, to = Date.now()): CollectionKind | undefined {
    return longestOf(this.collections, from, to)?.kind;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.gc.disconnect();
  }
}

// A pause is recorded when it ends: one that ended inside the window counts.
const longestOf = <T extends { at: number; ms: number }>(pauses: T[], from: number, to: number): T | undefined =>
  pauses.filter((s) => s.at >= from && s.at <= to + 5).reduce<T | undefined>((max, s) => (max && max.ms >= s.ms ? max : s), undefined);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[bench] ${line}`);

async function configure(server: SampleServer): Promise<void> {
  const config = vscode.workspace.getConfiguration('realtimekit');
  await config.update('apiBaseUrl', server.baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('accountId', SAMPLE_ACCOUNT_ID, vscode.ConfigurationTarget.Global);
  await config.update('appId', SAMPLE_APP_ID, vscode.ConfigurationTarget.Global);
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await sleep(300);
}

/** Samples in the longest series of a participant's statistics. */
function samplesPerSeries(participant: ReturnType<typeof normalizeParticipant>): number {
  return Math.max(0, ...participant.peerStats.flatMap((stats) => stats.tracks.map((track) => track.columns.t.length)));
}

/** The story's current-generation participant whose statistics come closest to 60 samples per series. */
interface SmallParticipant {
  participantId: string;
  name: string;
  samples: number;
  peerIds: string[];
}

async function smallParticipant(server: SampleServer): Promise<SmallParticipant> {
  const client = new RealtimeKitClient({ baseUrl: server.baseUrl, getToken: () => SAMPLE_TOKEN });
  const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };
  const people = Object.values(STORY_PARTICIPANTS.current);
  let best: SmallParticipant | undefined;
  for (const person of people) {
    let samples = 0;
    for (const peerId of person.peerIds) {
      try {
        samples = Math.max(samples, samplesPerSeries(normalizeParticipant('peer', await client.getPeerReport(scope, peerId), { peerId })));
      } catch {
        // a participant whose statistics fail on purpose
      }
    }
    if (samples > 0 && (!best || Math.abs(samples - 60) < Math.abs(best.samples - 60)))
      best = { participantId: person.id, name: person.displayName, samples, peerIds: person.peerIds };
  }
  if (!best) throw new Error('No story participant has statistics');
  return best;
}

async function answerBytes(server: SampleServer, pathAndQuery: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${SAMPLE_TOKEN}` } });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > 0) {
    await response.body?.cancel();
    return declared;
  }
  return (await response.arrayBuffer()).byteLength;
}

export async function run(): Promise<void> {
  try {
    await benchmark();
  } catch (error) {
    console.error(`[bench] failed: ${(error as Error).stack ?? String(error)}`);
    throw error;
  }
}

async function benchmark(): Promise<void> {
  fs.rmSync(RESULTS_FILE, { force: true });
  const urls = JSON.parse(fs.readFileSync(SERVERS_FILE, 'utf8')) as BenchServers;
  const results: BenchResults = {
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    activation: [],
    stats: [],
    overview: { latencyMs: urls.latencyMs, runs: [] },
    webinar: { latencyMs: urls.latencyMs, runs: [] },
    notes: [],
  };
  log(`VS Code ${vscode.version} (${vscode.env.appName}, host ${vscode.env.appHost})`);

  // Activation: the empty extension first, then ours (module load + activate()).
  for (const id of [EMPTY_EXTENSION_ID, EXTENSION_ID]) {
    const extension = vscode.extensions.getExtension(id);
    if (!extension) {
      results.notes.push(`${id} is not loaded`);
      continue;
    }
    const wasActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    results.activation.push({ id, wasActive, ms: performance.now() - started });
  }
  const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as BenchApi;

  const remote = (baseUrl: string): SampleServer => ({ baseUrl, port: Number(new URL(baseUrl).port), close: async () => undefined });
  const server = remote(urls.baseUrl);
  const slow = remote(urls.slowBaseUrl);
  const slowControl = new SampleControl(slow);
  const control = new SampleControl(server);
  const stalls = new StallMonitor();
  try {
    await configure(server);
    await vscode.commands.executeCommand('realtimekit.setApiToken', SAMPLE_TOKEN);
    const scope = { accountId: SAMPLE_ACCOUNT_ID, appId: SAMPLE_APP_ID };

    const small = await smallParticipant(server);
    log(`small participant: ${small.name} (${small.samples} samples per series)`);
    const veryHeavyPeer = HEAVY_PARTICIPANTS.veryHeavy.peerIds[0];
    const veryHeavyBytes = await answerBytes(
      server,
      `/accounts/${SAMPLE_ACCOUNT_ID}/realtime/kit/${SAMPLE_APP_ID}/sessions/peer-report/${veryHeavyPeer}?include_peer_events=true`,
    ).catch(() => undefined);
    // peerIds: the reports the sample server builds before a changed Refresh is timed (a real API answers from storage).
    const cases: Array<{ name: string; command: string; args: Record<string, unknown>; samples: number; runs: number; peerIds: string[] }> =
      [
        {
          name: `small participant (${small.name})`,
          command: 'realtimekit.showSessionParticipant',
          args: { ...scope, sessionId: STORY_SESSION_IDS.current, participantId: small.participantId },
          samples: small.samples,
          runs: RUNS,
          peerIds: small.peerIds,
        },
        {
          name: 'heavy participant (3 peers)',
          command: 'realtimekit.showSessionParticipant',
          args: { ...scope, sessionId: SCALE_SESSION_IDS.heavy, participantId: HEAVY_PARTICIPANTS.heavy.id },
          samples: HEAVY_PARTICIPANTS.heavy.samplesPerSeries,
          runs: RUNS,
          peerIds: HEAVY_PARTICIPANTS.heavy.peerIds,
        },
        {
          name: 'very heavy peer',
          command: 'realtimekit.showPeerReport',
          args: { ...scope, peerId: veryHeavyPeer },
          samples: HEAVY_PARTICIPANTS.veryHeavy.samplesPerSeries,
          runs: Math.min(RUNS, 2),
          peerIds: [veryHeavyPeer],
        },
      ];
    if (veryHeavyBytes !== undefined)
      results.notes.push(
        `The very heavy peer's report is ${(veryHeavyBytes / 1024 / 1024).toFixed(1)} MB (cap ${MAX_RESPONSE_BYTES / 1024 / 1024} MB)` +
          (veryHeavyBytes > MAX_RESPONSE_BYTES ? ': over the cap, so the extension refuses it unread.' : '.'),
      );

    for (const item of ONLY === 'overview' ? [] : cases.filter((candidate) => !CASE || candidate.name.includes(CASE))) {
      const fresh: StatsCase = { name: item.name, mode: 'fresh panel', samplesPerSeries: item.samples, runs: [] };
      const chosen: StatsCase = { name: item.name, mode: 'fresh panel, chosen in the tree', samplesPerSeries: item.samples, runs: [] };
      const reopened: StatsCase = { name: item.name, mode: 'fresh panel, opened again', samplesPerSeries: item.samples, runs: [] };
      const refreshed: StatsCase = { name: item.name, mode: 'Refresh', samplesPerSeries: item.samples, runs: [] };
      const changed: StatsCase = { name: item.name, mode: 'Refresh, answers changed', samplesPerSeries: item.samples, runs: [] };
      const onePeerChanged: StatsCase = {
        name: item.name,
        mode: "Refresh, one peer's report changed",
        samplesPerSeries: item.samples,
        runs: [],
      };
      // A peer's own report is never kept from one panel to the next: only a participant's peers' are.
      const keepsReports = item.command === 'realtimekit.showSessionParticipant';
      const modes = [
        fresh,
        chosen,
        ...(keepsReports ? [reopened] : []),
        refreshed,
        changed,
        ...(item.peerIds.length > 1 ? [onePeerChanged] : []),
      ];
      results.stats.push(...modes);
      const measure = (profile: string, runCommand: () => Thenable<unknown>, resolvesToNothing = false): Promise<StatsRun> =>
        profiled(`stats ${item.name.split(' ')[0]} ${profile}.cpuprofile`, () => measureRun(runCommand, resolvesToNothing));
      const measureRun = async (runCommand: () => Thenable<unknown>, resolvesToNothing: boolean): Promise<StatsRun> => {
        const started = Date.now();
        const mainBefore = schedulerTimes();
        const allBefore = process.cpuUsage();
        const rssBefore = process.memoryUsage.rss();
        let error: string | undefined;
        let value: unknown;
        try {
          value = await runCommand();
        } catch (caught) {
          error = (caught as Error).message;
        }
        const commandMs = Date.now() - started;
        // The command stops waiting for the paint after a bound; the phases come when the paint does.
        const paintedSince = () => {
          const phases = api.panels.phaseTimes;
          return phases && phases.paintedAt >= started ? phases : undefined;
        };
        const showing = resolvesToNothing || value !== undefined;
        for (let waited = 0; !paintedSince() && !error && showing && waited < 30_000; waited += 100) await sleep(100);
        const mine = paintedSince();
        const mainAfter = schedulerTimes();
        const all = process.cpuUsage(allBefore);
        const rssGrowthMb = Math.max(0, stalls.peakRss(started) - rssBefore) / 1024 / 1024;
        // From the command to the paint seen (looked for every 100 ms, above), the stall monitor's timer included.
        const cpu = {
          mainMs: mainAfter && mainBefore ? (mainAfter.cpu - mainBefore.cpu) / 1e6 : undefined,
          allMs: (all.user + all.system) / 1000,
        };
        if (!mine && !error) error = showing ? 'no panel was painted within 30 s' : 'the command showed nothing (see the notification)';
        // A stall is recorded by the timer it delayed: one that ended as the command resolved is counted once that timer ran.
        await sleep(50);
        return {
          ...(mine ?? {}),
          commandMs,
          stallMs: stalls.worst(started),
          stallShare: stalls.worstShare(started),
          collectionMs: stalls.worstCollection(started),
          collectionKind: stalls.worstCollectionKind(started),
          cpu,
          rssGrowthMb,
          error,
        };
      };
      // Reports the worker read in an earlier run are kept, and not read again: each fresh run gets new ones.
      const newReports = async () => keepsReports && (await control.revisePeerReports(item.peerIds));
      for (let i = 0; i < item.runs; i++) {
        await closeEditors();
        await newReports();
        const result = await measure(`fresh ${i}`, () => vscode.commands.executeCommand(item.command, item.args));
        fresh.runs.push(result);
        log(`${item.name}, fresh panel: ${result.commandMs} ms${result.error ? ` (${result.error})` : ''}`);
        if (result.error) break;
      }
      if (fresh.runs.some((r) => r.error)) continue;
      for (let i = 0; i < item.runs; i++) {
        await closeEditors();
        await newReports();
        // As a click on the item in the tree: the workbench runs the tree's command, which runs the show command here.
        const treeChoice = { command: 'realtimekit.tree.choose', args: { command: item.command, arguments: [item.args] } };
        const result = await measure(`chosen ${i}`, () => vscode.commands.executeCommand('runCommands', { commands: [treeChoice] }), true);
        chosen.runs.push(result);
        log(`${item.name}, fresh panel, chosen in the tree: ${result.commandMs} ms${result.error ? ` (${result.error})` : ''}`);
      }
      for (let i = 0; i < item.runs && keepsReports; i++) {
        await closeEditors();
        const result = await measure(`reopened ${i}`, () => vscode.commands.executeCommand(item.command, item.args));
        reopened.runs.push(result);
        log(`${item.name}, fresh panel, opened again: ${result.commandMs} ms${result.error ? ` (${result.error})` : ''}`);
      }
      // Refresh re-reads every target in the explorer too: keep only this one there.
      const keep = api.panels.phaseTimes?.target;
      for (const target of api.store.targets()) if (targetKey(target) !== keep) await api.store.remove(targetKey(target));
      for (let i = 0; i < item.runs; i++) {
        await sleep(300);
        const result = await measure(`refresh ${i}`, () => vscode.commands.executeCommand('realtimekit.refresh'));
        refreshed.runs.push(result);
        log(`${item.name}, Refresh: ${result.commandMs} ms${result.error ? ` (${result.error})` : ''}`);
      }
      for (let i = 0; i < item.runs; i++) {
        await sleep(300);
        // Its peers' reports only: re-issuing every report had the server build the 69 MB peer's anew
        // (1.5 s) in the next case's first request.
        await control.revisePeerReports(item.peerIds);
        const result = await measure(`changed ${i}`, () => vscode.commands.executeCommand('realtimekit.refresh'));
        changed.runs.push(result);
        log(`${item.name}, Refresh, answers changed: ${result.commandMs} ms${result.error ? ` (${result.error})` : ''}`);
      }
      for (let i = 0; i < item.runs && modes.includes(onePeerChanged); i++) {
        await sleep(300);
        await control.revisePeerReports(item.peerIds.slice(-1));
        const result = await measure(`one changed ${i}`, () => vscode.commands.executeCommand('realtimekit.refresh'));
        onePeerChanged.runs.push(result);
        log(`${item.name}, Refresh, one peer's report changed: ${result.commandMs} ms${result.error ? ` (${result.error})` : ''}`);
      }
    }
    await closeEditors();

    // The session overviews, at 50 ms a request.
    await configure(slow);
    await sleep(500);
    const schedulerOf = () =>
      (api.sessionPanels as unknown as { deps?: { scheduler?: { clear(): void; concurrency?: number } } }).deps?.scheduler;
    results.overview.concurrency = schedulerOf()?.concurrency;
    const overview = async (sessionId: string, into: { participants?: number; runs: OverviewRun[] }, label: string) => {
      await closeEditors();
      // Cold each time: setting the token empties the HTTP cache (answers are kept 30 s), and the
      // scheduler forgets its results; the sample server keeps the reports it built, as an API its storage.
      await vscode.commands.executeCommand('realtimekit.setApiToken', SAMPLE_TOKEN);
      schedulerOf()?.clear();
      await slowControl.clearRequests();
      // Five runs of 333 requests would spend the emulated budget of 1,200 per five minutes, and the
      // extension would then spread its requests over the rest of the window (a run took 274 s).
      await slowControl.newRateLimitWindow();
      const started = Date.now();
      await profiled(`${sessionId}.cpuprofile`, () =>
        Promise.resolve(vscode.commands.executeCommand('realtimekit.showSessionOverview', { ...scope, sessionId })),
      );
      const commandMs = Date.now() - started;
      await sleep(50); // lets the timer of a stall that ended as the command resolved record it
      const times = api.sessionPanels.overviewTimes;
      const mine = times && times.sessionId === sessionId && times.startedAt >= started ? times : undefined;
      const requests = await slowControl.requests();
      const analysis = requests.filter((r) => /peer-report|\/participants\/[^/?]+/.test(r.path)).length;
      const concurrency = results.overview.concurrency ?? 4;
      into.participants = mine?.participants;
      const analysing = mine?.analysisStartedAt !== undefined && mine.analysisDoneAt !== undefined;
      const result: OverviewRun = {
        listOnScreenMs: mine?.listPaintedAt !== undefined ? mine.listPaintedAt - mine.startedAt : undefined,
        lastPageToScreenMs:
          mine?.listPaintedAt !== undefined && mine.listReadAt !== undefined ? mine.listPaintedAt - mine.listReadAt : undefined,
        analyseMs: analysing ? mine.analysisDoneAt! - mine.analysisStartedAt! : undefined,
        firstVerdictMs: analysing && mine.firstVerdictAt !== undefined ? mine.firstVerdictAt - mine.analysisStartedAt! : undefined,
        commandMs,
        analysisRequests: analysis,
        listRequests: requests.length - analysis,
        boundMs: (Math.ceil(analysis / concurrency) * urls.latencyMs) | 0,
        stallMs: stalls.worst(started),
        collectionMs: stalls.worstCollection(started),
        stallWhileAnalysingMs: analysing ? stalls.worst(mine.analysisStartedAt!, mine.analysisDoneAt!) : 0,
      };
      into.runs.push(result);
      log(
        `${label}: list on screen ${result.listOnScreenMs} ms, first verdict ${result.firstVerdictMs} ms, analysed in ${result.analyseMs} ms, command ${commandMs} ms`,
      );
    };
    if (ONLY === 'stats') return;
    for (let i = 0; i < RUNS; i++) {
      await overview(SCALE_SESSION_IDS.hundredTwoPeers, results.overview, 'overview of 100 x 2 peers');
      await overview(SCALE_SESSION_IDS.webinar2345, results.webinar, 'webinar of 2,345');
    }
    await closeEditors();
  } finally {
    stalls.dispose();
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2));
  }
}
