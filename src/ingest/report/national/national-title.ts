/**
 * The title of a national-framework report. Reports of the provinces that use the framework
 * usually name the department first (`XX县财政局2022年度部门整体支出绩效自评报告`); some put the
 * year first as Guangzhou does. The year-first form is read by the Guangzhou title parser, so
 * that both families agree on it; the department-first form is read here.
 */
import { checkFiscalYear, FiscalYearError, parseTitle, type ReportTitle } from '../parse-title.js';
import { ReportParseError } from '../report-parse-error.js';
import { compact, type SourceLine } from '../source-text.js';

/** `<department><year>年度(部门|单位|机关)整体支出绩效(自评|评价)(自评)报告`. */
const DEPARTMENT_FIRST =
  /^(.+?)(\d{4})年度?(?:部门|单位|机关)?整体支出绩效(?:自评|评价)(?:自评)?报告$/;

/** How many lines a title may be broken over by extraction. */
const TITLE_LINES = 6;

/**
 * Reads the fiscal year and the department from the title at the top of the file, in either
 * order; a title that names neither is a ReportParseError (the title is essential).
 */
export function parseNationalTitle(file: string, lines: readonly SourceLine[]): ReportTitle {
  try {
    return parseTitle(file, lines);
  } catch (error) {
    if (!(error instanceof ReportParseError) || error instanceof FiscalYearError) throw error;
  }
  let joined = '';
  for (let i = 0; i < Math.min(lines.length, TITLE_LINES); i++) {
    joined += compact(lines[i]!.text);
    if (!/报告/.test(joined)) continue;
    const match = DEPARTMENT_FIRST.exec(joined);
    if (!match) break;
    const year = checkFiscalYear(file, Number(match[2]), lines[0]!.no);
    return { title: joined, year, departmentName: match[1]!, line: lines[0]!.no, next: i + 1 };
  }
  throw new ReportParseError(
    file,
    '标题',
    lines[0]?.no ?? 1,
    'title "<department><year>年度部门整体支出绩效自评报告" or "<year>年度<department>部门整体支出绩效自评报告" not found at the top of the file',
  );
}
