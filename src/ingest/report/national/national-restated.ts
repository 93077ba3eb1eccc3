/**
 * Figures a national-framework report states twice where the document keeps one statement
 * (docs/domain.md, "Reconciliation"): 人员经费 and 公用经费 in the prose and in the expenditure
 * table (the table's are kept), the score table's 合计 row and its rows (the rows are kept), and
 * the self-score the prose leaves out (the table's is taken). Each difference is a note naming
 * both statements, as reconcile.ts words the figures it compares itself.
 */
import type { NatureCategory } from '../../../db/tables.js';
import { figureText } from '../../figure-text.js';
import { sumCheck } from '../../reconcile-checks.js';
import { reconcileWording, type StatedName } from '../../reconcile-wording.js';
import type { ParseNote, SelfScore } from '../../report-document.js';
import type { NationalBudgetProse } from './national-budget-prose.js';
import type { NationalBudgetTable } from './national-budget-table.js';
import type { ScoreTable } from './parse-score-table.js';

const words = reconcileWording('NATIONAL_53');

const PROSE_PARTS: readonly (readonly [NatureCategory, StatedName, 'personnel' | 'public'])[] = [
  ['PERSONNEL', 'personnel_final', 'personnel'],
  ['PUBLIC', 'public_final', 'public'],
];

/** 人员经费 and 公用经费 of the prose against the expenditure table's final amounts. */
function proseVsTable(prose: NationalBudgetProse, table: NationalBudgetTable | null): ParseNote[] {
  return PROSE_PARTS.flatMap(([category, name, key]) => {
    const stated = prose[key];
    const row = table?.byNature[category];
    if (!stated || !row?.final) return [];
    const note = sumCheck(
      `nature.${key}_vs_stated`,
      () => words.statedVsNature({ name, line: stated.line }, category, 'final', row.line),
      [row.final],
      stated.value,
    );
    return note ? [note] : [];
  });
}

/** The score table's 合计 row against the sums of its rows. */
function totalRow(table: ScoreTable | null): ParseNote[] {
  if (!table?.total) return [];
  const { total, rows } = table;
  const check = (column: '分值' | '得分', stated: string, parts: string[]) =>
    sumCheck(
      `score.table_total_row`,
      () => ({
        unit: '分',
        figure: `评分表「合计」${column}（第 ${total.line} 行）`,
        computed: `评分表 ${rows.length} 个三级指标${column}合计`,
      }),
      parts,
      stated,
    );
  return [
    check(
      '分值',
      total.weight,
      rows.map((r) => r.weight),
    ),
    check(
      '得分',
      total.score,
      rows.map((r) => r.score),
    ),
  ].filter((n): n is ParseNote => n !== null);
}

/** The notes on a national report's restated figures; `statedTotal` says the prose states the score. */
export function nationalRestatedNotes(
  prose: NationalBudgetProse,
  budgetTable: NationalBudgetTable | null,
  scoreTable: ScoreTable | null,
  statedTotal: boolean,
  score: SelfScore,
): ParseNote[] {
  const notes = [...proseVsTable(prose, budgetTable), ...totalRow(scoreTable)];
  if (!statedTotal && scoreTable) {
    notes.push({
      check: 'stated.not_found',
      severity: 'WARNING',
      message: `绩效自评情况：未找到「自评得分」，按评分表${scoreTable.total ? '「合计」行' : '各行得分合计'}取 ${figureText(score.total, '分')}，无法与评分表核对`,
      expected: null,
      actual: null,
    });
  }
  return notes;
}
