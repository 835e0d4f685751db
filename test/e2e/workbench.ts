/**
 * Drives the real workbench as a person would: the sample server, code-server with the extension
 * loaded for development, and headless Chromium showing it. Screenshots go to test-output/ (git-ignored).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { SAMPLE_ACCOUNT_ID, SAMPLE_APP_ID, startSampleServer, type SampleServer } from '../../sample-server';
import { openBrowser, startCodeServer, workbenchUrl, type OpenBrowser, type RunningCodeServer } from '../host/codeServer';

const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

export interface Workbench {
  readonly page: Page;
  readonly sample: SampleServer;
  /** The folder opened in the workbench (exports are saved here by default). */
  readonly workspace: string;
  close(): Promise<void>;
}

export async function openWorkbench(
  options: { colorScheme?: 'light' | 'dark'; theme?: string; timezoneId?: string } = {},
): Promise<Workbench> {
  let sample: SampleServer | undefined;
  let server: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    await sample?.close();
  };
  try {
    sample = await startSampleServer();
    server = await startCodeServer({
      settings: {
        'realtimekit.apiBaseUrl': sample.baseUrl,
        'realtimekit.accountId': SAMPLE_ACCOUNT_ID,
        'realtimekit.appId': SAMPLE_APP_ID,
        ...(options.theme ? { 'workbench.colorTheme': options.theme } : {}),
      },
    });
    browser = await openBrowser({ colorScheme: options.colorScheme, timezoneId: options.timezoneId });
    await browser.page.goto(workbenchUrl(server, { extensionDevelopmentPaths: [ROOT] }));
    await browser.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The activity bar entry appears once the extension's contributions are registered.
    await browser.page.locator('.activitybar [aria-label^="RealtimeKit"]').first().waitFor({ timeout: 60_000 });
    return { page: browser.page, sample, workspace: server.workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs a command from the palette, as typed by a person. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input[type="text"]');
  // F1 goes nowhere while focus sits inside a webview's frame, or comes late, forwarded by the webview:
  // the title bar's command center opens the palette too, and a late F1 can close it again under it.
  // Opened until it stays open long enough to be typed into.
  for (let attempt = 1; ; attempt++) {
    const opened = await input.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    const typed =
      opened &&
      (await input.fill(`>${title}`, { timeout: 3_000 }).then(
        () => true,
        () => false,
      ));
    if (typed) break;
    if (attempt === 4) throw new Error(`The command palette did not stay open to run "${title}"`);
    await page.locator('.command-center .search-label, .command-center').first().click();
  }
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Sets the token from the palette, as a person would. */
export async function signIn(page: Page, token: string): Promise<void> {
  await runFromPalette(page, 'RealtimeKit: Set API Token');
  await answerInputBox(page, /Cloudflare API token/, token);
  await page
    .locator('.notifications-toasts', { hasText: /token stored/i })
    .first()
    .waitFor({ timeout: 20_000 });
}

/** Types into the input box that a command opened, after checking its prompt. */
export async function answerInputBox(page: Page, expectedPrompt: RegExp, value: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-message', { hasText: expectedPrompt }).first().waitFor({ timeout: 10_000 });
  const input = widget.locator('input').first();
  await input.fill(value);
  await page.keyboard.press('Enter');
}

/**
 * Answers an ID prompt as a person would: a recent ID is picked by typing it; a new one is typed into the
 * input box, reached through "Enter a new value" when recent IDs are offered. `label`: "session ID".
 */
export async function answerIdPrompt(page: Page, label: string, id: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const recent = widget.locator(`input[placeholder^="Choose a recent ${label}"]`);
  const prompt = new RegExp(`Enter the ${label}`);
  const offered = await recent.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!offered) return answerInputBox(page, prompt, id);
  await recent.fill(id);
  const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: id }).first();
  if (
    await row.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    )
  ) {
    await page.keyboard.press('Enter');
    return;
  }
  await recent.fill('');
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Enter a new value' }).first().click();
  await answerInputBox(page, prompt, id);
}

/** The document inside the visible stats webview (hidden editors keep their iframes, hidden). */
export function statsWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Drags across a chart's plot from 30 % to 60 % of its width, as a person zooms it, and waits for the redraw. */
export async function dragAcrossPlot(page: Page, over: Locator): Promise<void> {
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  if (!box) throw new Error('The chart to drag across is not on screen.');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}
