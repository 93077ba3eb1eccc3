/**
 * One report per file (docs/domain.md, "Reconciliation", repeated content). A file that holds a
 * second report title, or a table of the template a second time, is refused with the line of the
 * second copy: the parser reads the first copy of every figure, so whatever the second copy says
 * would be ignored, and a report appended to another (two files concatenated, a PDF binder of
 * several departments) would be stored as if it were not there. A finance bureau would rather
 * split the file than have a report it sent in lost without a word; a finding on a stored report
 * would not bring the second report in.
 */
import { ReportParseError } from './report-parse-error.js';
import { compact, type SourceLine } from './source-text.js';

/** The report words of a title, as parse-title.ts knows them, at the end of its last line. */
const TITLE_END =
  /(?:部门|单位|机关)?(?:[（(](?:单位|部门)[)）])?整体支出(?:绩效)?(?:自评|自我评价|自我绩效评价|绩效自评|自评价|评价)(?:情况)?报告(?:[（(]\d{4}年度?[)）])?$/;
/** What stands before the report words in a title: a department and a year, no sentence. */
const TITLE_HEAD = /^[《“"]?(?:\d{4}年度?)?[^\d，。；：,;:！？!?、]{2,40}?(?:\d{4}年度?)?$/;
const YEAR = /\d{4}年/;
/** A title spans at most this many lines; a report's first heading follows within HEADING_NEAR. */
const TITLE_LINES = 4;
const HEADING_NEAR = 6;
const FIRST_HEADING = /^(?:一[、.．]|[（(]一[)）])/;

/** The line index after a title that starts at `i`, or -1 when no title starts there. */
function titleAt(lines: readonly SourceLine[], i: number): number {
  let joined = '';
  for (let k = i; k < Math.min(lines.length, i + TITLE_LINES); k++) {
    joined += compact(lines[k]!.text);
    const words = TITLE_END.exec(joined);
    if (!words) continue;
    const head = joined.slice(0, words.index);
    return TITLE_HEAD.test(head) && YEAR.test(head) ? k + 1 : -1;
  }
  return -1;
}

/**
 * Refuses a second report in `lines` (a report's lines after its title, which is `title`): the
 * same title again, or another report's title followed by the first heading of a report.
 */
export function refuseSecondReport(
  file: string,
  title: { title: string; line: number },
  lines: readonly SourceLine[],
): void {
  const own = compact(title.title);
  for (let i = 0; i < lines.length; i++) {
    const after = titleAt(lines, i);
    if (after < 0) continue;
    const text = lines
      .slice(i, after)
      .map((l) => compact(l.text))
      .join('');
    const near = lines.slice(after, after + HEADING_NEAR);
    if (!text.includes(own) && !near.some((l) => FIRST_HEADING.test(compact(l.text)))) continue;
    throw new ReportParseError(
      file,
      '标题',
      lines[i]!.no,
      `a second report title "${text}" (the first is at line ${title.line}): the file holds more than one report, or one report twice; split it into one report per file`,
    );
  }
}

/**
 * Refuses a table that appears twice: `find` locates the table's caption (as its parser does),
 * and a second caption after the first means a second copy of the table, which would be ignored.
 */
export function refuseRepeatedTable(
  file: string,
  table: string,
  lines: readonly SourceLine[],
  find: (lines: readonly SourceLine[]) => number,
): void {
  const first = find(lines);
  if (first < 0) return;
  const again = find(lines.slice(first + 1));
  if (again < 0) return;
  throw new ReportParseError(
    file,
    table,
    lines[first + 1 + again]!.no,
    `${table} appears a second time (first at line ${lines[first]!.no}): the file holds the report's tables twice; keep one copy`,
  );
}
