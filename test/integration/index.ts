/**
 * Entry point loaded by the VS Code extension host (extensionTestsPath). Runs the mocha suites bundled
 * here, prints vscode.version, and writes the pass/fail counts beside the bundle for the test runner.
 * A promise of the extension rejected with no handler fails the run, named with the test it came in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './harness';

export const RESULTS_FILE = path.join(__dirname, 'results.json');

export async function run(): Promise<void> {
  console.log(`[integration] VS Code ${vscode.version} (${vscode.env.appName}, host ${vscode.env.appHost})`);
  fs.rmSync(RESULTS_FILE, { force: true });
  // RTK_TEST_GREP runs only the tests whose full title matches it (a developer's shortcut).
  const grep = process.env.RTK_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  // Suites are bundled into this file: give them mocha's globals, then load them.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./commands.test');
  require('./errors.test');
  require('./tree.test');
  require('./hardening.test');
  require('./refresh.test');
  require('./sessionOverview.test');
  require('./compare.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const unhandled = new UnhandledRejections();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('test', (test) => (unhandled.during = test.fullTitle()));
    runner.on('end', () => {
      unhandled.stop();
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      stats.failures += unhandled.seen.length;
      fs.writeFileSync(
        RESULTS_FILE,
        JSON.stringify({
          suite: 'integration',
          passed: stats.passes,
          failed: stats.failures,
          skipped: stats.pending,
          vscodeVersion: vscode.version,
        }),
      );
    });
  });
  for (const seen of unhandled.seen) console.error(`[integration] unhandled rejection: ${seen}`);
  if (failures + unhandled.seen.length > 0)
    throw new Error(`${failures} integration test(s) failed, ${unhandled.seen.length} unhandled rejection(s)`);
}

/**
 * Rejections no one handled whose stack passes through the extension's bundles. Others in this host
 * (VS Code's, its built-in extensions') are not ours to fail on.
 */
class UnhandledRejections {
  readonly seen: string[] = [];
  during = 'before the first test';
  private readonly ours = path.join(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '\0', 'dist');
  private readonly listener = (reason: unknown) => {
    const stack = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    if (stack.includes(this.ours) || stack.includes(__dirname)) this.seen.push(`${this.during}: ${stack}`);
    else console.warn(`[integration] an unhandled rejection not from the extension (${this.during}): ${stack}`);
  };

  constructor() {
    process.on('unhandledRejection', this.listener);
  }

  stop(): void {
    process.off('unhandledRejection', this.listener);
  }
}
