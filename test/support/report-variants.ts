import type { ReportDocument } from '../../src/ingest/report-document.js';
import { realReportText } from './real-report.js';

/** The figures a variant of the real report must keep, whatever its layout. */
export interface KeyFigures {
  year: number;
  departmentName: string;
  finalTotal: string | null;
  selfScore: string;
  indicators: number;
  managementRows: number;
}

/** The real report's figures (docs/domain.md, "Figures in the real report"). */
export const REAL_FIGURES: KeyFigures = {
  year: 2023,
  departmentName: '中国共产党广州市委员会政法委员会',
  finalTotal: '10105.79',
  selfScore: '96.97',
  indicators: 15,
  managementRows: 23,
};

export function keyFigures(doc: ReportDocument): KeyFigures {
  return {
    year: doc.year,
    departmentName: doc.departmentName,
    finalTotal: doc.byNature.TOTAL.final,
    selfScore: doc.score.total,
    indicators: doc.indicators.length,
    managementRows: doc.managementScores.length,
  };
}

/**
 * A document without what depends on where its text sits in the file (line numbers, pages, the
 * file name), to compare a variant that moves lines with the real report.
 */
export function withoutPlaces(doc: ReportDocument): unknown {
  return JSON.parse(
    JSON.stringify(doc, (key, value: unknown) =>
      key === 'line' || key === 'page' || key === 'pageStarts' || key === 'sourceFile'
        ? undefined
        : value,
    ),
  );
}

/** Lines `from`..`to` (1-based, inclusive) of the real report's file. */
export function realLines(from: number, to: number): string[] {
  return realReportText()
    .split('\n')
    .slice(from - 1, to);
}

/** The real report's file with lines `from`..`to` (1-based, inclusive) replaced. */
export function replaceRealLines(from: number, to: number, replacement: readonly string[]): string {
  const lines = realReportText().split('\n');
  lines.splice(from - 1, to - from + 1, ...replacement);
  return lines.join('\n');
}
