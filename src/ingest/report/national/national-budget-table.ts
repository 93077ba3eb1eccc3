/**
 * An expenditure-by-nature table in a national-framework report (部门整体支出情况表): rows 合计,
 * 基本支出, 人员经费, 公用经费, 项目支出 and one column per stage the report gives (年初预算数,
 * 全年预算数 or 调整后预算数, 决算数), in the order its header names them. Stages the table does not
 * have stay null (docs/domain.md, "表2 expenditure by nature" for the categories and stages).
 */
import type { NatureCategory } from '../../../db/tables.js';
import type { StageAmounts } from '../../report-document.js';
import { ReportParseError } from '../report-parse-error.js';
import { compact, type SourceLine } from '../source-text.js';
import { isTableTitle } from './table-title.js';
import { AMOUNT_CELL, amount, NATURE_ROWS } from '../parse-expenditure-table.js';

const SECTION = '部门整体支出情况表';

/** Stage columns by what their header says; 全年预算 is the budget as adjusted during the year. */
/** A stage of 表2-like amounts (the row's line is kept beside them). */
type Stage = Exclude<keyof StageAmounts, 'line'>;

const STAGES: readonly (readonly [Stage, RegExp])[] = [
  ['initialBudget', /年初预算数?/],
  ['fullYearBudget', /全年预算数?|调整后?预算数?/],
  ['final', /决算数?|实际支出数?/],
];

/** Words of the header, which may be broken over lines cell by cell. */
const HEADER_WORDS =
  /按?支出性质分类|支出性质|项目|科目|单位[：:]?万元|[（(]?万元[)）]?|金额|年初预算数?|全年预算数?|调整后?预算数?|决算数?|实际支出数?|本年/g;

/** The table as read, with the lines it spans (indices into the lines given). */
export interface NationalBudgetTable {
  byNature: Partial<Record<NatureCategory, StageAmounts>>;
  start: number;
  end: number;
}

function isHeaderLine(text: string): boolean {
  const c = compact(text);
  return c !== '' && c.replace(HEADER_WORDS, '') === '';
}

/** The stage columns a header names, in its order, or null when it names none. */
function stagesOf(header: string): Stage[] | null {
  const found = STAGES.map(([stage, word]) => ({ stage, at: header.search(word) }))
    .filter((s) => s.at >= 0)
    .sort((a, b) => a.at - b.at);
  return found.length === 0 ? null : found.map((s) => s.stage);
}

/**
 * Finds and reads the expenditure table among `lines`, or returns null when there is none. A
 * category found twice, or an amount that is not a number, is a ReportParseError: budget figures
 * are essential and must not be guessed.
 */
export function parseNationalBudgetTable(
  file: string,
  lines: readonly SourceLine[],
): NationalBudgetTable | null {
  for (let i = 0; i < lines.length; i++) {
    if (!isHeaderLine(lines[i]!.text)) continue;
    let k = i;
    let header = '';
    while (k < lines.length && isHeaderLine(lines[k]!.text)) header += compact(lines[k++]!.text);
    const stages = stagesOf(header);
    if (!stages) {
      i = k - 1;
      continue;
    }
    const row = new RegExp(
      String.raw`^(.*?)\s*${Array(stages.length)
        .fill(AMOUNT_CELL)
        .join(String.raw`\s+`)}$`,
    );
    const byNature: Partial<Record<NatureCategory, StageAmounts>> = {};
    let end = k;
    for (; end < lines.length; end++) {
      const line = lines[end]!;
      const match = row.exec(line.text);
      if (!match) break;
      const label = compact(match[1]!);
      const category = NATURE_ROWS.find(([, pattern]) => pattern.test(label))?.[0];
      if (!category) continue;
      if (byNature[category]) {
        throw new ReportParseError(file, SECTION, line.no, `row "${label}" appears twice`);
      }
      const amounts: StageAmounts = {
        initialBudget: null,
        fullYearBudget: null,
        final: null,
        line: line.no,
      };
      stages.forEach((stage, s) => {
        const cell = match[s + 2]!;
        amounts[stage] = amount(cell);
      });
      byNature[category] = amounts;
    }
    if (Object.keys(byNature).length === 0) {
      i = k - 1;
      continue;
    }
    const start = i > 0 && isTableTitle(lines[i - 1]!.text) ? i - 1 : i;
    return { byNature, start, end };
  }
  return null;
}
