import { describe, expect, it } from 'vitest';
import { parseBudgetProse } from '../src/ingest/report/parse-budget-prose.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { realReportSlice } from './support/real-report.js';

const prose = () => parseBudgetProse('real.txt', realReportSlice(393, 418));

describe('budget prose (部门整体收支情况)', () => {
  it('reads revenue by functional class with class codes', () => {
    expect(
      prose().revenueByFunction.map((r) => [r.functionClass, r.functionCode, r.amount]),
    ).toEqual([
      ['一般公共服务', '201', '5781.2'],
      ['公共安全', '204', '274.64'],
      ['科学技术', '206', '1580'],
      ['社会保障和就业', '208', '774.33'],
      ['卫生健康', '210', '35.86'],
      ['住房保障', '221', '1837.3'],
    ]);
  });

  it('reads final expenditure by functional class across broken lines', () => {
    expect(prose().expenditureByFunction.map((r) => r.amount)).toEqual([
      '5438.96',
      '202.01',
      '1590.91',
      '931.91',
      '27.37',
      '1914.64',
    ]);
  });

  it('reads the stated totals, shares and rates with their source lines', () => {
    const stated = Object.fromEntries(
      prose().statedFigures.map((f) => [f.name, [f.value, f.line]]),
    );
    expect(stated).toEqual({
      revenue_total: ['10283.32', 395],
      full_year_budget: ['10192.48', 403],
      final_total: ['10105.79', 405],
      spending_progress: ['99.15', 413],
      execution_rate: ['99.15', 413],
      scale_final_total: ['10105.79', 417],
      basic_final: ['6756.71', 417],
      basic_share: ['66.86', 418],
      project_final: ['3349.08', 418],
      project_share: ['33.14', 418],
    });
  });

  it('rejects an unreadable total naming the line', () => {
    const lines = splitLines('1.预算收入情况。本部门年初预算收入\n10,,283.32.1.5万元。');
    expect(() => parseBudgetProse('bad.txt', lines)).toThrow(ReportParseError);
    expect(() => parseBudgetProse('bad.txt', lines)).toThrowError(
      /bad\.txt:2: \[部门整体收支情况\]/,
    );
  });
});

describe('budget prose with damaged or unusual numbers', () => {
  it('rejects a total written in words instead of digits', () => {
    const lines = splitLines('本部门年初预算收入一万元。');
    expect(() => parseBudgetProse('words.txt', lines)).toThrowError(
      /"一" is not a number \(revenue_total\)/,
    );
  });

  it('does not take prose that mentions a keyword for a figure', () => {
    const lines = splitLines(
      '基本支出主要用于保障机构正常运转，项目支出主要用于完成特定工作任务。',
    );
    expect(parseBudgetProse('prose.txt', lines).statedFigures).toEqual([]);
  });
});
