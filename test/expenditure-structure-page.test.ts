import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccessServer, postAs, type AccessServer } from './support/access-server.js';
import { readAllPages, type PageOf } from './support/analytic-pages.js';

/**
 * expenditureStructurePage gives expenditureStructure's departments a page at a time, with the
 * total: the same structures in the same order, by nature or by functional class, and for a
 * DEPARTMENT token its own structure only.
 */

interface Structure {
  department: { code: string };
  total: number | null;
  parts: { key: string; final: number | null; shareChange: number | null }[];
}

const FIELDS = 'department { code } total parts { key final shareChange }';
const WHOLE = `query Whole($by: StructureDimension) {
  expenditureStructure(year: 2023, by: $by) { ${FIELDS} }
}`;
const PAGE = `query Page($first: Int, $after: String, $by: StructureDimension, $departments: [ID!]) {
  expenditureStructurePage(year: 2023, by: $by, departments: $departments, first: $first, after: $after) {
    totalCount nodes { ${FIELDS} } pageInfo { hasNextPage endCursor }
  }
}`;

let server: AccessServer;
beforeAll(async () => {
  server = await startAccessServer(['ANALYST', 'DEPARTMENT:gz-zfw']);
});
afterAll(async () => server.cleanup());

const analyst = () => server.tokens['ANALYST']!;

async function page(
  variables: { first: number; after: string | null; by?: string; departments?: string[] },
  token = analyst(),
) {
  return postAs<{ expenditureStructurePage: PageOf<Structure> }>(
    server.url,
    token,
    PAGE,
    variables,
  );
}

async function whole(by: string): Promise<Structure[]> {
  return (await postAs<{ expenditureStructure: Structure[] }>(server.url, analyst(), WHOLE, { by }))
    .data!.expenditureStructure;
}

describe('expenditureStructurePage', () => {
  it.each(['NATURE', 'FUNCTION_CLASS'])(
    'gives the whole answer by %s page by page, in its order, with the total on every page',
    async (by) => {
      const all = await whole(by);
      expect(all.length).toBeGreaterThan(3);
      const read = await readAllPages(
        async (after) => (await page({ first: 3, after, by })).data!.expenditureStructurePage,
      );
      expect(read.nodes).toEqual(all);
      expect(new Set(read.totals)).toEqual(new Set([all.length]));
      expect(read.pages).toBe(Math.ceil(all.length / 3));
    },
  );

  it('answers after the last page with no structure, the total and no next page', async () => {
    const all = await whole('NATURE');
    const last = (await page({ first: all.length, after: null })).data!.expenditureStructurePage;
    expect(last.pageInfo.hasNextPage).toBe(false);
    const after = (await page({ first: 3, after: last.pageInfo.endCursor })).data!
      .expenditureStructurePage;
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
    const cursor = ratchet.data!.targetRatchetPage.pageInfo.endCursor;
    expect(cursor).not.toBeNull();
    const answer = await page({ first: 3, after: cursor });
    expect(answer.errors?.[0]?.message).toContain(
      'not a cursor returned by expenditureStructurePage',
    );
    for (const first of [0, 1001])
      expect((await page({ first, after: null })).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
  });

  it("gives a DEPARTMENT token its own structure, and refuses another department's", async () => {
    const token = server.tokens['DEPARTMENT:gz-zfw']!;
    const own = (await page({ first: 100, after: null }, token)).data!.expenditureStructurePage;
    expect(own.totalCount).toBe(1);
    expect(own.nodes).toEqual(
      (await whole('NATURE')).filter((s) => s.department.code === 'gz-zfw'),
    );
    const other = (await whole('NATURE')).find((s) => s.department.code !== 'gz-zfw')!;
    const refused = await page(
      { first: 10, after: null, departments: [other.department.code] },
      token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
