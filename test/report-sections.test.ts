import { describe, expect, it } from 'vitest';
import { locateSections } from '../src/ingest/report/report-sections.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { realReportLines } from './support/real-report.js';

describe('report sections', () => {
  it('finds every section of the real report at its heading line', () => {
    const sections = locateSections('real.txt', realReportLines());
    const headingLines = Object.fromEntries(
      Object.entries(sections).map(([id, s]) => [id, s.heading.no]),
    );
    expect(headingLines).toEqual({
      duties: 6,
      overview: 12,
      goals: 371,
      finance: 391,
      performanceManagement: 445,
      evaluation: 465,
      conclusion: 508,
      dutyAnalysis: 519,
      managementAnalysis: 746,
      problems: 819,
      improvements: 837,
    });
  });

  it('keeps the prose that follows a heading on the same line', () => {
    const sections = locateSections('real.txt', realReportLines());
    expect(sections.dutyAnalysis?.headingRest).toBe('指标分值50分，得分49.99分，');
  });

  it('does not take table cells numbered 一、二、 for headings', () => {
    const sections = locateSections('real.txt', realReportLines());
    expect(sections.goals?.heading.text).toContain('部门整体支出绩效目标');
  });

  it('names a missing required section and the line after which it was expected', () => {
    const text =
      '（二）年度总体工作和重点工作任务\n正文\n（四）部门整体收支情况\n正文\n（一）自评结论\n正文';
    expect(() => locateSections('short.txt', splitLines(text))).toThrowError(
      'short.txt:5: [履职效能分析] section "履职效能分析" not found after "自评结论"',
    );
  });
});

describe('figures in full-width forms', () => {
  it('parse like their ASCII forms', async () => {
    const { parseReport } = await import('../src/ingest/report/report-parser.js');
    const { realReportText } = await import('./support/real-report.js');
    const text = realReportText();
    const fullWidth = text
      .replace('公用经费 404.21 532.88 531.70', '公用经费 ４０４．２１ ５３２．８８ ５３１．７０')
      .replace('全年支出进度 99.15%', '全年支出进度 ９９．１５％');
    expect(fullWidth).not.toBe(text);
    const { sourceFile: _a, ...expected } = parseReport(text, 'a.txt');
    const { sourceFile: _b, ...actual } = parseReport(fullWidth, 'b.txt');
    expect(actual).toEqual(expected);
  });
});
