/**
 * Tells a report in the national common framework (财预〔2013〕53号, docs/domain.md, "Other
 * templates") from one in the Guangzhou template, by what the text says rather than by where it
 * comes from: a title says nothing about the template, and both families share section names.
 */
import { compact, joinLines, type SourceLine } from '../source-text.js';
import { LEVEL1_NAMES, level1Of } from './national-vocabulary.js';

/** A level-1 cell at the start of a line: alone, or followed by the row's other cells. */
const LEVEL1_CELL = /^(\S+?)(?:\s|$)/;

/** The framework named in the prose: 部门整体支出绩效评价共性指标（体系框架）. */
const FRAMEWORK = /共性指标/;

/**
 * A part of the Guangzhou template: a heading or table of 履职效能 / 管理效率, or a score split
 * into them. Prose may well mention 管理效率 in passing (`提高资金管理效率`), so a bare mention
 * is not enough.
 */
const GUANGZHOU_HEADING =
  /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)?(?:履职效能|管理效率)(?:分析|情况|指标|$)|^表\S{0,16}(?:履职效能|管理效率)/;
const GUANGZHOU_SCORE = /(?:履职效能|管理效率)(?:指标)?(?:得分|分值)/;

/**
 * Whether a report text follows the national framework: a score table whose level-1 rows are at
 * least three of 投入 / 过程 / 产出 / 效果, or the framework named in the prose; and no part of the
 * Guangzhou template (履职效能 / 管理效率 headings, tables or part scores).
 */
export function isNationalTemplate(lines: readonly SourceLine[]): boolean {
  const level1 = new Set<string>();
  for (const line of lines) {
    if (GUANGZHOU_HEADING.test(compact(line.text))) return false;
    const cell = LEVEL1_CELL.exec(line.text)?.[1];
    const name = cell === undefined ? null : level1Of(cell);
    if (name !== null) level1.add(name);
  }
  // Prose is broken across lines anywhere: phrases are looked for in the joined text.
  const text = joinLines(lines).text;
  if (GUANGZHOU_SCORE.test(text)) return false;
  return FRAMEWORK.test(text) || level1.size >= LEVEL1_NAMES.length - 1;
}
