/**
 * Words of the national common indicator framework for a department's overall expenditure,
 * 财政部 财预〔2013〕53号 (docs/domain.md, "Other templates"): its level-1 indicators 投入 / 过程 /
 * 产出 / 效果 and the level-2 groups under them. Table cells are told apart by these words, since
 * extracted text keeps no column positions.
 */
import type { ScorePart } from '../../../db/tables.js';

/** The four level-1 indicators of the framework, in framework order. */
export const LEVEL1_NAMES = ['投入', '过程', '产出', '效果'] as const;

export type Level1Name = (typeof LEVEL1_NAMES)[number];

/** A weight printed with a level-1 or level-2 cell: `投入（20分）`, `过程(30)`. */
const CELL_WEIGHT = /[（(]\d+(?:\.\d+)?分?[)）]$/;

/** A level-1 cell as printed, or null: `投入`, `投入（20分）`, `投入指标`. */
export function level1Of(cell: string): Level1Name | null {
  const bare = cell.replace(CELL_WEIGHT, '').replace(/指标$/, '');
  return (LEVEL1_NAMES as readonly string[]).includes(bare) ? (bare as Level1Name) : null;
}

/**
 * The part of the stored model a score-table row belongs to. The framework has no 履职效能 /
 * 管理效率 split (docs/domain.md, "Other templates"); deductions still need a part so that
 * `deductionTrends` can group them: 投入 and 过程 judge how money was planned and managed, as
 * Guangzhou's 管理效率 does, so they count as MANAGEMENT; 产出 and 效果 judge what the department
 * delivered, as 履职效能 does, so they count as DUTY.
 */
export function partOfLevel1(level1: string): ScorePart {
  const name = level1Of(level1);
  return name === '产出' || name === '效果' ? 'DUTY' : 'MANAGEMENT';
}

/**
 * Level-2 groups of the framework (目标设定 … 履职效益) and the usual provincial variants. The
 * level-3 names 经济效益 / 社会效益 / 生态效益 are deliberately absent: under 履职效益 they are
 * level-3 rows, and a label line holding one is a row name, not a group.
 */
const LEVEL2_NAMES: ReadonlySet<string> = new Set([
  '目标设定',
  '预算配置',
  '预算执行',
  '预算管理',
  '资产管理',
  '职责履行',
  '履职效益',
  '财务管理',
  '资金管理',
  '采购管理',
  '绩效管理',
  '信息公开',
  '项目管理',
  '人员管理',
  '制度建设',
  '运行成本',
  '产出数量',
  '产出质量',
  '产出时效',
  '产出成本',
  '可持续影响',
  '满意度',
]);

/** Typical endings of other level-2 groups (`合同管理`, `政府采购执行`); 效益 ones excluded above. */
const LEVEL2_ENDING = /^\S{0,4}(管理|配置|执行|设定|履行|公开|建设)$/;

/** Whether a label cell names a level-2 group of the score table. */
export function isLevel2Name(cell: string): boolean {
  const bare = cell.replace(CELL_WEIGHT, '');
  return LEVEL2_NAMES.has(bare) || LEVEL2_ENDING.test(bare);
}

/**
 * A level-2 cell of a key-indicator table in the 一级/二级/三级指标 form: 数量指标, 质量指标,
 * 时效指标, 成本指标, 社会效益指标, 满意度指标, or the same without 指标 (产出数量, 社会效益 …).
 * Management groups (预算管理 …) are not among them: an indicator may well be named so.
 */
export function isIndicatorGroupName(cell: string): boolean {
  if (level1Of(cell) !== null) return false;
  return (
    /^\S{1,8}指标$/.test(cell) ||
    /^(?:产出(?:数量|质量|时效|成本)|(?:经济|社会|生态)效益|可持续影响|(?:服务对象)?满意度)$/.test(
      cell,
    )
  );
}
