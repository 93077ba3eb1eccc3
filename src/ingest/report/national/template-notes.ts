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

/** The words of each note, in Chinese like the report (the parts named as the framework names them). */
const NOTES: Readonly<Record<NationalPart, { check: string; message: string }>> = {
  SCORE_PARTS: {
    check: 'template.missing_part',
    message:
      '全国共性指标框架（财预〔2013〕53号）在一张评分表中按投入/过程/产出/效果评分，没有履职效能/管理效率之分，履职效能得分与管理效率得分留空',
  },
  KEY_TASKS: {
    check: 'template.missing_part',
    message: '全国共性指标框架没有表1 重点工作任务完成情况表，不存储重点工作任务',
  },
  INITIAL_BUDGET: {
    check: 'template.part_not_found',
    message: '报告未列支出合计的年初预算数，无法计算预算调整率',
  },
  FULL_YEAR_BUDGET: {
    check: 'template.part_not_found',
    message: '报告未列支出合计的全年预算数（调整后预算数），无法计算支出执行率',
  },
  NATURE_SPLIT: {
    check: 'template.part_not_found',
    message: '报告未列基本支出、项目支出金额，无法计算支出结构占比',
  },
  SCORE_TABLE: {
    check: 'template.part_not_found',
    message:
      '未找到评分表（一级指标、二级指标、三级指标、分值、得分），没有评分行，也无法从表中读出扣分',
  },
  INDICATOR_TABLE: {
    check: 'template.part_not_found',
    message: '未找到关键绩效指标表（指标名称、年度目标值、实际完成值），没有可判断的指标',
  },
  PROBLEMS: {
    check: 'template.part_not_found',
    message: '未找到「存在的问题」一节，不存储问题',
  },
  IMPROVEMENTS: {
    check: 'template.part_not_found',
    message: '未找到「改进措施」一节，不存储改进措施',
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
