import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../src/ingest/report-document.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { subtractDecimals, sumDecimals } from '../src/ingest/decimal.js';
import { chineseNumeral } from '../src/synthetic/enumerator.js';
import { generateReports } from '../src/synthetic/generate-corpus.js';
import { renderReport } from '../src/synthetic/render-report.js';

/**
 * A document without what belongs to one rendering: source file, parse notes, lines and pages,
 * and the decimals figures were printed with (`98.00%` is the document's 98).
 */
function comparable(doc: ReportDocument): unknown {
  return JSON.parse(
    JSON.stringify(doc, (key: string, value: unknown) =>
      ['sourceFile', 'notes', 'line', 'pageStarts', 'decimals', 'scoreRateDecimals'].includes(key)
        ? undefined
        : value,
    ),
  );
}

/** Reports over many seeds, years and departments (municipal and district), each with its seed. */
function sample(): { seed: number; doc: ReportDocument; text: string }[] {
  const out: { seed: number; doc: ReportDocument; text: string }[] = [];
  for (let seed = 1; seed <= 30; seed++) {
    const fromYear = 2015 + (seed % 9);
    let i = 0;
    for (const report of generateReports({
      seed,
      departments: 90,
      fromYear,
      toYear: fromYear + 1,
    })) {
      if (i++ % 9 !== seed % 9) continue;
      out.push({ seed, doc: report.document, text: renderReport(report.document, seed) });
    }
  }
  return out;
}

const reports = sample();

describe('synthetic reports rendered as PDF-extracted text', () => {
  it('reads every rendered report back as the document it was rendered from', () => {
    expect(reports.length).toBeGreaterThanOrEqual(200);
    for (const { doc, text } of reports) {
      const parsed = parseReport(text, `${doc.sourceFile}`);
      expect(comparable(parsed), doc.sourceFile).toEqual(comparable(doc));
    }
  });

  it('reads back an analysis paragraph that enumerates more than ten deductions (十一是)', () => {
    const { doc, seed } = reports[0]!;
    const lost = '0.5';
    const managementScores = doc.managementScores.map((row, i) => {
      if (i >= 12) return { ...row, score: row.weight, scoreRate: '100' };
      const score = subtractDecimals(row.weight, lost);
      const rate = Math.round((Number(score) / Number(row.weight)) * 10000) / 100;
      return { ...row, score, scoreRate: String(rate) };
    });
    const management = managementScores.slice(0, 12).map((row, i) => ({
      part: 'MANAGEMENT' as const,
      item: row.level3,
      level2: row.level2,
      reason: `第${chineseNumeral(i + 1)}类问题未整改到位`,
      points: lost,
      source: 'BOTH' as const,
    }));
    const managementScore = subtractDecimals('50', sumDecimals(management.map((d) => d.points)));
    const many: ReportDocument = {
      ...doc,
      managementScores,
      deductions: [...doc.deductions.filter((d) => d.part === 'DUTY'), ...management],
      score: {
        ...doc.score,
        management: { ...doc.score.management!, score: managementScore },
        total: sumDecimals([doc.score.duty!.score, managementScore]),
      },
    };
    const text = renderReport(many, seed);
    expect(text.replace(/\s/g, '')).toContain('十二是第十二类问题未整改到位');
    expect(comparable(parseReport(text, many.sourceFile))).toEqual(comparable(many));
  });

  it('renders the same text for the same document and seed, and other noise for another seed', () => {
    const { doc, seed, text } = reports[0]!;
    expect(renderReport(doc, seed)).toBe(text);
    expect(renderReport(doc, seed + 1)).not.toBe(text);
  });

  it('breaks the title over two lines and begins pages with a space, as extraction does', () => {
    for (const { doc, text } of reports) {
      const lines = text.split('\n');
      expect(lines[0]!.startsWith(' ')).toBe(true);
      expect(lines[0]!.trim() + lines.find((l, i) => i > 0 && l !== '')).toBe(doc.title);
    }
    const pageStarts = reports.map((r) => r.text.split('\n').filter((l) => /^ \S/.test(l)).length);
    expect(Math.min(...pageStarts)).toBeGreaterThanOrEqual(4);
  });

  it('carries stray spaces around numbers and thousands separators', () => {
    const all = reports.map((r) => r.text).join('\n');
    expect(all).toMatch(/[\u4e00-\u9fa5] \d/);
    expect(all).toMatch(/\d [\u4e00-\u9fa5]/);
    expect(all).toMatch(/\d,\d{3}\.\d{2}/);
  });

  it('interleaves table 1 by page and resumes a broken row with its target, then its actual', () => {
    // A resumed target: a line opening a page inside table 1 that is narrower than the actual column.
    const resumed = reports.filter(({ text }) => {
      const lines = text.split('\n').filter((l) => l !== '');
      const start = lines.findIndex((l) => /^ ?表 1 /.test(l));
      const end = lines.findIndex((l) => l.includes('部门整体支出绩效目标'));
      return lines.slice(start + 4, end).some((l) => /^ \S/.test(l) && l.trim().length <= 11);
    });
    expect(resumed.length).toBeGreaterThan(0);
  });

  it('repeats the table 3 header after a page break', () => {
    const repeated = reports.filter(
      ({ text }) =>
        text.split('\n').filter((l) => l.trim() === '序号 指标名称 预期实现值 实际完成值').length >
        1,
    );
    expect(repeated.length).toBeGreaterThan(0);
  });

  it('labels every rendered synthetic report as generated demo data', () => {
    for (const { text } of reports) expect(text).toContain('合成演示数据');
  });
});
