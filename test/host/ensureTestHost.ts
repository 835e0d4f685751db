/**
 * Makes sure the offline VS Code test host exists: Debian packages, then code-server 4.100.3 in a cache
 * folder outside the repo (see shared/design/test-host.md). Idempotent; prints what it does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
const DEBIAN_PACKAGES = ['libkrb5-dev', 'ripgrep', 'chromium'];
const RIPGREP_CACHE = path.join(
  process.env.TMPDIR ?? os.tmpdir(),
  'vscode-ripgrep-cache-1.15.11',
  'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
);

export function cacheRoot(): string {
  const base =
    process.env.RTK_TEST_HOST_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'realtimekit-inspector');
  return path.join(base, `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerBin(): string {
  return path.join(cacheRoot(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export const CHROMIUM_PATH = process.env.RTK_CHROMIUM ?? '/usr/bin/chromium';

function missingDebianPackages(): string[] {
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages(): void {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `The VS Code test host needs these Debian packages: ${missing.join(' ')}.\n` +
        `Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`[test-host] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive. */
function seedRipgrepCache(): void {
  if (fs.existsSync(RIPGREP_CACHE)) return;
  fs.mkdirSync(path.dirname(RIPGREP_CACHE), { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
  fs.copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  execFileSync('tar', ['-czf', RIPGREP_CACHE, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
}

function installCodeServer(): void {
  if (fs.existsSync(codeServerBin()) && fs.existsSync(path.join(cacheRoot(), '.complete'))) return;
  const root = cacheRoot();
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'rtk-test-host', private: true }));
  seedRipgrepCache();
  console.log(`[test-host] installing code-server ${CODE_SERVER_VERSION} into ${root} (about a minute)`);
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      // npm 11.19+ skips dependency install scripts unless allowed; code-server needs its native builds.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  if (result.status !== 0 || !fs.existsSync(codeServerBin())) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} failed to install into ${root} (npm exit ${result.status}).`);
  }
  fs.writeFileSync(path.join(root, '.complete'), new Date().toISOString());
  console.log(`[test-host] code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

export function ensureTestHost(): void {
  ensureDebianPackages();
  installCodeServer();
}

if (require.main === module) {
  try {
    ensureTestHost();
  } catch (error) {
    console.error(`[test-host] ${(error as Error).message}`);
    process.exit(1);
  }
}
