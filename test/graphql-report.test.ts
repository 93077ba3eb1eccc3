import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportFiguresDocument, type ReportFiguresQuery } from './generated/graphql.js';
import { execute, startTestServer } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let report: NonNullable<ReportFiguresQuery['report']>;

beforeAll(async () => {
  server = await startTestServer();
  const response = await execute(server.url, ReportFiguresDocument, {
    department: 'gz-zfw',
    year: 2023,
  });
  expect(response.errors).toBeUndefined();
  report = response.data!.report!;
});
afterAll(async () => server.cleanup());

describe('the real report through GraphQL', () => {
  it('is the real, non-synthetic report of gz-zfw', () => {
    expect(report.synthetic).toBe(false);
    expect(report.department).toEqual({
      code: 'gz-zfw',
      name: '中国共产党广州市委员会政法委员会',
      sector: '政法',
      level: 'MUNICIPAL',
    });
  });

  it('returns all fifteen amounts of table 2', () => {
    const stages = (k: keyof typeof report.expenditure) => {
      const s = report.expenditure[k];
      return [s.initialBudget, s.fullYearBudget, s.final];
    };
    expect(stages('total')).toEqual([10283.32, 10192.48, 10105.79]);
    expect(stages('basic')).toEqual([6777.42, 6759.56, 6756.71]);
    expect(stages('personnel')).toEqual([6373.21, 6226.67, 6225.01]);
    expect(stages('public')).toEqual([404.21, 532.88, 531.7]);
    expect(stages('project')).toEqual([3505.9, 3432.92, 3349.08]);
  });

  it('computes the shares and the execution rate from the amounts', () => {
    expect(report.basicShare).toBeCloseTo(6756.71 / 10105.79, 12);
    expect(report.projectShare).toBeCloseTo(3349.08 / 10105.79, 12);
    expect(report.personnelShare).toBeCloseTo(6225.01 / 10105.79, 12);
    expect(report.executionRate).toBeCloseTo(10105.79 / 10192.48, 12);
    expect(report.basicShare!.toFixed(4)).toBe('0.6686');
    expect(report.executionRate!.toFixed(4)).toBe('0.9915');
  });

  it('gives each share as a person reads it, as the report states it: 66.86 %, 33.14 %, 99.15 %', () => {
    expect([
      report.basicShareText,
      report.projectShareText,
      report.personnelShareText,
      report.executionRateText,
    ]).toEqual(['66.86%', '33.14%', '61.60%', '99.15%']);
  });

  it('returns the self-score 96.97 = 49.99 / 50 + 46.98 / 50', () => {
    expect(report.score).toEqual({
      total: 96.97,
      totalText: '96.97 分',
      duty: { score: 49.99, weight: 50 },
      management: { score: 46.98, weight: 50 },
    });
  });

  it('returns 23 management rows weighing 50 and scoring 46.98', () => {
    expect(report.managementScores).toHaveLength(23);
    const cents = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100);
    expect(cents(report.managementScores.map((m) => m.weight))).toBe(5000);
    expect(cents(report.managementScores.map((m) => m.score))).toBe(4698);
  });

  it('returns 15 indicators and 3 key tasks', () => {
    expect(report.indicators.map((i) => i.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(report.keyTasks.map((k) => k.name)).toEqual([
      '信息化建设专项',
      '法学业务工作',
      '部门日常业务工作',
    ]);
  });

  it('returns deductions adding up to 3.03 = 100 − 96.97', () => {
    expect(report.deductions.map((d) => [d.part, d.item, d.points])).toEqual([
      ['DUTY', null, 0.01],
      ['MANAGEMENT', '采购合同签订时效性', 2],
      ['MANAGEMENT', '合同备案时效性', 1],
      ['MANAGEMENT', '采购政策效能', 0.02],
    ]);
  });

  it('returns revenue and final expenditure by functional class', () => {
    expect(report.revenueBudget.map((r) => r.amount)).toEqual([
      5781.2, 274.64, 1580, 774.33, 35.86, 1837.3,
    ]);
    expect(report.expenditureByFunction[0]).toEqual({
      functionClass: '一般公共服务',
      code: '201',
      amount: 5438.96,
    });
  });

  it('reports the three rounding-level discrepancies', () => {
    expect(report.dataQuality.map((q) => [q.check, q.severity, q.expected, q.actual])).toEqual([
      ['revenue.by_function', 'INFO', 10283.32, 10283.33],
      ['expenditure.by_function', 'INFO', 10105.79, 10105.8],
      ['nature.basic_parts.fullYearBudget', 'INFO', 6759.56, 6759.55],
    ]);
  });
});
