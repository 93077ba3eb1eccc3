import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { startFixtureServer } from './support/fixture-database.js';
import { postGraphQL, type GraphQLResponse } from './support/test-server.js';

/**
 * Department.years: the fiscal years a department published a report in, ascending, as its
 * reports give them; and DepartmentDirectory, the named operation the dashboard loads its
 * directory with, page by page.
 */

interface Node {
  code: string;
  years: number[];
  reports?: { year: number }[];
}

interface DirectoryPage {
  departments: {
    totalCount: number;
    nodes: Node[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.cleanup());

const directory = readExampleOperations().find((op) => op.name === 'DepartmentDirectory')!;

describe('Department.years', () => {
  it('lists the years of the department’s reports, ascending, gaps left out', async () => {
    const answer = await postGraphQL<{ departments: { nodes: Node[] } }>(
      server.url,
      '{ departments(first: 100) { nodes { code years reports { year } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data!.departments.nodes;
    expect(nodes.length).toBe(6);
    for (const node of nodes) expect(node.years).toEqual(node.reports!.map((r) => r.year));
    const byCode = new Map(nodes.map((n) => [n.code, n.years]));
    expect(byCode.get('gz-zfw')).toEqual([2023]);
    expect(byCode.get('fx-a')).toEqual([2020, 2021, 2022, 2023]);
    // fx-b published nothing for 2021.
    expect(byCode.get('fx-b')).toEqual([2020, 2022, 2023]);
  });

  it('pages the whole directory through DepartmentDirectory', async () => {
    const seen: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: GraphQLResponse<DirectoryPage> = await postGraphQL<DirectoryPage>(
        server.url,
        directory.query,
        { first: 4, after },
      );
      expect(answer.errors).toBeUndefined();
      const { totalCount, nodes, pageInfo } = answer.data!.departments;
      expect(totalCount).toBe(6);
      seen.push(...nodes);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen.map((n) => n.code).sort()).toEqual(
      ['fx-a', 'fx-b', 'fx-c', 'fx-d', 'fx-e', 'gz-zfw'].sort(),
    );
    expect(seen.find((n) => n.code === 'fx-b')!.years).toEqual([2020, 2022, 2023]);
  });
});
