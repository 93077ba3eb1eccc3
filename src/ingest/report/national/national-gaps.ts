/**
 * Budget figures a national-framework report gives only in part (docs/domain.md, "Other
 * templates"): a report may leave out a whole budget stage or the basic / project split, which
 * template-notes.ts says; these notes are for what is half there and would otherwise be an empty
 * value nobody explains — an expenditure table missing one of its rows, rows of amounts no table
 * header was found for, one half of the basic / project split.
 */
import type { NatureCategory } from '../../../db/tables.js';
import type { ParseNote, StageAmounts } from '../../report-document.js';
import { AMOUNT_CELL, NATURE_ROWS } from '../parse-expenditure-table.js';
import { compact, type SourceLine } from '../source-text.js';
import type { NationalBudgetTable } from './national-budget-table.js';

const TABLE = '部门整体支出情况表';
const CATEGORY_NAMES: Readonly<Record<NatureCategory, string>> = {
  TOTAL: '合计',
  BASIC: '基本支出',
  PERSONNEL: '人员经费',
  PUBLIC: '公用经费',
  PROJECT: '项目支出',
};
/** A line that reads like a row of an expenditure table: a category and two or more amounts. */
const AMOUNT_ROW = new RegExp(String.raw`^(\S+?)\s*${AMOUNT_CELL}(?:\s+${AMOUNT_CELL})+$`);

function note(message: string): ParseNote {
  return { check: 'stated.not_found', severity: 'WARNING', message, expected: null, actual: null };
}

/** The notes on what the budget figures lack in part; `outside` are the lines outside tables. */
export function nationalBudgetGaps(
  table: NationalBudgetTable | null,
  outside: readonly SourceLine[],
  byNature: Readonly<Record<NatureCategory, StageAmounts>>,
): ParseNote[] {
  const notes: ParseNote[] = [];
  if (table) {
    for (const [category] of NATURE_ROWS) {
      if (table.byNature[category]) continue;
      notes.push(
        note(`${TABLE}：未找到「${CATEGORY_NAMES[category]}」行，该行各阶段金额按文中所述或留空`),
      );
    }
  } else {
    const row = outside.find((l) => {
      const match = AMOUNT_ROW.exec(l.text);
      return match !== null && NATURE_ROWS.some(([, label]) => label.test(compact(match[1]!)));
    });
    if (row) {
      notes.push(
        note(
          `${TABLE}：第 ${row.no} 行像是支出情况表的一行，但未找到表头（年初预算数、全年预算数、决算数），表中金额未读入`,
        ),
      );
    }
  }
  const basic = byNature.BASIC.final !== null;
  const project = byNature.PROJECT.final !== null;
  if (basic !== project) {
    const lacking = basic ? '项目支出' : '基本支出';
    notes.push(note(`部门整体支出情况：未找到「${lacking}」决算数，该数留空，支出结构无法核对`));
  }
  return notes;
}
