/**
 * The metric registry (docs/architecture.md): a metric is a name, a Chinese label, a unit, a
 * direction and one SQL expression over the per-report fact view `report_facts` (alias `f`).
 * metricSeries and benchmark are generic over it: adding a metric is one entry here.
 */
import { DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
export type MetricDirection = 'HIGHER_BETTER' | 'LOWER_BETTER';

/**
 * What a metric's number counts (docs/domain.md, "Units and formatted companions"): `fraction`
 * is 0–1 with 1 = 100 % (shares, rates), `万元` an amount in 万元, `points` a score in 分. These
 * codes are what `metrics { unit }` answers (the dashboard and BI tools match on them).
 */
export type MetricUnit = 'fraction' | '万元' | 'points';

export interface MetricDefinition {
  label: string;
  unit: MetricUnit;
  /**
   * Which way ranks first in a benchmark. For structural shares this is a convention (stated in
   * the description), not a verdict.
   */
  direction: MetricDirection;
  description: string;
  /** SQL over `report_facts f`, returning DOUBLE or NULL. Written here, never taken from input. */
  sql: string;
}

const amount = (column: string) => `CAST(f.${column} AS DOUBLE)`;

export const METRICS = {
  TOTAL_EXPENDITURE: {
    label: '部门决算支出',
    unit: '万元',
    direction: 'HIGHER_BETTER',
    description: 'Total final expenditure (本年支出合计, 决算数) of table 2.',
    sql: amount('total_final'),
  },
  FULL_YEAR_BUDGET: {
    label: '全年预算数',
    unit: '万元',
    direction: 'HIGHER_BETTER',
    description: 'Full-year (adjusted) budget of table 2.',
    sql: amount('total_full_year'),
  },
  BASIC_SHARE: {
    label: '基本支出占比',
    unit: 'fraction',
    direction: 'LOWER_BETTER',
    description:
      'Basic expenditure / total final expenditure. Ranked low-first by convention: more of the budget goes to projects.',
    sql: 'f.basic_share',
  },
  PROJECT_SHARE: {
    label: '项目支出占比',
    unit: 'fraction',
    direction: 'HIGHER_BETTER',
    description: 'Project expenditure / total final expenditure. Ranked high-first by convention.',
    sql: 'f.project_share',
  },
  PERSONNEL_SHARE: {
    label: '人员经费占比',
    unit: 'fraction',
    direction: 'LOWER_BETTER',
    description: 'Personnel costs / total final expenditure. Ranked low-first by convention.',
    sql: 'f.personnel_share',
  },
  PUBLIC_SHARE: {
    label: '公用经费占比',
    unit: 'fraction',
    direction: 'LOWER_BETTER',
    description:
      'Public (operating) funds / total final expenditure. Ranked low-first by convention.',
    sql: `${amount('public_final')} / nullif(${amount('total_final')}, 0)`,
  },
  EXECUTION_RATE: {
    label: '支出执行率',
    unit: 'fraction',
    direction: 'HIGHER_BETTER',
    description: 'Final expenditure / full-year budget.',
    sql: 'f.execution_rate',
  },
  BUDGET_ADJUSTMENT: {
    label: '预算调整率',
    unit: 'fraction',
    direction: 'LOWER_BETTER',
    description:
      '(Full-year budget − initial budget) / initial budget. Ranked low-first: a budget that holds needs less adjustment.',
    sql: 'f.budget_adjustment',
  },
  SELF_SCORE: {
    label: '自评得分',
    unit: 'points',
    direction: 'HIGHER_BETTER',
    description: 'Total self-evaluation score (usually out of 100).',
    sql: amount('total_score'),
  },
  DUTY_SCORE: {
    label: '履职效能得分',
    unit: 'points',
    direction: 'HIGHER_BETTER',
    description: 'Duty-performance part of the self-score (usually out of 50).',
    sql: amount('duty_score'),
  },
  MANAGEMENT_SCORE: {
    label: '管理效率得分',
    unit: 'points',
    direction: 'HIGHER_BETTER',
    description: 'Management-efficiency part of the self-score (usually out of 50).',
    sql: amount('management_score'),
  },
  DEDUCTION_POINTS: {
    label: '扣分',
    unit: 'points',
    direction: 'LOWER_BETTER',
    description: 'Points lost in all parts (sum of deductions).',
    sql: amount('deduction_points'),
  },
  OVERSHOOT_SHARE: {
    label: '指标超目标占比',
    unit: 'fraction',
    direction: 'LOWER_BETTER',
    description: `Share of measurable indicator measures (表3) that overshoot their target (attainment ≥ ${DEFAULT_MIN_ATTAINMENT}) or hit the ceiling: targets set too low.`,
    sql: 'f.overshoot_share',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;

export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** The definition of a metric; names come from the GraphQL enum, so they are always known. */
export function metricDefinition(name: MetricName): MetricDefinition {
  return METRICS[name];
}
