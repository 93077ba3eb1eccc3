/**
 * Figures outside what they can be (docs/domain.md, "Reconciliation", range checks): a negative
 * amount, a share or rate outside 0–100 %, a score above its weight. A sum or ratio check may
 * already disagree with such a figure, but it names the figure only as one side of a sum; a
 * figure that cannot be right is named on its own, so that a finance analyst sees which one to
 * correct, and so that one that happens to balance (a score above its weight with a 得分率 to
 * match) is not stored as plausible.
 */
import type { Decimal, NatureCategory } from '../db/tables.js';
import { compareDecimals, padDecimals, subtractDecimals } from './decimal.js';
import { figureText } from './figure-text.js';
import type { ReconcileWording, Stage, StatedName } from './reconcile-wording.js';
import type { ParseNote, ReportDocument } from './report-document.js';

const CATEGORIES: readonly NatureCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'];
const STAGES: readonly Stage[] = ['initialBudget', 'fullYearBudget', 'final'];

const isNegative = (value: Decimal) => compareDecimals(value, '0') < 0;

function negativeAmount(where: string, value: Decimal): ParseNote {
  return {
    check: 'range.negative_amount',
    severity: 'ERROR',
    message: `${where}：报告所列 ${figureText(value, '万元')}，金额不能为负数`,
    expected: null,
    actual: null,
  };
}

/** A percentage outside 0–100 %: a share or a rate of spending or scoring cannot be. */
function percentOutOfRange(where: string, value: Decimal): ParseNote | null {
  if (!isNegative(value) && compareDecimals(value, '100') <= 0) return null;
  return {
    check: 'range.percent',
    severity: 'WARNING',
    message: `${where}：报告所列 ${figureText(value, '%')}，超出 0%–100% 的合理范围（占比、执行率和得分率不超过 100%），请核对是否漏印或错印小数点`,
    expected: null,
    actual: value,
  };
}

function scoreAboveWeight(where: string, score: Decimal, weight: Decimal): ParseNote | null {
  if (compareDecimals(score, weight) <= 0) return null;
  const points = (v: Decimal) => figureText(v, '分');
  return {
    check: 'range.score_above_weight',
    severity: 'ERROR',
    message: `${where}：得分 ${points(score)}高于分值 ${points(weight)}，相差 ${points(subtractDecimals(score, weight))}，得分不能超过分值`,
    expected: weight,
    actual: score,
  };
}

/** The range findings of a document, in the order its figures are printed. */
export function rangeChecks(doc: ReportDocument, words: ReconcileWording): ParseNote[] {
  const notes: (ParseNote | null)[] = [];
  for (const f of doc.statedFigures) {
    const where = words.statedFigure({ name: f.name as StatedName, line: f.line });
    if (f.unit === '万元' && isNegative(f.value)) notes.push(negativeAmount(where, f.value));
    if (f.unit === '%') notes.push(percentOutOfRange(where, padDecimals(f.value, f.decimals ?? 0)));
  }
  for (const [kind, amounts] of [
    ['revenue', doc.revenueByFunction],
    ['expenditure', doc.expenditureByFunction],
  ] as const) {
    for (const a of amounts) {
      if (isNegative(a.amount)) notes.push(negativeAmount(words.functionAmount(kind, a), a.amount));
    }
  }
  for (const category of CATEGORIES) {
    const row = doc.byNature[category];
    for (const stage of STAGES) {
      const value = row[stage];
      if (value !== null && isNegative(value)) {
        notes.push(negativeAmount(words.natureCell(category, stage, row.line), value));
      }
    }
  }
  const { score } = doc;
  notes.push(scoreAboveWeight(words.scorePart('TOTAL'), score.total, score.totalWeight));
  if (score.duty) {
    notes.push(scoreAboveWeight(words.scorePart('DUTY'), score.duty.score, score.duty.weight));
  }
  if (score.management) {
    notes.push(
      scoreAboveWeight(
        words.scorePart('MANAGEMENT'),
        score.management.score,
        score.management.weight,
      ),
    );
  }
  for (const r of doc.managementScores) {
    const where = words.scoreRow(r.level3, r.line);
    notes.push(scoreAboveWeight(where, r.score, r.weight));
    if (r.scoreRate !== null) {
      const rate = padDecimals(r.scoreRate, r.scoreRateDecimals ?? 0);
      notes.push(percentOutOfRange(words.scoreRow(r.level3, r.line, '得分率'), rate));
    }
  }
  return notes.filter((n): n is ParseNote => n !== null);
}
