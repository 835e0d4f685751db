/** `npm start` as the README says: a workbench with the extension on the sample data, signed in. */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { sampleCatalog } from '../../sample-server';
import { openBrowser, type OpenBrowser } from '../host/codeServer';
import { answerInputBox, runFromPalette, screenshot, statsWebview } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..');

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}

describe('UI: the npm start demo', function () {
  this.timeout(240_000);
  let demo: ChildProcess | undefined;
  let browser: OpenBrowser | undefined;

  after(async () => {
    await browser?.close();
    if (demo?.pid) process.kill(-demo.pid, 'SIGTERM');
  });

  it('serves a workbench where the token is stored, the story session is one click from its overview, and a session opens in the tree', async () => {
    demo = spawn('npm', ['start', '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    const url = await waitForUrl(demo, 180_000);
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(url);
    await page.locator('.activitybar [aria-label^="RealtimeKit"]').first().click({ timeout: 60_000 });
    // Signed in and configured: the tree offers the sample app's sessions, not the sign-in welcome.
    await page
      .locator('.pane-body .monaco-list-row', { hasText: /^Sessions/ })
      .first()
      .waitFor({ timeout: 60_000 });

    // The story session is listed for the new user: one click on its inline action shows the overview.
    const story = page
      .locator('.pane-body .monaco-list-row', { hasText: 'Weekly Product Sync' })
      .filter({ hasText: 'participants' })
      .first();
    await story.waitFor({ timeout: 60_000 });
    await story.hover();
    await story.locator('.action-label[aria-label="Show Session Overview"]').click();
    await statsWebview(page)
      .locator('#session-verdict', { hasText: /had a poor call/ })
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'demo-overview');

    const catalog = sampleCatalog();
    await runFromPalette(page, 'RealtimeKit: Open Session');
    await answerInputBox(page, /Enter the session ID/, catalog.currentSession.id);
    const first = catalog.currentSession.participants[0];
    const treeRow = page.locator('.pane-body .monaco-list-row', { hasText: 'Design Review' }).filter({ hasText: 'participants' });
    await treeRow.first().click({ timeout: 30_000 });
    const participantRow = page.locator('.monaco-list-row', { hasText: first.displayName });
    await participantRow.first().waitFor({ timeout: 30_000 });
    assert.ok((await participantRow.count()) >= 1);
    await screenshot(page, 'demo-tree');
  });
});
