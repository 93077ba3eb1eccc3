import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, launchChromium } from './support/browser.js';
import { startAccessServer, type AccessServer } from './support/access-server.js';
import { FIXTURE_DEPARTMENTS } from './support/fixture-corpus.js';

/**
 * The dashboard on a server with access control, in Debian's chromium: it asks for a token when
 * the API answers 401, keeps it for the tab, sends it with every request and download, and with
 * a DEPARTMENT token shows that department alone, its peers only as distributions.
 */

const OWN = 'DEPARTMENT:gz-zfw';
const OWN_NAME = '中国共产党广州市委员会政法委员会';

let server: AccessServer;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  [server, browser] = await Promise.all([startAccessServer([OWN]), launchChromium()]);
  origin = new URL(server.url).origin;
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

/** Waits until every card has drawn its answer (main.js sets data-state). */
async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, {
    timeout: 60_000,
  });
}

describe('the dashboard with access control', () => {
  let page: Page;
  const errors: string[] = [];

  it('asks for a token when the API answers 401, then draws with it', async () => {
    page = await browser.newPage({ viewport: LAPTOP, acceptDownloads: true });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/dashboard`);
    const dialog = page.locator('dialog.token-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('.reason').textContent()).toContain('Authorization: Bearer');
    await dialog.locator('input').fill(server.tokens[OWN]!);
    await dialog.locator('button[type=submit]').click();
    await waitReady(page);
    expect(await page.locator('dialog.token-dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a DEPARTMENT token its own department alone', async () => {
    const options = await page
      .locator('#pick-dept option')
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(options).toEqual(['gz-zfw']);
    const text = await page.locator('body').innerText();
    expect(text).toContain(OWN_NAME);
    for (const other of FIXTURE_DEPARTMENTS) expect(text).not.toContain(other.name);
  });

  it('keeps the token for the tab: a reload asks no more', async () => {
    await page.reload();
    await waitReady(page);
    expect(await page.locator('dialog.token-dialog').count()).toBe(0);
  });

  it('downloads with the token: the file holds its own rows only', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#card-benchmark .downloads a.csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Benchmark.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(OWN_NAME);
    for (const other of FIXTURE_DEPARTMENTS) expect(csv).not.toContain(other.code);
    expect(errors).toEqual([]);
  });
});
