import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWriter } from '../src/db/prepare-database.js';
import { seedDatabase } from '../src/seed-database.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import { NATIONAL_DEMO } from '../src/synthetic/national/national-demo.js';
import { ReportFiguresDocument } from './generated/graphql.js';
import { tableCounts, tempConfig } from './support/temp-database.js';
import { execute, postGraphQL, startTestServer } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ loadDemo: true });
});
afterAll(async () => server.cleanup());

const demoReports = DEMO_CORPUS.departments * (DEMO_CORPUS.toYear - DEMO_CORPUS.fromYear + 1);

describe('the synthetic demo corpus loaded by npm start', () => {
  it('adds about 60 departments over 2019-2024, every one flagged synthetic', async () => {
    const response = await postGraphQL<{
      departments: {
        totalCount: number;
        nodes: {
          code: string;
          name: string;
          synthetic: boolean;
          reports: { synthetic: boolean }[];
        }[];
      };
    }>(
      server.url,
      '{ departments(first: 500) { totalCount nodes { code name synthetic reports { synthetic } } } }',
    );
    const nodes = response.data!.departments.nodes;
    const national = new Set(NATIONAL_DEMO.departments.map((d) => d.code) as string[]);
    const demo = nodes.filter((n) => n.code !== 'gz-zfw' && !national.has(n.code));
    expect(demo).toHaveLength(DEMO_CORPUS.departments);
    expect(
      demo.every(
        (d) => d.synthetic && d.name.includes('示例市') && d.reports.every((r) => r.synthetic),
      ),
    ).toBe(true);
    expect(demo.reduce((a, d) => a + d.reports.length, 0)).toBe(demoReports);
  });

  it('lists real departments first, then pages through every demo department once', async () => {
    type Page = {
      departments: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { code: string; synthetic: boolean }[];
      };
    };
    const seen: { code: string; synthetic: boolean }[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Awaited<ReturnType<typeof postGraphQL<Page>>> = await postGraphQL<Page>(
        server.url,
        'query ($after: String) { departments(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code synthetic } } }',
        { after },
      );
      const departments = page.data!.departments;
      total = departments.totalCount;
      seen.push(...departments.nodes);
      after = departments.pageInfo.hasNextPage ? departments.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen[0]).toEqual({ code: 'gz-zfw', synthetic: false });
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((d) => d.code)).size).toBe(total);
    expect(seen.slice(1).every((d) => d.synthetic)).toBe(true);
  });

  it('leaves demo departments out of the listing when includeSynthetic is false', async () => {
    const { data } = await postGraphQL<{
      departments: { totalCount: number; nodes: { code: string }[] };
    }>(server.url, '{ departments(includeSynthetic: false) { totalCount nodes { code } } }');
    expect(data!.departments).toEqual({ totalCount: 1, nodes: [{ code: 'gz-zfw' }] });
  });

  it('mixes in national-framework reports: six departments of a fictitious county, 2019-2024, all synthetic', async () => {
    const { data } = await postGraphQL<{
      department: {
        name: string;
        synthetic: boolean;
        reports: { year: number; template: string; synthetic: boolean }[];
      };
    }>(
      server.url,
      `{ department(code: "${NATIONAL_DEMO.departments[0].code}") { name synthetic reports { year template synthetic } } }`,
    );
    const department = data!.department;
    expect(department.name).toBe('示例市长乐示范县公安局');
    expect(department.synthetic).toBe(true);
    expect(department.reports.map((r) => [r.year, r.template, r.synthetic])).toEqual(
      [2019, 2020, 2021, 2022, 2023, 2024].map((year) => [year, 'NATIONAL_53', true]),
    );
    const { data: mixed } = await postGraphQL<{ benchmark: { templates: string[] } }>(
      server.url,
      '{ benchmark(metric: SELF_SCORE, year: 2023) { templates } }',
    );
    expect(mixed!.benchmark.templates).toEqual(['GUANGZHOU', 'NATIONAL_53']);
  });

  it('leaves the real report real and its figures unchanged', async () => {
    const { data } = await execute(server.url, ReportFiguresDocument, {
      department: 'gz-zfw',
      year: 2023,
    });
    const report = data!.report!;
    expect(report.synthetic).toBe(false);
    expect(report.expenditure.total).toEqual({
      initialBudget: 10283.32,
      fullYearBudget: 10192.48,
      final: 10105.79,
    });
    expect(report.score.total).toBe(96.97);
    expect(report.dataQuality).toHaveLength(3);
  });

  it('is loaded once: a second start changes nothing', async () => {
    const config = tempConfig({ loadDemo: true });
    const db = await openWriter(config);
    try {
      const first = await seedDatabase(db, config);
      const counts = await tableCounts(db);
      const second = await seedDatabase(db, config);
      expect(first.demo).toEqual({ status: 'loaded', reports: demoReports });
      expect(second.demo).toEqual({ status: 'present', reports: demoReports });
      expect(first.nationalDemo).toEqual({ status: 'loaded', reports: 36 });
      expect(second.nationalDemo).toEqual({ status: 'present', reports: 36 });
      expect(await tableCounts(db)).toEqual(counts);
    } finally {
      await db.close();
      config.cleanup();
    }
  });
});
