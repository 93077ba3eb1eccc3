import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendOf } from '../src/analytics/deduction-trends.js';
import { DeductionTrendsDocument } from './generated/graphql.js';
import { fixtureCorpus } from './support/fixture-corpus.js';
import { startFixtureServer } from './support/fixture-database.js';
import { execute } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.cleanup());

/** Points lost per item and year over the fixture corpus, computed from the documents. */
function lostByItem(): Map<string, Map<number, { departments: Set<string>; points: number }>> {
  const out = new Map<string, Map<number, { departments: Set<string>; points: number }>>();
  for (const { code, document } of fixtureCorpus().documents) {
    for (const d of document.deductions) {
      const key = d.item ?? d.part;
      const years = out.get(key) ?? new Map();
      const cell = years.get(document.year) ?? { departments: new Set<string>(), points: 0 };
      cell.departments.add(code);
      cell.points += Number(d.points);
      years.set(document.year, cell);
      out.set(key, years);
    }
  }
  return out;
}

describe('deductionTrends', () => {
  it('shows the real report losing 2, 1 and 0.02 points on its three procurement items', async () => {
    const { data } = await execute(server.url, DeductionTrendsDocument, {
      by: 'INDICATOR',
      departments: ['gz-zfw'],
    });
    const lost = Object.fromEntries(
      data!.deductionTrends.map((t) => [t.label, t.points.map((p) => p.pointsLost)]),
    );
    expect(
      data!.deductionTrends.every((t) => t.points.every((p) => p.syntheticDepartments === 0)),
    ).toBe(true);
    expect(lost).toEqual({
      采购合同签订时效性: [2],
      合同备案时效性: [1],
      采购政策效能: [0.02],
      '履职效能（未分项）': [0.01],
    });
  });

  it('counts departments and points per item and year as the documents do, zero where nothing was lost', async () => {
    const { data } = await execute(server.url, DeductionTrendsDocument, {
      by: 'INDICATOR',
      fromYear: 2020,
      toYear: 2022,
    });
    const expected = lostByItem();
    for (const trend of data!.deductionTrends) {
      expect(trend.points.map((p) => p.year)).toEqual([2020, 2021, 2022]);
      for (const point of trend.points) {
        const cell = expected.get(trend.key)?.get(point.year);
        expect(point.departments).toBe(cell?.departments.size ?? 0);
        // Every fixture department is synthetic, and the count says so.
        expect(point.syntheticDepartments).toBe(point.departments);
        expect(point.pointsLost).toBeCloseTo(cell?.points ?? 0, 9);
      }
      expect(trend.trend).toBe(trendOf(trend.points));
    }
  });

  it('orders items by points lost, biggest first', async () => {
    const { data } = await execute(server.url, DeductionTrendsDocument, { by: 'INDICATOR' });
    const totals = data!.deductionTrends.map((t) => t.points.reduce((a, p) => a + p.pointsLost, 0));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('tells improving from worsening departments', async () => {
    const { data } = await execute(server.url, DeductionTrendsDocument, {
      by: 'DEPARTMENT',
      departments: ['fx-a', 'fx-b'],
    });
    const trends = Object.fromEntries(data!.deductionTrends.map((t) => [t.key, t.trend]));
    // fx-a (even) loses 3, 2, 1, 0 on contract signing; fx-b (odd) 0, -, 2, 3 plus a duty point each year.
    expect(trends).toEqual({ 'fx-a': 'IMPROVING', 'fx-b': 'WORSENING' });
  });

  it("lists a department's only own report years and the items it lost in two or more of them", async () => {
    const { data } = await execute(server.url, DeductionTrendsDocument, {
      by: 'DEPARTMENT',
      departments: ['fx-b'],
    });
    const fxb = data!.deductionTrends[0]!;
    expect(fxb.points.map((p) => p.year)).toEqual([2020, 2022, 2023]);
    expect(fxb.repeatedItems).toEqual(['合同备案时效性', '采购合同签订时效性']);
  });

  it('groups by level-2 indicator, duty deductions apart', async () => {
    const { data } = await execute(server.url, DeductionTrendsDocument, {
      by: 'LEVEL2',
      departments: ['gz-zfw'],
    });
    expect(data!.deductionTrends.map((t) => [t.label, t.points[0]!.pointsLost])).toEqual([
      ['采购管理', 3.02],
      ['履职效能', 0.01],
    ]);
  });
});

describe('trend direction', () => {
  it('is FLAT for one year or a slope within tolerance', () => {
    expect(trendOf([{ year: 2023, pointsLost: 3 }])).toBe('FLAT');
    expect(
      trendOf([
        { year: 2022, pointsLost: 3 },
        { year: 2023, pointsLost: 3.05 },
      ]),
    ).toBe('FLAT');
  });

  it('is IMPROVING when fewer points are lost over the years', () => {
    expect(
      trendOf([
        { year: 2021, pointsLost: 3 },
        { year: 2022, pointsLost: 2 },
        { year: 2023, pointsLost: 1 },
      ]),
    ).toBe('IMPROVING');
  });
});
