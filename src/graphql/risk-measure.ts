import type { Selectable } from 'kysely';
import type { MeasureView } from '../analytics/measure-facts.js';
import type { IndicatorsTable } from '../db/tables.js';
import type { OvershootRule } from '../rules/measure-flags.js';
import { DEFAULT_CEILING_MAX_TARGET, DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
import { builder } from './builder.js';
import {
  EXPLANATION_DESCRIPTION,
  previousYearRowOf,
  PreviousYearRowRef,
} from './finding-explanation.js';
import {
  IndicatorMeasureRef,
  indicatorRowText,
  OvershootRuleEnum,
  PerformanceIndicatorRef,
} from './indicator.js';
import type { GraphQLContext } from './context.js';
import { formatFraction } from './number-format.js';
import { explainMeasure, type MeasureRule } from './overshoot-explanation.js';
import { sourceOf, SourceLocationRef } from './source.js';

/** One measure a low-target risk score counts, with the indicator it was read from. */
export interface RiskMeasure {
  indicator: Selectable<IndicatorsTable>;
  measure: MeasureView;
}

/** RATIO and CEILING as they fire for the risk score (CHRONIC adds nothing to it). */
function scoredRules(m: MeasureView): OvershootRule[] {
  return [...(m.ratio ? ['RATIO' as const] : []), ...(m.ceiling_hit ? ['CEILING' as const] : [])];
}

/** Every rule the score counts for a measure, the ratchet included. */
const countedRules = (m: MeasureView): MeasureRule[] => [
  ...scoredRules(m),
  ...(m.ratchet_failure ? ['RATCHET' as const] : []),
];

/** Last year's measure, when the measure's ratchet failure compares with it. */
const ratchetPrevious = (r: RiskMeasure, ctx: GraphQLContext) =>
  r.measure.ratchet_failure
    ? previousYearRowOf(ctx, r.measure.report_id, r.measure.seq, r.measure.measure_index)
    : Promise.resolve(null);

/** What makes a measure count in the score's numerator. */
const isFlagged = (m: MeasureView) => m.ratio || m.ceiling_hit || m.ratchet_failure;

/**
 * The measurable (evidence) measures of one report, flagged ones first, largest attainment
 * first: the denominator of its risk score, and with `flagged` its numerator. Loaded through the
 * request's measure and indicator loaders, so a list of departments costs two statements.
 */
export async function riskMeasuresOf(
  ctx: GraphQLContext,
  reportId: number,
): Promise<RiskMeasure[]> {
  const [measures, indicators] = await Promise.all([
    ctx.loaders.measures.load(reportId),
    ctx.loaders.indicators.load(reportId),
  ]);
  const bySeq = new Map(indicators.map((i) => [i.seq, i]));
  return measures
    .filter((m) => m.evidence && bySeq.has(m.seq))
    .sort(
      (a, b) =>
        Number(isFlagged(b)) - Number(isFlagged(a)) ||
        (b.attainment ?? -Infinity) - (a.attainment ?? -Infinity) ||
        a.seq - b.seq ||
        a.measure_index - b.measure_index,
    )
    .map((measure) => ({ indicator: bySeq.get(measure.seq)!, measure }));
}

export const RiskMeasureRef = builder.objectRef<RiskMeasure>('RiskMeasure').implement({
  description:
    'A measurable indicator measure behind a low-target risk score: what was targeted, what was achieved, which rules fired, and where it was read.',
  fields: (t) => ({
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (r) => r.indicator,
      description: 'The indicator (key indicator table row) the measure was read from.',
    }),
    measure: t.field({
      type: IndicatorMeasureRef,
      resolve: (r) => r.measure,
      description: 'Target, actual, attainment, direction and flags of the measure.',
    }),
    rules: t.field({
      type: [OvershootRuleEnum],
      resolve: (r) => scoredRules(r.measure),
      description: 'RATIO and CEILING when they fire for this measure.',
    }),
    ratchetFailure: t.boolean({
      resolve: (r) => r.measure.ratchet_failure,
      description: 'This year’s target is below last year’s actual of the same indicator.',
    }),
    flagged: t.boolean({
      resolve: (r) => isFlagged(r.measure),
      description:
        'RATIO, CEILING or a ratchet failure: the measure counts in the numerator of the risk score.',
    }),
    explanation: t.string({
      resolve: async (r, _a, ctx) =>
        explainMeasure(
          r,
          countedRules(r.measure),
          DEFAULT_MIN_ATTAINMENT,
          await ratchetPrevious(r, ctx),
        ),
      description: `${EXPLANATION_DESCRIPTION} For a measure no rule flags, why not: its attainment against the thresholds.`,
    }),
    minAttainment: t.float({
      resolve: () => DEFAULT_MIN_ATTAINMENT,
      description: 'Threshold: RATIO fires at an attainment at or above this (the default).',
    }),
    minAttainmentText: t.string({
      resolve: () => formatFraction(DEFAULT_MIN_ATTAINMENT)!,
      description: 'minAttainment as a percentage.',
    }),
    ceilingMaxTarget: t.float({
      resolve: () => DEFAULT_CEILING_MAX_TARGET,
      description:
        'Threshold: CEILING fires for a percentage target at or below this met with 100 %.',
    }),
    ceilingMaxTargetText: t.string({
      resolve: () => formatFraction(DEFAULT_CEILING_MAX_TARGET)!,
      description: 'ceilingMaxTarget as a percentage.',
    }),
    previous: t.field({
      type: PreviousYearRowRef,
      nullable: true,
      resolve: (r, _a, ctx) => ratchetPrevious(r, ctx),
      description:
        'For a ratchet failure, last year’s row whose actual the target falls short of, with its source; null otherwise.',
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (r) => sourceOf(r.indicator, indicatorRowText(r.indicator)),
      description: 'File, page and line of the indicator’s row in the report.',
    }),
  }),
});
