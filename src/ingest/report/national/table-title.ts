/**
 * A table's title on the line before its header (`表2 部门整体支出绩效评价指标评分表`, `附表：…评分表`):
 * part of the table, so that it is not read as prose of the section around it.
 */
import { compact } from '../source-text.js';

/** Whether a line is a table title. */
export function isTableTitle(text: string): boolean {
  const c = compact(text);
  return /^(?:附?表\d*[:：]?|附件\d*[:：]?)\S*(?:表|情况)$/.test(c) || /^表\d/.test(c);
}
