/** The stats panel as a person sees it: sections, charts, table view, export, themes, hostile names. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SAMPLE_TOKEN, sampleCatalog } from '../../sample-server';
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

describe('UI: the stats panel', function () {
  this.timeout(300_000);
  let workbench: Workbench;
  const catalog = sampleCatalog();

  before(async () => {
    workbench = await openWorkbench({ theme: 'Default Dark Modern', colorScheme: 'dark' });
    await signIn(workbench.page, SAMPLE_TOKEN);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await screenshot(workbench.page, `failure-stats-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => undefined);
    // Leave no dialog or picker open for the next test.
    await workbench.page.keyboard.press('Escape');
  });

  after(async () => {
    await workbench?.close();
  });

  async function openPeerReport(peerId: string): Promise<void> {
    await runFromPalette(workbench.page, 'RealtimeKit: Show Peer Report');
    await answerIdPrompt(workbench.page, 'peer ID', peerId);
    await workbench.page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await workbench.page.keyboard.press('Enter');
  }

  it('shows a troubled peer: verdict, issues, device, network, pre-call test and charts (dark theme)', async () => {
    const { page } = workbench;
    await openPeerReport(catalog.troubledParticipant.peerIds[0]);
    const view = statsWebview(page);
    await view.locator('#verdict').waitFor({ timeout: 30_000 });
    for (const id of ['#summary', '#device', '#network', '#precall', '#quality']) await view.locator(id).waitFor({ timeout: 5_000 });
    assert.ok((await view.locator('#issues li').count()) > 0, 'issues are listed');
    assert.ok((await view.locator('.uplot').count()) >= 3, 'charts are drawn');
    await screenshot(page, 'stats-dark');
  });

  it('opens Raw JSON: the answer crosses from the host only then, and Copy takes it from the host', async () => {
    const { page } = workbench;
    const view = statsWebview(page);
    const pre = view.locator('#raw-json');
    assert.equal(await pre.textContent(), '', 'the answer is not sent with the data');
    await view.locator('details.raw summary').click();
    await view.locator('#raw-json', { hasText: /\S/ }).waitFor({ timeout: 15_000 });
    const text = (await pre.textContent()) ?? '';
    assert.equal(typeof JSON.parse(text), 'object', 'the whole answer, pretty-printed');
    await view.locator('details.raw .copy').click();
    const deadline = Date.now() + 10_000;
    let copied = '';
    while (copied !== text && Date.now() < deadline) {
      copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
      if (copied !== text) await page.waitForTimeout(200);
    }
    assert.equal(copied, text, 'Copy puts the raw answer on the clipboard');
    await view.locator('details.raw summary').click();
  });

  it('toggles a chart to its table view for screen readers', async () => {
    const view = statsWebview(workbench.page);
    const toggle = view.locator('figure.chart .toggle-table').first();
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const table = view.locator('figure.chart .table-view table').first();
    await table.waitFor({ timeout: 5_000 });
    assert.ok((await table.locator('tbody tr').count()) > 10);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  });

  it('toggles a chart series from the keyboard through its legend', async () => {
    const entry = statsWebview(workbench.page).locator('figure.chart .u-legend .u-series[role="button"]').first();
    assert.equal(await entry.getAttribute('aria-pressed'), 'true');
    await entry.focus();
    await entry.press('Enter');
    assert.equal(await entry.getAttribute('aria-pressed'), 'false');
    await entry.press('Enter');
    assert.equal(await entry.getAttribute('aria-pressed'), 'true');
  });

  /** The time axis's window as the panel states it. */
  const zoomWindow = () => statsWebview(workbench.page).locator('#zoom-window').innerText();

  /** Zooms the charts to the first issue; returns the axis's window before and after. */
  async function zoomToFirstIssue(): Promise<{ whole: string; zoomed: string }> {
    const whole = await zoomWindow();
    await statsWebview(workbench.page).locator('#issues li button.link').first().click();
    await workbench.page.waitForTimeout(300);
    const zoomed = await zoomWindow();
    assert.notEqual(zoomed, whole, 'the time axis shows the issue window');
    return { whole, zoomed };
  }

  it('zooms the charts to an issue and back to the whole call', async () => {
    const view = statsWebview(workbench.page);
    const { whole } = await zoomToFirstIssue();
    await view.locator('#zoom-reset').focus();
    await workbench.page.keyboard.press('Enter');
    await workbench.page.waitForTimeout(300);
    assert.equal(await zoomWindow(), whole, 'back to the whole call');
  });

  it('zooms every chart by a drag across the events timeline', async () => {
    const { page } = workbench;
    const view = statsWebview(page);
    const whole = await zoomWindow();
    await dragAcrossPlot(page, view.locator('#quality figure.chart[aria-label="Events timeline"] .u-over'));
    assert.notEqual(await zoomWindow(), whole, 'the charts show the window dragged across');
    await view.locator('#zoom-reset').click();
    await page.waitForTimeout(300);
    assert.equal(await zoomWindow(), whole);
  });

  it('refreshes an ended call in place: the same answers keep the zoomed charts, and the panel says they were unchanged', async () => {
    const view = statsWebview(workbench.page);
    const { zoomed } = await zoomToFirstIssue();
    assert.doesNotMatch(await view.locator('#fetched').innerText(), /unchanged/);
    await view.locator('#refresh').click();
    await view.locator('#fetched', { hasText: /unchanged at/ }).waitFor({ timeout: 30_000 });
    assert.equal(await zoomWindow(), zoomed, 'still zoomed: the charts were not drawn again');
    await screenshot(workbench.page, 'stats-refreshed-unchanged');
    await view.locator('#zoom-reset').click();
  });

  it('refreshes changed answers in the same canvases: charts in sight at once, the others when scrolled to; the zoomed window and open events list kept', async () => {
    const view = statsWebview(workbench.page);
    const { zoomed } = await zoomToFirstIssue();
    const canvas = view.locator('#quality canvas').first();
    await canvas.evaluate((element) => element.setAttribute('data-before-refresh', ''));
    /** The first chart's table view: its first page of rows. */
    const firstTable = async () => {
      await view.locator('#quality .toggle-table').first().click();
      const rows = await view.locator('#quality figure.chart').first().locator('table.data-table tbody').innerText();
      await view.locator('#quality .toggle-table').first().click();
      return rows;
    };
    const tableBefore = await firstTable();
    const eventList = view.locator('#quality details.event-list');
    await eventList.locator('summary').click();
    const pixels = () => canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
    const pixelsBefore = await pixels();
    await new SampleControl(workbench.sample).reviseReports();
    // Refresh from the top of the panel, where its button is: the charts are out of sight.
    await view.locator('body').evaluate(() => window.scrollTo(0, 0));
    const below = await canvas.evaluate((element) => element.getBoundingClientRect().top / window.innerHeight);
    assert.ok(below > 1.5, `the first chart starts ${below.toFixed(2)} screens down: too near for this test, which needs it out of sight`);
    await view.locator('#refresh').click();
    await view.locator('#fetched', { hasNotText: /unchanged/ }).waitFor({ timeout: 30_000 });
    await workbench.page.waitForTimeout(300);
    assert.equal(await pixels(), pixelsBefore, 'a chart out of sight waits to be drawn');
    await canvas.scrollIntoViewIfNeeded();
    await workbench.page.waitForTimeout(300);
    assert.equal(await view.locator('#quality canvas[data-before-refresh]').count(), 1, 'the chart drew in the canvas it had');
    assert.equal(await zoomWindow(), zoomed, 'still on the window the user zoomed to');
    assert.notEqual(await pixels(), pixelsBefore, 'scrolled into sight, the lines are the new data');
    // A chart in sight draws a Refresh's data at once (the click must not scroll the panel to its button).
    const pixelsInSight = await pixels();
    await new SampleControl(workbench.sample).reviseReports();
    await view.locator('#refresh').dispatchEvent('click');
    const deadline = Date.now() + 30_000;
    while ((await pixels()) === pixelsInSight && Date.now() < deadline) await workbench.page.waitForTimeout(100);
    assert.notEqual(await pixels(), pixelsInSight, 'the chart in sight drew the newer data');
    assert.equal(await view.locator('#quality canvas[data-before-refresh]').count(), 1, 'in the same canvas again');
    assert.equal(await zoomWindow(), zoomed, 'and on the same window');
    assert.notEqual(await firstTable(), tableBefore, 'the table view shows the new samples too');
    assert.equal(await eventList.evaluate((details) => (details as HTMLDetailsElement).open), true, 'the events list opened stays open');
    await eventList.locator('summary').click();
    await screenshot(workbench.page, 'stats-refreshed-changed');
    await view.locator('#zoom-reset').click();
  });

  it('exports the Markdown report through the save dialog', async () => {
    const { page } = workbench;
    await statsWebview(page).locator('#export-markdown').click();
    // The save dialog proposes realtimekit-<name>-<id>.md in the workspace: accept it.
    const input = page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor({ timeout: 15_000 });
    const deadlineForName = Date.now() + 10_000;
    while (!/realtimekit-.*\.md$/.test(await input.inputValue()) && Date.now() < deadlineForName) await page.waitForTimeout(100);
    assert.match(await input.inputValue(), /realtimekit-.*\.md$/);
    await page.keyboard.press('Enter');
    const exported = () => fs.readdirSync(workbench.workspace).filter((name) => name.endsWith('.md'));
    const deadline = Date.now() + 15_000;
    while (exported().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const [file] = exported();
    assert.ok(file, 'the report was written to the workspace');
    const report = fs.readFileSync(path.join(workbench.workspace, file), 'utf8');
    assert.match(report, /^# /m);
    assert.match(report, /## Verdict/);
    assert.match(report, /## Detected issues/);
  });

  it('redraws in a light theme, on the window the user zoomed to', async () => {
    const { page } = workbench;
    const view = statsWebview(page);
    const { zoomed } = await zoomToFirstIssue();
    await view
      .locator('#quality canvas')
      .first()
      .evaluate((element) => element.setAttribute('data-before-theme', ''));
    // The palette's light/dark toggle switches to the preferred light theme (Light Modern).
    await runFromPalette(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 15_000 });
    await view.locator('body.vscode-light').waitFor({ timeout: 15_000 });
    await view.locator('#quality canvas[data-before-theme]').waitFor({ state: 'detached', timeout: 15_000 });
    assert.ok((await view.locator('.uplot').count()) >= 3);
    assert.equal(await zoomWindow(), zoomed, 'the charts drawn anew in the light colours are still zoomed in');
    await view.locator('#zoom-reset').click();
    await page.waitForTimeout(300);
    await screenshot(page, 'stats-light');
  });

  it('renders a hostile display name as text: nothing runs, the markup shows literally', async () => {
    const { page } = workbench;
    const hostile = catalog.hostileParticipant;
    await runFromPalette(page, 'RealtimeKit: Show Session Participant');
    await answerInputBox(page, /Enter the session ID/, hostile.sessionId);
    await answerInputBox(page, /Enter the participant ID/, hostile.participantId);
    await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const view = statsWebview(page);
    const heading = view.locator('#display-name', { hasText: 'Eve' });
    await heading.waitFor({ timeout: 30_000 });
    assert.equal(await heading.textContent(), hostile.displayName);
    assert.equal(await heading.locator('img, script').count(), 0, 'no element was created from the name');
    assert.notEqual(await view.locator('html').evaluate(() => document.title), 'pwned');
    assert.notEqual(await page.title(), 'pwned');
    await screenshot(page, 'stats-hostile-name');
  });

  it('shows a peer report restricted to its events: no samples, the events on their own time axis', async () => {
    const { page } = workbench;
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(String(error));
    page.on('pageerror', onError);
    try {
      await runFromPalette(page, 'RealtimeKit: Show Peer Report');
      await answerIdPrompt(page, 'peer ID', catalog.troubledParticipant.peerIds[0]);
      await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: /^events/ }).click();
      await page.keyboard.press('Enter');
      const view = statsWebview(page);
      await view.locator('#quality p.muted', { hasText: 'No quality samples' }).waitFor({ timeout: 30_000 });
      assert.equal(await view.locator('#quality figure.chart[data-metric]').count(), 0, 'no charts without samples');
      const timeline = view.locator('#quality figure.chart[aria-label="Events timeline"]');
      await timeline.locator('canvas').waitFor({ timeout: 10_000 });
      assert.match(await timeline.locator('details.event-list summary').innerText(), /^All [1-9]\d* events as a list$/);
      await timeline.scrollIntoViewIfNeeded();
      assert.deepEqual(errors, [], 'the timeline drew without an error');
    } finally {
      page.off('pageerror', onError);
    }
    await screenshot(page, 'stats-events-only');
  });

  it('opens a panel in a background tab again: its webview starts afresh and gets the data whole', async () => {
    // A hidden webview is torn down; revealed for a fetch that finds the same answers, it must still get
    // the data itself, not only word that it was unchanged (which left it blank).
    const { page } = workbench;
    const [shown, other] = catalog.troubledParticipant.peerIds;
    const activeTab = (peerId: string) => page.locator('.tabs-container .tab.active', { hasText: `peer ${peerId.slice(0, 8)}` });
    await openPeerReport(shown);
    await statsWebview(page)
      .locator('#fetched', { hasText: /^fetched [^,]+$/ })
      .waitFor({ timeout: 30_000 });
    await openPeerReport(other);
    await activeTab(other).waitFor({ timeout: 30_000 });
    await statsWebview(page).locator('#verdict').waitFor({ timeout: 30_000 });
    await openPeerReport(shown);
    await activeTab(shown).waitFor({ timeout: 30_000 });
    const view = statsWebview(page);
    await view.locator('#fetched', { hasText: /unchanged at/ }).waitFor({ timeout: 30_000 });
    for (const id of ['#verdict', '#summary', '#quality']) await view.locator(id).waitFor({ timeout: 5_000 });
  });
});
