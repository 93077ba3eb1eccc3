import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { startTestServer } from './support/test-server.js';
import { LAPTOP, launchChromium } from './support/browser.js';

/** GraphiQL in a real browser: the page must work with no network beyond this server. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
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

  it("shows every example operation's tab whole at a 1366x768 window", async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await page.goto(server.url);
    const names = readExampleOperations().map((op) => op.name);
    await page
      .locator(`.graphiql-tab-button[title="${names.at(-1)!}"]`)
      .waitFor({ timeout: 30_000 });
    const tabs = await page.evaluate((titles) => {
      return titles.map((title) => {
        const tab = document.querySelector(`.graphiql-tab-button[title="${title}"]`)!;
        const box = tab.getBoundingClientRect();
        const y = box.top + box.height / 2;
        // elementFromPoint finds nothing where an ancestor clips the tab or something covers it.
        const hit = (x: number) => tab.contains(document.elementFromPoint(x, y));
        return {
          title,
          insideWindow: box.left >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
          shownWhole: hit(box.left + 2) && hit(box.left + box.width / 2) && hit(box.right - 2),
        };
      });
    }, names);
    expect(tabs).toEqual(names.map((title) => ({ title, insideWindow: true, shownWhole: true })));
    await context.close();
  });

  it('transfers under 3 MB on a first visit, and under 100 KB on a second', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    try {
      const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
      const named = new Set(html.match(/\/assets\/[\w.-]+/g));
      const first = await sentDuring(() => visit(context));
      const fetched = new Set(first.map((r) => r.path).filter((p) => p.startsWith('/assets/')));
      expect(fetched).toEqual(named);
      expect(total(first)).toBeLessThan(3_000_000);

      const second = await sentDuring(() => visit(context));
      // The page, revalidated, and GraphiQL's schema introspection, which is a POST that no
      // cache keeps: about 116 KB of JSON, sent compressed.
      expect(total(second)).toBeLessThan(100_000);
      // Hashed assets are immutable: the second visit takes them from the cache without asking.
      expect(second.filter((r) => r.path.startsWith('/assets/'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** One response of the server and the bytes it wrote to the connection for it. */
interface Sent {
  method: string;
  path: string;
  bytes: number;
}

/**
 * The responses the server sends while `action` runs, each with the bytes written to its
 * connection (status line, headers and the body as encoded): exactly what the browser received,
 * as there is no TLS or proxy between. Counted here rather than in the page because the browser
 * reports no transfer size for Monaco's worker scripts (Resource Timing and Playwright both give
 * 0 for a fetched worker of 236 KB).
 */
async function sentDuring(action: () => Promise<void>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const record = (req: IncomingMessage, res: ServerResponse) => {
    const before = req.socket.bytesWritten;
    res.on('finish', () =>
      sent.push({ method: req.method!, path: req.url!, bytes: req.socket.bytesWritten - before }),
    );
  };
  server.app.server.prependListener('request', record);
  try {
    await action();
  } finally {
    server.app.server.off('request', record);
  }
  return sent;
}

const total = (sent: readonly Sent[]) => sent.reduce((sum, r) => sum + r.bytes, 0);

/** Opens GraphiQL in a new tab and waits until it has everything: the three workers, the schema. */
async function visit(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(
    () => {
      const names = performance.getEntriesByType('resource').map((e) => e.name);
      const workers = new Set(names.filter((n) => n.includes('.worker.')));
      return workers.size === 3 && names.some((n) => new URL(n).pathname === '/graphql');
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.getByText('ReportFigures').first().waitFor({ timeout: 30_000 });
  await page.close();
}
