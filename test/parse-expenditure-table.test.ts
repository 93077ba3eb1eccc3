import { describe, expect, it } from 'vitest';
import { parseExpenditureTable } from '../src/ingest/report/parse-expenditure-table.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { realReportSlice } from './support/real-report.js';

describe('expenditure table (表2)', () => {
  it('reads five categories x three stages from the real report, each with its line', () => {
    expect(parseExpenditureTable('real.txt', realReportSlice(415, 444))).toEqual({
      TOTAL: {
        initialBudget: '10283.32',
        fullYearBudget: '10192.48',
        final: '10105.79',
        line: 435,
      },
      BASIC: { initialBudget: '6777.42', fullYearBudget: '6759.56', final: '6756.71', line: 437 },
      PERSONNEL: {
        initialBudget: '6373.21',
        fullYearBudget: '6226.67',
        final: '6225.01',
        line: 439,
      },
      PUBLIC: { initialBudget: '404.21', fullYearBudget: '532.88', final: '531.7', line: 441 },
      PROJECT: { initialBudget: '3505.9', fullYearBudget: '3432.92', final: '3349.08', line: 443 },
    });
  });

  it('reads a dash as no amount', () => {
    const lines = splitLines(
      '表 2 部门整体支出决算表\n本年支出合计 10 10 10\n一、基本支出 10 10 10\n人员经费 10 10 10\n公用经费 - - -\n二、项目支出 0 0 0',
    );
    expect(parseExpenditureTable('t.txt', lines).PUBLIC).toEqual({
      initialBudget: null,
      fullYearBudget: null,
      final: null,
      line: 5,
    });
  });

  it('names the line of a row whose amount is text', () => {
    const lines = realReportSlice(415, 444).map((l) =>
      l.no === 439 ? { ...l, text: '人员经费 6,373.21 六千 6,225.01' } : l,
    );
    expect(() => parseExpenditureTable('bad.txt', lines)).toThrowError(
      'bad.txt:439: [表2 部门整体支出决算表] row "人员经费" does not hold three amounts',
    );
  });

  it('names the table when a row is missing', () => {
    const lines = realReportSlice(415, 444).filter((l) => l.no !== 443);
    expect(() => parseExpenditureTable('bad.txt', lines)).toThrowError(/bad\.txt:420: .*项目支出/);
  });

  it('reports a missing table', () => {
    expect(() => parseExpenditureTable('bad.txt', realReportSlice(415, 418))).toThrowError(
      /table 2 .* not found/,
    );
  });
});
