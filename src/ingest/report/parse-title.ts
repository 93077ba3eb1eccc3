import { ReportParseError } from './report-parse-error.js';
import { compact, type SourceLine } from './source-text.js';
import { statedFiscalYear } from './stated-fiscal-year.js';
import { isWebPageFurniture } from './web-page-furniture.js';

/** The report's title line(s): fiscal year and department. */
export interface ReportTitle {
  title: string;
  year: number;
  departmentName: string;
  /** The line the title begins on. */
  line: number;
  /** Index of the first line after the title. */
  next: number;
  /**
   * Text after the title on the title's last line, where the text runs on without line breaks
   * (`…自评报告根据…`); null or absent when the title ends its line.
   */
  remainder?: SourceLine | null;
}

/**
 * The words that make a title the title of this report, in the forms departments use:
 * 部门/机关/单位整体支出 + 绩效自评, 自我评价, 自我绩效评价 or 评价 + 报告.
 */
const REPORT_WORDS =
  /(?:部门|单位|机关)?(?:[（(](?:单位|部门)[)）])?整体支出(?:绩效)?(?:自评|自我评价|自我绩效评价|绩效自评|自评价|评价)(?:情况)?报告/;
/** A year before or after the department: `2023年度…`, `…局2022年度`, `…局关于2023年…`. */
const LEADING_YEAR = /^(\d{4})年度?/;
const TRAILING_YEAR = /(\d{4})年度?$/;
/** After the report words: a file name's extension, or the year in brackets (`（2023年度）`). */
const FILE_SUFFIX = /^\.(?:pdf|docx?|wps|ofd)/i;
const YEAR_SUFFIX = /^[（(](\d{4})年度?[)）]/;
/** How many lines a title may be broken over. */
const TITLE_LINES = 4;
const NOT_FOUND =
  'title "<year>年度<department>部门整体支出绩效自评报告" not found at the top of the file';

/**
 * The fiscal years a report can evaluate. Performance self-evaluation of overall department
 * expenditure began in the 2000s; a year outside these is a misprint (`7023`, `2523`) that would
 * file the report under a year no analysis asks for, so it is refused rather than stored.
 */
export const FISCAL_YEARS = { first: 2000, last: 2100 } as const;

/** A title read whole whose year is outside FISCAL_YEARS: no other reading of it is tried. */
export class FiscalYearError extends ReportParseError {}

/** Refuses a fiscal year outside FISCAL_YEARS, naming the file and the title's line. */
export function checkFiscalYear(file: string, year: number, line: number | null): number {
  if (year < FISCAL_YEARS.first || year > FISCAL_YEARS.last) {
    throw new FiscalYearError(
      file,
      '标题',
      line,
      `the fiscal year ${year} is outside ${FISCAL_YEARS.first}–${FISCAL_YEARS.last}: a misprinted year`,
    );
  }
  return year;
}

/**
 * A department's name: not empty, and neither a year, the report words nor a sentence (a first
 * paragraph that merely mentions `…部门整体支出绩效自评报告` is not a title).
 */
function isDepartmentName(name: string): boolean {
  return (
    name.length > 0 && name.length <= 40 && !/\d{4}年|报告|整体支出|[，。；：,;:！？!?]/.test(name)
  );
}

/** Skips web-page furniture (索引号, 发布日期, breadcrumbs …) from `from`; returns the next index. */
function skipFurniture(lines: readonly SourceLine[], from: number): number {
  let i = from;
  while (i < lines.length && isWebPageFurniture(lines[i]!.text)) i++;
  return i;
}

/** `text` without its first `count` non-whitespace characters. */
function dropNonSpace(text: string, count: number): string {
  let seen = 0;
  let at = 0;
  while (at < text.length && seen < count) {
    if (!/\s/.test(text[at]!)) seen++;
    at++;
  }
  return text.slice(at).trim();
}

interface TitleWords {
  title: string;
  year: number | null;
  departmentName: string;
  /** Characters of the joined lines after the title. */
  after: string;
}

/** Splits joined title text into year, department and report words. */
function readTitle(joined: string, words: RegExpExecArray): TitleWords {
  const printed = joined.slice(0, words.index).replace(/^[《“"「]+/, '');
  let after = joined.slice(words.index + words[0].length);
  let title = printed + words[0];
  let year: number | null = null;
  const suffixYear = YEAR_SUFFIX.exec(after);
  if (suffixYear) {
    year = Number(suffixYear[1]);
    title += suffixYear[0];
    after = after.slice(suffixYear[0].length);
  }
  after = after.replace(/^[》”"」]+/, '').replace(FILE_SUFFIX, '');
  let department = printed.replace(/^关于/, '');
  const leading = LEADING_YEAR.exec(department);
  if (leading) department = department.slice(leading[0].length);
  department = department.replace(/(?:关于|的)$/, '');
  const trailing = leading ? null : TRAILING_YEAR.exec(department);
  if (trailing) department = department.slice(0, trailing.index).replace(/关于$/, '');
  const titleYear = leading ?? trailing;
  if (titleYear) year ??= Number(titleYear[1]);
  return { title, year, departmentName: department, after };
}

/**
 * Reads the title: `2023年度<department>部门整体支出绩效自评报告` and the forms other departments
 * use (docs/domain.md, "Title"): the department before the year, `年` without `度`, no year at all
 * (the year then comes from the text, see statedFiscalYear), 评价报告 or 自我评价报告 for 自评报告,
 * 机关 or 单位 for 部门, broken over up to four lines, with a file extension, and below web-page
 * furniture, which is skipped. The department never absorbs the year or the report words; a
 * title without a department or a year that the text can supply is refused.
 */
export function parseTitle(file: string, lines: readonly SourceLine[]): ReportTitle {
  const start = skipFurniture(lines, 0);
  let joined = '';
  for (let i = start; i < Math.min(lines.length, start + TITLE_LINES); i++) {
    joined += compact(lines[i]!.text);
    const words = REPORT_WORDS.exec(joined);
    if (!words) continue;
    const read = readTitle(joined, words);
    const fail = (detail: string): never => {
      throw new ReportParseError(file, '标题', lines[start]!.no, detail);
    };
    if (!isDepartmentName(read.departmentName)) {
      fail(`no department name in the title "${read.title}"`);
    }
    let next = i + 1;
    if (read.after === '' && next < lines.length && FILE_SUFFIX.test(compact(lines[next]!.text))) {
      next++;
    }
    const line = lines[i]!;
    const rest = dropNonSpace(line.text, compact(line.text).length - read.after.length);
    const remainder = read.after === '' ? null : { ...line, text: rest, pageStart: false };
    const body = [...(remainder ? [remainder] : []), ...lines.slice(next)];
    let year = read.year;
    if (year === null) {
      const stated = statedFiscalYear(body);
      year =
        stated.year ??
        fail(
          stated.years.length > 0
            ? `the title states no year and the text names several (${stated.years.join(', ')})`
            : 'the title states no year and the text names none (…年度部门整体支出, …年度预算收入)',
        );
    }
    return {
      title: read.title,
      year: checkFiscalYear(file, year, lines[start]!.no),
      departmentName: read.departmentName,
      line: lines[start]!.no,
      next: skipFurniture(lines, next),
      remainder,
    };
  }
  throw new ReportParseError(file, '标题', lines[start]?.no ?? lines[0]?.no ?? 1, NOT_FOUND);
}
