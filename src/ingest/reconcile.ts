import type { Decimal, NatureCategory } from '../db/tables.js';
import { compareDecimals, fromUnits, subtractDecimals, sumDecimals, toUnits } from './decimal.js';
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
  what: string,
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
    message: `${what}: parts add up to ${sum}, stated ${stated} (difference ${fromUnits(diff)}${rounding ? ', rounding-level' : ''})`,
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
  what: string,
  stated: Decimal | undefined,
  numerator: Decimal | null,
  denominator: Decimal | null,
): ParseNote | null {
  if (
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
  return {
    check,
    severity: off <= halfUnit * 2 ? 'INFO' : 'WARNING',
    message: `${what}: stated ${stated}%, computed ${computed.toFixed(4)}% from the amounts`,
    expected: stated,
    actual: computed.toFixed(4),
  };
}

const STAGES: readonly (readonly [Exclude<keyof StageAmounts, 'line'>, string])[] = [
  ['initialBudget', '年初预算数'],
  ['fullYearBudget', '全年预算数'],
  ['final', '决算数'],
];

function natureChecks(byNature: Record<NatureCategory, StageAmounts>): (ParseNote | null)[] {
  return STAGES.flatMap(([stage, label]) => {
    const at = (c: NatureCategory) => byNature[c][stage];
    const present = (values: (Decimal | null)[]): Decimal[] | null =>
      values.every((v) => v !== null) ? (values as Decimal[]) : null;
    const basicParts = present([at('PERSONNEL'), at('PUBLIC')]);
    const totalParts = present([at('BASIC'), at('PROJECT')]);
    return [
      basicParts &&
        sumCheck(
          `nature.basic_parts.${stage}`,
          `表2 ${label}: 人员经费 + 公用经费 vs 基本支出`,
          basicParts,
          at('BASIC'),
        ),
      totalParts &&
        sumCheck(
          `nature.total_parts.${stage}`,
          `表2 ${label}: 基本支出 + 项目支出 vs 合计`,
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
  const stated = new Map(doc.statedFigures.map((f) => [f.name, f.value]));
  const total = doc.byNature.TOTAL;
  const mgmtRows = doc.managementScores;
  const { duty, management } = doc.score;
  const deductionSum = sumDecimals(doc.deductions.map((d) => d.points));
  const notes: (ParseNote | null)[] = [
    sumCheck(
      'revenue.by_function',
      '年初预算收入 by functional class vs stated total',
      doc.revenueByFunction.map((r) => r.amount),
      stated.get('revenue_total'),
    ),
    sumCheck(
      'expenditure.by_function',
      '决算支出 by functional class vs stated total',
      doc.expenditureByFunction.map((r) => r.amount),
      stated.get('final_total'),
    ),
    ...natureChecks(doc.byNature),
    sumCheck(
      'nature.total_vs_revenue',
      '表2 年初预算数 合计 vs stated 年初预算收入',
      [total.initialBudget ?? '0'],
      stated.get('revenue_total'),
    ),
    sumCheck(
      'nature.total_vs_full_year',
      '表2 全年预算数 合计 vs stated 全年预算数',
      [total.fullYearBudget ?? '0'],
      stated.get('full_year_budget'),
    ),
    sumCheck(
      'nature.total_vs_final',
      '表2 决算数 合计 vs stated 决算支出',
      [total.final ?? '0'],
      stated.get('final_total'),
    ),
    sumCheck(
      'nature.basic_vs_stated',
      '表2 基本支出决算数 vs stated',
      [doc.byNature.BASIC.final ?? '0'],
      stated.get('basic_final'),
    ),
    sumCheck(
      'nature.project_vs_stated',
      '表2 项目支出决算数 vs stated',
      [doc.byNature.PROJECT.final ?? '0'],
      stated.get('project_final'),
    ),
    ratioCheck(
      'ratio.basic_share',
      '基本支出占比',
      stated.get('basic_share'),
      doc.byNature.BASIC.final,
      total.final,
    ),
    ratioCheck(
      'ratio.project_share',
      '项目支出占比',
      stated.get('project_share'),
      doc.byNature.PROJECT.final,
      total.final,
    ),
    ratioCheck(
      'ratio.execution_rate',
      '支出执行率',
      stated.get('execution_rate'),
      total.final,
      total.fullYearBudget,
    ),
    ratioCheck(
      'ratio.spending_progress',
      '支出进度',
      stated.get('spending_progress'),
      total.final,
      total.fullYearBudget,
    ),
    // The Guangzhou template: two parts that add up to the total, 表4 adding up to management.
    sumCheck(
      'score.parts',
      '自评得分: 履职效能 + 管理效率 vs 总分',
      duty && management ? [duty.score, management.score] : [],
      doc.score.total,
    ),
    sumCheck(
      'score.weights',
      '分值: 履职效能 + 管理效率 vs 总分值',
      duty && management ? [duty.weight, management.weight] : [],
      doc.score.totalWeight,
    ),
    sumCheck(
      'management.weights',
      '表4 分值 vs 管理效率指标分值',
      mgmtRows.map((r) => r.weight),
      management?.weight,
    ),
    sumCheck(
      'management.scores',
      '表4 得分 vs 管理效率得分',
      mgmtRows.map((r) => r.score),
      management?.score,
    ),
    // The national framework: one score table adding up to the total.
    sumCheck(
      'score.table_weights',
      '评分表 分值 vs 总分值',
      doc.template === 'NATIONAL_53' ? mgmtRows.map((r) => r.weight) : [],
      doc.score.totalWeight,
    ),
    sumCheck(
      'score.table_scores',
      '评分表 得分 vs 自评得分',
      doc.template === 'NATIONAL_53' ? mgmtRows.map((r) => r.score) : [],
      doc.score.total,
    ),
    sumCheck(
      'score.deductions',
      '扣分合计 vs 总分值 − 自评得分',
      [deductionSum],
      subtractDecimals(doc.score.totalWeight, doc.score.total),
    ),
    ...mgmtRows.map((r) =>
      r.scoreRate === null || compareDecimals(r.weight, '0') === 0
        ? null
        : ratioCheck(
            `management.score_rate.${r.seq}`,
            `表4 ${r.level3} 得分率`,
            r.scoreRate,
            r.score,
            r.weight,
          ),
    ),
    ...doc.notes,
  ];
  return notes.filter((n): n is ParseNote => n !== null);
}
