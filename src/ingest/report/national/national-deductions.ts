/**
 * Deductions (扣分) of a national-framework report (docs/domain.md, "Deductions and their
 * trends"): every score-table row that scored below its weight loses weight − score points
 * (source TABLE); a clause of the evaluation prose that states lost points (`…，致使“预算完成率”
 * 指标被扣0.2分`) attaches its reason to the row it names, or failing that to the one row that
 * lost the same points (source BOTH). A stated deduction that matches no row is kept (source
 * PARAGRAPH) and noted, so that nothing the report says is lost.
 */
import { compareDecimals } from '../../decimal.js';
import type { Deduction, ManagementScoreRow, ParseNote } from '../../report-document.js';
import {
  attachStated,
  tableDeductions,
  unquoted,
  type StatedDeduction,
} from '../parse-deductions.js';
import { partOfLevel1 } from './national-vocabulary.js';

/** A stated clause's part when it names no row: by the level-1 indicator it names, else MANAGEMENT. */
function partOfClause(text: string): Deduction['part'] {
  return /产出|效果|效益|满意度/.test(text) ? 'DUTY' : 'MANAGEMENT';
}

/** Deductions from the score table and the stated clauses, with notes on clauses that disagree. */
export function scoreTableDeductions(
  rows: readonly ManagementScoreRow[],
  stated: readonly StatedDeduction[],
): { deductions: Deduction[]; notes: ParseNote[] } {
  // 投入/过程 → MANAGEMENT, 产出/效果 → DUTY: see partOfLevel1.
  const deductions = tableDeductions(rows, (r) => partOfLevel1(r.level1));
  const notes: ParseNote[] = [];
  for (const s of stated) {
    const text = unquoted(s.text);
    let matched = deductions.filter(
      (d) => d.source !== 'PARAGRAPH' && d.item !== null && text.includes(unquoted(d.item)),
    );
    // The framework repeats some level-3 names under two groups (管理制度健全性 under 预算管理
    // and 资产管理): the group the clause names decides.
    if (matched.length > 1) {
      const byGroup = matched.filter((d) => d.level2 !== null && text.includes(d.level2));
      if (byGroup.length > 0) matched = byGroup;
    }
    if (matched.length === 0) {
      const samePoints = deductions.filter(
        (d) => d.source === 'TABLE' && compareDecimals(d.points, s.points) === 0,
      );
      if (samePoints.length === 1) matched = samePoints;
    }
    notes.push(
      ...attachStated(deductions, s, matched, {
        part: partOfClause(text),
        unmatched:
          '绩效自评情况所述扣分：报告所列扣 {points}（{reason}），评分表中没有指标名称或失分与之对应的行，该扣分按文中所述单独计入',
        mismatch:
          '绩效自评情况所述扣分（{reason}）：报告所列扣 {points}，评分表对应行的失分（分值减得分）为{rows}，合计 {table}，相差 {difference}',
      }),
    );
  }
  return { deductions, notes };
}
