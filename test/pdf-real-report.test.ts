import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../src/ingest/pdf/pdf-text.js';
import { reconcile } from '../src/ingest/reconcile.js';
import type { ReportDocument } from '../src/ingest/report-document.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { realReportPdf } from './support/real-report-pdf.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { withoutLines } from './support/without-lines.js';

/**
 * The real report as users have it, a PDF: its text laid out as paragraphs and its four tables
 * as ruled tables (test/support/real-report-pdf.ts). Read back with extractPdfText and parsed,
 * it must give what the seeded text gives.
 */

let pdfText: string;
let fromPdf: ReportDocument;
let fromText: ReportDocument;

beforeAll(async () => {
  pdfText = await extractPdfText(await realReportPdf(), 'real-report.pdf');
  fromPdf = parseReport(pdfText, 'real-report.pdf');
  fromText = parseReport(realReportText(), REAL_REPORT_FILE);
});

/** Line numbers differ between the two texts; everything else must not. */
const withoutLine = <T extends { line: number }>(rows: readonly T[]) =>
  rows.map(({ line: _line, ...rest }) => rest);

describe('the real report as a PDF', () => {
  it('spans several pages, each line knowing its page', () => {
    const lines = splitLines(pdfText);
    expect(lines.at(-1)!.page).toBeGreaterThan(4);
    expect(lines[0]!.page).toBe(1);
    expect(fromPdf.pageStarts).toHaveLength(lines.at(-1)!.page!);
  });

  it('gives the same title, year and department', () => {
    expect([fromPdf.title, fromPdf.year, fromPdf.departmentName]).toEqual([
      fromText.title,
      fromText.year,
      fromText.departmentName,
    ]);
  });

  it('gives the same key tasks (表1), including the one split across a page break', () => {
    expect(fromPdf.keyTasks).toHaveLength(3);
    expect(fromPdf.keyTasks).toEqual(fromText.keyTasks);
  });

  it('gives the same expenditure by nature (表2)', () => {
    // The PDF's text has lines of its own; the figures must be the same.
    expect(withoutLines(fromPdf.byNature)).toEqual(withoutLines(fromText.byNature));
  });

  it('gives the same revenue and expenditure by function', () => {
    const amounts = (doc: ReportDocument) =>
      [doc.revenueByFunction, doc.expenditureByFunction].map((list) =>
        list.map(({ functionClass, functionCode, amount }) => [
          functionClass,
          functionCode,
          amount,
        ]),
      );
    expect(amounts(fromPdf)).toEqual(amounts(fromText));
    expect(fromPdf.revenueByFunction.length).toBeGreaterThan(0);
  });

  it('gives the same stated figures', () => {
    expect(withoutLine(fromPdf.statedFigures)).toEqual(withoutLine(fromText.statedFigures));
  });

  it('gives the same indicators (表3): sequence, name, target and actual', () => {
    expect(fromPdf.indicators).toHaveLength(15);
    expect(withoutLine(fromPdf.indicators)).toEqual(withoutLine(fromText.indicators));
  });

  it('gives the same management scores (表4), merged level-1 and level-2 cells included', () => {
    expect(fromPdf.managementScores).toHaveLength(23);
    expect(withoutLine(fromPdf.managementScores)).toEqual(withoutLine(fromText.managementScores));
  });

  it('gives the same self-score and deductions', () => {
    expect(fromPdf.score).toEqual(fromText.score);
    expect(withoutLines(fromPdf.deductions)).toEqual(withoutLines(fromText.deductions));
  });

  it('gives the same problems and improvements', () => {
    expect(fromPdf.problems).toHaveLength(fromText.problems.length);
    expect(fromPdf.problems).toEqual(fromText.problems);
    expect(fromPdf.improvements).toEqual(fromText.improvements);
  });

  it('reconciles to the same three rounding-level findings', () => {
    const findings = (doc: ReportDocument) =>
      reconcile(doc).map((n) => [n.check, n.severity, n.expected, n.actual]);
    expect(findings(fromPdf)).toHaveLength(3);
    expect(findings(fromPdf).every(([, severity]) => severity === 'INFO')).toBe(true);
    expect(findings(fromPdf)).toEqual(findings(fromText));
  });
});
