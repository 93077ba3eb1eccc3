import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../src/ingest/report-document.js';
import { parseReport } from '../src/ingest/report-parser.js';
import { generateReports } from '../src/synthetic/generate-corpus.js';
import { renderReport } from '../src/synthetic/render-report.js';

/** A document without what belongs to one rendering: source file, parse notes and line numbers. */
function comparable(doc: ReportDocument): unknown {
  return JSON.parse(
    JSON.stringify(doc, (key: string, value: unknown) =>
      key === 'sourceFile' || key === 'notes' || key === 'line' ? undefined : value,
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
