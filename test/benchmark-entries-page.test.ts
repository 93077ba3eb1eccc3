import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccessServer, postAs, type AccessServer } from './support/access-server.js';
import { readAllPages, type PageOf } from './support/analytic-pages.js';

/**
 * Benchmark.entriesPage gives a benchmark's entries a page at a time, with the total, beside
 * the distributions of the same answer: the same entries in the same order, a cursor that
 * belongs to this field, and for a DEPARTMENT token its own entry only.
 */

interface Entry {
  department: { code: string };
  peerKey: string;
  value: number | null;
  rank: number | null;
  zScore: number | null;
}
interface Distributions {
  count: number;
  median: number | null;
  groups: { peerKey: string; count: number; median: number | null }[];
}

const ENTRY = 'department { code } peerKey value rank zScore';
const DISTRIBUTIONS = 'count median groups { peerKey count median }';
const WHOLE = `{ benchmark(metric: BASIC_SHARE, year: 2023, peerGroup: SECTOR) {
  ${DISTRIBUTIONS} entries { ${ENTRY} }
} }`;
const PAGE = `query Page($first: Int, $after: String) {
  benchmark(metric: BASIC_SHARE, year: 2023, peerGroup: SECTOR) {
    ${DISTRIBUTIONS}
    entriesPage(first: $first, after: $after) {
      totalCount nodes { ${ENTRY} } pageInfo { hasNextPage endCursor }
    }
  }
}`;

type PageAnswer = { benchmark: Distributions & { entriesPage: PageOf<Entry> } };

let server: AccessServer;
beforeAll(async () => {
  server = await startAccessServer(['ANALYST', 'DEPARTMENT:gz-zfw']);
});
afterAll(async () => server.cleanup());

const analyst = () => server.tokens['ANALYST']!;

async function page(first: number, after: string | null, token = analyst()) {
  return postAs<PageAnswer>(server.url, token, PAGE, { first, after });
}

async function whole(token = analyst()) {
  return (
    await postAs<{ benchmark: Distributions & { entries: Entry[] } }>(server.url, token, WHOLE)
  ).data!.benchmark;
}

describe('Benchmark.entriesPage', () => {
  it('gives the whole list of entries page by page, in its order, with the total on every page', async () => {
    const all = (await whole()).entries;
    expect(all.length).toBeGreaterThan(3);
    const read = await readAllPages(
      async (after) => (await page(3, after)).data!.benchmark.entriesPage,
    );
    expect(read.nodes).toEqual(all);
    expect(new Set(read.totals)).toEqual(new Set([all.length]));
    expect(read.pages).toBe(Math.ceil(all.length / 3));
  });

  it('comes with the same distributions as the whole answer', async () => {
    const { entries: _, ...distributions } = await whole();
    const { entriesPage: __, ...beside } = (await page(2, null)).data!.benchmark;
    expect(beside).toEqual(distributions);
  });

  it('answers after the last page with no entry, the total and no next page', async () => {
    const all = (await whole()).entries;
    const last = (await page(all.length, null)).data!.benchmark.entriesPage;
    const after = (await page(3, last.pageInfo.endCursor)).data!.benchmark.entriesPage;
    expect(after).toEqual({
      totalCount: all.length,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it("refuses another paged field's cursor and a size outside 1 to 1000", async () => {
    const ratchet = await postAs<{ targetRatchetPage: PageOf<unknown> }>(
      server.url,
      analyst(),
      '{ targetRatchetPage(first: 1) { pageInfo { endCursor } } }',
    );
    const foreign = await page(3, ratchet.data!.targetRatchetPage.pageInfo.endCursor);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0]?.message).toContain('not a cursor returned by benchmarkEntries');
    for (const first of [0, 1001]) {
      const answer = await page(first, null);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('gives a DEPARTMENT token its own entry, a total of one and the distributions it may see', async () => {
    const token = server.tokens['DEPARTMENT:gz-zfw']!;
    const own = (await page(100, null, token)).data!.benchmark;
    const all = (await whole()).entries;
    expect(own.entriesPage.totalCount).toBe(1);
    expect(own.entriesPage.nodes).toEqual(all.filter((e) => e.department.code === 'gz-zfw'));
    const { entries: _, ...distributions } = await whole(token);
    const { entriesPage: __, ...beside } = own;
    expect(beside).toEqual(distributions);
  });
});
