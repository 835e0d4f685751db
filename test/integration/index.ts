/**
 * Entry point loaded by the VS Code extension host (extensionTestsPath). Runs the mocha suites bundled
 * here, prints vscode.version, and writes the pass/fail counts beside the bundle for the test runner.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

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
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
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
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
