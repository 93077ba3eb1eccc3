import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricSeriesDocument } from './generated/graphql.js';
import { fixtureCorpus } from './support/fixture-corpus.js';
import { startFixtureServer } from './support/fixture-database.js';
import { execute } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.cleanup());

/** The execution rate of each fixture report, computed from the documents. */
function executionRates(): Map<string, number> {
  return new Map(
    fixtureCorpus().documents.map(({ code, document }) => [
      `${code}/${document.year}`,
      Number(document.byNature.TOTAL.final) / Number(document.byNature.TOTAL.fullYearBudget),
    ]),
  );
}

describe('metricSeries', () => {
  it('lists the registry with labels and directions', async () => {
    const { data } = await execute(server.url, MetricSeriesDocument, {
      metric: 'SELF_SCORE',
      departments: [],
    });
    const names = data!.metrics.map((m) => m.name);
    for (const required of [
      'TOTAL_EXPENDITURE',
      'BASIC_SHARE',
      'PROJECT_SHARE',
      'PERSONNEL_SHARE',
      'EXECUTION_RATE',
      'BUDGET_ADJUSTMENT',
      'SELF_SCORE',
      'DUTY_SCORE',
      'MANAGEMENT_SCORE',
      'DEDUCTION_POINTS',
    ]) {
      expect(names).toContain(required);
    }
    expect(data!.metrics.find((m) => m.name === 'DEDUCTION_POINTS')).toMatchObject({
      label: '扣分',
      direction: 'LOWER_BETTER',
    });
  });

  it('gives each year the value computed from the amounts, with change and relative change', async () => {
    const { data, errors } = await execute(server.url, MetricSeriesDocument, {
      metric: 'EXECUTION_RATE',
      departments: ['fx-a', 'fx-c'],
    });
    expect(errors).toBeUndefined();
    const expected = executionRates();
    for (const series of data!.metricSeries) {
      series.points.forEach((point, i) => {
        const value = expected.get(`${series.department.code}/${point.year}`)!;
        expect(point.value).toBeCloseTo(value, 12);
        if (i === 0) return expect(point.change).toBeNull();
        const previous = expected.get(`${series.department.code}/${point.year - 1}`)!;
        expect(point.change).toBeCloseTo(value - previous, 12);
        expect(point.relativeChange).toBeCloseTo((value - previous) / previous, 12);
      });
    }
  });

  it('keeps a missing year as a gap: null value and null changes around it', async () => {
    const { data } = await execute(server.url, MetricSeriesDocument, {
      metric: 'TOTAL_EXPENDITURE',
      departments: ['fx-b'],
    });
    const points = data!.metricSeries[0]!.points;
    expect(points.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(points[1]).toEqual({
      year: 2021,
      value: null,
      valueText: null,
      change: null,
      changeText: null,
      relativeChange: null,
      relativeChangeText: null,
    });
    expect(points[2]!.value).not.toBeNull();
    expect(points[2]!.change).toBeNull();
  });

  it('computes CAGR between the first and last years with a value', async () => {
    const { data } = await execute(server.url, MetricSeriesDocument, {
      metric: 'TOTAL_EXPENDITURE',
      departments: ['fx-d'],
    });
    const docs = fixtureCorpus().documents.filter((d) => d.code === 'fx-d');
    const first = Number(docs[0]!.document.byNature.TOTAL.final);
    const last = Number(docs.at(-1)!.document.byNature.TOTAL.final);
    expect(data!.metricSeries[0]!.cagr).toBeCloseTo((last / first) ** (1 / 3) - 1, 12);
  });

  it('pads the requested range with gaps where a department has no report', async () => {
    const { data } = await execute(server.url, MetricSeriesDocument, {
      metric: 'SELF_SCORE',
      departments: ['gz-zfw'],
      fromYear: 2021,
      toYear: 2023,
    });
    expect(data!.metricSeries[0]!.points.map((p) => p.value)).toEqual([null, null, 96.97]);
    expect(data!.metricSeries[0]!.cagr).toBeNull();
  });

  it('rejects a reversed year range as a user error', async () => {
    const { errors } = await execute(server.url, MetricSeriesDocument, {
      metric: 'SELF_SCORE',
      fromYear: 2023,
      toYear: 2020,
    });
    expect(errors?.[0]).toMatchObject({
      message: 'fromYear 2023 is after toYear 2020',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('metrics of the real report', () => {
  it('gives BASIC_SHARE, PROJECT_SHARE, EXECUTION_RATE and DEDUCTION_POINTS as published', async () => {
    const value = async (
      metric: 'BASIC_SHARE' | 'PROJECT_SHARE' | 'EXECUTION_RATE' | 'DEDUCTION_POINTS',
    ) => {
      const { data } = await execute(server.url, MetricSeriesDocument, {
        metric,
        departments: ['gz-zfw'],
      });
      return data!.metricSeries[0]!.points[0]!.value!;
    };
    expect(await value('BASIC_SHARE')).toBeCloseTo(6756.71 / 10105.79, 12);
    expect(await value('PROJECT_SHARE')).toBeCloseTo(3349.08 / 10105.79, 12);
    expect(await value('EXECUTION_RATE')).toBeCloseTo(10105.79 / 10192.48, 12);
    expect(await value('DEDUCTION_POINTS')).toBe(3.03);
  });
  it('says each metric’s unit and reads its value in it: 66.86%, 10,105.79 万元, 96.97 分', async () => {
    const read = async (metric: 'BASIC_SHARE' | 'TOTAL_EXPENDITURE' | 'SELF_SCORE') => {
      const { data } = await execute(server.url, MetricSeriesDocument, {
        metric,
        departments: ['gz-zfw'],
      });
      const series = data!.metricSeries[0]!;
      return [series.unit, series.unitLabel, series.points[0]!.valueText];
    };
    expect(await read('BASIC_SHARE')).toEqual(['fraction', '%', '66.86%']);
    expect(await read('TOTAL_EXPENDITURE')).toEqual(['万元', '万元', '10,105.79 万元']);
    expect(await read('SELF_SCORE')).toEqual(['points', '分', '96.97 分']);
  });
});

describe('metric units and formatted values', () => {
  it('gives every metric a Chinese label, a unit and the unit as written after a value', async () => {
    const { data } = await execute(server.url, MetricSeriesDocument, {
      metric: 'SELF_SCORE',
      departments: [],
    });
    for (const m of data!.metrics) {
      expect(m.label, m.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect([
        ['fraction', '%'],
        ['万元', '万元'],
        ['points', '分'],
      ]).toContainEqual([m.unit, m.unitLabel]);
    }
    const unit = (name: string) => data!.metrics.find((m) => m.name === name)!.unit;
    expect(unit('EXECUTION_RATE')).toBe('fraction');
    expect(unit('FULL_YEAR_BUDGET')).toBe('万元');
    expect(unit('DEDUCTION_POINTS')).toBe('points');
  });

  it('reads a change of a fraction in percentage points and a relative change as a percentage', async () => {
    const { data } = await execute(server.url, MetricSeriesDocument, {
      metric: 'EXECUTION_RATE',
      departments: ['fx-a', 'fx-c'],
    });
    const changed = data!.metricSeries.flatMap((s) => s.points).filter((p) => p.change !== null);
    expect(changed.length).toBeGreaterThan(0);
    for (const p of changed) {
      expect(p.changeText).toMatch(/^([+-]\d+\.\d{2}|0\.00) 个百分点$/);
      expect(Math.abs(parseFloat(p.changeText!) - p.change! * 100)).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
      expect(
        Math.abs(parseFloat(p.relativeChangeText!) - p.relativeChange! * 100),
      ).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(p.relativeChangeText).toMatch(/%$/);
    }
  });
});
