import type { Decimal, NatureCategory } from '../db/tables.js';
import { compareDecimals, fromUnits, subtractDecimals, sumDecimals, toUnits } from './decimal.js';
import {
  ratioMessage,
  reconcileWording,
  sumMessage,
  type RatioWording,
  type ReconcileWording,
  type Stage,
  type StatedName,
  type StatedPlace,
  type SumWording,
} from './reconcile-wording.js';
import type { ParseNote, ReportDocument, StageAmounts } from './report-document.js';

/**
 * A published figure is rounded to 0.01 万元; a sum of n rounded parts may differ from its
 * rounded total by up to n x 0.005. Differences that small are rounding, reported as INFO;
 * larger ones mean the figures disagree and are reported as ERROR (docs/domain.md: report, never hide,
 * never reject).
 */
function roundingTolerance(terms: number): bigint {
  return toUnits('0.005') * BigInt(Math.max(2, terms));
}

function sumCheck(
  check: string,
  wording: () => SumWording,
  parts: readonly Decimal[],
  stated: Decimal | null | undefined,
): ParseNote | null {
  if (stated === null || stated === undefined || parts.length === 0) return null;
  const sum = sumDecimals(parts);
  const diff = toUnits(sum) - toUnits(stated);
  if (diff === 0n) return null;
  const abs = diff < 0n ? -diff : diff;
  const rounding = abs <= roundingTolerance(parts.length);
  return {
    check,
    severity: rounding ? 'INFO' : 'ERROR',
    message: sumMessage(wording(), stated, sum, fromUnits(diff), rounding),
    expected: stated,
    actual: sum,
  };
}

/**
 * A stated percentage (66.86) against the ratio computed from amounts: it matches when it equals
 * the computed percentage rounded to the printed number of decimals.
 */
function ratioCheck(
  check: string,
  wording: () => RatioWording,
  stated: Decimal | null | undefined,
  numerator: Decimal | null,
  denominator: Decimal | null,
): ParseNote | null {
  if (
    stated === null ||
    stated === undefined ||
    numerator === null ||
    denominator === null ||
    compareDecimals(denominator, '0') === 0
  ) {
    return null;
  }
  const decimals = stated.split('.')[1]?.length ?? 0;
  const computed = (Number(numerator) / Number(denominator)) * 100;
  const rounded = computed.toFixed(decimals);
  if (compareDecimals(rounded, stated) === 0) return null;
  const halfUnit = 0.5 * 10 ** -decimals;
  const off = Math.abs(computed - Number(stated));
  const rounding = off <= halfUnit * 2;
  // Four decimals, as stored in `actual`; the difference is taken from that, exactly.
  const shown = computed.toFixed(4);
  return {
    check,
    severity: rounding ? 'INFO' : 'WARNING',
    message: ratioMessage(wording(), stated, shown, subtractDecimals(shown, stated), rounding),
    expected: stated,
    actual: shown,
  };
}

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
 * Reconciles a parsed report: sums against stated totals, stated shares and rates against the
 * ratios of the amounts, and the self-score against its parts and deductions. Returns the checks
 * that did not balance exactly, with the parser's own notes; an empty list means all balanced.
 */
export function reconcile(doc: ReportDocument): ParseNote[] {
  const stated = new Map(doc.statedFigures.map((f) => [f.name, f]));
  const value = (name: StatedName) => stated.get(name)?.value;
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
      value('basic_share'),
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
      value('project_share'),
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
        value(name),
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
            r.scoreRate,
            r.score,
            r.weight,
          ),
    ),
    ...doc.notes,
  ];
  return notes.filter((n): n is ParseNote => n !== null);
}
