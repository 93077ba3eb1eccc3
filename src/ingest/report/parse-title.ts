import { ReportParseError } from './report-parse-error.js';
import { compact, type SourceLine } from './source-text.js';

/** The report's title line(s): fiscal year and department. */
export interface ReportTitle {
  title: string;
  year: number;
  departmentName: string;
  /** Index of the first line after the title. */
  next: number;
}

const TITLE = /^(\d{4})年度?(.+?)(?:部门)?整体支出绩效自评报告$/;

/**
 * Reads `2023年度<department>部门整体支出绩效自评报告`, which PDF extraction may break over
 * several lines, from the lines before the first section.
 */
export function parseTitle(file: string, lines: readonly SourceLine[]): ReportTitle {
  let joined = '';
  for (let i = 0; i < Math.min(lines.length, 6); i++) {
    joined += compact(lines[i]!.text);
    if (/自评报告/.test(joined)) {
      const match = TITLE.exec(joined);
      if (!match) break;
      return { title: joined, year: Number(match[1]), departmentName: match[2]!, next: i + 1 };
    }
  }
  throw new ReportParseError(
    file,
    '标题',
    lines[0]?.no ?? 1,
    'title "<year>年度<department>部门整体支出绩效自评报告" not found at the top of the file',
  );
}
