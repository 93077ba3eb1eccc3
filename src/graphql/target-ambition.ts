import {
  targetAmbition,
  type AmbitionFinding,
  type AmbitionStep,
  type AmbitionYear,
  type DepartmentAmbition,
  type TargetAmbition,
} from '../analytics/target-ambition.js';
import { AMBITION_FLOOR, AMBITION_MIN_SERIES } from '../rules/thresholds.js';
import { builder } from './builder.js';
import { signalArgs, signalScope } from './signal-args.js';
import { departmentOf } from './department-of.js';
import { departmentsAsked, ownedByDepartment, ownRows } from './department-access.js';
import type { PreviousYearMeasure } from '../analytics/previous-year-rows.js';
import { DirectionEnum } from './enums.js';
import {
  EXPLANATION_DESCRIPTION,
  FindingRuleEnum,
  PreviousYearRowRef,
} from './finding-explanation.js';
import { indicatorRowText, PerformanceIndicatorRef } from './indicator.js';
import { formatFraction } from './number-format.js';
import { DepartmentRef } from './refs.js';
import type { ScopeArgs } from './scope-args.js';
import { sourceOf, SourceLocationRef } from './source.js';
import {
  measureValueText,
  SectorDistributionRef,
  sectorFor,
  sectorMedianFor,
} from './target-signals.js';
import type { Viewer } from './viewer.js';

const AMBITION_DESCRIPTION =
  'target / last year’s actual (last year’s actual / target when lower is better), a fraction: below 1 the target asks for less than was already achieved';

/** Last year's row a step compares with, as every finding that compares two years shows it. */
function previousRowOf(s: AmbitionStep): PreviousYearMeasure {
  return {
    indicator: s.previousIndicator,
    measureIndex: s.previousMeasureIndex,
    target: s.previousTarget,
    actual: s.previousActual,
    unit: s.unit,
    // Ambition reads last year's actual, not its attainment.
    attainment: null,
    matchedBy: s.matchedBy,
  };
}

/** The fields a step and a finding share: the two years' numbers and where they were read. */
const stepFields = {
  year: 'The later fiscal year.',
  indicator: 'This year’s indicator (key indicator table row).',
} as const;

const AmbitionStepRef = builder.objectRef<AmbitionStep>('AmbitionStep').implement({
  ...ownedByDepartment<AmbitionStep>((s) => s.departmentCode),
  description:
    'One step of an indicator series: this year’s target against last year’s actual of the same measure.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: stepFields.year }),
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (s) => s.indicator,
      description: stepFields.indicator,
    }),
    measureIndex: t.exposeInt('measureIndex', {
      description: 'Which measure of the row (0 = the first).',
    }),
    target: t.exposeFloat('target', { description: 'This year’s target, in base units.' }),
    targetText: t.string({
      nullable: true,
      resolve: (s) => measureValueText(s.target, s.unit),
      description: 'This year’s target as a person reads it.',
    }),
    unit: t.exposeString('unit', { nullable: true, description: 'Normalised unit.' }),
    direction: t.field({
      type: DirectionEnum,
      resolve: (s) => s.direction as never,
      description: 'Which way is better.',
    }),
    ambition: t.exposeFloat('ambition', {
      nullable: true,
      description: `${AMBITION_DESCRIPTION}.`,
    }),
    ambitionText: t.string({
      nullable: true,
      resolve: (s) => formatFraction(s.ambition),
      description: 'ambition as a percentage, e.g. "94.80%".',
    }),
    belowAchieved: t.exposeBoolean('belowAchieved', {
      description: `ambition below ${AMBITION_FLOOR}: the target is below last year’s actual (a ratchet failure).`,
    }),
    previous: t.field({
      type: PreviousYearRowRef,
      resolve: previousRowOf,
      description: 'Last year’s row: year, target, actual and source.',
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (s) => sourceOf(s.indicator, indicatorRowText(s.indicator)),
      description: 'Where this year’s target was read: file, page and line.',
    }),
  }),
});

/** A finding as the viewer may see it: the sector median withheld from a DEPARTMENT token over too few. */
type ShownFinding = AmbitionFinding & { shownSectorMedian: number | null };

function explanation(f: ShownFinding): string {
  const sector =
    f.shownSectorMedian === null
      ? `同领域中位数不低于 ${AMBITION_FLOOR}（同领域仅 ${f.sectorDepartments} 个部门，不予显示）`
      : `同领域中位数为 ${formatFraction(f.shownSectorMedian)}`;
  return (
    `${f.year}年目标 ${measureValueText(f.target, f.unit)} 低于 ${f.previousIndicator.year}年实际 ${measureValueText(f.previousActual, f.unit)}` +
    `（目标/上年实际 ${formatFraction(f.ambition)}）。该部门当年 ${f.series} 个可比指标序列的中位数为 ${formatFraction(f.medianAmbition)}，` +
    `低于 ${formatFraction(AMBITION_FLOOR)}，而${sector}：同类部门提高了目标，该部门的目标仍低于已达到的水平。`
  );
}

const AmbitionFindingRef = builder.objectRef<ShownFinding>('AmbitionFinding').implement({
  ...ownedByDepartment<ShownFinding>((f) => f.departmentCode),
  description:
    'A target below last year’s actual in a year its department’s targets stay below what it achieved while its sector’s rise (TARGET_BELOW_ACHIEVED): the rule, the numbers it used, its thresholds, last year’s row and where both were read.',
  fields: (t) => ({
    rule: t.field({
      type: FindingRuleEnum,
      resolve: () => 'TARGET_BELOW_ACHIEVED' as const,
      description: 'The rule: TARGET_BELOW_ACHIEVED.',
    }),
    explanation: t.string({
      resolve: explanation,
      description: EXPLANATION_DESCRIPTION,
    }),
    year: t.exposeInt('year', { description: stepFields.year }),
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (f) => f.indicator,
      description: stepFields.indicator,
    }),
    measureIndex: t.exposeInt('measureIndex', {
      description: 'Which measure of the row (0 = the first).',
    }),
    target: t.exposeFloat('target', { description: 'This year’s target, in base units.' }),
    targetText: t.string({
      nullable: true,
      resolve: (f) => measureValueText(f.target, f.unit),
      description: 'This year’s target as a person reads it.',
    }),
    unit: t.exposeString('unit', { nullable: true, description: 'Normalised unit.' }),
    direction: t.field({
      type: DirectionEnum,
      resolve: (f) => f.direction as never,
      description: 'Which way is better.',
    }),
    ambition: t.float({
      resolve: (f) => f.ambition!,
      description: `This step’s ambition: ${AMBITION_DESCRIPTION}.`,
    }),
    ambitionText: t.string({
      resolve: (f) => formatFraction(f.ambition)!,
      description: 'ambition as a percentage.',
    }),
    previous: t.field({
      type: PreviousYearRowRef,
      resolve: previousRowOf,
      description: 'Last year’s row the target is compared with: year, target, actual and source.',
    }),
    series: t.exposeInt('series', {
      description: 'Series of the department compared that year (the median’s sample).',
    }),
    medianAmbition: t.exposeFloat('medianAmbition', {
      description: 'The department’s median ambition that year.',
    }),
    medianAmbitionText: t.string({
      resolve: (f) => formatFraction(f.medianAmbition)!,
      description: 'medianAmbition as a percentage.',
    }),
    sectorMedian: t.float({
      nullable: true,
      resolve: (f) => f.shownSectorMedian,
      description:
        'The sector’s median of department medians that year (at least the threshold); null for a DEPARTMENT token when the sector has fewer than 5 departments.',
    }),
    sectorMedianText: t.string({
      nullable: true,
      resolve: (f) => formatFraction(f.shownSectorMedian),
      description: 'sectorMedian as a percentage.',
    }),
    sectorDepartments: t.exposeInt('sectorDepartments', {
      description: 'Departments of the sector judged that year.',
    }),
    threshold: t.float({
      resolve: () => AMBITION_FLOOR,
      description: `Threshold: the department’s median below this (${AMBITION_FLOOR}) while its sector’s median is at or above it.`,
    }),
    minSeries: t.int({
      resolve: () => AMBITION_MIN_SERIES,
      description: `Threshold: a department-year is judged on at least this many series (${AMBITION_MIN_SERIES}).`,
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (f) => sourceOf(f.indicator, indicatorRowText(f.indicator)),
      description: 'Where this year’s target was read: file, page and line.',
    }),
  }),
});

const AmbitionYearRef = builder.objectRef<AmbitionYear>('AmbitionYear').implement({
  description:
    'One department-year of target ambition: the median of its series against its sector’s that year.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    hasPreviousYear: t.exposeBoolean('hasPreviousYear', {
      description:
        'The department has a report of the year before: without one there is nothing to compare its targets with.',
    }),
    series: t.exposeInt('series', {
      description: 'Indicator series compared (measures matched to last year’s, comparable).',
    }),
    belowAchieved: t.exposeInt('belowAchieved', {
      description: 'Of them, targets below last year’s actual.',
    }),
    medianAmbition: t.exposeFloat('medianAmbition', {
      nullable: true,
      description: `Median ambition of its series (${AMBITION_DESCRIPTION}); null without any.`,
    }),
    medianAmbitionText: t.string({
      nullable: true,
      resolve: (y) => formatFraction(y.medianAmbition),
      description: 'medianAmbition as a percentage.',
    }),
    tooFew: t.exposeBoolean('tooFew', {
      description: `Fewer than ${AMBITION_MIN_SERIES} series: not judged and not among its sector’s figures.`,
    }),
    sector: t.field({
      type: SectorDistributionRef,
      resolve: (y) => y.sector,
      description: 'Median ambition across the sector’s judged departments that year.',
    }),
    named: t.exposeBoolean('named', {
      description: `Judged, its median below ${AMBITION_FLOOR} while its sector’s median is at or above it.`,
    }),
  }),
});

const DepartmentAmbitionRef = builder
  .objectRef<DepartmentAmbition>('DepartmentAmbition')
  .implement({
    ...ownedByDepartment<DepartmentAmbition>((d) => d.departmentCode),
    description:
      'One department’s targets against its previous actuals over the years asked, per indicator series and as a yearly median against its sector, and its findings when its targets stay below what it achieved while its sector’s rise.',
    fields: (t) => ({
      department: t.field({
        type: DepartmentRef,
        resolve: (d, _a, ctx) => departmentOf(ctx, d.departmentCode),
        description: 'The department.',
      }),
      sector: t.exposeString('sector', {
        description: 'Its sector (领域): whom it is compared with.',
      }),
      years: t.field({
        type: [AmbitionYearRef],
        resolve: (d) => d.years,
        description: 'Each year of the scope with a report, ascending.',
      }),
      namedYears: t.exposeInt('namedYears', { description: 'Years it is named in.' }),
      steps: t.field({
        type: [AmbitionStepRef],
        resolve: (d) => d.steps,
        description: 'Every step of its indicator series in the scope, by year and row.',
      }),
      findings: t.field({
        type: [AmbitionFindingRef],
        resolve: (d, _a, ctx) =>
          d.findings.map((f) => ({
            ...f,
            shownSectorMedian: sectorMedianFor(ctx.viewer, f.sectorMedian, f.sectorDepartments),
          })),
        description:
          'In the years it is named: each target below last year’s actual, with its explanation.',
      }),
    }),
  });

const TargetAmbitionRef = builder.objectRef<TargetAmbition>('TargetAmbition').implement({
  description:
    'Target ambition (docs/domain.md): how each year’s targets move against the previous year’s actuals, per department and indicator series, against the sector’s median, and the departments whose targets stay below what they achieved while their peers raise theirs.',
  fields: (t) => ({
    departmentCount: t.exposeInt('departmentCount', {
      description: 'Departments with a report in the scope.',
    }),
    syntheticCount: t.exposeInt('syntheticDepartments', {
      description: 'Of them, synthetic demo departments.',
    }),
    departments: t.field({
      type: [DepartmentAmbitionRef],
      resolve: (a) => a.departments,
      description: 'Departments, those named first (at most `first`).',
    }),
  }),
});

/** The answer as the viewer may see it: a DEPARTMENT token's own entry, its sector anonymous. */
function ambitionFor(viewer: Viewer, a: TargetAmbition): TargetAmbition {
  const departments = ownRows(viewer, a.departments, (d) => d.departmentCode).map((d) => ({
    ...d,
    years: d.years.map((y) => ({ ...y, sector: sectorFor(viewer, y.sector) })),
  }));
  return { ...a, departments };
}

builder.queryFields((t) => ({
  targetAmbition: t.field({
    type: TargetAmbitionRef,
    description:
      'Target ambition: each year’s targets against the previous year’s actuals per department and indicator series, the department’s median against its sector’s, and departments whose targets stay below what they achieved while their peers raise theirs.',
    args: signalArgs(t.arg, {
      years: {
        from: 'First fiscal year (a target year; its previous year is read too).',
        to: 'Last fiscal year.',
      },
      againstSector: 'compared with',
      order: 'those named first',
    }),
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) =>
      ambitionFor(ctx.viewer, await targetAmbition(ctx.db, signalScope(ctx.viewer, args))),
  }),
}));
