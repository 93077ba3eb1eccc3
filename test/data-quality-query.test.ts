import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataQualityDocument } from './generated/graphql.js';
import { startFixtureServer } from './support/fixture-database.js';
import { execute } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.cleanup());

describe('dataQuality across the corpus', () => {
  it("lists the real report's rounding issues with its department", async () => {
    const { data } = await execute(server.url, DataQualityDocument, { departments: ['gz-zfw'] });
    expect(data!.dataQuality.map((q) => [q.department.code, q.year, q.check, q.severity])).toEqual([
      ['gz-zfw', 2023, 'revenue.by_function', 'INFO'],
      ['gz-zfw', 2023, 'expenditure.by_function', 'INFO'],
      ['gz-zfw', 2023, 'nature.basic_parts.fullYearBudget', 'INFO'],
    ]);
  });

  it("finds the fixture's deliberate inconsistencies: table 2 off by 1 万元 and a wrong stated share", async () => {
    const { data } = await execute(server.url, DataQualityDocument, { minSeverity: 'WARNING' });
    expect(
      data!.dataQuality.map((q) => [
        q.department.code,
        q.year,
        q.check,
        q.severity,
        q.expected,
        q.actual,
      ]),
    ).toEqual([
      ['fx-e', 2022, 'nature.total_parts.final', 'ERROR', expect.any(Number), expect.any(Number)],
      ['fx-c', 2021, 'ratio.basic_share', 'WARNING', 99.99, expect.any(Number)],
    ]);
    const error = data!.dataQuality[0]!;
    expect(error.expected! - error.actual!).toBeCloseTo(1, 9);
  });

  it('puts the most severe findings first and filters by severity', async () => {
    const all = (await execute(server.url, DataQualityDocument, {})).data!.dataQuality;
    const rank = { ERROR: 0, WARNING: 1, INFO: 2 } as const;
    const ranks = all.map((q) => rank[q.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const serious = (await execute(server.url, DataQualityDocument, { minSeverity: 'WARNING' }))
      .data!.dataQuality;
    expect(serious.every((q) => q.severity !== 'INFO')).toBe(true);
    expect(serious).toHaveLength(all.filter((q) => q.severity !== 'INFO').length);
  });

  it('filters by year', async () => {
    const { data } = await execute(server.url, DataQualityDocument, { year: 2021 });
    expect(data!.dataQuality.every((q) => q.year === 2021)).toBe(true);
  });
});
