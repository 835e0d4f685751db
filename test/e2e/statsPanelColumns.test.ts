/**
 * Every quality column of a participant with many tracks reaches the stats panel. VS Code (1.100) sends
 * each ArrayBuffer of a webview message as its own argument and drops those past 253: Mateo Silva of the
 * story session has three peers of 22 tracks (594 columns), and his panel lost lines while the columns
 * went one buffer each. The percentiles table is computed on the host and travels as JSON, so it says,
 * inside the webview, which lines each chart must draw and how many samples each has.
 */
import { strict as assert } from 'node:assert';
import type { FrameLocator } from 'playwright-core';
import { HEAVY_PARTICIPANTS, SAMPLE_TOKEN, SCALE_SESSION_IDS, STORY_PARTICIPANTS, STORY_SESSION_IDS } from '../../sample-server';
import { SampleControl } from '../fixtures/sampleControl';
import {
  answerIdPrompt,
  answerInputBox,
  openWorkbench,
  runFromPalette,
  screenshot,
  signIn,
  statsWebview,
  type Workbench,
} from './workbench';

/** What one peer's panel shows, read in the webview in one go. */
interface PeerShown {
  /** The percentiles table: "Packet loss (%)" → its rows' tracks ("audio received from 1a2b3c4d") and samples. */
  expected: Record<string, { track: string; samples: number }[]>;
  charts: {
    title: string;
    /** The legend's series (the time axis left out). */
    lines: string[];
    /** The table view's columns after the time (every page shown), and how many of its rows have a value in each. */
    columns: string[];
    valuesPerColumn: number[];
    rows: number;
  }[];
  empty: boolean;
}

describe('UI: a stats panel of 594 quality columns (VS Code keeps 253 buffers a message)', function () {
  this.timeout(300_000);
  let workbench: Workbench;
  const webviewErrors: string[] = [];
  const mateo = STORY_PARTICIPANTS.current.mateo;

  before(async () => {
    workbench = await openWorkbench();
    workbench.page.on('pageerror', (error) => webviewErrors.push(String(error)));
    await signIn(workbench.page, SAMPLE_TOKEN);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      if (webviewErrors.length) console.log(`      page errors: ${webviewErrors.slice(-10).join('\n        ')}`);
      await screenshot(workbench.page, `failure-columns-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`).catch(
        () => undefined,
      );
    }
    await workbench.page.keyboard.press('Escape');
  });

  after(async () => {
    await workbench?.close();
  });

  it("draws every line, with all its samples, in every chart of each of Mateo Silva's three peers", async () => {
    const { page } = workbench;
    await runFromPalette(page, 'RealtimeKit: Show Session Participant');
    await answerInputBox(page, /Enter the session ID/, STORY_SESSION_IDS.current);
    await answerInputBox(page, /Enter the participant ID/, mateo.id);
    await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    const view = statsWebview(page);
    // His answer holds no statistics: the panel reads his three peers' reports first. A new webview can take long to start.
    await view.locator('#display-name', { hasText: mateo.displayName }).waitFor({ timeout: 120_000 });
    const switcher = view.locator('#peer-switcher');
    await switcher.waitFor({ timeout: 60_000 });
    const options = await switcher.locator('option').allTextContents();
    assert.equal(options.length, mateo.peerIds.length, `one entry per peer: ${options.join(' | ')}`);
    mateo.peerIds.forEach((peerId, index) => assert.match(options[index], new RegExp(`^Peer ${index + 1}: ${peerId}`)));

    let lines = 0;
    for (let index = 0; index < mateo.peerIds.length; index++) {
      await switcher.selectOption(String(index));
      await view.locator(`#peer-switcher option[value="${index}"]:checked`).waitFor({ state: 'attached', timeout: 10_000 });
      await view.locator('#quality').waitFor({ timeout: 10_000 });
      const shown = await readPeer(view);
      const label = `peer ${index + 1} (${mateo.peerIds[index].slice(0, 8)})`;
      const expectedCharts = Object.keys(shown.expected).sort();
      assert.ok(expectedCharts.length >= 5, `${label}: the percentiles name the metrics measured: ${expectedCharts.join(', ')}`);
      assert.equal(shown.empty, false, `${label}: the panel says it has no quality samples`);
      assert.deepEqual(
        shown.charts.map((chart) => chart.title).sort(),
        expectedCharts,
        `${label}: a chart for every metric of the percentiles table`,
      );
      for (const chart of shown.charts) {
        const expected = shown.expected[chart.title];
        const where = `${label}, ${chart.title}`;
        assert.deepEqual([...chart.lines].sort(), expected.map((row) => row.track).sort(), `${where}: the legend lists every track`);
        assert.deepEqual(chart.columns, chart.lines, `${where}: the table view has the legend's series`);
        assert.ok(chart.rows > 0, `${where}: the table view has rows`);
        // Every sample the host counted is in the chart's data.
        assert.deepEqual(
          chart.columns.map((track, i) => `${track}: ${chart.valuesPerColumn[i]}`).sort(),
          expected.map((row) => `${row.track}: ${row.samples}`).sort(),
          `${where}: values per series in the table view, against the samples of the percentiles`,
        );
        lines += chart.lines.length;
      }
      await view.locator('#quality figure.chart').first().scrollIntoViewIfNeeded();
      await screenshot(page, `stats-columns-peer-${index + 1}`);
    }
    // 3 peers x 22 tracks: more than 253 columns whichever way they were counted.
    assert.ok(lines >= 300, `lines drawn over the three peers: ${lines}`);
  });

  it("narrows a peer's charts to one sender's received lines, and back to every sender's, from the keyboard", async () => {
    const { page } = workbench;
    const view = statsWebview(page);
    /** Every chart's legend lines, in one read. */
    const legends = () =>
      view
        .locator('#quality')
        .evaluate((quality) =>
          Array.from(
            quality.querySelectorAll('figure.chart[data-metric] .u-legend .u-series:not(:first-child) .u-label'),
            (entry) => entry.textContent ?? '',
          ),
        );
    await view.locator('#quality .u-legend').first().waitFor({ timeout: 30_000 });
    const every = await legends();
    const filter = view.locator('#sender-filter');
    const options = filter.locator('option');
    assert.ok((await options.count()) >= 3, 'every sender and at least two senders are offered');
    assert.match((await options.first().textContent()) ?? '', /^from every sender \(\d+\)$/);
    const offered = (await options.nth(1).textContent()) ?? '';
    const sender = /^from (.+) \(\d+ tracks?\)$/.exec(offered)?.[1];
    assert.ok(sender, `a sender's option: ${offered}`);
    // From the keyboard, as a screen reader user would: focus, next option.
    await filter.focus();
    await page.keyboard.press('ArrowDown');
    await view.locator('#sender-filter option:checked', { hasText: `from ${sender} (` }).waitFor({ state: 'attached', timeout: 10_000 });
    const narrowed = await legends();
    assert.ok(narrowed.length > 0 && narrowed.length < every.length, `fewer lines: ${narrowed.length} of ${every.length}`);
    assert.deepEqual(
      narrowed.filter((line) => / received/.test(line) && !line.endsWith(` from ${sender}`)),
      [],
      "only that sender's received lines",
    );
    assert.deepEqual(
      narrowed.filter((line) => / sent$/.test(line)),
      every.filter((line) => / sent$/.test(line)),
      'what the peer sent stays',
    );
    const percentileTracks = await view
      .locator('#quality table.percentiles tbody tr td:nth-child(2)')
      .evaluateAll((cells) => [...new Set(cells.map((cell) => cell.textContent ?? ''))].sort());
    assert.deepEqual(percentileTracks, [...new Set(narrowed)].sort(), 'the percentiles of the lines drawn');
    assert.equal(
      await view.locator('#sender-filter').evaluate((select) => select === document.activeElement),
      true,
      'the control keeps the focus',
    );
    await screenshot(page, 'stats-received-from-one-sender');
    // Another peer of Mateo's (a reconnect) received from the same people: it stays narrowed to the sender.
    const switcher = view.locator('#peer-switcher');
    const peerShown = await switcher.inputValue();
    const otherPeer = peerShown === '0' ? '1' : '0';
    await switcher.selectOption(otherPeer);
    await view.locator(`#peer-switcher option[value="${otherPeer}"]:checked`).waitFor({ state: 'attached', timeout: 10_000 });
    await view.locator('#quality .u-legend').first().waitFor({ timeout: 30_000 });
    assert.equal(
      await view.locator('#sender-filter option:checked').textContent(),
      offered,
      'the other peer is narrowed to the same sender',
    );
    await switcher.selectOption(peerShown);
    await view.locator(`#peer-switcher option[value="${peerShown}"]:checked`).waitFor({ state: 'attached', timeout: 10_000 });
    await view.locator('#quality .u-legend').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(await legends(), narrowed, 'and back');
    /** Refreshes with every peer report re-issued, and waits for the panel to show the new answers. */
    const refreshChanged = async () => {
      const before = await view.locator('#fetched').innerText();
      await new SampleControl(workbench.sample).reviseReports();
      await view.locator('#refresh').click();
      for (const deadline = Date.now() + 60_000; (await view.locator('#fetched').innerText()) === before && Date.now() < deadline;)
        await page.waitForTimeout(200);
      assert.notEqual(await view.locator('#fetched').innerText(), before, 'the panel shows the answers fetched again');
      await page.waitForTimeout(300);
    };
    // A Refresh draws in the charts it has: still narrowed to the sender, and the control still works.
    await refreshChanged();
    assert.equal(await view.locator('#sender-filter option:checked').textContent(), offered, 'still narrowed after a Refresh');
    assert.deepEqual(await legends(), narrowed);
    await filter.focus();
    await page.keyboard.press('ArrowUp');
    await view.locator('#sender-filter option:checked', { hasText: 'from every sender' }).waitFor({ state: 'attached', timeout: 10_000 });
    assert.deepEqual(await legends(), every, "every sender's lines again");
    // The charts drawn anew are the panel's own: an issue of the peer shown zooms them.
    const shownPeer = /^Peer \d+: (\S+)/.exec((await view.locator('#peer-switcher option:checked').textContent()) ?? '')?.[1];
    assert.ok(shownPeer, 'the peer shown');
    const whole = await view.locator('#zoom-window').innerText();
    await view
      .locator('#issues li', { hasText: `peer ${shownPeer.slice(0, 8)}` })
      .locator('button', { hasText: 'Show on the charts' })
      .first()
      .click();
    await page.waitForTimeout(300);
    assert.notEqual(await view.locator('#zoom-window').innerText(), whole, 'an issue of the peer shown zooms the charts on screen');
    await view.locator('#zoom-reset').click();
    // What was chosen after a Refresh is what the next one keeps.
    await refreshChanged();
    assert.match((await view.locator('#sender-filter option:checked').textContent()) ?? '', /^from every sender/);
    assert.deepEqual(await legends(), every);
  });

  it('paints a 20,000-sample participant from a preview of the peer shown, then holds every sample of each peer', async () => {
    const { page } = workbench;
    const heavy = HEAVY_PARTICIPANTS.heavy;
    await runFromPalette(page, 'RealtimeKit: Show Session Participant');
    await answerIdPrompt(page, 'session ID', SCALE_SESSION_IDS.heavy);
    await answerIdPrompt(page, 'participant ID', heavy.id);
    await page.locator('.quick-input-widget input[placeholder^="Restrict the statistics"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const view = statsWebview(page);
    await view.locator('#quality .u-legend').first().waitFor({ timeout: 120_000 });
    /** The first chart's table view counts the samples its model holds: the preview's at most 4,000, then all of them. */
    const firstChartRows = async () => {
      let rows = 0;
      for (const deadline = Date.now() + 60_000; rows !== heavy.samplesPerSeries && Date.now() < deadline; await page.waitForTimeout(500)) {
        const figure = view.locator('#quality figure.chart').first();
        if ((await figure.count()) === 0) continue;
        await figure.locator('button.toggle-table').click();
        const more =
          (await figure
            .locator('.table-view button.more')
            .textContent({ timeout: 5_000 })
            .catch(() => '')) ?? '';
        rows = Number(/of (\d+) shown/.exec(more)?.[1] ?? 0);
        if (
          (await figure
            .locator('button.toggle-table')
            .getAttribute('aria-pressed')
            .catch(() => null)) === 'true'
        )
          await figure.locator('button.toggle-table').click();
      }
      return rows;
    };
    // Another peer at once: its samples did not come with the first paint, and follow.
    await view.locator('#peer-switcher').selectOption('2');
    assert.equal(await firstChartRows(), heavy.samplesPerSeries, "the third peer's first chart holds every sample of its tracks");
    await view.locator('#peer-switcher').selectOption('0');
    assert.equal(await firstChartRows(), heavy.samplesPerSeries, "and the first peer's");
    await screenshot(page, 'stats-heavy-participant');
  });
});

/**
 * The percentiles table, and for each chart its legend and its table view (every page opened, then
 * closed again): done in the webview at once, so a re-render cannot land between two reads.
 */
async function readPeer(view: FrameLocator): Promise<PeerShown> {
  // The charts are drawn once the quality section is in the document and has the peer's samples; wait for
  // the first legend or the note that there are none.
  await view.locator('#quality .u-legend, #quality p.muted:not(.hint):not(.loading)').first().waitFor({ timeout: 30_000 });
  return view.locator('#quality').evaluate((quality): PeerShown => {
    const expected: PeerShown['expected'] = {};
    for (const row of Array.from(quality.querySelectorAll('table.percentiles tbody tr'))) {
      const [metric, track, , , , samples] = Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '');
      (expected[metric] ??= []).push({ track, samples: Number(samples) });
    }
    const charts = Array.from(quality.querySelectorAll<HTMLElement>('figure.chart[data-metric]')).map((figure) => {
      const title = figure.getAttribute('aria-label') ?? '';
      const lines = Array.from(
        figure.querySelectorAll('.u-legend .u-series:not(:first-child) .u-label'),
        (entry) => entry.textContent ?? '',
      );
      const toggle = figure.querySelector<HTMLButtonElement>('.toggle-table')!;
      toggle.click();
      const more = figure.querySelector<HTMLButtonElement>('.table-view button.more');
      while (more && !more.hidden) more.click();
      const columns = Array.from(figure.querySelectorAll('.table-view thead th'), (th) => th.textContent ?? '').slice(1);
      const body = Array.from(figure.querySelectorAll('.table-view tbody tr'));
      const valuesPerColumn = columns.map(
        (_, i) =>
          body.filter((tr) => {
            const text = tr.children[i + 1]?.textContent ?? '';
            return text !== '–' && text !== '';
          }).length,
      );
      toggle.click();
      return { title, lines, columns, valuesPerColumn, rows: body.length };
    });
    const empty = Array.from(quality.querySelectorAll('p.muted')).some((p) => /No quality samples/.test(p.textContent ?? ''));
    return { expected, charts, empty };
  });
}
