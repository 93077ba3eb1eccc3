import { describe, expect, it } from 'vitest';
import { sumDecimals } from '../src/ingest/decimal.js';
import { parseNationalReport } from '../src/ingest/report/national/parse-national-report.js';
import { compact, splitLines } from '../src/ingest/report/source-text.js';
import type { ReportDocument } from '../src/ingest/report-document.js';
import { decimalToCents, formatCents } from '../src/synthetic/cents.js';
import { FRAMEWORK_ROWS, FULL_SCORE } from '../src/synthetic/national/national-framework.js';
import {
  renderNationalReport,
  type GeneratedNationalReport,
} from '../src/synthetic/national/render-national-report.js';
import { withoutLines, withoutRendering } from './support/without-lines.js';

const DEPARTMENTS = [
  '示例市交通运输局',
  '示例市东湖示范区财政局',
  '中国共产党示例市委员会政法委员会',
  '示例市西岭示范县教育局',
  '示例市档案馆',
];

function parse(report: GeneratedNationalReport): ReportDocument {
  return parseNationalReport(report.expected.document.sourceFile, splitLines(report.text));
}

/** 30 seeds over municipal, district, county and party departments, each year a different one. */
const sample: GeneratedNationalReport[] = [];
for (let seed = 1; seed <= 30; seed++) {
  for (const departmentName of DEPARTMENTS) {
    sample.push(renderNationalReport({ seed, departmentName, year: 2016 + (seed % 8) }));
  }
}

describe('a synthetic national report', () => {
  const report = renderNationalReport({
    seed: 7,
    departmentName: '示例市交通运输局',
    year: 2023,
    layout: { budgetForm: 'TABLE_THREE_STAGES', byFunction: true },
  });
  const doc = parse(report);
  const truth = report.expected.document;

  it('reads the department, the year and the template from its text', () => {
    expect(doc.departmentName).toBe('示例市交通运输局');
    expect(doc.year).toBe(2023);
    expect(doc.template).toBe('NATIONAL_53');
  });

  it('reads the budget figures exactly, as decimal strings', () => {
    // Lines belong to the rendering, not to the figures.
    expect(withoutLines(doc.byNature)).toEqual(withoutLines(truth.byNature));
    for (const { initialBudget, fullYearBudget, final } of Object.values(doc.byNature)) {
      for (const amount of [initialBudget, fullYearBudget, final])
        if (amount !== null) expect(amount).toMatch(/^\d+(\.\d{1,2})?$/);
    }
    expect(doc.statedFigures.map((f) => [f.name, f.value])).toEqual(
      truth.statedFigures.map((f) => [f.name, f.value]),
    );
    expect(withoutLines(doc.expenditureByFunction)).toEqual(
      withoutLines(truth.expenditureByFunction),
    );
    expect(doc.expenditureByFunction.length).toBeGreaterThanOrEqual(2);
  });

  it('reads the whole 100-point score table, whose scores make the total', () => {
    expect(withoutRendering(doc.managementScores)).toEqual(
      withoutRendering(truth.managementScores),
    );
    expect(new Set(doc.managementScores.map((r) => r.level1))).toEqual(
      new Set(['投入', '过程', '产出', '效果']),
    );
    expect(sumDecimals(doc.managementScores.map((r) => r.weight))).toBe('100');
    expect(doc.score.totalWeight).toBe('100');
    expect(sumDecimals(doc.managementScores.map((r) => r.score))).toBe(doc.score.total);
    expect(doc.score.total).toBe(truth.score.total);
  });

  it('reads the key indicators with their target and actual texts', () => {
    expect(
      doc.indicators.map(({ seq, name, targetText, actualText }) => ({
        seq,
        name,
        targetText,
        actualText,
      })),
    ).toEqual(
      truth.indicators.map(({ seq, name, targetText, actualText }) => ({
        seq,
        name,
        targetText,
        actualText,
      })),
    );
    expect(doc.indicators.length).toBeGreaterThanOrEqual(6);
  });

  it('reads the problems and the improvement measures as items', () => {
    expect(doc.problems).toEqual(truth.problems);
    expect(doc.improvements).toEqual(truth.improvements);
    expect(doc.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('is the document it was rendered from, but for lines and printed decimals', () => {
    expect(withoutRendering(doc)).toEqual(withoutRendering(truth));
  });
});

describe('synthetic national reports over many seeds', () => {
  it('score the framework of 财预〔2013〕53号: 投入 20, 过程 30, 产出 30, 效果 20 points', () => {
    const weight = (level1: string) =>
      FRAMEWORK_ROWS.filter((r) => r.level1 === level1).reduce((sum, r) => sum + r.weight, 0);
    expect(['投入', '过程', '产出', '效果'].map(weight)).toEqual([2000, 3000, 3000, 2000]);
    expect(FRAMEWORK_ROWS.reduce((sum, r) => sum + r.weight, 0)).toBe(FULL_SCORE);
  });

  it('all read back as the documents they were rendered from', () => {
    expect(sample.length).toBe(150);
    for (const report of sample) {
      expect(withoutRendering(parse(report)), report.expected.document.sourceFile).toEqual(
        withoutRendering(report.expected.document),
      );
    }
  });

  it('cover every layout the parser must read', () => {
    const seen = (pick: (r: GeneratedNationalReport) => string) => new Set(sample.map(pick));
    expect(seen((r) => r.layout.titleForm)).toEqual(new Set(['DEPARTMENT_FIRST', 'YEAR_FIRST']));
    expect(seen((r) => r.layout.budgetForm)).toEqual(
      new Set(['PROSE', 'TABLE_THREE_STAGES', 'TABLE_TWO_STAGES']),
    );
    expect(seen((r) => r.layout.scoreTable.form)).toEqual(new Set(['ROWS', 'BROKEN']));
    expect(seen((r) => r.layout.indicatorTable)).toEqual(
      new Set(['SEQ_ROWS', 'SEQ_BROKEN', 'LEVELS']),
    );
    expect(seen((r) => String(r.layout.scoreTable.totalRow))).toEqual(new Set(['true', 'false']));
    expect(seen((r) => String(r.layout.headings))).toEqual(new Set(['0', '1']));
  });

  it('keep the line each indicator and score row begins on', () => {
    for (const report of sample) {
      const raw = report.text.split('\n').map((l) => compact(l));
      const doc = parse(report);
      for (const row of doc.indicators) {
        const text = raw[row.line - 1]!;
        if (report.layout.indicatorTable === 'LEVELS') expect(text).toContain(row.name);
        else expect(text.startsWith(String(row.seq))).toBe(true);
      }
      for (const row of doc.managementScores) {
        expect(raw[row.line - 1]!).toContain(row.level3.slice(0, 3));
      }
    }
  });

  it('keep the line each stated figure is printed on', () => {
    for (const report of sample) {
      const raw = report.text.split('\n').map((l) => compact(l));
      for (const figure of parse(report).statedFigures) {
        const printed = formatCents(decimalToCents(figure.value), {
          separators: figure.unit === '万元',
        });
        expect(raw[figure.line - 1], figure.name).toContain(printed);
      }
    }
  });

  it('find the pages where the form feeds start them', () => {
    for (const report of sample) {
      const pages = parse(report).pageStarts;
      expect(pages).toEqual(report.expected.document.pageStarts);
      expect(pages!.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('are the same text for the same options, and another for another seed', () => {
    const options = { seed: 11, departmentName: '示例市档案馆', year: 2020 };
    expect(renderNationalReport(options).text).toBe(renderNationalReport(options).text);
    expect(renderNationalReport({ ...options, seed: 12 }).text).not.toBe(
      renderNationalReport(options).text,
    );
  });

  it('are labelled as synthetic demo data, for fictitious departments of 示例市 only', () => {
    for (const report of sample) {
      expect(report.text).toContain('合成演示数据');
      expect(report.expected.document.sourceFile.startsWith('synthetic/')).toBe(true);
    }
    expect(() =>
      renderNationalReport({ seed: 1, departmentName: '广州市财政局', year: 2023 }),
    ).toThrow(RangeError);
  });
});
