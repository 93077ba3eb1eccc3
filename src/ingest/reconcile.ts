import type { Decimal, NatureCategory } from '../db/tables.js';
import { compareDecimals, subtractDecimals, sumDecimals } from './decimal.js';
import { rangeChecks } from './range-checks.js';
import { ratioCheck, sumCheck, type StatedPercent } from './reconcile-checks.js';
import {
  reconcileWording,
  type ReconcileWording,
  type Stage,
  type StatedName,
  type StatedPlace,
} from './reconcile-wording.js';
import type { ParseNote, ReportDocument, StageAmounts } from './report-document.js';

const STAGES: readonly Stage[] = ['initialBudget', 'fullYearBudget', 'final'];

function natureChecks(
  byNature: Record<NatureCategory, StageAmounts>,
  words: ReconcileWording,
): (ParseNote | null)[] {
  return STAGES.flatMap((stage) => {
    const at = (c: NatureCategory) => byNature[c][stage];
    const present = (values: (Decimal | null)[]): Decimal[] | null =>
      values.every((v) => v !== null) ? (values as Decimal[]) : null;
    const basicParts = present([at('PERSONNEL'), at('PUBLIC')]);
    const totalParts = present([at('BASIC'), at('PROJECT')]);
    return [
      basicParts &&
        sumCheck(
          `nature.basic_parts.${stage}`,
          () => words.natureParts('BASIC', ['PERSONNEL', 'PUBLIC'], stage, byNature),
          basicParts,
          at('BASIC'),
        ),
      totalParts &&
        sumCheck(
          `nature.total_parts.${stage}`,
          () => words.natureParts('TOTAL', ['BASIC', 'PROJECT'], stage, byNature),
          totalParts,
          at('TOTAL'),
        ),
    ];
  });
}

/**
 * Points a part lost (weight − score) with no deduction of that part to say why: the analysis
 * paragraph names none and no scored row lost any. A sum check cannot see this when the points
 * are as few as rounding allows (a lost `扣 0.01分` clause), and a finance bureau asks for the
 * reason of every point lost.
 */
function unexplainedLosses(doc: ReportDocument, words: ReconcileWording): ParseNote[] {
  const parts = [
    ['DUTY', doc.score.duty],
    ['MANAGEMENT', doc.score.management],
  ] as const;
  return parts.flatMap(([part, score]) => {
    if (!score) return [];
    const lost = subtractDecimals(score.weight, score.score);
    if (compareDecimals(lost, '0') <= 0 || doc.deductions.some((d) => d.part === part)) return [];
    return [
      {
        check: 'deduction.unexplained',
        severity: 'WARNING' as const,
        message: words.unexplainedLoss(part, score.weight, score.score, lost),
        expected: lost,
        actual: '0',
      },
    ];
  });
}

/**
 * Reconciles a parsed report: sums against stated totals, each figure the prose restates against
 * its table, stated shares and rates against the ratios of the amounts (to their printed
 * decimals), the self-score against its parts and deductions, and figures against the range
 * they can be in (range-checks.ts). Returns the checks that did not balance exactly, with the
 * parser's own notes (figures it found stated twice and differing, or not stated at all); an
 * empty list means all balanced.
 */
export function reconcile(doc: ReportDocument): ParseNote[] {
  const stated = new Map(doc.statedFigures.map((f) => [f.name, f]));
  const value = (name: StatedName) => stated.get(name)?.value;
  /** A stated percentage with its printed decimals. */
  const percent = (name: StatedName): StatedPercent | undefined => {
    const f = stated.get(name);
    return f && { value: f.value, decimals: f.decimals };
  };
  /** A stated figure for the words; only asked for once its value was found. */
  const figure = (name: StatedName): StatedPlace => ({ name, line: stated.get(name)!.line });
  const words = reconcileWording(doc.template);
  const total = doc.byNature.TOTAL;
  const lineOf = (c: NatureCategory) => doc.byNature[c].line;
  const mgmtRows = doc.managementScores;
  const { duty, management } = doc.score;
  const deductionSum = sumDecimals(doc.deductions.map((d) => d.points));
  const national = doc.template === 'NATIONAL_53';
  const notes: (ParseNote | null)[] = [
    sumCheck(
      'revenue.by_function',
      () => words.byFunction(figure('revenue_total'), doc.revenueByFunction),
      doc.revenueByFunction.map((r) => r.amount),
      value('revenue_total'),
    ),
    sumCheck(
      'expenditure.by_function',
      () => words.byFunction(figure('final_total'), doc.expenditureByFunction),
      doc.expenditureByFunction.map((r) => r.amount),
      value('final_total'),
    ),
    ...natureChecks(doc.byNature, words),
    sumCheck(
      'nature.total_vs_revenue',
      () => words.statedVsNature(figure('revenue_total'), 'TOTAL', 'initialBudget', total.line),
      [total.initialBudget ?? '0'],
      value('revenue_total'),
    ),
    sumCheck(
      'nature.total_vs_full_year',
      () => words.statedVsNature(figure('full_year_budget'), 'TOTAL', 'fullYearBudget', total.line),
      [total.fullYearBudget ?? '0'],
      value('full_year_budget'),
    ),
    sumCheck(
      'nature.total_vs_final',
      () => words.statedVsNature(figure('final_total'), 'TOTAL', 'final', total.line),
      [total.final ?? '0'],
      value('final_total'),
    ),
    sumCheck(
      'nature.scale_total_vs_final',
      () => words.statedVsNature(figure('scale_final_total'), 'TOTAL', 'final', total.line),
      [total.final ?? '0'],
      value('scale_final_total'),
    ),
    sumCheck(
      'nature.basic_vs_stated',
      () => words.statedVsNature(figure('basic_final'), 'BASIC', 'final', lineOf('BASIC')),
      [doc.byNature.BASIC.final ?? '0'],
      value('basic_final'),
    ),
    sumCheck(
      'nature.project_vs_stated',
      () => words.statedVsNature(figure('project_final'), 'PROJECT', 'final', lineOf('PROJECT')),
      [doc.byNature.PROJECT.final ?? '0'],
      value('project_final'),
    ),
    ratioCheck(
      'ratio.basic_share',
      () =>
        words.statedRatio(
          figure('basic_share'),
          ['BASIC', 'final', doc.byNature.BASIC.final!],
          ['TOTAL', 'final', total.final!],
          lineOf,
        ),
      percent('basic_share'),
      doc.byNature.BASIC.final,
      total.final,
    ),
    ratioCheck(
      'ratio.project_share',
      () =>
        words.statedRatio(
          figure('project_share'),
          ['PROJECT', 'final', doc.byNature.PROJECT.final!],
          ['TOTAL', 'final', total.final!],
          lineOf,
        ),
      percent('project_share'),
      doc.byNature.PROJECT.final,
      total.final,
    ),
    ...(['execution_rate', 'spending_progress'] as const).map((name) =>
      ratioCheck(
        `ratio.${name}`,
        () =>
          words.statedRatio(
            figure(name),
            ['TOTAL', 'final', total.final!],
            ['TOTAL', 'fullYearBudget', total.fullYearBudget!],
            lineOf,
          ),
        percent(name),
        total.final,
        total.fullYearBudget,
      ),
    ),
    // The Guangzhou template: two parts that add up to the total, 表4 adding up to management.
    sumCheck(
      'score.parts',
      () => words.scoreParts(duty!.score, management!.score),
      duty && management ? [duty.score, management.score] : [],
      doc.score.total,
    ),
    sumCheck(
      'score.weights',
      () => words.scoreWeights(duty!.weight, management!.weight),
      duty && management ? [duty.weight, management.weight] : [],
      doc.score.totalWeight,
    ),
    sumCheck(
      'management.weights',
      () => words.managementRows('分值', mgmtRows.length),
      mgmtRows.map((r) => r.weight),
      management?.weight,
    ),
    sumCheck(
      'management.scores',
      () => words.managementRows('得分', mgmtRows.length),
      mgmtRows.map((r) => r.score),
      management?.score,
    ),
    // The national framework: one score table adding up to the total.
    sumCheck(
      'score.table_weights',
      () => words.scoreTableRows('分值', mgmtRows.length),
      national ? mgmtRows.map((r) => r.weight) : [],
      doc.score.totalWeight,
    ),
    sumCheck(
      'score.table_scores',
      () => words.scoreTableRows('得分', mgmtRows.length),
      national ? mgmtRows.map((r) => r.score) : [],
      doc.score.total,
    ),
    sumCheck(
      'score.deductions',
      () => words.deductions(doc.score.totalWeight, doc.score.total, doc.deductions),
      [deductionSum],
      subtractDecimals(doc.score.totalWeight, doc.score.total),
    ),
    ...mgmtRows.map((r) =>
      r.scoreRate === null || compareDecimals(r.weight, '0') === 0
        ? null
        : ratioCheck(
            `management.score_rate.${r.seq}`,
            () => words.scoreRate(r.level3, r.line, r.score, r.weight),
            { value: r.scoreRate, decimals: r.scoreRateDecimals },
            r.score,
            r.weight,
          ),
    ),
    ...unexplainedLosses(doc, words),
    ...rangeChecks(doc, words),
    ...doc.notes,
  ];
  return notes.filter((n): n is ParseNote => n !== null);
}
