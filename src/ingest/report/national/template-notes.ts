/**
 * Notes on the parts a national-framework report lacks (docs/domain.md, "Other templates"). They
 * are stored as data-quality issues, so that an analyst sees why a report has no 履职效能 score
 * or no execution rate instead of guessing. Two kinds:
 * - `template.missing_part`: the template has no such part at all (the 履职效能 / 管理效率 split,
 *   表1 key tasks); the field stays null or empty rather than being invented;
 * - `template.part_not_found`: the template may have the part, this report does not show it.
 */
import type { ParseNote } from '../../report-document.js';

/** A part of the stored model that a national report may lack, in the order notes are listed. */
export const NATIONAL_PARTS = [
  'SCORE_PARTS',
  'KEY_TASKS',
  'INITIAL_BUDGET',
  'FULL_YEAR_BUDGET',
  'NATURE_SPLIT',
  'SCORE_TABLE',
  'INDICATOR_TABLE',
  'PROBLEMS',
  'IMPROVEMENTS',
] as const;

export type NationalPart = (typeof NATIONAL_PARTS)[number];

const NOTES: Readonly<Record<NationalPart, { check: string; message: string }>> = {
  SCORE_PARTS: {
    check: 'template.missing_part',
    message:
      'national framework (财预〔2013〕53号) scores 投入/过程/产出/效果 in one table: no 履职效能/管理效率 split, so the duty and management scores stay empty',
  },
  KEY_TASKS: {
    check: 'template.missing_part',
    message: 'national framework has no 表1 重点工作任务 table: no key tasks are stored',
  },
  INITIAL_BUDGET: {
    check: 'template.part_not_found',
    message:
      'no 年初预算数 (initial budget) of total expenditure: budget adjustment cannot be computed',
  },
  FULL_YEAR_BUDGET: {
    check: 'template.part_not_found',
    message:
      'no 全年预算数 / 调整后预算数 (full-year budget) of total expenditure: execution rate cannot be computed',
  },
  NATURE_SPLIT: {
    check: 'template.part_not_found',
    message: 'no 基本支出 / 项目支出 amounts: expenditure shares cannot be computed',
  },
  SCORE_TABLE: {
    check: 'template.part_not_found',
    message:
      'no score table (一级指标 二级指标 三级指标 分值 得分): no scoring rows or table deductions',
  },
  INDICATOR_TABLE: {
    check: 'template.part_not_found',
    message: 'no key indicator table (指标名称 年度目标值 实际完成值): no indicators to judge',
  },
  PROBLEMS: {
    check: 'template.part_not_found',
    message: 'no 存在的问题 section: no problems are stored',
  },
  IMPROVEMENTS: {
    check: 'template.part_not_found',
    message: 'no 改进措施 section: no improvement measures are stored',
  },
};

/** The note saying that a national report lacks `part`. */
export function nationalPartNote(part: NationalPart): ParseNote {
  const { check, message } = NOTES[part];
  return { check, severity: 'WARNING', message, expected: null, actual: null };
}

/** Notes for the parts a report lacks, in the canonical order of NATIONAL_PARTS. */
export function nationalPartNotes(missing: ReadonlySet<NationalPart>): ParseNote[] {
  return NATIONAL_PARTS.filter((p) => missing.has(p)).map(nationalPartNote);
}
