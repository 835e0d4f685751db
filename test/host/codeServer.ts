/**
 * Starts code-server (the real VS Code server and web workbench) on loopback with fresh folders, and
 * opens its workbench in headless Chromium through playwright-core. Used by the test launcher, the UI
 * tests and the demo. Every wait is bounded; stop() kills only what was started here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, codeServerBin } from './ensureTestHost';

export interface CodeServerOptions {
  /** Settings written before start to User/settings.json and to the remote's Machine/settings.json. */
  settings?: Record<string, unknown>;
  /** Folder opened as the workspace; a fresh empty one when absent. */
  workspace?: string;
  port?: number;
  /** Bind address; loopback unless the caller says otherwise. */
  host?: string;
  /** Extension folders installed as ordinary (not development) extensions. */
  extensions?: string[];
  log?: (line: string) => void;
}

export interface RunningCodeServer {
  readonly port: number;
  readonly origin: string;
  readonly workspace: string;
  readonly userDataDir: string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench offline, quiet and predictable under automation. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'extensions.gallery.serviceUrl': '',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.enableExperiments': false,
  'git.enabled': false,
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const log = options.log ?? (() => undefined);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rtk-code-server-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const workspace = options.workspace ?? path.join(root, 'workspace');
  const settings = JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2);
  // code-server's window is a remote one, so the workbench reads machine-scoped settings
  // (realtimekit.apiBaseUrl) from the remote's Machine/settings.json and drops them from User/settings.json
  // once the extension has registered their scope. Whether the extension host saw the User value first was
  // a race: one CI run's session overview called the default API root and failed (ENOTFOUND).
  for (const scope of ['User', 'Machine']) {
    fs.mkdirSync(path.join(userDataDir, scope), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, scope, 'settings.json'), settings);
  }
  for (const dir of [extensionsDir, workspace]) fs.mkdirSync(dir, { recursive: true });
  for (const folder of options.extensions ?? []) {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    fs.cpSync(folder, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }
  // code-server writes a default config to ~/.config unless given one.
  const configFile = path.join(root, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const port = options.port ?? (await freePort());
  const host = options.host ?? '127.0.0.1';
  const child = spawn(
    process.execPath,
    [
      codeServerBin(),
      '--config',
      configFile,
      '--auth',
      'none',
      '--bind-addr',
      `${host}:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      workspace,
    ],
    // An empty gallery keeps the workbench from asking open-vsx.org for extension data.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
  const forward = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((line) => log(`[code-server] ${line}`));
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // RTK_KEEP_TEST_HOST=1 keeps the folders (the extension's log is under user-data/logs) for a look after a failure.
    if (process.env.RTK_KEEP_TEST_HOST) console.log(`   test host kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${origin}/healthz`, 30_000, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin, workspace, userDataDir, stop };
}

export interface WorkbenchUrlOptions {
  extensionDevelopmentPaths?: string[];
  extensionTestsPath?: string;
}

/** The workbench URL with the automation payload that code-server's web workbench understands. */
export function workbenchUrl(server: RunningCodeServer, options: WorkbenchUrlOptions = {}): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload: [string, string][] = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  for (const devPath of options.extensionDevelopmentPaths ?? []) payload.push(['extensionDevelopmentPath', remote(devPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  return `${server.origin}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface OpenBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openBrowser(
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<OpenBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run the test-host setup (npm test installs it).`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'dark',
    // The browser's time zone (the machine's by default): a zone away from UTC shows times drawn in local time.
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  // The workbench's clipboard goes through the browser's; allow it so copy commands can be tested.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const close = async () => {
    await browser.close().catch(() => undefined);
  };
  return { browser, context, page, close };
}
