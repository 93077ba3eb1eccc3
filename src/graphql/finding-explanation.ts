import type { PreviousYearMeasure } from '../analytics/previous-year-rows.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { indicatorRowText, PerformanceIndicatorRef } from './indicator.js';
import { formatFraction } from './number-format.js';
import { sourceOf, SourceLocationRef } from './source.js';
import { measureValueText } from './target-signals.js';

/*
 * What every finding says about itself (docs/domain.md, "Every finding explains itself"), the
 * types shared by all of them: the rule it names (FindingRule), last year's row where the rule
 * compares two years (PreviousYearRow, with its source), and the descriptions of the
 * explanation fields. Each finding type declares beside them the numbers its rule used and its
 * thresholds as fields of its own, its `source` (SourceLocation) and its `explanation`, a
 * Chinese sentence quoting them.
 */

/** Every rule a finding can name. */
export type FindingRule =
  | 'RATIO'
  | 'CEILING'
  | 'CHRONIC'
  | 'RATCHET'
  | 'JUST_ABOVE_BUNCHING'
  | 'TARGET_BELOW_ACHIEVED'
  | 'COPIED_ACTUALS';

export const FindingRuleEnum = builder.enumType('FindingRule', {
  description:
    'The rule a finding names (docs/domain.md): the single-indicator rules for targets set too low, and the target-setting signals over a department’s indicators as a whole.',
  values: {
    RATIO: { description: 'Attainment at or above the RATIO threshold (1.2 by default).' },
    CEILING: {
      description:
        'A percentage target at or below 95 % met with 100 %, or a lower-better target above 0 met with 0: all headroom used.',
    },
    CHRONIC: {
      description: 'RATIO or CEILING this year and for the same indicator the year before.',
    },
    RATCHET: {
      description:
        'This year’s target below last year’s actual of the same indicator (above it when lower is better).',
    },
    JUST_ABOVE_BUNCHING: {
      description:
        'Results land just above their targets (attainment in (100 %, 105 %]) in a large share of a department’s measures, above its sector, year after year.',
    },
    TARGET_BELOW_ACHIEVED: {
      description:
        'A department’s targets stay below what it achieved the year before (median target / previous actual below 1) while its sector’s rise.',
    },
    COPIED_ACTUALS: {
      description:
        'A large share of a department’s key indicators, above its sector’s, have actuals that only restate the target (the target text again, or a bare 完成 / 达到预期).',
    },
  } as const,
});

/** The description of every finding's `explanation` field. */
export const EXPLANATION_DESCRIPTION =
  'The finding in words (Chinese), with every number it rests on: what a dashboard or a letter to the department can quote.';

export const PreviousYearRowRef = builder
  .objectRef<PreviousYearMeasure>('PreviousYearRow')
  .implement({
    description:
      'Last year’s key indicator row a rule compares with (a ratchet failure, CHRONIC, target ambition): the year, its target and actual, how the two years were matched, and where it was read.',
    fields: (t) => ({
      year: t.int({
        resolve: (p) => p.indicator.year,
        description: 'The previous fiscal year.',
      }),
      indicator: t.field({
        type: PerformanceIndicatorRef,
        resolve: (p) => p.indicator,
        description: 'Last year’s indicator it was matched to.',
      }),
      measureIndex: t.exposeInt('measureIndex', {
        description: 'Which measure of last year’s row (0 = the first).',
      }),
      target: t.exposeFloat('target', {
        nullable: true,
        description: 'Last year’s target, in base units.',
      }),
      targetText: t.string({
        nullable: true,
        resolve: (p) => measureValueText(p.target, p.unit),
        description: 'Last year’s target as a person reads it.',
      }),
      actual: t.exposeFloat('actual', {
        nullable: true,
        description: 'Last year’s actual, in base units; null when its cell gave no value.',
      }),
      actualText: t.string({
        nullable: true,
        resolve: (p) => measureValueText(p.actual, p.unit),
        description: 'Last year’s actual as a person reads it.',
      }),
      attainment: t.exposeFloat('attainment', {
        nullable: true,
        description:
          'Last year’s attainment, where the rule reads it (CHRONIC, a risk measure); null otherwise or when not finite.',
      }),
      attainmentText: t.string({
        nullable: true,
        resolve: (p) => formatFraction(p.attainment),
        description: 'attainment as a percentage.',
      }),
      matchedBy: t.exposeString('matchedBy', {
        description: 'Why the two years’ indicators were taken for the same one.',
      }),
      source: t.field({
        type: SourceLocationRef,
        nullable: true,
        resolve: (p) => sourceOf(p.indicator, indicatorRowText(p.indicator)),
        description: 'Where last year’s row was read: file, page and line.',
      }),
    }),
  });

/** Last year's measure the given measure was paired with, or null when it was not linked. */
export async function previousYearRowOf(
  ctx: GraphQLContext,
  reportId: number,
  seq: number,
  measureIndex: number,
): Promise<PreviousYearMeasure | null> {
  return ctx.loaders.previousYear.load({ reportId, seq, measureIndex });
}
