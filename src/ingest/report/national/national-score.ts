/**
 * The self-score of a national-framework report: one total out of (usually) 100 points, scored in
 * one table over 投入 / 过程 / 产出 / 效果. There is no 履职效能 / 管理效率 split, so the duty and
 * management parts are null rather than invented (docs/domain.md, "Other templates").
 */
import type { Decimal } from '../../../db/tables.js';
import { parseDecimal, sumDecimals } from '../../decimal.js';
import type { SelfScore } from '../../report-document.js';
import { ReportParseError } from '../report-parse-error.js';
import type { JoinedText } from '../source-text.js';
import { sectionLabel } from './national-sections.js';
import type { ScoreTable } from './parse-score-table.js';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const TOTAL = new RegExp(
  `(?:自评|综合|评价|绩效|整体)(?:总)?(?:得分|评分|分数)(?:为|是|共)?${NUM}分`,
);
const TOTAL_WEIGHT = new RegExp(`(?:总分值?|满分)(?:为|是)?${NUM}分`);

/** The first text, in order, that states the figure. */
function find(texts: readonly JoinedText[], pattern: RegExp): Decimal | null {
  for (const text of texts) {
    const match = pattern.exec(text.text);
    if (match) return parseDecimal(match[1]!);
  }
  return null;
}

/** Whether the prose states the self-score (else it is the score table's, see nationalSelfScore). */
export function statesTotal(texts: readonly JoinedText[]): boolean {
  return find(texts, TOTAL) !== null;
}

/**
 * The total and its weight: as the prose states them (`总分值为100分，综合自评得分为95.5分`; the
 * texts are searched in order, the evaluation section first, since some reports state the score
 * in a section of its own), else from the table's 合计 row, else the sum of its rows; the weight
 * defaults to 100.
 * A report that states no score and has no table cannot be stored (the total is required).
 */
export function nationalSelfScore(
  file: string,
  texts: readonly JoinedText[],
  table: ScoreTable | null,
  line: number | null,
): SelfScore {
  const total =
    find(texts, TOTAL) ??
    table?.total?.score ??
    (table ? sumDecimals(table.rows.map((r) => r.score)) : null);
  if (total === null) {
    throw new ReportParseError(
      file,
      sectionLabel('evaluation'),
      line,
      'self-score not found: no 自评得分 …分 in the prose and no score table',
    );
  }
  const totalWeight =
    find(texts, TOTAL_WEIGHT) ??
    table?.total?.weight ??
    (table ? sumDecimals(table.rows.map((r) => r.weight)) : '100');
  return { total, totalWeight, duty: null, management: null };
}
