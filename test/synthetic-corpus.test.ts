import { describe, expect, it } from 'vitest';
import { compareDecimals, subtractDecimals, sumDecimals, toUnits } from '../src/ingest/decimal.js';
import { reconcile } from '../src/ingest/reconcile.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import {
  departmentCatalog,
  MAX_SYNTHETIC_DEPARTMENTS,
} from '../src/synthetic/department-catalog.js';
import {
  generateCorpus,
  generateDepartments,
  generateReports,
  type CorpusOptions,
} from '../src/synthetic/generate-corpus.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';

const options: CorpusOptions = { seed: 11, departments: 120, fromYear: 2015, toYear: 2024 };
const corpus = generateCorpus(options);
const docs = corpus.reports.map((r) => r.document);
const real = parseReport(realReportText(), REAL_REPORT_FILE);

/** a / b in percent, as a float (for range checks only; amounts stay decimal strings). */
const percentOf = (a: string | null, b: string | null) => (Number(a) / Number(b)) * 100;
const abs = (units: bigint) => (units < 0n ? -units : units);
const CENT = toUnits('0.01');

describe('synthetic corpus generation', () => {
  it('generates the same corpus, byte for byte, from the same options', () => {
    expect(JSON.stringify(generateCorpus(options))).toBe(JSON.stringify(corpus));
  });

  it('generates other reports, but the same departments, from another seed', () => {
    const other = generateCorpus({ ...options, seed: 12, departments: 10 });
    expect(other.departments).toEqual(corpus.departments.slice(0, 10));
    expect(JSON.stringify(other.reports[0])).not.toBe(JSON.stringify(corpus.reports[0]));
  });

  it('yields the same reports and truth lazily as the corpus holds', () => {
    const lazy = [...generateReports({ ...options, departments: 3 })];
    expect(lazy.map((r) => r.document)).toEqual(docs.slice(0, 30));
    expect(lazy.flatMap((r) => r.truth)).toEqual(
      corpus.truth.filter((t) => ['demo-gaj', 'demo-zfw', 'demo-sfj'].includes(t.departmentCode)),
    );
  });

  it('has one report per department and year', () => {
    expect(corpus.reports).toHaveLength(120 * 10);
    const keys = new Set(corpus.reports.map((r) => `${r.departmentCode}/${r.document.year}`));
    expect(keys.size).toBe(corpus.reports.length);
  });

  it('refuses impossible options', () => {
    expect(() => generateCorpus({ ...options, fromYear: 2024, toYear: 2015 })).toThrow(RangeError);
    expect(() => generateDepartments({ ...options, departments: -1 })).toThrow(RangeError);
    expect(() => departmentCatalog(MAX_SYNTHETIC_DEPARTMENTS + 1)).toThrow(RangeError);
  });
});

describe('synthetic labelling', () => {
  it('flags every department synthetic, with a demo code and a name in the fictitious city', () => {
    const catalog = departmentCatalog(MAX_SYNTHETIC_DEPARTMENTS).map((p) => p.entry);
    expect(new Set(catalog.map((d) => d.code)).size).toBe(catalog.length);
    expect(new Set(catalog.map((d) => d.name)).size).toBe(catalog.length);
    for (const d of catalog) {
      expect(d.synthetic).toBe(true);
      expect(d.code).toMatch(/^demo-[a-z0-9][a-z0-9-]*$/);
      expect(d.name).toMatch(/^(中国共产党)?示例市/);
      expect(d.name).not.toMatch(/广州|越秀|海珠|天河|白云/);
    }
    expect(new Set(catalog.map((d) => d.level))).toEqual(
      new Set(['MUNICIPAL', 'DISTRICT', 'COUNTY']),
    );
    expect(catalog.map((d) => d.code)).toContain('demo-gaj');
    expect(catalog.map((d) => d.code)).toContain('demo-d03-jyj');
  });

  it('gives peers the same sector at each level', () => {
    const sectors = new Map<string, Set<string>>();
    for (const d of corpus.departments) {
      sectors.set(d.sector!, (sectors.get(d.sector!) ?? new Set()).add(d.level));
    }
    for (const sector of ['政法', '教育', '卫生健康', '民政', '财政', '交通', '城建', '文旅']) {
      expect(sectors.get(sector), sector).toEqual(new Set(['MUNICIPAL', 'DISTRICT']));
    }
  });

  it('ties every report to a synthetic department by its name and a synthetic source file', () => {
    const byCode = new Map(corpus.departments.map((d) => [d.code, d]));
    for (const { departmentCode, document } of corpus.reports) {
      const department = byCode.get(departmentCode)!;
      expect(department.synthetic).toBe(true);
      expect(document.departmentName).toBe(department.name);
      expect(document.sourceFile).toBe(`synthetic/${departmentCode}/${document.year}.txt`);
      expect(document.title).toBe(`${document.year}年度${department.name}部门整体支出绩效自评报告`);
    }
  });
});

describe('synthetic budget figures', () => {
  it('keeps basic expenditure at 55-85 % of the total, personnel its larger part', () => {
    for (const doc of docs) {
      const { BASIC, PERSONNEL, PUBLIC, TOTAL } = doc.byNature;
      const share = percentOf(BASIC.final, TOTAL.final);
      expect(share).toBeGreaterThanOrEqual(55);
      expect(share).toBeLessThanOrEqual(85);
      for (const stage of ['initialBudget', 'fullYearBudget', 'final'] as const) {
        expect(compareDecimals(PERSONNEL[stage]!, PUBLIC[stage]!)).toBeGreaterThan(0);
      }
    }
  });

  it('keeps totals between a few hundred and tens of thousands of 万元, execution at 85-100 %, adjustments small', () => {
    for (const doc of docs) {
      const { TOTAL } = doc.byNature;
      expect(Number(TOTAL.initialBudget)).toBeGreaterThanOrEqual(300);
      expect(Number(TOTAL.initialBudget)).toBeLessThan(100000);
      const execution = percentOf(TOTAL.final, TOTAL.fullYearBudget);
      expect(execution).toBeGreaterThanOrEqual(85);
      expect(execution).toBeLessThanOrEqual(100);
      expect(
        Math.abs(percentOf(TOTAL.fullYearBudget, TOTAL.initialBudget) - 100),
      ).toBeLessThanOrEqual(6);
    }
  });

  it('balances every sum exactly, but for a few published 0.01 rounding differences', () => {
    let off = 0;
    for (const doc of docs) {
      const stated = new Map(doc.statedFigures.map((f) => [f.name, f.value]));
      const { BASIC, PERSONNEL, PUBLIC, PROJECT, TOTAL } = doc.byNature;
      const diffs = [
        subtractDecimals(
          sumDecimals(doc.revenueByFunction.map((f) => f.amount)),
          stated.get('revenue_total')!,
        ),
        subtractDecimals(
          sumDecimals(doc.expenditureByFunction.map((f) => f.amount)),
          stated.get('final_total')!,
        ),
        ...(['initialBudget', 'fullYearBudget', 'final'] as const).map((s) =>
          subtractDecimals(sumDecimals([PERSONNEL[s]!, PUBLIC[s]!]), BASIC[s]!),
        ),
      ].map(toUnits);
      for (const d of diffs) expect(abs(d)).toBeLessThanOrEqual(CENT);
      if (diffs.some((d) => d !== 0n)) off++;
      for (const s of ['initialBudget', 'fullYearBudget', 'final'] as const) {
        expect(sumDecimals([BASIC[s]!, PROJECT[s]!])).toBe(TOTAL[s]);
      }
      expect(stated.get('revenue_total')).toBe(TOTAL.initialBudget);
      expect(stated.get('final_total')).toBe(TOTAL.final);
    }
    expect(off / docs.length).toBeGreaterThan(0.01);
    expect(off / docs.length).toBeLessThan(0.1);
  });

  it('states shares and rates that the reconciliation accepts, leaving only rounding-level notes', () => {
    for (const doc of docs) {
      for (const note of reconcile(doc)) {
        expect(note.severity, `${doc.sourceFile} ${note.message}`).toBe('INFO');
        expect(note.check).toMatch(/^(revenue|expenditure)\.by_function$|^nature\.basic_parts\./);
      }
    }
  });

  it('names functional classes of the national classification, adding up to the totals', () => {
    for (const doc of docs) {
      for (const f of [...doc.revenueByFunction, ...doc.expenditureByFunction]) {
        expect(f.functionCode, f.functionClass).not.toBeNull();
      }
    }
  });
});

describe('synthetic self-scores and deductions', () => {
  it('scores 85-99 with duty and management weighted 50 each', () => {
    for (const doc of docs) {
      const total = Number(doc.score.total);
      expect(total).toBeGreaterThanOrEqual(85);
      expect(total).toBeLessThanOrEqual(99);
      expect(doc.score.duty!.weight).toBe('50');
      expect(doc.score.management!.weight).toBe('50');
      expect(sumDecimals([doc.score.duty!.score, doc.score.management!.score])).toBe(
        doc.score.total,
      );
    }
    const totals = docs.map((d) => Number(d.score.total));
    expect(Math.min(...totals)).toBeLessThan(93);
  });

  it('balances deductions: the points lost add up to 100 − total, and each table-4 one is weight − score', () => {
    for (const doc of docs) {
      expect(sumDecimals(doc.deductions.map((d) => d.points))).toBe(
        subtractDecimals('100', doc.score.total),
      );
      const lostRows = doc.managementScores.filter((r) => r.score !== r.weight);
      const management = doc.deductions.filter((d) => d.part === 'MANAGEMENT');
      expect(management.map((d) => d.item)).toEqual(lostRows.map((r) => r.level3));
      management.forEach((d, i) => {
        expect(d.points).toBe(subtractDecimals(lostRows[i]!.weight, lostRows[i]!.score));
      });
      const duty = doc.deductions.filter((d) => d.part === 'DUTY');
      expect(sumDecimals(['0', ...duty.map((d) => d.points)])).toBe(
        subtractDecimals('50', doc.score.duty!.score),
      );
    }
  });

  it('uses the real report’s table 4: its 23 level-3 rows, level-2 groups and weights summing to 50', () => {
    const shape = (rows: typeof real.managementScores) =>
      rows.map((r) => [r.level1, r.level2, r.level3, r.weight]);
    for (const doc of docs) {
      expect(shape(doc.managementScores)).toEqual(shape(real.managementScores));
    }
    expect(sumDecimals(real.managementScores.map((r) => r.weight))).toBe('50');
  });

  it('concentrates management deductions on a few items, repeated by the same departments', () => {
    const byItem = new Map<string, number>();
    const byDepartmentItem = new Map<string, number>();
    for (const { departmentCode, document } of corpus.reports) {
      for (const d of document.deductions) {
        if (d.part !== 'MANAGEMENT') continue;
        byItem.set(d.item!, (byItem.get(d.item!) ?? 0) + 1);
        const key = `${departmentCode}/${d.item}`;
        byDepartmentItem.set(key, (byDepartmentItem.get(key) ?? 0) + 1);
      }
    }
    const ranked = [...byItem.entries()].sort((a, b) => b[1] - a[1]).map(([item]) => item);
    expect(ranked.slice(0, 3).sort()).toEqual(
      ['合同备案时效性', '采购合同签订时效性', '采购政策效能'].sort(),
    );
    const counts = [...byDepartmentItem.values()];
    expect(counts.filter((n) => n >= 3).length / counts.length).toBeGreaterThan(0.25);
  });

  it('improves on average over the years', () => {
    const lost = (year: number) =>
      docs
        .filter((d) => d.year === year)
        .reduce((sum, d) => sum + d.deductions.filter((x) => x.part === 'MANAGEMENT').length, 0);
    expect(lost(2024)).toBeLessThan(lost(2015));
  });

  it('quotes every explained table-4 deduction’s reason in the analysis paragraph form', () => {
    for (const doc of docs) {
      for (const d of doc.deductions) {
        if (d.reason === null) continue;
        expect(d.reason).not.toMatch(/[。；;]|扣\d|[一二三四五六七八九十]是/);
      }
    }
  });
});

describe('synthetic report contents', () => {
  it('lists 2-4 key tasks and 8-15 key indicators', () => {
    for (const doc of docs) {
      expect(doc.keyTasks.length).toBeGreaterThanOrEqual(2);
      expect(doc.keyTasks.length).toBeLessThanOrEqual(4);
      expect(doc.indicators.length).toBeGreaterThanOrEqual(8);
      expect(doc.indicators.length).toBeLessThanOrEqual(15);
    }
  });

  it('admits the low-target problem mostly where targets were set too low', () => {
    const overshooting = new Set(
      corpus.truth
        .filter((t) => t.rules.includes('RATIO') || t.rules.includes('CEILING'))
        .map((t) => `${t.departmentCode}/${t.year}`),
    );
    const admits = (r: (typeof corpus.reports)[number]) =>
      r.document.problems.includes('个别绩效指标全年实现值远超年初设定的预期值');
    const rate = (flagged: boolean) => {
      const group = corpus.reports.filter(
        (r) => overshooting.has(`${r.departmentCode}/${r.document.year}`) === flagged,
      );
      return group.filter(admits).length / group.length;
    };
    expect(rate(true)).toBeGreaterThan(0.4);
    expect(rate(false)).toBeGreaterThan(0);
    expect(rate(false)).toBeLessThan(0.15);
  });
});
