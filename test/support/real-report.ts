import { readFileSync } from 'node:fs';
import { splitLines, type SourceLine } from '../../src/ingest/report/source-text.js';

/** The real 2023 report of the Guangzhou Political-Legal Committee, as seeded. */
export const REAL_REPORT_FILE = 'seeds/reports/000_541c9492cc78057a.txt';

export function realReportText(): string {
  return readFileSync(REAL_REPORT_FILE, 'utf8');
}

export function realReportLines(): SourceLine[] {
  return splitLines(realReportText());
}

/** Lines of the real report between two line numbers (inclusive), as a section parser sees them. */
export function realReportSlice(from: number, to: number): SourceLine[] {
  return realReportLines().filter((l) => l.no >= from && l.no <= to);
}
