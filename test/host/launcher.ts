/**
 * Stands in for the VS Code executable given to @vscode/test-electron's runTests: reads the
 * --extensionDevelopmentPath / --extensionTestsPath arguments it passes, runs them in code-server's
 * extension host with the workbench open in headless Chromium, and exits with the tests' exit code.
 */
import { format } from 'node:util';
import { ensureTestHost } from './ensureTestHost';
import { openBrowser, startCodeServer, workbenchUrl } from './codeServer';

const RUN_TIMEOUT_MS = Number(process.env.RTK_TEST_TIMEOUT_MS ?? 15 * 60_000);

function argValues(name: string): string[] {
  const prefix = `--${name}=`;
  return process.argv.filter((arg) => arg.startsWith(prefix)).map((arg) => arg.slice(prefix.length));
}

async function main(): Promise<number> {
  const developmentPaths = argValues('extensionDevelopmentPath');
  const [testsPath] = argValues('extensionTestsPath');
  if (!testsPath || developmentPaths.length === 0) {
    console.error('usage: launcher --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
    return 2;
  }
  ensureTestHost();
  const verbose = process.env.RTK_TEST_VERBOSE === '1';
  const server = await startCodeServer({ log: verbose ? console.log : undefined });
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  try {
    browser = await openBrowser();
    let settle: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (settle = resolve));
    // The workbench calls these in automation mode: test output, then the tests' exit code.
    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // The host forwards console calls as (format, ...values), as mocha's reporter writes them.
      const text = format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? console.error : console.log)(text);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => settle(Number(code)));
    if (verbose) browser.page.on('console', (message) => console.log(`[workbench] ${message.text()}`));
    await browser.page.goto(workbenchUrl(server, { extensionDevelopmentPaths: developmentPaths, extensionTestsPath: testsPath }));
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`[launcher] tests did not finish within ${RUN_TIMEOUT_MS / 1000} s`);
        resolve(1);
      }, RUN_TIMEOUT_MS).unref(),
    );
    return await Promise.race([exited, timeout]);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[launcher] ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
