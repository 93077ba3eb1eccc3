import type { NatureCategory } from '../../db/tables.js';
import { parseDecimal } from '../decimal.js';
import type { StageAmounts } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { compact, type SourceLine } from './source-text.js';

const SECTION = '表2 部门整体支出决算表';

/**
 * Row labels of expenditure by nature by meaning, in either template; the order matters: 基本支出
 * before its parts.
 */
export const NATURE_ROWS: readonly (readonly [NatureCategory, RegExp])[] = [
  ['TOTAL', /合计|总计/],
  ['PERSONNEL', /人员经费/],
  ['PUBLIC', /公用经费/],
  ['BASIC', /基本支出/],
  ['PROJECT', /项目支出/],
];

/** An amount cell: a number, or a dash for "none". */
export const AMOUNT_CELL = String.raw`(\d[\d,]*(?:\.\d+)?|[-－—]+)`;
const ROW = new RegExp(String.raw`^(.*?)\s*${AMOUNT_CELL}\s+${AMOUNT_CELL}\s+${AMOUNT_CELL}$`);

/** The amount of a cell of AMOUNT_CELL, exact; null for a dash. */
export function amount(cell: string): string | null {
  return /^[-－—]+$/.test(cell) ? null : parseDecimal(cell);
}

/** Index of the line that starts 表2 (`表 2 2023年部门整体支出决算表`), or -1. */
export function findExpenditureTable(lines: readonly SourceLine[]): number {
  return lines.findIndex(
    (l) => /^表2/.test(compact(l.text)) || /^表\S*支出决算表/.test(compact(l.text)),
  );
}

/**
 * Parses 表2: five categories (合计, 基本支出, 人员经费, 公用经费, 项目支出) x three stages
 * (年初预算数, 全年预算数, 决算数). Each row must be found exactly once.
 */
export function parseExpenditureTable(
  file: string,
  lines: readonly SourceLine[],
): Record<NatureCategory, StageAmounts> {
  const start = findExpenditureTable(lines);
  if (start < 0) {
    throw new ReportParseError(
      file,
      SECTION,
      lines[0]?.no ?? null,
      'table 2 (表2 部门整体支出决算表) not found',
    );
  }
  const found: Partial<Record<NatureCategory, StageAmounts>> = {};
  for (const line of lines.slice(start + 1)) {
    const match = ROW.exec(line.text);
    const label = compact(match ? match[1]! : line.text.replace(/\s.*$/, ''));
    const category = NATURE_ROWS.find(([, pattern]) => pattern.test(label))?.[0];
    if (!category) continue;
    if (!match) {
      throw new ReportParseError(
        file,
        SECTION,
        line.no,
        `row "${label}" does not hold three amounts: "${line.text}"`,
      );
    }
    if (found[category]) {
      throw new ReportParseError(file, SECTION, line.no, `row "${label}" appears twice`);
    }
    const stages = [match[2]!, match[3]!, match[4]!].map(amount);
    found[category] = {
      initialBudget: stages[0]!,
      fullYearBudget: stages[1]!,
      final: stages[2]!,
      line: line.no,
    };
  }
  for (const [category, pattern] of NATURE_ROWS) {
    if (!found[category]) {
      throw new ReportParseError(
        file,
        SECTION,
        lines[start]!.no,
        `row ${pattern.source.split('|')[0]} with three amounts not found in table 2`,
      );
    }
  }
  return found as Record<NatureCategory, StageAmounts>;
}
