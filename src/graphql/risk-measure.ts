import type { Selectable } from 'kysely';
import type { MeasureView } from '../analytics/measure-facts.js';
import type { IndicatorsTable } from '../db/tables.js';
import type { OvershootRule } from '../rules/measure-flags.js';
import { builder } from './builder.js';
import {
  IndicatorMeasureRef,
  indicatorRowText,
  OvershootRuleEnum,
  PerformanceIndicatorRef,
} from './indicator.js';
import type { GraphQLContext } from './context.js';
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
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (r) => sourceOf(r.indicator, indicatorRowText(r.indicator)),
      description: 'File, page and line of the indicator’s row in the report.',
    }),
  }),
});
