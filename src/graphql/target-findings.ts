import type { PeerGroup } from '../analytics/peer-group.js';
import {
  lowTargetRisk,
  lowTargetRiskWindow,
  MIN_MEASURABLE,
  type LowTargetRiskArgs,
  type DepartmentTargetRisk,
} from '../analytics/low-target-risk.js';
import {
  overshootIndicators,
  targetRatchets,
  targetRatchetWindow,
  type FindingScope,
  type OvershootFinding,
  type RatchetFinding,
} from '../analytics/target-findings.js';
import { DEFAULT_CEILING_MAX_TARGET, DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
import { ReportTemplateEnum } from './enums.js';
import { builder } from './builder.js';
import {
  departmentsArg,
  includeSyntheticArg,
  peerGroupArg,
  peerGroupOf,
  scopeOf,
  yearRangeArgs,
  type ScopeArgs,
} from './scope-args.js';
import { departmentOf } from './department-of.js';
import {
  EXPLANATION_DESCRIPTION,
  FindingRuleEnum,
  previousYearRowOf,
  PreviousYearRowRef,
} from './finding-explanation.js';
import { IndicatorMeasureRef, indicatorRowText, PerformanceIndicatorRef } from './indicator.js';
import { explainMeasure } from './overshoot-explanation.js';
import { sourceOf, SourceLocationRef } from './source.js';
import { DepartmentRef } from './refs.js';
import { departmentsAsked, departmentsFor, ownedByDepartment } from './department-access.js';
import { riskMeasuresOf, RiskMeasureRef } from './risk-measure.js';
import { checkedFirst } from './page-size.js';
import { formatFraction } from './number-format.js';
import type { GraphQLContext } from './context.js';
import type { RowWindow, WindowedRows } from '../analytics/row-window.js';

/** Most findings one overshootIndicators call returns. */
const MAX_FINDINGS = 10_000;

/** An overshoot finding with the RATIO threshold it was found with. */
type Overshoot = OvershootFinding & { minAttainment: number };

/** Last year's measure of a finding's, when its rule compares two years (CHRONIC). */
const chronicPrevious = (f: Overshoot, ctx: GraphQLContext) =>
  f.rule === 'CHRONIC'
    ? previousYearRowOf(ctx, f.measure.report_id, f.measure.seq, f.measure.measure_index)
    : Promise.resolve(null);

/** Last year's measure a ratchet failure compares this year's target with. */
const ratchetPrevious = (f: RatchetFinding, ctx: GraphQLContext) =>
  previousYearRowOf(ctx, f.measure.report_id, f.measure.seq, f.measure.measure_index);

const IndicatorOvershootRef = builder.objectRef<Overshoot>('IndicatorOvershoot').implement({
  ...ownedByDepartment<Overshoot>((f) => f.departmentCode),
  description:
    'An indicator whose actual overshoots its target: the rule that fired, the numbers behind it, its thresholds, last year’s row for CHRONIC, and where it was read.',
  fields: (t) => ({
    department: t.field({
      type: DepartmentRef,
      resolve: (f, _a, ctx) => departmentOf(ctx, f.departmentCode),
      description: 'The department.',
    }),
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (f) => f.indicator,
      description: 'The indicator (表3 row).',
    }),
    measure: t.field({
      type: IndicatorMeasureRef,
      resolve: (f) => f.measure,
      description: 'The measure that fired.',
    }),
    attainment: t.exposeFloat('attainment', {
      nullable: true,
      description:
        'actual / target (target / actual when lower is better), a fraction (1 = 100 %).',
    }),
    attainmentText: t.string({
      nullable: true,
      resolve: (f) => formatFraction(f.attainment),
      description: 'attainment as a person reads it, e.g. "421.05%".',
    }),
    rule: t.field({
      type: FindingRuleEnum,
      resolve: (f) => f.rule,
      description: 'RATIO, CEILING or CHRONIC.',
    }),
    explanation: t.string({
      resolve: async (f, _a, ctx) =>
        explainMeasure(f, [f.rule], f.minAttainment, await chronicPrevious(f, ctx)),
      description: EXPLANATION_DESCRIPTION,
    }),
    minAttainment: t.exposeFloat('minAttainment', {
      description: 'Threshold: RATIO fires at an attainment at or above this (the request’s).',
    }),
    minAttainmentText: t.string({
      resolve: (f) => formatFraction(f.minAttainment)!,
      description: 'minAttainment as a percentage, e.g. "120.00%".',
    }),
    ceilingMaxTarget: t.float({
      resolve: () => DEFAULT_CEILING_MAX_TARGET,
      description:
        'Threshold: CEILING fires for a percentage target at or below this met with 100 % (evaluated at import, docs/domain.md).',
    }),
    ceilingMaxTargetText: t.string({
      resolve: () => formatFraction(DEFAULT_CEILING_MAX_TARGET)!,
      description: 'ceilingMaxTarget as a percentage.',
    }),
    previous: t.field({
      type: PreviousYearRowRef,
      nullable: true,
      resolve: (f, _a, ctx) => chronicPrevious(f, ctx),
      description:
        'For CHRONIC, last year’s row that fired too: its target, actual, attainment and source; null for RATIO and CEILING.',
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (f) => sourceOf(f.indicator, indicatorRowText(f.indicator)),
      description: 'Where the finding rests: file, page and line of the indicator’s 表3 row.',
    }),
  }),
});

export const TargetRatchetRef = builder.objectRef<RatchetFinding>('TargetRatchet').implement({
  ...ownedByDepartment<RatchetFinding>((f) => f.departmentCode),
  description:
    'A target not raised after being beaten: this year’s target below last year’s actual for the same indicator.',
  fields: (t) => ({
    department: t.field({
      type: DepartmentRef,
      resolve: (f, _a, ctx) => departmentOf(ctx, f.departmentCode),
      description: 'The department.',
    }),
    year: t.exposeInt('year', { description: 'The later fiscal year.' }),
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (f) => f.indicator,
      description: 'This year’s indicator.',
    }),
    previous: t.field({
      type: PerformanceIndicatorRef,
      resolve: (f) => f.previous,
      description: 'Last year’s indicator it was matched to.',
    }),
    measure: t.field({
      type: IndicatorMeasureRef,
      resolve: (f) => f.measure,
      description: 'This year’s measure.',
    }),
    previousActual: t.exposeFloat('previousActual', {
      nullable: true,
      description: 'Last year’s actual.',
    }),
    target: t.exposeFloat('target', { nullable: true, description: 'This year’s target.' }),
    matchedBy: t.exposeString('matchedBy', {
      description: 'Why the two years’ indicators were taken for the same one.',
    }),
    rule: t.field({
      type: FindingRuleEnum,
      resolve: () => 'RATCHET' as const,
      description: 'The rule: RATCHET.',
    }),
    explanation: t.string({
      resolve: async (f, _a, ctx) =>
        explainMeasure(f, ['RATCHET'], DEFAULT_MIN_ATTAINMENT, await ratchetPrevious(f, ctx)),
      description: EXPLANATION_DESCRIPTION,
    }),
    previousYear: t.field({
      type: PreviousYearRowRef,
      nullable: true,
      resolve: (f, _a, ctx) => ratchetPrevious(f, ctx),
      description:
        'Last year’s row the target is compared with: year, target, actual (the threshold this year’s target falls short of) and source. (`previous` is last year’s indicator alone.)',
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (f) => sourceOf(f.indicator, indicatorRowText(f.indicator)),
      description: 'Where this year’s target was read: file, page and line of its 表3 row.',
    }),
  }),
});

const AdmissionEnum = builder.enumType('Admission', {
  description: 'What a department admits about low targets against what was detected.',
  values: {
    ADMITTED_AND_DETECTED: { description: 'The problem list admits it and findings confirm it.' },
    DETECTED_NOT_ADMITTED: { description: 'Findings show it; the report does not admit it.' },
    ADMITTED_NOT_DETECTED: { description: 'The report admits it; no finding shows it.' },
    NEITHER: { description: 'Neither admitted nor detected.' },
  } as const,
});

export const DepartmentTargetRiskRef = builder
  .objectRef<DepartmentTargetRisk>('DepartmentTargetRisk')
  .implement({
    ...ownedByDepartment<DepartmentTargetRisk>((r) => r.departmentCode),
    description:
      'How much a department’s targets look set too low in one year, ranked among its peers.',
    fields: (t) => ({
      department: t.field({
        type: DepartmentRef,
        resolve: (r, _a, ctx) => departmentOf(ctx, r.departmentCode),
        description: 'The department.',
      }),
      year: t.exposeInt('year', { description: 'Fiscal year.' }),
      peerKey: t.exposeString('peerKey', { description: 'The peer group it is ranked in.' }),
      template: t.field({
        type: ReportTemplateEnum,
        resolve: (r) => r.template,
        description:
          'The report’s template family. Key indicators of both families are judged by the same rules; a peer group that mixes them compares like for like only on those.',
      }),
      measurable: t.exposeInt('measurable', { description: 'Measures that count as evidence.' }),
      overshooting: t.exposeInt('overshooting', {
        description: `Measures with attainment ≥ ${DEFAULT_MIN_ATTAINMENT} (RATIO).`,
      }),
      ceilingHits: t.exposeInt('ceilingHits', {
        description: 'Measures that hit the ceiling (CEILING).',
      }),
      ratchetFailures: t.exposeInt('ratchetFailures', {
        description: 'Targets below last year’s actual.',
      }),
      admitted: t.exposeBoolean('admitted', {
        description: 'The problems section admits targets set too low.',
      }),
      admission: t.field({
        type: AdmissionEnum,
        resolve: (r) => r.admission,
        description: 'Admitted against detected.',
      }),
      riskScore: t.exposeFloat('riskScore', {
        description: 'Share of measurable measures with at least one finding (0 to 1).',
      }),
      riskScoreText: t.string({
        resolve: (r) => formatFraction(r.riskScore)!,
        description: 'riskScore as a person reads it, e.g. "53.33%".',
      }),
      rank: t.exposeInt('rank', { description: '1 = highest risk in its peer group.' }),
      peerCount: t.exposeInt('peerCount', {
        description:
          'Departments ranked in its peer group that year, itself included: what `rank` is out of.',
      }),
      tooFew: t.exposeBoolean('tooFew', {
        description: `Fewer than ${MIN_MEASURABLE} measurable measures: the score rests on too few to compare with others.`,
      }),
      measures: t.field({
        type: [RiskMeasureRef],
        resolve: (r, _a, ctx) => riskMeasuresOf(ctx, r.reportId),
        description:
          'The measurable measures the score counts (as many as `measurable`), flagged ones first: riskScore = flagged / measurable.',
      }),
    }),
  });

/** The arguments of lowTargetRisk, and of its paged form (low-target-risk-page.ts). */
export const lowTargetRiskArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  year: t.arg.int({ required: true, description: 'Fiscal year.' }),
  peerGroup: peerGroupArg(t.arg, 'Rank within ALL, SECTOR or LEVEL.'),
  includeSynthetic: includeSyntheticArg(t.arg),
  peersOf: t.arg.id({
    description:
      'Only the entries of this department’s peer group: the department and those it is ranked among, with the same ranks as the whole answer (a DEPARTMENT token: its own department).',
  }),
});

type RiskFieldArgs = {
  year: number;
  peerGroup?: PeerGroup | null;
  includeSynthetic?: boolean | null;
  peersOf?: string | number | null;
};

/** The department whose peer group a lowTargetRisk request names, for the field's access rule. */
export const riskPeersAsked = departmentsAsked((args: RiskFieldArgs) =>
  args.peersOf != null ? [args.peersOf] : undefined,
);

/**
 * What a viewer asked lowTargetRisk for: every department of the year ranked among its peers;
 * for a DEPARTMENT token its own entry, rank included (a rank is a position, not another
 * department's value).
 */
function riskArgsFor(ctx: GraphQLContext, args: RiskFieldArgs): LowTargetRiskArgs {
  return {
    year: args.year,
    ...scopeOf(args),
    peerGroup: peerGroupOf(args.peerGroup),
    onlyDepartment: ctx.viewer.role === 'DEPARTMENT' ? ctx.viewer.department : null,
    peersOf: args.peersOf != null ? String(args.peersOf) : null,
  };
}

/** The lowTargetRisk entries a viewer asked for. */
function lowTargetRiskRows(
  ctx: GraphQLContext,
  args: RiskFieldArgs,
): Promise<DepartmentTargetRisk[]> {
  return lowTargetRisk(ctx.db, riskArgsFor(ctx, args));
}

/** One window of the lowTargetRisk entries a viewer asked for, with their total. */
export function lowTargetRiskWindowFor(
  ctx: GraphQLContext,
  args: RiskFieldArgs,
  window: RowWindow,
): Promise<WindowedRows<DepartmentTargetRisk>> {
  return lowTargetRiskWindow(ctx.db, riskArgsFor(ctx, args), window);
}

export const findingScopeArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  ...yearRangeArgs(t.arg),
  departments: departmentsArg(t.arg),
});

/** The findings a viewer asked for: a DEPARTMENT token's own departments when it names none. */
function findingScopeFor(ctx: GraphQLContext, args: ScopeArgs): FindingScope {
  return { ...scopeOf(args), departments: departmentsFor(ctx.viewer, args.departments) };
}

/** The ratchet findings a viewer asked for. */
export function ratchetsFor(ctx: GraphQLContext, args: ScopeArgs): Promise<RatchetFinding[]> {
  return targetRatchets(ctx.db, findingScopeFor(ctx, args));
}

/** One window of the ratchet findings a viewer asked for, with their total. */
export function ratchetWindowFor(
  ctx: GraphQLContext,
  args: ScopeArgs,
  window: RowWindow,
): Promise<WindowedRows<RatchetFinding>> {
  return targetRatchetWindow(ctx.db, findingScopeFor(ctx, args), window);
}

builder.queryFields((t) => ({
  overshootIndicators: t.field({
    type: [IndicatorOvershootRef],
    description:
      'Indicators whose actuals overshoot their targets (RATIO, CEILING, CHRONIC), largest attainment first.',
    args: {
      ...findingScopeArgs(t),
      minAttainment: t.arg.float({
        defaultValue: DEFAULT_MIN_ATTAINMENT,
        description: 'RATIO threshold on attainment.',
      }),
      first: t.arg.int({
        defaultValue: 100,
        description: `At most this many findings (1 to ${MAX_FINDINGS}).`,
      }),
    },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) => {
      const minAttainment = args.minAttainment ?? DEFAULT_MIN_ATTAINMENT;
      const findings = await overshootIndicators(ctx.db, {
        ...findingScopeFor(ctx, args),
        minAttainment,
        first: checkedFirst(args.first ?? 100, MAX_FINDINGS),
      });
      return findings.map((f) => ({ ...f, minAttainment }));
    },
  }),
  targetRatchet: t.field({
    type: [TargetRatchetRef],
    description:
      'Targets not raised after being beaten: this year’s target below last year’s actual, per matched indicator.',
    args: findingScopeArgs(t),
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: (_root, args, ctx) => ratchetsFor(ctx, args),
  }),
  lowTargetRisk: t.field({
    type: [DepartmentTargetRiskRef],
    description:
      'Departments ranked by the share of their indicators with targets that look set too low, with what they admit.',
    args: lowTargetRiskArgs(t),
    authScopes: riskPeersAsked,
    resolve: (_root, args, ctx) => lowTargetRiskRows(ctx, args),
  }),
}));
