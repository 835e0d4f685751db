/**
 * Runs every suite from one command. The last line printed is "N passed, M failed" summed over all.
 * Each suite's name is its folder under test/:
 *
 *   static           type-check (tsc -b), lint (eslint), formatting (prettier --check)
 *   unit             test/unit: pure code in plain Node, no server, no VS Code
 *   api-integration  test/api-integration: the API client against the loopback sample server, in Node
 *   contract         test/contract: the client against Prism serving the official OpenAPI document
 *   integration      test/integration: inside VS Code (@vscode/test-electron's runTests, with
 *                    code-server standing in for the desktop executable)
 *   e2e              test/e2e: Playwright driving the workbench in headless Chromium
 *
 *   npm test                       everything
 *   npm test -- --only unit        one suite, by the name above
 *   RTK_VSCODE_EXECUTABLE=/path/to/code npm test   integration tests in a desktop VS Code instead
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runTests } from '@vscode/test-electron';
import { ensureTestHost } from '../test/host/ensureTestHost';

const ROOT = path.resolve(__dirname, '..');
const SUITES = ['static', 'unit', 'api-integration', 'contract', 'integration', 'e2e'] as const;
type SuiteName = (typeof SUITES)[number];
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] as SuiteName) : undefined;
if (only !== undefined && !SUITES.includes(only)) {
  console.error(`Unknown suite "${only}": use one of ${SUITES.join(', ')}.`);
  process.exit(2);
}
const wanted = (name: SuiteName) => !only || only === name;

function testFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(full, name));
}

async function runMocha(files: string[], timeoutMs: number): Promise<Counts> {
  const mocha = new Mocha({ ui: 'bdd', timeout: timeoutMs, reporter: 'spec', color: process.stdout.isTTY });
  files.forEach((file) => mocha.addFile(file));
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats!;
      resolve({ passed: stats.passes, failed: stats.failures, skipped: stats.pending });
    });
  });
}

function runStep(label: string, command: string, args: string[]): Counts {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(ok ? `   ${label}: ok` : `   ${label}: FAILED (exit ${result.status})`);
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

async function staticChecks(): Promise<Counts> {
  const steps = [
    runStep('type-check', 'npx', ['tsc', '-b']),
    runStep('lint', 'npx', ['eslint', '.']),
    runStep('format', 'npx', ['prettier', '--check', '.']),
  ];
  return steps.reduce(add, zero());
}

async function integration(): Promise<Counts> {
  console.log('\n== integration tests (inside VS Code)');
  const build = runStep('build', 'npx', ['tsx', 'scripts/build.ts']);
  if (build.failed) return { passed: 0, failed: 1, skipped: 0 };
  const resultsFile = path.join(ROOT, 'out', 'test', 'integration', 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const desktop = process.env.RTK_VSCODE_EXECUTABLE;
  if (!desktop) ensureTestHost();
  try {
    await runTests({
      vscodeExecutablePath: desktop ?? path.join(ROOT, 'test', 'host', 'code-server-launcher'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
      launchArgs: ['--disable-extensions'],
    });
  } catch (error) {
    console.error(`   integration run ended with: ${(error as Error).message}`);
  }
  if (!fs.existsSync(resultsFile)) {
    console.error('   integration: no results were written (the host did not run the tests)');
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Counts & { vscodeVersion: string };
  console.log(`   integration suite ran inside VS Code ${results.vscodeVersion}`);
  return { passed: results.passed, failed: results.failed, skipped: results.skipped ?? 0 };
}

async function e2e(): Promise<Counts> {
  console.log('\n== e2e tests (the workbench driven by Playwright)');
  ensureTestHost();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) runStep('build', 'npx', ['tsx', 'scripts/build.ts']);
  return runMocha(testFiles('test/e2e'), 180_000);
}

const zero = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });
const add = (a: Counts, b: Counts): Counts => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
});

async function main(): Promise<void> {
  const totals: Record<string, Counts> = {};
  const run = async (name: SuiteName, suite: () => Promise<Counts>) => {
    if (!wanted(name)) return;
    try {
      totals[name] = await suite();
    } catch (error) {
      console.error(`\n${name} suite could not run: ${(error as Error).message}`);
      totals[name] = { passed: 0, failed: 1, skipped: 0 };
    }
  };
  await run('static', staticChecks);
  await run('unit', async () => {
    console.log('\n== unit tests');
    return runMocha(testFiles('test/unit'), 20_000);
  });
  await run('api-integration', async () => {
    console.log('\n== API integration tests (the client against the loopback sample server)');
    return runMocha(testFiles('test/api-integration'), 20_000);
  });
  await run('contract', async () => {
    console.log('\n== contract tests (Prism on the official OpenAPI document)');
    return runMocha(testFiles('test/contract'), 90_000);
  });
  await run('integration', integration);
  await run('e2e', e2e);
  console.log('\n== summary');
  for (const [name, counts] of Object.entries(totals)) {
    console.log(
      `   ${name.padEnd(16)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
    );
  }
  const total = Object.values(totals).reduce(add, zero());
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

void main();
