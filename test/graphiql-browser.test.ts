import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startTestServer } from './support/test-server.js';

/**
 * GraphiQL in a real browser: Debian's chromium (installed by .ci/run; `apt-get install -y
 * chromium` on a developer machine). The page must work with no network beyond this server.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('GraphiQL in a browser', () => {
  it("loads from this server alone, shows the example tabs and runs the real report's query", async () => {
    const page = await browser.newPage();
    const origin = new URL(server.url).origin;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
        elsewhere.push(url);
    });
    await page.goto(server.url);
    await page.getByText('ReportFigures').first().waitFor({ timeout: 30_000 });
    for (const tab of ['Departments', 'Benchmark', 'OvershootIndicators', 'DeductionTrends']) {
      await expect(page.getByText(tab, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('10105.79').first().waitFor({ timeout: 30_000 });
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});
