/**
 * Benchmark (not a test) of activation: require-and-activate time of the production dist/extension.js
 * against an empty extension, in plain Node with a minimal fake `vscode` module. Each run is a fresh
 * Node process (a cold require, as in a new extension host); the table gives medians of many runs.
 *
 *   npx tsx scripts/build.ts --production && npx tsx bench/activation.ts
 *   npx tsx bench/activation.ts --runs 60 --rpc-ms 1 --compare /tmp/extension-before.js
 *
 * Columns follow what VS Code itself records per extension (Developer: Show Running Extensions; the
 * extension host's ExtensionActivationTimes): load = require() of the main file, call = activate()
 * until it returns, resolved = until the promise it returns settles (the host counts that too, which is
 * why awaited I/O in activate() costs). Calls that cross to the main process in the real host
 * (executeCommand, SecretStorage) resolve here after --rpc-ms (default 1 ms) to stand in for that trip.
 * "first use" is the cost of the first access to the returned API (loading dist/core.js when split).
 *
 * It also checks the extension registered every command of package.json's contributes.commands, the
 * three webview serializers, the tree view and the URI handler, and exits 1 if not.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const RUNS = Number(argument('--runs', '40'));
const WARM_UP = 3;
const RPC_MS = Number(argument('--rpc-ms', '1'));
const compare = process.argv.flatMap((value, index) => (process.argv[index - 1] === '--compare' ? [path.resolve(value)] : []));

interface Sample {
  load: number;
  call: number;
  resolved: number;
  firstUse: number;
  registered: { commands: string[]; serializers: string[]; treeViews: string[]; uriHandlers: number };
}

/** Runs in the child: installs the fake vscode module, then times require + activate of argv[1]. */
const CHILD = String.raw`
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
const [file, rpcMs, manifest] = [process.argv[1], Number(process.argv[2]), process.argv[3]];
const registered = { commands: [], serializers: [], treeViews: [], uriHandlers: 0 };
const rpc = (value) => (rpcMs > 0 ? new Promise((resolve) => setTimeout(() => resolve(value), rpcMs)) : Promise.resolve(value));
/** Anything not modelled below: callable, constructable, every property another stub, never a thenable. */
function stub(name) {
  const cache = new Map();
  return new Proxy(function () {}, {
    get(target, key) {
      if (key === 'then' || typeof key === 'symbol') return undefined;
      if (key === 'prototype') return target.prototype;
      if (!cache.has(key)) cache.set(key, stub(name + '.' + String(key)));
      return cache.get(key);
    },
    apply: () => stub(name + '()'),
    construct: () => ({}),
  });
}
const withStubs = (object, name) =>
  new Proxy(object, { get: (target, key) => (key in target || typeof key === 'symbol' || key === 'then' ? target[key] : stub(name + '.' + key)) });
class Disposable {
  constructor(callOnDispose) { this.callOnDispose = callOnDispose; }
  static from(...items) { return new Disposable(() => items.forEach((item) => item && item.dispose && item.dispose())); }
  dispose() { if (this.callOnDispose) this.callOnDispose(); }
}
class EventEmitter {
  listeners = new Set();
  event = (listener, thisArg) => {
    const bound = thisArg ? listener.bind(thisArg) : listener;
    this.listeners.add(bound);
    return new Disposable(() => this.listeners.delete(bound));
  };
  fire(value) { for (const listener of [...this.listeners]) listener(value); }
  dispose() { this.listeners.clear(); }
}
const noEvent = () => new Disposable();
class Plain { constructor(...args) { this.args = args; } }
/** The bundle copies the module's own properties (esbuild's __toESM), so every name used is listed. */
const vscode = withStubs(
  {
    Disposable,
    EventEmitter,
    ThemeColor: Plain,
    ThemeIcon: Plain,
    TreeItem: Plain,
    MarkdownString: Plain,
    Uri: stub('Uri'),
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    env: stub('env'),
    commands: withStubs({
      registerCommand: (id) => (registered.commands.push(id), new Disposable()),
      executeCommand: () => rpc(undefined),
    }, 'commands'),
    window: withStubs({
      createOutputChannel: () => withStubs({ dispose() {} }, 'channel'),
      createTreeView: (id) => (registered.treeViews.push(id), withStubs({ dispose() {} }, 'treeView')),
      registerTreeDataProvider: (id) => (registered.treeViews.push(id), new Disposable()),
      registerWebviewPanelSerializer: (viewType) => (registered.serializers.push(viewType), new Disposable()),
      registerUriHandler: () => (registered.uriHandlers++, new Disposable()),
    }, 'window'),
    workspace: withStubs({
      getConfiguration: () => withStubs({ get: (_key, fallback) => fallback, has: () => false, update: () => rpc(undefined) }, 'configuration'),
      onDidChangeConfiguration: noEvent,
    }, 'workspace'),
  },
  'vscode',
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const memento = () => withStubs({ get: (_key, fallback) => fallback, update: () => rpc(undefined), keys: () => [], setKeysForSync() {} }, 'memento');
const uri = withStubs({ scheme: 'file', path: '/extension', fsPath: '/extension', toString: () => 'file:///extension' }, 'uri');
const context = withStubs(
  {
    subscriptions: [],
    secrets: withStubs({ get: () => rpc(undefined), store: () => rpc(undefined), delete: () => rpc(undefined), onDidChange: noEvent }, 'secrets'),
    globalState: memento(),
    workspaceState: memento(),
    extensionUri: uri,
    extensionPath: '/extension',
    extensionMode: 1,
    extension: withStubs({ id: 'rtk-tools.realtimekit-inspector', packageJSON: JSON.parse(require('node:fs').readFileSync(manifest, 'utf8')) }, 'extension'),
  },
  'context',
);
(async () => {
  const start = performance.now();
  const extension = require(file);
  const loaded = performance.now();
  const result = extension.activate(context);
  const called = performance.now();
  const api = await result;
  const resolved = performance.now();
  let firstUse = 0;
  if (api && typeof api === 'object') {
    void api.store;
    firstUse = performance.now() - resolved;
  }
  process.stdout.write(JSON.stringify({ load: loaded - start, call: called - loaded, resolved: resolved - start, firstUse, registered }));
  // The real extension may have timers or sockets pending: the sample is taken, stop here.
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
`;

function sample(file: string): Sample {
  const child = spawnSync(process.execPath, ['-e', CHILD, file, String(RPC_MS), path.join(ROOT, 'package.json')], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${file}: ${child.stderr || child.stdout}`);
  return JSON.parse(child.stdout) as Sample;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => value.toFixed(2);

function main(): void {
  const extensionFile = path.join(ROOT, 'dist/extension.js');
  const coreFile = path.join(ROOT, 'dist/core.js');
  if (!fs.existsSync(extensionFile)) throw new Error('dist/extension.js is missing: run npx tsx scripts/build.ts --production first.');
  if (/sourceMappingURL/.test(fs.readFileSync(extensionFile, 'utf8')))
    console.warn('dist/extension.js is a development build: run npx tsx scripts/build.ts --production for the shipped figures.\n');

  const emptyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-empty-')), 'extension.js');
  fs.writeFileSync(
    emptyFile,
    '"use strict";\nconst vscode = require("vscode");\nexports.activate = function activate(context) {};\nexports.deactivate = function deactivate() {};\n',
  );
  const candidates = [
    { name: 'empty extension', file: emptyFile, extra: [] as string[] },
    ...compare.map((file) => ({ name: path.basename(file), file, extra: [] as string[] })),
    { name: 'dist/extension.js', file: extensionFile, extra: fs.existsSync(coreFile) ? [coreFile] : [] },
  ];

  const samples = new Map<string, Sample[]>(candidates.map((candidate) => [candidate.file, []]));
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    // Interleaved, so drift in the machine's load hits every candidate alike.
    for (const candidate of candidates) {
      const result = sample(candidate.file);
      if (run >= WARM_UP) samples.get(candidate.file)!.push(result);
    }
  }

  const empty = median(samples.get(emptyFile)!.map((s) => s.resolved));
  const rows = candidates.map((candidate) => {
    const list = samples.get(candidate.file)!;
    const resolved = median(list.map((s) => s.resolved));
    return {
      extension: candidate.name,
      'main file': kb(fs.statSync(candidate.file).size),
      'lazy (core.js)': candidate.extra.length ? kb(fs.statSync(candidate.extra[0]).size) : '-',
      'load ms': ms(median(list.map((s) => s.load))),
      'call ms': ms(median(list.map((s) => s.call))),
      'activation ms': ms(resolved),
      'vs empty': `${(resolved / empty).toFixed(1)}x (+${ms(resolved - empty)} ms)`,
      'first use ms': ms(median(list.map((s) => s.firstUse))),
    };
  });
  console.log(
    `Activation in plain Node ${process.version}, fake vscode module, ${RUNS} cold runs each (medians), ${RPC_MS} ms per host round trip`,
  );
  console.table(rows);
  console.log(
    'In plain Node an empty extension costs next to nothing, so the ratio overstates: the real host adds a fixed cost\n' +
      '(21 ms for an empty extension in the issue), and the extra ms over empty is what the extension adds to it.',
  );

  // Registration check: what VS Code needs at activation, for the split bundle.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: Array<{ command: string }>; views: Record<string, Array<{ id: string }>> };
    activationEvents: string[];
  };
  const registered = samples.get(extensionFile)![0].registered;
  const problems: string[] = [];
  const expectedCommands = manifest.contributes.commands.map((entry) => entry.command).sort();
  const missing = expectedCommands.filter((id) => !registered.commands.includes(id));
  const extra = registered.commands.filter((id) => !expectedCommands.includes(id));
  if (missing.length) problems.push(`commands not registered at activation: ${missing.join(', ')}`);
  if (extra.length) problems.push(`commands registered but not contributed: ${extra.join(', ')}`);
  const serializers = manifest.activationEvents.filter((event) => event.startsWith('onWebviewPanel:')).map((event) => event.slice(15));
  const missingSerializers = serializers.filter((viewType) => !registered.serializers.includes(viewType));
  if (missingSerializers.length) problems.push(`webview serializers missing: ${missingSerializers.join(', ')}`);
  const views = Object.values(manifest.contributes.views)
    .flat()
    .map((view) => view.id);
  const missingViews = views.filter((id) => !registered.treeViews.includes(id));
  if (missingViews.length) problems.push(`tree views missing: ${missingViews.join(', ')}`);
  if (registered.uriHandlers !== 1) problems.push(`${registered.uriHandlers} URI handlers registered, expected 1`);
  console.log(
    `\nRegistered at activation: ${registered.commands.length} commands, serializers ${registered.serializers.join(', ')}, ` +
      `tree views ${registered.treeViews.join(', ')}, ${registered.uriHandlers} URI handler.`,
  );
  if (problems.length) {
    console.error(problems.map((problem) => `  ✗ ${problem}`).join('\n'));
    process.exitCode = 1;
  }
}

main();
