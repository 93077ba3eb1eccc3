import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccessServer, postAs, type AccessServer } from './support/access-server.js';
import { readAllPages, type PageOf } from './support/analytic-pages.js';

/**
 * targetRatchetPage gives targetRatchet's findings a page at a time, with the total: the same
 * findings in the same order, a cursor that belongs to this field, and for a DEPARTMENT token
 * its own findings only.
 */

interface Finding {
  department: { code: string };
  year: number;
  indicator: { name: string };
  previousActual: number;
  target: number;
}
type Page = PageOf<Finding>;

const FIELDS = 'department { code } year indicator { name } previousActual target';
const WHOLE = `{ targetRatchet(fromYear: 2019, toYear: 2024) { ${FIELDS} } }`;
const PAGE = `query Page($first: Int, $after: String, $departments: [ID!]) {
  targetRatchetPage(fromYear: 2019, toYear: 2024, departments: $departments, first: $first, after: $after) {
    totalCount nodes { ${FIELDS} } pageInfo { hasNextPage endCursor }
  }
}`;

let server: AccessServer;
beforeAll(async () => {
  server = await startAccessServer(['ANALYST', 'DEPARTMENT:fx-b']);
});
afterAll(async () => server.cleanup());

const analyst = () => server.tokens['ANALYST']!;

async function page(
  first: number,
  after: string | null,
  token = analyst(),
  departments?: string[],
) {
  return postAs<{ targetRatchetPage: Page }>(server.url, token, PAGE, {
    first,
    after,
    departments,
  });
}

async function whole(): Promise<Finding[]> {
  return (await postAs<{ targetRatchet: Finding[] }>(server.url, analyst(), WHOLE)).data!
    .targetRatchet;
}

describe('targetRatchetPage', () => {
  it('gives the whole answer page by page, in its order, with the total on every page', async () => {
    const all = await whole();
    expect(all.length).toBeGreaterThan(10);
    const read = await readAllPages(
      async (after) => (await page(10, after)).data!.targetRatchetPage,
    );
    expect(read.nodes).toEqual(all);
    expect(new Set(read.totals)).toEqual(new Set([all.length]));
    expect(read.pages).toBe(Math.ceil(all.length / 10));
  });

  it("refuses another paged field's cursor", async () => {
    const risk = await postAs<{ lowTargetRiskPage: Page }>(
      server.url,
      analyst(),
      '{ lowTargetRiskPage(year: 2023, first: 1) { pageInfo { endCursor } } }',
    );
    const answer = await page(10, risk.data!.lowTargetRiskPage.pageInfo.endCursor);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('not a cursor returned by targetRatchetPage');
  });

  it('refuses a page size outside 1 to 1000', async () => {
    for (const first of [0, 1001]) {
      const answer = await page(first, null);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it("gives a DEPARTMENT token its own findings, and refuses another department's", async () => {
    const token = server.tokens['DEPARTMENT:fx-b']!;
    const own = (await page(1000, null, token)).data!.targetRatchetPage;
    const ofOwn = (await whole()).filter((f) => f.department.code === 'fx-b');
    expect(ofOwn.length).toBeGreaterThan(0);
    expect(own.totalCount).toBe(ofOwn.length);
    expect(own.nodes).toEqual(ofOwn);
    const other = (await whole()).find((f) => f.department.code !== 'fx-b')!;
    const refused = await page(10, null, token, [other.department.code]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
