import type { ParseNote } from '../report-document.js';
import type { SourceLine } from './source-text.js';
import { yearPhrases } from './stated-fiscal-year.js';

/**
 * The fiscal year is stated twice over: in the title, and in the text wherever it speaks of the
 * year's budget and expenditure (`本部门 2023 年度年初预算收入`, `表 2 2023年部门整体支出决算表`).
 * A text whose phrases name another year than its title (`2028年度…报告` over a 2023 budget) may
 * be filed under the wrong year, so the difference is a WARNING naming both years and the lines.
 * Phrases that merely mention other years (`2024 年广州市市级财政资金支出绩效评价工作方案`) are
 * not of these kinds.
 */
export function titleYearNotes(
  title: { year: number; line: number },
  body: readonly SourceLine[],
): ParseNote[] {
  const others = yearPhrases(body).filter((p) => p.year !== title.year);
  if (others.length === 0) return [];
  const years = [...new Set(others.map((p) => p.year))].sort((a, b) => a - b).join('、');
  const lines = [...new Set(others.map((p) => p.line))].sort((a, b) => a - b).join('、');
  return [
    {
      check: 'title.year_vs_text',
      severity: 'WARNING',
      message: `标题（第 ${title.line} 行）：标题所列年度为 ${title.year} 年，正文按 ${years} 年陈述年度预算收支或部门整体支出（第 ${lines} 行），两处年度不一致，请核对报告所属年度`,
      expected: null,
      actual: null,
    },
  ];
}
