/**
 * Compare Participants from the two places the session overview's test does not cover: participants
 * multi-selected in the tree (context menu), and the palette (a session, then a multi-pick). The browser
 * runs 5 h 30 min east of UTC, so a time drawn in local time shows.
 */
import { strict as assert } from 'node:assert';
import type { FrameLocator, Locator } from 'playwright-core';
import { SAMPLE_TOKEN, STORY_PARTICIPANTS, STORY_SESSION_IDS, sampleCatalog } from '../../sample-server';
import { answerIdPrompt, openWorkbench, runFromPalette, screenshot, signIn, statsWebview, type Workbench } from './workbench';

const TIME_ZONE = 'Asia/Kolkata';

describe('UI: Compare Participants from the tree and the palette', function () {
  this.timeout(300_000);
  let workbench: Workbench;
  const webviewErrors: string[] = [];

  before(async () => {
    workbench = await openWorkbench({ timezoneId: TIME_ZONE });
    workbench.page.on('pageerror', (error) => webviewErrors.push(String(error)));
    await signIn(workbench.page, SAMPLE_TOKEN);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      if (webviewErrors.length) console.log(`      page errors: ${webviewErrors.slice(-10).join('\n        ')}`);
      await screenshot(workbench.page, `failure-compare-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`).catch(
        () => undefined,
      );
    }
    await workbench.page.keyboard.press('Escape');
  });

  after(async () => {
    await workbench?.close();
  });

  const story = STORY_PARTICIPANTS.current;

  /** A participant's row under the expanded session, by its exact name. */
  const participantRow = (name: string): Locator =>
    workbench.page
      .locator('.pane-body .monaco-list-row[aria-level="3"]')
      .filter({ has: workbench.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
      .first();

  async function openStorySessionInTree(): Promise<void> {
    const { page } = workbench;
    // Clicking the activity-bar entry of the view already shown would hide the side bar.
    const sessions = page.locator('.pane-body .monaco-list-row', { hasText: 'Sessions' }).first();
    if (!(await sessions.isVisible())) await page.locator('.activitybar [aria-label^="RealtimeKit"]').first().click();
    await sessions.waitFor({ timeout: 30_000 });
    if ((await sessions.getAttribute('aria-expanded')) !== 'true') await sessions.click();
    // The newest "Weekly Product Sync" is the current generation's story session.
    const session = page.locator('.pane-body .monaco-list-row[aria-level="2"]', { hasText: 'Weekly Product Sync' }).first();
    await session.waitFor({ timeout: 30_000 });
    if ((await session.getAttribute('aria-expanded')) !== 'true') await session.click();
    await participantRow(story.priya.displayName).waitFor({ timeout: 30_000 });
  }

  /**
   * The statistics a plain click opened. A person sees them open before going on; a context menu opened
   * before the panel is up closes when the panel takes the focus.
   */
  async function statsShown(name: string): Promise<void> {
    await statsWebview(workbench.page).locator('#display-name', { hasText: name }).waitFor({ timeout: 90_000 });
  }

  /** Right-clicks a row and runs an entry of its context menu. */
  async function runFromContextMenu(row: Locator, entry: string): Promise<void> {
    await row.click({ button: 'right' });
    const item = workbench.page.locator('.monaco-menu .action-item', { hasText: entry }).first();
    await item.waitFor({ timeout: 10_000 });
    // VS Code arms a menu item's mouseup 100 ms after showing it (so the right-click's own release does not
    // choose an entry): a click sooner is lost, and the menu stays open. A person never clicks that fast.
    await item.hover();
    await workbench.page.waitForTimeout(300);
    await item.click();
    await item.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /**
   * The compare panel of `names`, once its charts are drawn: one chip per participant, the lanes' legend
   * naming each of them and only them, every chart's legend naming only them. An earlier comparison stays
   * on screen until the new one's data is in and its webview starts (which can take long).
   */
  async function comparePanel(names: readonly string[]): Promise<FrameLocator> {
    const expected = [...names].sort();
    const compare = statsWebview(workbench.page);
    let chips: string[] = [];
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await delay(500)) {
      chips = (
        await compare
          .locator('#participants .chip-name')
          .allTextContents()
          .catch(() => [])
      ).sort();
      if (JSON.stringify(chips) === JSON.stringify(expected)) break;
    }
    assert.deepEqual(chips, expected, 'one chip per participant compared');
    await compare.locator('#events-lanes .uplot').waitFor({ timeout: 30_000 });
    const legend = (scope: string) => compare.locator(`${scope} .u-legend .u-series:not(:first-child) .u-label`).allTextContents();
    assert.deepEqual((await legend('#events-lanes')).sort(), expected, "the events lanes' legend");
    const charts = await compare.locator('figure.chart[data-metric]').count();
    assert.ok(charts >= 3, `shared charts: ${charts}`);
    // A participant without samples of a metric has no line in its chart; every line is one of them.
    const lines = await legend('figure.chart[data-metric]');
    for (const label of lines) assert.ok(names.includes(label), `"${label}" is one of the compared participants`);
    assert.deepEqual([...new Set(lines)].sort(), expected, "the charts' legends name every participant compared");
    return compare;
  }

  it('compares participants ctrl-clicked in the tree, from the context menu', async () => {
    const { page } = workbench;
    await openStorySessionInTree();
    const chosen = [story.priya.displayName, story.sofia.displayName, story.noah.displayName];
    // A plain click selects the first and opens its statistics; ctrl-click adds the others.
    await participantRow(chosen[0]).click();
    await statsShown(chosen[0]);
    await participantRow(chosen[1]).click({ modifiers: ['Control'] });
    await participantRow(chosen[2]).click({ modifiers: ['Control'] });
    for (const name of chosen) assert.equal(await participantRow(name).getAttribute('aria-selected'), 'true', `${name} is selected`);
    await screenshot(page, 'compare-tree-selection');
    await runFromContextMenu(participantRow(chosen[2]), 'Compare Participants');
    const compare = await comparePanel(chosen);
    assert.match((await compare.locator('header p.muted').first().textContent()) ?? '', new RegExp(STORY_SESSION_IDS.current));
    await page
      .locator('.tabs-container .tab', { hasText: /^Compare: / })
      .first()
      .waitFor({ timeout: 10_000 });
    await screenshot(page, 'compare-from-tree');
  });

  it('compares a shift-clicked range less one ctrl-clicked out', async () => {
    const { page } = workbench;
    await openStorySessionInTree();
    // In the tree: Tomasz Kowalski, Sofia García, Dana Whitfield, one after the other.
    const [first, middle, last] = [story.tomasz.displayName, story.sofia.displayName, story.dana.displayName];
    // A plain click starts a new selection (and opens that participant's statistics).
    await participantRow(first).click();
    await statsShown(first);
    await participantRow(last).click({ modifiers: ['Shift'] });
    for (const name of [first, middle, last])
      assert.equal(await participantRow(name).getAttribute('aria-selected'), 'true', `${name} is in the range`);
    await participantRow(middle).click({ modifiers: ['Control'] });
    assert.equal(await participantRow(middle).getAttribute('aria-selected'), 'false', `${middle} is taken out`);
    await runFromContextMenu(participantRow(last), 'Compare Participants');
    const compare = await comparePanel([first, last]);
    // Each sent the other trouble: one clause per cause, said once. Tomasz's was his uplink's loss (or a
    // low MOS: his send side); Dana's, her CPU-limited camera's frame rate and resolution: what she sent,
    // never her uplink.
    const causes = await compare.locator('#attribution .attribution-line[data-rule]').allTextContents();
    assert.ok(causes.length >= 2, `causes shown: ${causes.length}`);
    for (const cause of causes) {
      assert.match(
        cause,
        /^(Dana Whitfield: caused by Tomasz Kowalski's (uplink|send side)|Tomasz Kowalski: caused by Dana Whitfield's (sent video|send side)): .+ UTC /,
        cause,
      );
      assert.equal(cause.split(/uplink|sent video|send side/).length, 2, `the send side once: ${cause}`);
    }
    await page
      .locator('.tabs-container .tab', { hasText: /^Compare: / })
      .first()
      .waitFor({ timeout: 10_000 });
  });

  it('refuses a single participant from the tree, saying how many to choose', async () => {
    const { page } = workbench;
    await openStorySessionInTree();
    const tabs = await page.locator('.tabs-container .tab').count();
    // A right-click on a row outside the selection acts on that row alone.
    await runFromContextMenu(participantRow(story.kenji.displayName), 'Compare Participants');
    await page
      .locator('.notification-toast', { hasText: 'Compare takes 2 to 8 participants of one session; 1 was chosen.' })
      .first()
      .waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.tabs-container .tab').count(), tabs, 'no panel opened');
  });

  it('compares participants ticked in the palette multi-pick, asking again when only one is ticked', async () => {
    const { page } = workbench;
    const session = sampleCatalog().currentSession;
    const chosen = [session.participants[0].displayName, session.participants[2].displayName, session.participants[4].displayName];
    await runFromPalette(page, 'RealtimeKit: Compare Participants');
    await answerSessionPrompt(session.id);

    const pick = await participantPick();
    await tick(pick, chosen[0]);
    await page.keyboard.press('Enter');
    // This toast, not the tree test's one with the same words and no button, should it still show.
    const chooseAgain = page
      .locator('.notification-toast', { hasText: '1 was chosen' })
      .locator('.monaco-button', { hasText: 'Choose Again' });
    await chooseAgain.first().waitFor({ timeout: 15_000 });
    // A click landing as the toasts move (one above it closing) can be lost; a click taken closes the
    // toast. So it is clicked again only while its button is still there and no pick came.
    const pickInput = page.locator('.quick-input-widget input[placeholder="Choose 2 to 8 participants"]');
    for (let attempt = 0; attempt < 3; attempt++) {
      await chooseAgain.first().click();
      const shown = await pickInput.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (shown || !(await chooseAgain.first().isVisible())) break;
    }

    // Asked again, the earlier tick is kept.
    const again = await participantPick();
    await again
      .locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: chosen[0] })
      .first()
      .waitFor({ timeout: 5_000 });
    for (const name of chosen.slice(1)) await tick(again, name);
    assert.equal(await again.locator('.quick-input-list .monaco-list-row[aria-checked="true"]').count(), 3, 'three ticked');
    await screenshot(page, 'compare-palette-pick');
    await page.keyboard.press('Enter');
    const compare = await comparePanel(chosen);
    assert.match((await compare.locator('header p.muted').first().textContent()) ?? '', new RegExp(session.id));
    await screenshot(page, 'compare-from-palette');
  });

  it('shows the times of the compare charts in UTC, as the stats panel and the window line do', async () => {
    const { page } = workbench;
    const compare = statsWebview(page);
    const window = await zoomWindow(compare);
    const shown = await hoverTime(compare.locator('figure.chart[data-metric]').first());
    assert.ok(
      within(shown, window),
      `compare: the time under the cursor (${shown.text}) is in the window (${window.text}), not ${TIME_ZONE}'s`,
    );
    // The stats panel the tree's first click opened.
    await page.locator('.tabs-container .tab', { hasText: story.priya.displayName }).first().click();
    const stats = statsWebview(page);
    await stats.locator('#display-name', { hasText: story.priya.displayName }).waitFor({ timeout: 60_000 });
    await stats.locator('figure.chart[data-metric] .uplot').first().waitFor({ timeout: 30_000 });
    const statsWindow = await zoomWindow(stats);
    const statsShown = await hoverTime(stats.locator('figure.chart[data-metric]').first());
    assert.ok(
      within(statsShown, statsWindow),
      `stats: the time under the cursor (${statsShown.text}) is in the window (${statsWindow.text}), not ${TIME_ZONE}'s`,
    );
  });

  /** The session step: a recent ID is picked by typing it, a new one is typed into the input box. */
  const answerSessionPrompt = (sessionId: string) => answerIdPrompt(workbench.page, 'session ID', sessionId);

  async function participantPick(): Promise<Locator> {
    const widget = workbench.page.locator('.quick-input-widget');
    await widget.locator('input[placeholder="Choose 2 to 8 participants"]').waitFor({ timeout: 30_000 });
    return widget;
  }

  /** Types part of a name to find the row, ticks its box, clears the filter. */
  async function tick(widget: Locator, name: string): Promise<void> {
    const input = widget.locator('input[placeholder="Choose 2 to 8 participants"]');
    await input.fill(name.split(' ')[0]);
    const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: 10_000 });
    // A click on the row ticks its box in a multi-pick.
    await row.click();
    await widget.locator('.quick-input-list .monaco-list-row[aria-checked="true"]', { hasText: name }).first().waitFor({ timeout: 5_000 });
    await input.fill('');
  }
});

interface ShownTime {
  text: string;
  /** Minutes since midnight. */
  minutes: number;
}

/** "Showing 08:26:00 to 08:58:30 UTC." above the charts. */
async function zoomWindow(view: FrameLocator): Promise<{ text: string; from: number; to: number }> {
  const text = (await view.locator('#zoom-window').textContent()) ?? '';
  const match = /Showing (\d\d):(\d\d):\d\d to (\d\d):(\d\d):\d\d UTC/.exec(text);
  assert.ok(match, `the window line: "${text}"`);
  return { text, from: Number(match[1]) * 60 + Number(match[2]), to: Number(match[3]) * 60 + Number(match[4]) };
}

/** Hovers the middle of a chart and reads the time its legend shows ("2026-11-20 08:41:07 UTC"). */
async function hoverTime(figure: Locator): Promise<ShownTime> {
  const over = figure.locator('.u-over');
  const box = await over.boundingBox();
  assert.ok(box, 'the chart is drawn');
  await over.hover({ position: { x: box.width / 2, y: box.height / 2 } });
  const value = figure.locator('.u-legend .u-series:first-child .u-value');
  let text = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await delay(200)) {
    text = (await value.textContent()) ?? '';
    if (/\d\d:\d\d:\d\d UTC/.test(text)) break;
  }
  const match = /(\d\d):(\d\d):\d\d UTC/.exec(text);
  assert.ok(match, `the legend shows a time: "${text}"`);
  return { text, minutes: Number(match[1]) * 60 + Number(match[2]) };
}

const within = (time: ShownTime, window: { from: number; to: number }) =>
  window.from <= window.to
    ? time.minutes >= window.from - 1 && time.minutes <= window.to + 1
    : time.minutes >= window.from - 1 || time.minutes <= window.to + 1;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
