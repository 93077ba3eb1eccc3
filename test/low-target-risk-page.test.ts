import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccessServer, postAs, type AccessServer } from './support/access-server.js';

/**
 * lowTargetRiskPage gives lowTargetRisk's entries a page at a time, with the total: the same
 * entries in the same order, cursors that hold their data version, and for a DEPARTMENT token
 * its own entry and a total of one.
 */

interface Entry {
  department: { code: string };
  rank: number;
  riskScore: number;
}
interface Page {
  totalCount: number;
  nodes: Entry[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const WHOLE = '{ lowTargetRisk(year: 2023) { department { code } rank riskScore } }';
const PAGE = `query Page($first: Int, $after: String) {
  lowTargetRiskPage(year: 2023, first: $first, after: $after) {
    totalCount nodes { department { code } rank riskScore } pageInfo { hasNextPage endCursor }
  }
}`;

let server: AccessServer;
beforeAll(async () => {
  server = await startAccessServer(['ANALYST', 'DEPARTMENT:gz-zfw']);
});
afterAll(async () => server.cleanup());

const analyst = () => server.tokens['ANALYST']!;

async function page(first: number, after: string | null, token = analyst()) {
  return postAs<{ lowTargetRiskPage: Page }>(server.url, token, PAGE, { first, after });
}

describe('lowTargetRiskPage', () => {
  it('gives the whole answer page by page, in its order, with the total on every page', async () => {
    const whole = (await postAs<{ lowTargetRisk: Entry[] }>(server.url, analyst(), WHOLE)).data!
      .lowTargetRisk;
    expect(whole.length).toBe(6);
    const seen: Entry[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round++) {
      const answer = await page(4, after);
      expect(answer.errors).toBeUndefined();
      const { totalCount, nodes, pageInfo } = answer.data!.lowTargetRiskPage;
      seen.push(...nodes);
      totals.push(totalCount);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(whole);
    expect(totals).toEqual([6, 6]);
  });

  it('answers an empty last page after the last cursor', async () => {
    const all = (await page(6, null)).data!.lowTargetRiskPage;
    expect(all.pageInfo.hasNextPage).toBe(false);
    const after = (await page(6, all.pageInfo.endCursor)).data!.lowTargetRiskPage;
    expect(after).toEqual({
      totalCount: 6,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('refuses a cursor of another data version, saying to start again', async () => {
    const cursor = (await page(2, null)).data!.lowTargetRiskPage.pageInfo.endCursor!;
    const [field, , position] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
    const older = Buffer.from(`${field}:an-older-snapshot:${position}`).toString('base64url');
    const answer = await page(2, older);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/an-older-snapshot.*ask for the first page again/);
  });

  it('refuses a cursor of another field', async () => {
    const departments = await postAs<{ departments: { pageInfo: { endCursor: string } } }>(
      server.url,
      analyst(),
      '{ departments(first: 1) { pageInfo { endCursor } } }',
    );
    const answer = await page(2, departments.data!.departments.pageInfo.endCursor);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('not a cursor returned by lowTargetRiskPage');
  });

  it('refuses a page size outside 1 to 1000', async () => {
    for (const first of [0, 1001]) {
      const answer = await page(first, null);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('gives a DEPARTMENT token its own entry and a total of one, as lowTargetRisk does', async () => {
    const own = (await page(100, null, server.tokens['DEPARTMENT:gz-zfw']!)).data!
      .lowTargetRiskPage;
    const whole = (await postAs<{ lowTargetRisk: Entry[] }>(server.url, analyst(), WHOLE)).data!
      .lowTargetRisk;
    expect(own.totalCount).toBe(1);
    expect(own.nodes).toEqual(whole.filter((e) => e.department.code === 'gz-zfw'));
  });
});
