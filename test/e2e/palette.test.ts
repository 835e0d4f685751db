/** A person sets the token and opens a participant from the command palette; the panel shows it. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { SAMPLE_TOKEN, sampleCatalog } from '../../sample-server';
import { SampleControl } from '../fixtures/sampleControl';
import { answerInputBox, openWorkbench, runFromPalette, screenshot, statsWebview, type Workbench } from './workbench';

describe('UI: command palette to stats panel', function () {
  this.timeout(240_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot(workbench.page, 'failure-palette').catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
  });

  it('sets the API token, opens a session participant and shows the panel', async () => {
    const { page } = workbench;
    const participant = sampleCatalog().currentSession.participants[0];

    await runFromPalette(page, 'RealtimeKit: Set API Token');
    await answerInputBox(page, /Cloudflare API token/, SAMPLE_TOKEN);
    await page
      .locator('.notifications-toasts', { hasText: /token stored/i })
      .first()
      .waitFor({ timeout: 20_000 });

    await runFromPalette(page, 'RealtimeKit: Show Session Participant');
    await answerInputBox(page, /Enter the session ID/, sampleCatalog().currentSession.id);
    await answerInputBox(page, /Enter the participant ID/, `  "${participant.id}" `);
    // The filters list: pick none, for the full answer.
    await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    const heading = statsWebview(page).locator('#display-name');
    await heading.waitFor({ timeout: 30_000 });
    assert.equal(await heading.textContent(), participant.displayName);
    const tab = page.locator('.tabs-container .tab', { hasText: participant.displayName });
    await tab.first().waitFor({ timeout: 10_000 });

    const file = await screenshot(page, 'stats-panel');
    assert.ok(fs.statSync(file).size > 10_000, 'a real screenshot was written');
  });

  it("shows a current-generation participant complete: the panel fetches its peers' reports itself", async () => {
    const { page } = workbench;
    const view = statsWebview(page);
    // The current API keeps statistics per peer: no extra click, the charts are there.
    await view.locator('#quality .uplot').first().waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('#peer-reports').count(), 0, 'no per-peer buttons to press');
    assert.match((await view.locator('#verdict').textContent()) ?? '', /call/i);
    await screenshot(page, 'participant-with-peer-reports');
  });

  it('offers "Set API Token" when a command needs one, and carries on once it is set', async () => {
    const { page } = workbench;
    const catalog = sampleCatalog();
    const participant = catalog.currentSession.participants[0];
    await runFromPalette(page, 'RealtimeKit: Clear API Token');
    const started = Date.now() - 1_000;
    await runFromPalette(page, 'RealtimeKit: Show Session Participant');
    // Recent IDs are offered first: typing filters them, Enter picks the match.
    for (const id of [catalog.currentSession.id, participant.id]) {
      await page.locator('.quick-input-widget input[placeholder^="Choose a recent"]').waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget input[type="text"]:visible').fill(id);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: id }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
    }
    await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-toast', { hasText: 'no API token is stored' });
    await toast.waitFor({ timeout: 15_000 });
    await toast.locator('.monaco-button', { hasText: 'Set API Token' }).click();
    await answerInputBox(page, /Cloudflare API token/, SAMPLE_TOKEN);
    // The participant's panel (its peer report's panel carries the same name) shows data fetched anew.
    const subtitle = statsWebview(page).locator('header p.muted', { hasText: 'Session participant' });
    await subtitle.waitFor({ timeout: 30_000 });
    assert.equal(await statsWebview(page).locator('#display-name').textContent(), participant.displayName);
    // The open panel shows its old data until the new answer (and its peers' reports) is in; the same
    // answers again leave the data as it was and say when they were checked.
    const fetchedAt = async () => {
      const text = (await subtitle.textContent()) ?? '';
      const fetched = /(?:unchanged at|fetched) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC(?!.*unchanged at)/.exec(text)?.[1];
      return { text, at: fetched ? Date.parse(`${fetched.replace(' ', 'T')}Z`) : 0 };
    };
    let header = await fetchedAt();
    for (const deadline = Date.now() + 30_000; header.at < started && Date.now() < deadline; header = await fetchedAt())
      await page.waitForTimeout(250);
    assert.ok(header.at >= started, `fetched again after the token was set (${header.text})`);
  });

  it('cancels a slow request from its progress notification: nothing opens', async () => {
    const { page } = workbench;
    const control = new SampleControl(workbench.sample);
    const peer = sampleCatalog().troubledParticipant.peerIds[1];
    await control.injectFault({ match: `/peer-report/${peer}`, delayMs: 8_000 });
    const toasts = page.locator('.notification-toast', { hasText: 'Fetching RealtimeKit peer report' });
    await toasts.first().waitFor({ state: 'detached', timeout: 15_000 });
    const tabsBefore = await page.locator('.tabs-container .tab').count();
    await runFromPalette(page, 'RealtimeKit: Show Peer Report');
    await answerInputBox(page, /Enter the peer ID/, peer);
    await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-toast', { hasText: 'Fetching RealtimeKit peer report' });
    await toast.waitFor({ timeout: 10_000 });
    await screenshot(page, 'progress-with-cancel');
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await toast.waitFor({ state: 'detached', timeout: 5_000 });
    // Past the injected delay, the answer would have opened a panel had the request not been aborted.
    await page.waitForTimeout(9_000);
    assert.equal(await page.locator('.tabs-container .tab').count(), tabsBefore, 'no panel opened');
  });
});
