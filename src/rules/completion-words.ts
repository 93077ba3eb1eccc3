/**
 * The vocabulary of actuals that only say the target was met (docs/domain.md, "Copied actuals"):
 * a whole 实际完成值 cell that is a completion word and nothing else (完成, 达到预期, 达标, 是, 好 …).
 * It lives in one place, here, and is read by the copied-actual rule in TypeScript and, as one
 * regular expression, by the analytics' SQL (src/rules/copied-actual.ts): the same words decide
 * both ways.
 *
 * Every word is matched against the whole normalised cell (spaces and punctuation removed,
 * full-width folded), never inside a longer text, so that 完成98%, 未完成, 不达标, 项目已于8月30日
 * 完成 and 满意度进一步提升 are not completion words: a cell with its own figure, a negation or a
 * subject says something of its own. Patterns use only literals, `(?:…)`, `|` and `?`, which
 * JavaScript and DuckDB's RE2 read alike.
 */

/** A family of completion words, by what the word claims. */
export type CompletionFamily =
  'DONE' | 'AS_PLANNED' | 'AS_EXPECTED' | 'MEETS_STANDARD' | 'AFFIRMATIVE' | 'GRADE';

/** Every family, in the order they are tried. */
export const COMPLETION_FAMILIES: readonly CompletionFamily[] = [
  'DONE',
  'AS_PLANNED',
  'AS_EXPECTED',
  'MEETS_STANDARD',
  'AFFIRMATIVE',
  'GRADE',
];

const any = (words: readonly string[]) => `(?:${words.join('|')})`;
const optional = (words: readonly string[]) => `${any(words)}?`;

/** Adverbs of completeness before the verb: 已完成, 均已完成, 全部完成, 顺利完成. */
const ALREADY = [
  '已',
  '已经',
  '均已',
  '均',
  '都已',
  '全部',
  '全面',
  '全部已',
  '已全部',
  '顺利',
  '圆满',
  '基本',
  '如数',
];

/** What was completed, when the cell names only the target itself: 完成目标, 完成年度目标任务. */
const DONE_OBJECTS = [
  '目标',
  '任务',
  '目标任务',
  '各项任务',
  '各项目标',
  '工作任务',
  '年度目标',
  '年度任务',
  '年度目标任务',
  '全年目标',
  '全年任务',
  '全年目标任务',
  '绩效目标',
  '预期目标',
  '预期指标',
  '目标值',
  '指标',
  '指标值',
  '计划',
  '年度计划',
  '工作计划',
  '既定目标',
];

/** Schedules a completion keeps: 按计划完成, 按期完成, 如期完成. */
const SCHEDULES = [
  '按计划',
  '按期',
  '按时',
  '如期',
  '按要求',
  '按进度',
  '按既定计划',
  '按照计划',
  '按年度计划',
];

/** Verbs of reaching what was expected: 达到预期, 达成预期指标, 实现目标, 符合预期. */
const REACH = ['达到', '达成', '实现', '符合', '满足', '完成'];

/** What was expected, as the cell names it. */
const EXPECTATIONS = [
  '预期',
  '预期目标',
  '预期指标',
  '预期值',
  '预期效果',
  '预期要求',
  '目标',
  '目标值',
  '年度目标',
  '绩效目标',
  '计划目标',
  '既定目标',
];

/** Standards met: 达标, 符合要求, 合格. */
const STANDARDS = ['要求', '标准', '规定', '规范'];

/**
 * The families as patterns over a normalised cell, each matched against the whole cell. The
 * examples in the comments are in test/completion-words.test.ts.
 */
export const COMPLETION_PATTERNS: Readonly<Record<CompletionFamily, string>> = {
  // 完成, 已完成, 全部完成, 完成了, 完成目标, 已完成年度目标任务, 全部完成年度任务.
  DONE: `${optional(ALREADY)}完成了?${optional(DONE_OBJECTS)}`,
  // 按计划完成, 已按期完成, 如期完成年度目标任务, 按计划推进.
  AS_PLANNED: `${optional(ALREADY)}${any(SCHEDULES)}${optional(ALREADY)}(?:完成|推进|实施|执行|落实)了?${optional(DONE_OBJECTS)}`,
  // 达到预期, 达成预期指标, 已实现目标, 符合预期, 完成预期目标, 达到目标, 达到预期目标.
  AS_EXPECTED: `${optional(ALREADY)}${any(REACH)}${any(EXPECTATIONS)}`,
  // 达标, 已达标, 全部达标, 合格, 符合要求, 满足要求, 达到要求, 符合标准.
  MEETS_STANDARD: `${optional(ALREADY)}(?:达标|合格|${any(REACH)}${any(STANDARDS)})`,
  // 是, 已, 有, √: a yes in a cell that asked for a value.
  AFFIRMATIVE: any(['是', '已', '有', '对', '√', '✓', '✔']),
  // 好, 良好, 较好, 优, 优秀, 优良, 满意: a grade the department gives itself, with no figure.
  GRADE: any([
    '好',
    '较好',
    '很好',
    '良好',
    '优',
    '优秀',
    '优良',
    '良',
    '满意',
    '较满意',
    '很满意',
    '非常满意',
  ]),
};

/** One regular expression for every family: what the SQL matches against the whole cell. */
export const COMPLETION_WORD_PATTERN = any(COMPLETION_FAMILIES.map((f) => COMPLETION_PATTERNS[f]));

const WHOLE = Object.fromEntries(
  COMPLETION_FAMILIES.map((f) => [f, new RegExp(`^(?:${COMPLETION_PATTERNS[f]})$`)]),
) as Record<CompletionFamily, RegExp>;

/** The family of a normalised cell that is a completion word and nothing else, or null. */
export function completionFamily(normalised: string): CompletionFamily | null {
  return COMPLETION_FAMILIES.find((f) => WHOLE[f].test(normalised)) ?? null;
}
