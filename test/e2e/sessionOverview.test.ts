/** The session overview as a support engineer uses it: from the tree in two clicks, sort, filter, timeline, themes, hostile names. */
import { strict as assert } from 'node:assert';
import {
  ATTRIBUTION_PARTICIPANTS,
  ATTRIBUTION_SESSION_IDS,
  LIVE_SESSION_IDS,
  SAMPLE_TOKEN,
  STORY_PARTICIPANTS,
  STORY_SESSION_IDS,
  sampleCatalog,
} from '../../sample-server';
import { SampleControl } from '../fixtures/sampleControl';
import {
  answerIdPrompt,
  answerInputBox,
  dragAcrossPlot,
  openWorkbench,
  runFromPalette,
  screenshot,
  signIn,
  statsWebview,
  type Workbench,
} from './workbench';

describe('UI: the session overview', function () {
  this.timeout(300_000);
  let workbench: Workbench;
  const webviewErrors: string[] = [];

  before(async () => {
    workbench = await openWorkbench({ theme: 'Default Dark Modern', colorScheme: 'dark' });
    workbench.page.on('console', (message) => {
      if (message.type() === 'error') webviewErrors.push(message.text());
    });
    workbench.page.on('pageerror', (error) => webviewErrors.push(String(error)));
    await signIn(workbench.page, SAMPLE_TOKEN);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      console.log(
        `      console errors: ${webviewErrors
          .filter((text) => !/open-vsx|net::ERR|favicon/.test(text))
          .slice(-10)
          .join('\n        ')}`,
      );
      await screenshot(workbench.page, `failure-overview-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`).catch(
        () => undefined,
      );
    }
    await workbench.page.keyboard.press('Escape');
  });

  after(async () => {
    await workbench?.close();
  });

  async function openOverview(sessionId: string): Promise<void> {
    await runFromPalette(workbench.page, 'RealtimeKit: Show Session Overview');
    const widget = workbench.page.locator('.quick-input-widget');
    // A recent session ID is offered first; a new one is typed.
    const newValue = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Enter a new value' }).first();
    const offered = await newValue.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (offered) await newValue.click();
    await answerInputBox(workbench.page, /Enter the session ID/, sessionId);
  }

  const overview = () => statsWebview(workbench.page);

  it('opens from a session in the tree: every participant ranked worst first, the verdict line, the timeline (dark theme)', async () => {
    const { page } = workbench;
    await page.locator('.activitybar [aria-label^="RealtimeKit"]').first().click();
    const sessions = page.locator('.monaco-list-row', { hasText: 'Sessions' }).first();
    await sessions.waitFor({ timeout: 30_000 });
    if ((await sessions.getAttribute('aria-expanded')) !== 'true') await sessions.click();
    const story = page.locator('.monaco-list-row', { hasText: 'Weekly Product Sync' }).first();
    await story.waitFor({ timeout: 30_000 });
    // The session's inline action: the second click from the tree to the overview.
    await story.hover();
    await story.locator('.action-label[aria-label="Show Session Overview"]').click();
    const view = overview();
    await view.locator('#session-verdict', { hasText: /had a poor call/ }).waitFor({ timeout: 60_000 });
    await view.locator('#progress', { hasText: 'Analysed 11 of 11' }).waitFor({ timeout: 60_000 });
    const names = await view.locator('#participants .row:not(.head) .col-name').allTextContents();
    assert.ok(names.length >= 8, `rows shown: ${names.length}`);
    const verdicts = await view.locator('#participants .row:not(.head) .col-verdict').allTextContents();
    assert.match(verdicts[0], /poor/i, `worst first: ${verdicts.join(', ')}`);
    assert.ok(
      names.slice(0, 3).some((name) => name.includes('Tomasz Kowalski')),
      `root causes lead: ${names.slice(0, 4).join(', ')}`,
    );
    const jordan = view.locator('#participants .row', { hasText: STORY_PARTICIPANTS.current.jordan.displayName });
    await jordan.locator('button', { hasText: 'Retry' }).waitFor({ timeout: 10_000 });
    assert.ok((await view.locator('#timeline .lane').count()) >= 8, 'one lane per participant');
    await screenshot(page, 'overview-dark');
  });

  it('sorts by a column and back, and filters by text', async () => {
    const view = overview();
    const header = view.locator('#participants .head .col-name button');
    await header.click();
    const sorted = await view.locator('#participants .row:not(.head) .col-name').allTextContents();
    assert.deepEqual(
      [...sorted].sort((a, b) => a.localeCompare(b)),
      sorted,
      'by name',
    );
    await header.click();
    const reversed = await view.locator('#participants .row:not(.head) .col-name').allTextContents();
    assert.deepEqual(reversed, [...sorted].reverse(), 'reversed');
    await view.locator('#session-filter').fill('Kenji');
    await view.locator('#participants .row:not(.head)').first().waitFor();
    const filtered = await view.locator('#participants .row:not(.head) .col-name').allTextContents();
    assert.deepEqual(filtered, ['Kenji Tanaka']);
    await view.locator('#session-filter').fill('');
    await screenshot(workbench.page, 'overview-sorted');
  });

  it('opens a participant from its row with the keyboard', async () => {
    const view = overview();
    await view.locator('#session-filter').fill('Dana');
    await view.locator('#participants .row:not(.head)', { hasText: 'Dana Whitfield' }).waitFor();
    // The grid has one Tab stop, the active row (roving tabindex); Enter opens it.
    await view.locator('#participants .row[tabindex="0"]').focus();
    await workbench.page.keyboard.press('Enter');
    await statsWebview(workbench.page).locator('#display-name', { hasText: 'Dana Whitfield' }).waitFor({ timeout: 30_000 });
  });

  it('is back at once, as it was left, when its tab is chosen again after opening a participant', async () => {
    const { page } = workbench;
    // The participant opened from its row in the test before is the active tab; the overview is behind it.
    await statsWebview(page).locator('#display-name', { hasText: 'Dana Whitfield' }).waitFor({ timeout: 30_000 });
    const overviewTab = page.locator('.tabs-container .tab', { hasText: 'Weekly Product Sync' }).first();
    await overviewTab.click();
    const view = overview();
    const row = view.locator('#participants .row:not(.head)', { hasText: 'Dana Whitfield' });
    await row.waitFor({ timeout: 30_000 });
    const documentBegan = await view.locator('body').evaluate(() => performance.timeOrigin);
    assert.equal(await view.locator('#session-filter').inputValue(), 'Dana', 'the filter as it was left');
    // Away again and back: the same document, never started again (a torn-down one took 1.7 s to return).
    await page.locator('.tabs-container .tab', { hasText: 'Dana Whitfield' }).first().click();
    await statsWebview(page).locator('#display-name', { hasText: 'Dana Whitfield' }).waitFor({ timeout: 30_000 });
    await overviewTab.click();
    await row.waitFor({ timeout: 5_000 });
    assert.equal(await view.locator('body').evaluate(() => performance.timeOrigin), documentBegan);
    await view.locator('#session-filter').fill('');
  });

  it("moves a LIVE call's timeline on to now when shown again, without waiting for the next re-read", async () => {
    const { page } = workbench;
    await openOverview(LIVE_SESSION_IDS.current);
    // Analysed, and re-reading paused: nothing else moves the timeline on while the test watches it.
    await overview().locator('#progress #stop').waitFor({ state: 'detached', timeout: 60_000 });
    await overview().locator('#live-toggle', { hasText: 'Pause' }).click();
    await overview().locator('#live-toggle', { hasText: 'Resume' }).waitFor({ timeout: 10_000 });
    const label = overview().locator('#timeline [aria-live="polite"]');
    await label.filter({ hasText: /Showing .* UTC/ }).waitFor({ timeout: 60_000 });
    const before = await label.textContent();
    const liveTab = page.locator('.tabs-container .tab.active');
    const liveTitle = (await liveTab.getAttribute('aria-label')) ?? '';
    // Behind another editor for a few seconds: the panel keeps its context, and re-reads only every 15 s.
    await page.locator('.tabs-container .tab', { hasText: 'Dana Whitfield' }).first().click();
    await statsWebview(page).locator('#display-name', { hasText: 'Dana Whitfield' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3_000);
    await page.locator(`.tabs-container .tab[aria-label="${liveTitle}"]`).click();
    await overview()
      .locator('#timeline [aria-live="polite"]')
      .filter({ hasNotText: before ?? '' })
      .waitFor({ timeout: 5_000 });
    await overview().locator('#live-toggle', { hasText: 'Resume' }).click();
  });

  it('shows a hostile display name literally (older generation session)', async () => {
    const hostile = sampleCatalog().hostileParticipant;
    await openOverview(hostile.sessionId);
    const view = overview();
    const cell = view.locator('#participants .row .col-name', { hasText: 'Eve' }).first();
    await cell.waitFor({ timeout: 60_000 });
    assert.equal(await cell.textContent(), hostile.displayName);
    assert.equal(await cell.locator('img, script').count(), 0);
    assert.notEqual(await workbench.page.title(), 'pwned');
  });

  it('compares three ticked participants, the hostile name among them, on shared charts', async () => {
    const view = overview();
    const hostile = sampleCatalog().hostileParticipant;
    // Space ticks the active row (the only one left by the filter); two more are ticked with the mouse.
    await view.locator('#session-filter').fill('Eve');
    await view.locator('#participants .row:not(.head)', { hasText: 'Eve' }).first().waitFor();
    await view.locator('#participants .row[tabindex="0"]').focus();
    await workbench.page.keyboard.press('Space');
    await view.locator('#session-filter').fill('');
    const others = view.locator('#participants .row:not(.head)').filter({ hasNotText: 'Eve' }).locator('input[type="checkbox"]');
    await others.nth(0).check();
    await others.nth(1).check();
    await view.locator('button#compare', { hasText: 'Compare (3)' }).click();
    const compare = statsWebview(workbench.page);
    await compare.locator('#participants .chip-name').first().waitFor({ timeout: 60_000 });
    assert.equal(await compare.locator('#participants .chip-name').count(), 3);
    assert.ok(
      (await compare.locator('#participants .chip-name').allTextContents()).includes(hostile.displayName),
      'the hostile name is shown as text',
    );
    assert.equal(await compare.locator('#participants img, #participants script').count(), 0);
    await compare.locator('.uplot').first().waitFor({ timeout: 30_000 });
    assert.ok((await compare.locator('.uplot').count()) >= 3, 'shared charts');
    await screenshot(workbench.page, 'compare-dark');
  });

  it("says in a receiver's panel that the sender's uplink caused its issue, and in the sender's whom it affected", async () => {
    const people = ATTRIBUTION_PARTICIPANTS.current;
    await openOverview(ATTRIBUTION_SESSION_IDS.current);
    const view = overview();
    await view.locator('#progress', { hasText: 'Analysed 8 of 8' }).waitFor({ timeout: 60_000 });
    await view.locator('#session-filter').fill('Nina');
    await view.locator('#participants .row:not(.head)', { hasText: people.nina.displayName }).waitFor();
    await view.locator('#participants .row[tabindex="0"]').focus();
    await workbench.page.keyboard.press('Enter');
    const panel = statsWebview(workbench.page);
    const cause = panel.locator(`.cause[data-sender="${people.sam.id}"]`).first();
    await cause.waitFor({ timeout: 30_000 });
    assert.match((await cause.textContent()) ?? '', /Sam Rivera's uplink: .*loss/);
    await screenshot(workbench.page, 'stats-caused-by');
    await cause.locator('button', { hasText: 'Open Sam Rivera' }).click();
    const affected = statsWebview(workbench.page).locator('#affected', { hasText: people.nina.displayName });
    await affected.waitFor({ timeout: 30_000 });
  });

  it('says in the panel of a receiver whose poor call someone else caused why the overview ranks it degraded, naming its senders', async () => {
    const priya = STORY_PARTICIPANTS.current.priya;
    await openOverview(STORY_SESSION_IDS.current);
    const view = overview();
    await view.locator('#progress', { hasText: 'Analysed 11 of 11' }).waitFor({ timeout: 60_000 });
    await view.locator('#session-filter').fill(priya.displayName);
    await view.locator('#participants .row:not(.head)', { hasText: 'Degraded' }).waitFor();
    await view.locator('#participants .row[tabindex="0"]').focus();
    await workbench.page.keyboard.press('Enter');
    const panel = statsWebview(workbench.page);
    await panel.locator('#verdict-ranking').waitFor({ timeout: 30_000 });
    assert.match((await panel.locator('#verdict-ranking').textContent()) ?? '', /ranks it Degraded/);
    assert.equal(await panel.locator('#verdict.verdict-poor').count(), 1, 'her own statistics still say poor');
    // The overview knows whose peers she received from: the charts and the percentiles say their names.
    const tomasz = STORY_PARTICIPANTS.current.tomasz.displayName;
    await panel
      .locator('#quality .u-legend', { hasText: `received from ${tomasz}` })
      .first()
      .waitFor({ timeout: 30_000 });
    assert.ok((await panel.locator('table.percentiles td', { hasText: `received from ${tomasz}` }).count()) > 0, 'in the percentiles too');
    assert.match((await panel.locator('#issues').textContent()) ?? '', new RegExp(`from ${tomasz}`), 'and in the issues');
    await panel.locator('#quality .u-legend').first().scrollIntoViewIfNeeded();
    await screenshot(workbench.page, 'stats-named-senders');
  });

  it("names a visible panel's senders when the overview beside it learns them, on the window the user zoomed to", async () => {
    const { page } = workbench;
    const priya = STORY_PARTICIPANTS.current.priya;
    const tomasz = STORY_PARTICIPANTS.current.tomasz.displayName;
    // No overview open: the panel knows no sender's name.
    await runFromPalette(page, 'View: Close All Editors');
    await runFromPalette(page, 'RealtimeKit: Show Session Participant');
    await answerIdPrompt(page, 'session ID', STORY_SESSION_IDS.current);
    await answerIdPrompt(page, 'participant ID', priya.id);
    await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const panel = statsWebview(page);
    await panel.locator('#quality .u-legend', { hasText: 'received from' }).first().waitFor({ timeout: 60_000 });
    assert.equal(await panel.locator('#quality .u-legend', { hasText: tomasz }).count(), 0, 'unnamed before the overview');
    // Zoomed by a drag across the first chart, to the middle of the call.
    const whole = await panel.locator('#zoom-window').innerText();
    await dragAcrossPlot(page, panel.locator('#quality .u-over').first());
    const zoomed = await panel.locator('#zoom-window').innerText();
    assert.notEqual(zoomed, whole, 'the charts show the window dragged across');
    await panel
      .locator('#quality canvas')
      .first()
      .evaluate((element) => element.setAttribute('data-before-names', ''));
    // The overview opens in a group of its own, so the panel stays in sight while it analyses.
    await runFromPalette(page, 'View: New Editor Group to the Right');
    await openOverview(STORY_SESSION_IDS.current);
    const frames = page.frameLocator('iframe.webview.ready:visible');
    await page.locator('iframe.webview.ready:visible').nth(1).waitFor({ timeout: 30_000 });
    const withQuality = async (index: number) => (await frames.nth(index).frameLocator('#active-frame').locator('#quality').count()) > 0;
    const named = frames.nth((await withQuality(0)) ? 0 : 1).frameLocator('#active-frame');
    await named
      .locator('#quality .u-legend', { hasText: `received from ${tomasz}` })
      .first()
      .waitFor({ timeout: 60_000 });
    assert.equal(await named.locator('#quality canvas[data-before-names]').count(), 0, 'the charts were drawn anew with the names');
    assert.equal(await named.locator('#zoom-window').innerText(), zoomed, 'still on the window the user zoomed to');
    await runFromPalette(page, 'View: Close All Editors');
  });

  it('says in a compare chip too why the overview ranks a poor call degraded, and not for the sender', async () => {
    const { priya, tomasz } = STORY_PARTICIPANTS.current;
    await openOverview(STORY_SESSION_IDS.current);
    const view = overview();
    await view.locator('#progress', { hasText: 'Analysed 11 of 11' }).waitFor({ timeout: 60_000 });
    for (const person of [priya, tomasz]) {
      await view.locator('#session-filter').fill(person.displayName);
      await view.locator('#participants .row:not(.head)', { hasText: person.displayName }).first().waitFor();
      await view.locator('#participants .row[tabindex="0"]').focus();
      await workbench.page.keyboard.press('Space');
    }
    await view.locator('#session-filter').fill('');
    await view.locator('button#compare', { hasText: 'Compare (2)' }).click();
    const compare = statsWebview(workbench.page);
    const chip = compare.locator(`#participants .chip[data-participant-id="${priya.id}"]`);
    await chip.waitFor({ timeout: 60_000 });
    assert.match((await chip.locator('.chip-ranking').textContent()) ?? '', /ranks it Degraded/);
    assert.equal(await compare.locator(`#participants .chip[data-participant-id="${tomasz.id}"] .chip-ranking`).count(), 0);
  });

  it('shows how far the analysis is, in the panel and in the notification, while it runs', async () => {
    const control = new SampleControl(workbench.sample);
    const held = ATTRIBUTION_PARTICIPANTS.legacy.nina;
    await control.injectFault({ match: held.id, delayMs: 8_000, times: 5 });
    try {
      await openOverview(ATTRIBUTION_SESSION_IDS.legacy);
      const meter = overview().locator('#progress [role="progressbar"]');
      await meter.waitFor({ timeout: 30_000 });
      // The others are analysed while one participant's answer is held back.
      await overview()
        .locator('#progress', { hasText: /Analysed 7 of 8/ })
        .waitFor({ timeout: 30_000 });
      assert.deepEqual([await meter.getAttribute('aria-valuenow'), await meter.getAttribute('aria-valuemax')], ['7', '8']);
      // A bar that fills, in the notification too, not an endless animation.
      await workbench.page.locator('.notification-toast .monaco-progress-container.discrete').waitFor({ timeout: 10_000 });
      assert.equal(await overview().locator('#progress .codicon-modifier-spin').count(), 0);
      await screenshot(workbench.page, 'overview-progress');
      await overview().locator('#progress', { hasText: 'Analysed 8 of 8' }).waitFor({ timeout: 60_000 });
      assert.equal(await meter.count(), 0, 'the bar goes once all are analysed');
    } finally {
      await control.clearFaults();
    }
  });

  it('opens the current generation story again from the palette, in a light theme', async () => {
    const { page } = workbench;
    // The palette's light/dark toggle switches to the preferred light theme (Light Modern).
    await runFromPalette(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 15_000 });
    await openOverview(STORY_SESSION_IDS.current);
    await overview().locator('body.vscode-light').waitFor({ timeout: 15_000 });
    await overview()
      .locator('#session-verdict', { hasText: /had a poor call/ })
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'overview-light');
  });
});
