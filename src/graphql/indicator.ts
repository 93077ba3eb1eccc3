import type { Selectable } from 'kysely';
import type { MeasureView } from '../analytics/measure-facts.js';
import type { IndicatorsTable, KeyTasksTable } from '../db/tables.js';
import { DEFAULT_CEILING_MAX_TARGET, DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
import { builder } from './builder.js';
import { sourceOf, SourceLocationRef } from './source.js';
import { DirectionEnum } from './enums.js';
import { formatFraction } from './number-format.js';

export const KeyTaskRef = builder.objectRef<Selectable<KeyTasksTable>>('KeyTask').implement({
  description: '表1: a key task of the year with its performance target and what was completed.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Row order in table 1.' }),
    name: t.exposeString('name', { description: '年度重点工作任务: task name.' }),
    targetText: t.exposeString('target_text', { description: '任务绩效目标: target text.' }),
    actualText: t.exposeString('actual_text', { description: '实际完成情况: completion text.' }),
  }),
});

export const ComparatorEnum = builder.enumType('Comparator', {
  description: 'How a target bounds its measure.',
  values: {
    GTE: { description: 'At least (不低于, 不少于, 以上, 达到, ≥).' },
    GT: { description: 'More than (超过, 大于, >).' },
    LTE: { description: 'At most (不高于, 不多于, 以下, 控制在, ≤).' },
    LT: { description: 'Less than (低于, 少于, <).' },
    EQ: { description: 'Exactly, or a bare number (read as at least by convention).' },
    RANGE: { description: 'Between two bounds.' },
    MILESTONE: { description: 'Something to complete (by a date).' },
    QUALITATIVE: { description: 'Described in words.' },
  } as const,
});

export const OvershootRuleEnum = builder.enumType('OvershootRule', {
  description: 'Why a target looks set too low (domain rules, default thresholds).',
  values: {
    RATIO: {
      description: `Attainment (actual / target, or target / actual when lower is better) ≥ ${DEFAULT_MIN_ATTAINMENT}.`,
    },
    CEILING: {
      description: `A percentage target ≤ ${DEFAULT_CEILING_MAX_TARGET * 100} % met with 100 %, or a lower-better target above 0 met with 0.`,
    },
    CHRONIC: {
      description: 'RATIO or CEILING this year and for the same indicator the year before.',
    },
  } as const,
});

export const IndicatorMeasureRef = builder.objectRef<MeasureView>('IndicatorMeasure').implement({
  description:
    'One measurable target of an indicator, read from its texts: values in base units (% as a fraction, 万人 as 人, money in 万元).',
  fields: (t) => ({
    comparator: t.field({
      type: ComparatorEnum,
      resolve: (m) => m.comparator as never,
      description: 'How the target bounds the measure.',
    }),
    target: t.exposeFloat('target', {
      nullable: true,
      description: 'Target value (lower bound of a range).',
    }),
    targetHigh: t.exposeFloat('target_high', {
      nullable: true,
      description: 'Upper bound of a range.',
    }),
    actual: t.exposeFloat('actual', {
      nullable: true,
      description: 'Actual value, when the actual cell gives one.',
    }),
    unit: t.exposeString('unit', {
      nullable: true,
      description: 'Normalised unit: %, 人, 个, 次, 万元, 日期 …',
    }),
    unitKind: t.exposeString('unit_kind', {
      nullable: true,
      description: 'PERCENT, COUNT, PEOPLE, MONEY, DATE, …',
    }),
    direction: t.field({
      type: DirectionEnum,
      resolve: (m) => m.direction as never,
      description: 'Which way is better.',
    }),
    confidence: t.exposeString('confidence', {
      description: 'HIGH, MEDIUM (something inferred) or LOW (repaired text).',
    }),
    actualKind: t.exposeString('actual_kind', {
      description:
        'VALUE, COPIES_TARGET (the actual repeats the target), SAYS_DONE (only says done) or NONE.',
    }),
    targetSource: t.exposeString('target_source', {
      description: 'The part of the target text read.',
    }),
    actualSource: t.exposeString('actual_source', {
      nullable: true,
      description: 'The part of the actual text read.',
    }),
    attainment: t.exposeFloat('attainment', {
      nullable: true,
      description:
        'actual / target (target / actual when lower is better), as a fraction (1.5 = 150 %); null when not a numeric bound or not finite.',
    }),
    attainmentText: t.string({
      nullable: true,
      resolve: (m) => formatFraction(m.attainment),
      description: 'attainment as a percentage, e.g. "150.00%".',
    }),
    evidence: t.exposeBoolean('evidence', {
      description:
        'Counts for the target-too-low question (not a milestone, cost cap, zero-incident target met, or copied actual).',
    }),
    flags: t.field({
      type: [OvershootRuleEnum],
      description: 'Rules that fire at default thresholds.',
      resolve: (m) => [
        ...(m.ratio ? ['RATIO' as const] : []),
        ...(m.ceiling_hit ? ['CEILING' as const] : []),
        ...(m.chronic ? ['CHRONIC' as const] : []),
      ],
    }),
    previousActual: t.exposeFloat('previous_actual', {
      nullable: true,
      description:
        'Last year’s actual of the same indicator and measure, when the two years were matched.',
    }),
    ratchetFailure: t.exposeBoolean('ratchet_failure', {
      description:
        'This year’s target is below last year’s actual (above it when lower is better).',
    }),
  }),
});

/** A 表3 row's cells as stored, joined: what its source location shows. */
export function indicatorRowText(
  i: Pick<Selectable<IndicatorsTable>, 'seq' | 'name' | 'target_text' | 'actual_text'>,
): string {
  return `${i.seq} ${i.name} ${i.target_text} ${i.actual_text}`;
}

export const PerformanceIndicatorRef = builder
  .objectRef<Selectable<IndicatorsTable>>('PerformanceIndicator')
  .implement({
    description:
      '表3: a key duty indicator (履职效能关键指标), texts as published, and the measures read from them.',
    fields: (t) => ({
      seq: t.exposeInt('seq', { description: 'Row number (序号).' }),
      name: t.exposeString('name', { description: '指标名称: indicator name.' }),
      targetText: t.exposeString('target_text', { description: '预期实现值: target text.' }),
      actualText: t.exposeString('actual_text', { description: '实际完成值: actual text.' }),
      key: t.exposeString('indicator_key', {
        nullable: true,
        description: 'Normalised name, stable across years despite wording drift.',
      }),
      understood: t.boolean({
        resolve: (i) => i.understood ?? false,
        description: 'The texts were read into measures with confidence.',
      }),
      notUnderstoodReason: t.exposeString('not_understood_reason', {
        nullable: true,
        description: 'Why the texts were not read.',
      }),
      source: t.field({
        type: SourceLocationRef,
        nullable: true,
        description: 'Where the row was read: file, page and line of its 序号.',
        resolve: (i) => sourceOf(i, indicatorRowText(i)),
      }),
      measures: t.field({
        type: [IndicatorMeasureRef],
        description:
          'Measures read from the target and actual texts (two targets in one cell give two).',
        resolve: async (i, _args, ctx) =>
          (await ctx.loaders.measures.load(i.report_id)).filter((m) => m.seq === i.seq),
      }),
    }),
  });
