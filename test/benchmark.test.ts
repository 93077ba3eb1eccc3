import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchmarkDocument, type BenchmarkQuery } from './generated/graphql.js';
import { FIXTURE_DEPARTMENTS, fixtureCorpus } from './support/fixture-corpus.js';
import { startFixtureServer } from './support/fixture-database.js';
import {
  competitionRank,
  mean,
  percentRank,
  quantile,
  sampleStddev,
} from './support/statistics.js';
import { execute } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.cleanup());

const REAL = { code: 'gz-zfw', sector: '政法', level: 'MUNICIPAL' };

/** Basic share of every department with a 2022 report, from the documents (gz-zfw has none in 2022). */
function basicShares2022(): { code: string; sector: string; level: string; value: number }[] {
  return fixtureCorpus()
    .documents.filter((d) => d.document.year === 2022)
    .map(({ code, document }) => {
      const dept = FIXTURE_DEPARTMENTS.find((d) => d.code === code)!;
      return {
        code,
        sector: dept.sector!,
        level: dept.level,
        value: Number(document.byNature.BASIC.final) / Number(document.byNature.TOTAL.final),
      };
    });
}

async function run(peerGroup: 'ALL' | 'SECTOR' | 'LEVEL'): Promise<BenchmarkQuery['benchmark']> {
  const { data, errors } = await execute(server.url, BenchmarkDocument, {
    metric: 'BASIC_SHARE',
    year: 2022,
    peerGroup,
  });
  expect(errors).toBeUndefined();
  return data!.benchmark;
}

describe('benchmark', () => {
  it('gives the distribution over all departments of the year', async () => {
    const b = await run('ALL');
    const values = basicShares2022().map((v) => v.value);
    expect(b.count).toBe(values.length);
    expect(b.min).toBeCloseTo(Math.min(...values), 12);
    expect(b.max).toBeCloseTo(Math.max(...values), 12);
    expect(b.p25).toBeCloseTo(quantile(values, 0.25), 12);
    expect(b.median).toBeCloseTo(quantile(values, 0.5), 12);
    expect(b.p75).toBeCloseTo(quantile(values, 0.75), 12);
    expect(b.mean).toBeCloseTo(mean(values), 12);
    expect(b.stddev).toBeCloseTo(sampleStddev(values), 12);
    expect(b.syntheticCount).toBe(values.length);
  });

  it('ranks, places and scores each department within its sector (BASIC_SHARE ranks low first)', async () => {
    const b = await run('SECTOR');
    const all = basicShares2022();
    for (const entry of b.entries) {
      const me = all.find((v) => v.code === entry.department.code)!;
      const peers = all.filter((v) => v.sector === me.sector).map((v) => v.value);
      expect(entry.peerKey).toBe(me.sector);
      expect(entry.value).toBeCloseTo(me.value, 12);
      expect(entry.rank).toBe(competitionRank(me.value, peers, false));
      if (peers.length === 1) {
        expect(entry.percentile).toBeNull();
        expect(entry.zScore).toBeNull();
      } else {
        expect(entry.percentile).toBeCloseTo(percentRank(me.value, peers, false), 12);
        expect(entry.zScore).toBeCloseTo((me.value - mean(peers)) / sampleStddev(peers), 9);
      }
    }
    expect(b.groups.map((g) => [g.peerKey, g.count])).toEqual([
      ['卫生健康', 1],
      ['政法', 2],
      ['教育', 2],
    ]);
  });

  it('flags as outlier exactly the values outside 1.5 IQR of the level group', async () => {
    const b = await run('LEVEL');
    const all = basicShares2022();
    for (const entry of b.entries) {
      const me = all.find((v) => v.code === entry.department.code)!;
      const peers = all.filter((v) => v.level === me.level).map((v) => v.value);
      const [q1, q3] = [quantile(peers, 0.25), quantile(peers, 0.75)];
      expect(entry.outlier).toBe(
        me.value < q1 - 1.5 * (q3 - q1) || me.value > q3 + 1.5 * (q3 - q1),
      );
    }
  });

  it('keeps real departments only when asked', async () => {
    const { data } = await execute(server.url, BenchmarkDocument, {
      metric: 'SELF_SCORE',
      year: 2023,
      includeSynthetic: false,
    });
    expect(data!.benchmark.entries.map((e) => e.department.code)).toEqual([REAL.code]);
    expect(data!.benchmark).toMatchObject({
      count: 1,
      tooSmall: true,
      syntheticCount: 0,
      median: 96.97,
      templates: ['GUANGZHOU'],
    });
  });

  it('returns only the requested entries while comparing with the whole peer group', async () => {
    const { data } = await execute(server.url, BenchmarkDocument, {
      metric: 'BASIC_SHARE',
      year: 2023,
      departments: [REAL.code],
    });
    expect(data!.benchmark.entries).toHaveLength(1);
    expect(data!.benchmark.count).toBe(6);
    expect(data!.benchmark.entries[0]!.value).toBeCloseTo(6756.71 / 10105.79, 12);
  });

  it('says of every peer group with fewer than five departments that it is too small to compare with', async () => {
    const b = await run('SECTOR');
    expect(b.groups.length).toBeGreaterThan(1);
    for (const g of b.groups) expect(g.tooSmall).toBe(g.count < 5);
    expect(b.tooSmall).toBe(b.count < 5);
  });
  it('says the metric’s unit and reads the real report in it: 66.86%, 10,105.79 万元, 96.97 分', async () => {
    const read = async (metric: 'BASIC_SHARE' | 'TOTAL_EXPENDITURE' | 'SELF_SCORE') => {
      const { data } = await execute(server.url, BenchmarkDocument, {
        metric,
        year: 2023,
        peerGroup: 'ALL',
        departments: [REAL.code],
      });
      const b = data!.benchmark;
      return [b.unit, b.unitLabel, b.entries[0]!.valueText];
    };
    expect(await read('BASIC_SHARE')).toEqual(['fraction', '%', '66.86%']);
    expect(await read('TOTAL_EXPENDITURE')).toEqual(['万元', '万元', '10,105.79 万元']);
    expect(await read('SELF_SCORE')).toEqual(['points', '分', '96.97 分']);
  });

  it('reads medians and percentiles as percentages for a fraction metric', async () => {
    const b = await run('SECTOR');
    const close = (text: string | null | undefined, value: number | null | undefined) =>
      Math.abs(parseFloat(text!) - value! * 100) <= 0.005 + 1e-9 && text!.endsWith('%');
    expect(close(b.medianText, b.median)).toBe(true);
    for (const g of b.groups) expect(close(g.medianText, g.median)).toBe(true);
    for (const e of b.entries) {
      expect(close(e.valueText, e.value)).toBe(true);
      if (e.percentile === null) expect(e.percentileText).toBeNull();
      else expect(close(e.percentileText, e.percentile)).toBe(true);
    }
  });
});
