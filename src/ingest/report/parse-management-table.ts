import { parseDecimal, printedDecimals } from '../decimal.js';
import type { ManagementScoreRow } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { compact, type SourceLine } from './source-text.js';
import { CELL_SEPARATOR, isTabbed } from './tabbed-table-rows.js';

const SECTION = '表4 管理效率自评得分情况';

const HEADER = /^一级指标.*三级指标/;
/** A scored row: name part, then 分值, 得分 and 得分率 (`采购合同签订时效性 3 1 33.33%`). */
const ROW = /^(.*?)\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*[%％]$/;
/** Level-1 parts of the score: the management table's own and the duty part's. */
const LEVEL1 = /^(管理效率|履职效能)$/;
/** Level-2 groups of the management template; also recognised by their typical endings. */
const LEVEL2 =
  /^(预算编制|预算执行|信息公开|绩效管理|采购管理|资产管理|运行成本|财务管理|项目管理|人员管理|制度建设|\S{2,6}(管理|编制|执行|公开|成本|控制))$/;

/** Index of the line that starts 表4, or -1. */
export function findManagementTable(lines: readonly SourceLine[]): number {
  return lines.findIndex(
    (l) => /^表4/.test(compact(l.text)) || /^表\S*管理效率/.test(compact(l.text)),
  );
}

/**
 * Parses 表4. Level-1 and level-2 names stand on lines of their own (merged cells) or before a
 * row's level-3 name; each scored row carries weight (分值), score (得分) and rate (得分率).
 * A level-3 name broken over two lines arrives as a label line followed by a row with no name.
 * One line per row with its cells separated (jixiao's own PDF extraction) is read by cell.
 */
export function parseManagementTable(
  file: string,
  lines: readonly SourceLine[],
): ManagementScoreRow[] {
  const start = findManagementTable(lines);
  if (start < 0) {
    throw new ReportParseError(
      file,
      SECTION,
      lines[0]?.no ?? null,
      'table 4 (表4 管理效率自评得分情况) not found',
    );
  }
  const rows: ManagementScoreRow[] = [];
  let level1 = '';
  let level2 = '';
  let pending = '';
  for (const line of lines.slice(start + 1)) {
    const text = line.text;
    if (HEADER.test(compact(text))) continue;
    const match = ROW.exec(text);
    if (!match) {
      if (/\d/.test(text)) {
        throw new ReportParseError(
          file,
          SECTION,
          line.no,
          `row does not end with weight, score and rate: "${text}"`,
        );
      }
      const label = compact(text);
      if (LEVEL1.test(label) || (!level1 && !LEVEL2.test(label))) level1 = label;
      else if (LEVEL2.test(label)) {
        level2 = label;
        pending = '';
      } else pending += label;
      continue;
    }
    let level3: string;
    if (isTabbed(line)) {
      // One line per row, cells separated: a merged level-1 or level-2 cell comes with the first
      // row it spans, so the name cells are [level1, level2, level3], [level2, level3] or [level3].
      const names = match[1]!.split(CELL_SEPARATOR).map(compact).filter(Boolean);
      if (names.length >= 3) level1 = names.shift()!;
      if (names.length === 2 && LEVEL1.test(names[0]!)) level1 = names.shift()!;
      if (names.length === 2) level2 = names.shift()!;
      level3 = pending + names.join('');
    } else {
      const parts = match[1]!.trim().split(/\s+/).filter(Boolean);
      if (parts.length > 1 && LEVEL2.test(parts[0]!)) level2 = parts.shift()!;
      level3 = pending + parts.join('');
    }
    pending = '';
    if (!level3) {
      throw new ReportParseError(
        file,
        SECTION,
        line.no,
        'scored row has no level-3 indicator name',
      );
    }
    const [weight, score, scoreRate] = [match[2]!, match[3]!, match[4]!].map(parseDecimal);
    if (!weight || !score || !scoreRate) {
      throw new ReportParseError(
        file,
        SECTION,
        line.no,
        `weight, score or rate is not a number: "${text}"`,
      );
    }
    rows.push({
      seq: rows.length + 1,
      level1: level1 || '管理效率',
      level2,
      level3,
      weight,
      score,
      scoreRate,
      scoreRateDecimals: printedDecimals(match[4]!),
      line: line.no,
    });
  }
  if (rows.length === 0) {
    throw new ReportParseError(file, SECTION, lines[start]!.no, 'table 4 has no scored rows');
  }
  return rows;
}
