/** A person browses Sessions -> a session -> a participant -> its peer events, opens the stats, reloads. */
import { strict as assert } from 'node:assert';
import { SAMPLE_TOKEN, sampleCatalog } from '../../sample-server';
import { answerInputBox, openWorkbench, runFromPalette, screenshot, statsWebview, type Workbench } from './workbench';

describe('UI: browsing the explorer tree', function () {
  this.timeout(300_000);
  let workbench: Workbench;
  const catalog = sampleCatalog();

  before(async () => {
    workbench = await openWorkbench();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await screenshot(workbench.page, `failure-tree-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
  });

  const row = (text: string | RegExp) => workbench.page.locator('.pane-body .monaco-list-row', { hasText: text }).first();

  it('shows the sign-in welcome, then Sessions and Meetings once the token is set', async () => {
    const { page } = workbench;
    await page.locator('.activitybar [aria-label^="RealtimeKit"]').first().click();
    await page.locator('.welcome-view-content', { hasText: 'secret storage' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'tree-signed-out');
    await runFromPalette(page, 'RealtimeKit: Set API Token');
    await answerInputBox(page, /Cloudflare API token/, SAMPLE_TOKEN);
    await row(/^Sessions/).waitFor({ timeout: 30_000 });
    await row(/^Meetings/).waitFor({ timeout: 10_000 });
  });

  it('expands Sessions -> a session -> a participant to its peer events, and opens the stats by a click', async () => {
    const { page } = workbench;
    await row(/^Sessions/).click();
    const session = row(/Design Review/);
    await session.waitFor({ timeout: 30_000 });
    await session.click();
    const participant = catalog.currentSession.participants[0];
    const participantRow = row(participant.displayName);
    await participantRow.waitFor({ timeout: 30_000 });
    // The twistie expands without opening; the label opens the stats panel.
    await participantRow.locator('.monaco-tl-twistie').click();
    await row(/PEER_JOINING/).waitFor({ timeout: 30_000 });
    await screenshot(page, 'tree-browse');
    await participantRow.click();
    const heading = statsWebview(page).locator('#display-name');
    await heading.waitFor({ timeout: 30_000 });
    assert.equal(await heading.textContent(), participant.displayName);
  });

  it('keeps looked-up items and restores the stats panel after a window reload', async () => {
    const { page } = workbench;
    const participant = catalog.currentSession.participants[0];
    await runFromPalette(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const heading = statsWebview(page).locator('#display-name');
    await heading.waitFor({ timeout: 60_000 });
    assert.equal(await heading.textContent(), participant.displayName, 'the panel came back with data fetched again');
    // Clicking the activity-bar entry of the view already shown would hide the side bar.
    if (!(await row(/^Sessions/).isVisible())) await page.locator('.activitybar [aria-label^="RealtimeKit"]').first().click();
    await row(participant.displayName).waitFor({ timeout: 30_000 });
    await screenshot(page, 'tree-after-reload');
  });
});
