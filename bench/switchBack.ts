/**
 * Benchmark (not a test): going back to a panel in a background tab, as a support engineer does while
 * triaging a session: the overview of 100 participants open, a participant opened from its row (the
 * overview goes to the background), then the overview's tab clicked, then the participant's again.
 * Timed in the real workbench (code-server, headless Chromium), from the click to the panel's content
 * on screen: the overview's first row, the participant's name and its first chart; and the participant's
 * opening itself, from the Enter on its row. Median of RUNS.
 *
 *   npm run bench:switch-back          (RUNS=n, JSON=path to save the figures; RTK_BENCH_AUTOGROUP=keep as for bench:host)
 */
import * as fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_TOKEN, SCALE_SESSION_IDS } from '../sample-server';
import { answerInputBox, openWorkbench, runFromPalette, signIn, statsWebview } from '../test/e2e/workbench';
import { oneSchedulingGroup } from './host/schedulingGroups';

const RUNS = Math.max(1, Number(process.env.RUNS ?? 5));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Milliseconds from `act` to every locator visible, looked for about every 10 ms: Playwright's own
 * waitFor looks again only every 500 ms after its first few tries.
 */
async function timeUntilVisible(act: () => Promise<void>, locators: Locator[], timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  await act();
  for (;;) {
    const shown = await Promise.all(locators.map((locator) => locator.isVisible()));
    if (shown.every(Boolean)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not on screen within ${timeoutMs} ms: ${locators.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A click where the tab is, without Playwright's checks before it (they take tens of ms). */
async function clickTab(page: Page, title: string): Promise<() => Promise<void>> {
  const box = await page.locator(`.tabs-container .tab[aria-label="${title}"]`).boundingBox();
  if (!box) throw new Error(`no tab "${title}"`);
  return () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function main(): Promise<void> {
  const scheduling = oneSchedulingGroup();
  const workbench = await openWorkbench({ theme: 'Default Dark Modern', colorScheme: 'dark' });
  const { page } = workbench;
  const opened: number[] = [];
  const toOverview: number[] = [];
  const toParticipant: number[] = [];
  try {
    await signIn(page, SAMPLE_TOKEN);
    await runFromPalette(page, 'RealtimeKit: Show Session Overview');
    const newValue = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Enter a new value' }).first();
    if (
      await newValue.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      await newValue.click();
    await answerInputBox(page, /Enter the session ID/, SCALE_SESSION_IDS.hundredTwoPeers);
    const view = statsWebview(page);
    await view.locator('#progress', { hasText: /Analysed 100 of 100/ }).waitFor({ timeout: 180_000 });
    const overviewTab = page.locator('.tabs-container .tab.active');
    const overviewTitle = (await overviewTab.getAttribute('aria-label')) ?? '';
    const rows = view.locator('#participants .row:not(.head)');
    for (let run = 0; run < RUNS; run++) {
      // A participant from its row, as a person opens it (the grid's active row and Enter).
      const row = rows.nth(run);
      const name = ((await row.locator('.col-name').textContent()) ?? '').trim();
      await row.click();
      const participant = () => [
        statsWebview(page).locator('#display-name', { hasText: name }),
        statsWebview(page).locator('.uplot canvas').first(),
      ];
      opened.push(await timeUntilVisible(() => page.keyboard.press('Enter'), participant()));
      const participantTab = page.locator('.tabs-container .tab.active');
      const participantTitle = (await participantTab.getAttribute('aria-label')) ?? '';
      await page.waitForTimeout(500);

      const overviewRow = statsWebview(page).locator('#participants .row:not(.head)', { hasText: name }).first();
      toOverview.push(await timeUntilVisible(await clickTab(page, overviewTitle), [overviewRow]));
      await page.waitForTimeout(500);

      toParticipant.push(await timeUntilVisible(await clickTab(page, participantTitle), participant()));
      console.log(
        `run ${run + 1}: ${name} opened ${opened.at(-1)} ms, back to the overview ${toOverview.at(-1)} ms, back to ${name} ${toParticipant.at(-1)} ms`,
      );

      // Closes the participant's tab: the overview is shown again, its row list where it was.
      await page.locator(`.tabs-container .tab[aria-label="${participantTitle}"] .tab-actions .action-label`).click();
      await view.locator('#participants .row:not(.head)').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
    }
  } finally {
    await workbench.close();
    scheduling.restore();
  }
  const figures = {
    runs: RUNS,
    openFromRowMs: { median: median(opened), all: opened },
    backToOverviewMs: { median: median(toOverview), all: toOverview },
    backToParticipantMs: { median: median(toParticipant), all: toParticipant },
  };
  console.log(`
| (median of ${RUNS}) | key or click → on screen |
|---|---|
| a participant opened from its row (Enter) | ${figures.openFromRowMs.median} ms (${opened.join(', ')}) |
| back to the session overview (100 participants, analysed), by its tab | ${figures.backToOverviewMs.median} ms (${toOverview.join(', ')}) |
| back to the participant's stats panel, by its tab | ${figures.backToParticipantMs.median} ms (${toParticipant.join(', ')}) |

${scheduling.note}`);
  if (process.env.JSON) fs.writeFileSync(process.env.JSON, JSON.stringify(figures, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
