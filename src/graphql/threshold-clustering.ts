import type { ObjectFieldBuilder } from '@pothos/core';
import {
  thresholdClustering,
  type BandFigures,
  type BunchingFinding,
  type ClusteringYear,
  type DepartmentClustering,
  type ThresholdClustering,
} from '../analytics/threshold-clustering.js';
import { bandOfAttainment } from '../rules/attainment-band.js';
import {
  ATTAINMENT_BAND_EDGES,
  BUNCHING_MIN_SHARE,
  BUNCHING_MIN_YEARS,
  SIGNAL_MIN_MEASURES,
} from '../rules/thresholds.js';
import { builder } from './builder.js';
import { signalArgs, signalScope } from './signal-args.js';
import { departmentOf } from './department-of.js';
import { departmentsAsked, ownedByDepartment, ownRows } from './department-access.js';
import { DirectionEnum } from './enums.js';
import { EXPLANATION_DESCRIPTION, FindingRuleEnum } from './finding-explanation.js';
import { indicatorRowText, PerformanceIndicatorRef } from './indicator.js';
import { formatFraction, formatRatio } from './number-format.js';
import { DepartmentRef } from './refs.js';
import type { ScopeArgs } from './scope-args.js';
import { sourceOf, SourceLocationRef } from './source.js';
import {
  AttainmentBandCountRef,
  AttainmentBandEnum,
  bandRange,
  measureValueText,
  SectorDistributionRef,
  sectorFor,
  sectorMedianFor,
} from './target-signals.js';
import type { Viewer } from './viewer.js';

/** The schema types of the builder, for a helper that declares fields on several object types. */
type SchemaTypesOf = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** Band figures with the shares a person reads, shared by the whole answer and each year. */
type Figures = Pick<BandFigures, 'measurable' | 'bands' | 'exactlyOnTarget' | 'justAbove'>;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const shareText = (part: number, whole: number) => (whole === 0 ? null : formatRatio(part, whole));
const SHARE_TEXT = 'as a person reads it, e.g. "20.00%", divided exactly from the two counts.';

const justAboveRange = bandRange('JUST_ABOVE');

/** The fields every set of band figures has (the whole answer, each department-year). */
function figuresFieldsOf<T extends Figures>(t: ObjectFieldBuilder<SchemaTypesOf, T>) {
  return {
    measurable: t.int({
      resolve: (f) => f.measurable,
      description: 'Evidence measures counted (docs/domain.md, "Not evidence").',
    }),
    exactlyOnTarget: t.int({
      resolve: (f) => f.exactlyOnTarget,
      description: 'Evidence measures exactly on target: attainment 100 %.',
    }),
    justAbove: t.int({
      resolve: (f) => f.justAbove,
      description: `Evidence measures just above target: attainment in ${justAboveRange}.`,
    }),
    exactlyOnTargetShare: t.float({
      nullable: true,
      resolve: (f) => share(f.exactlyOnTarget, f.measurable),
      description: 'exactlyOnTarget / measurable, a fraction (0 to 1); null without measures.',
    }),
    exactlyOnTargetShareText: t.string({
      nullable: true,
      resolve: (f) => shareText(f.exactlyOnTarget, f.measurable),
      description: `exactlyOnTargetShare ${SHARE_TEXT}`,
    }),
    justAboveShare: t.float({
      nullable: true,
      resolve: (f) => share(f.justAbove, f.measurable),
      description: 'justAbove / measurable, a fraction (0 to 1); null without measures.',
    }),
    justAboveShareText: t.string({
      nullable: true,
      resolve: (f) => shareText(f.justAbove, f.measurable),
      description: `justAboveShare ${SHARE_TEXT}`,
    }),
    onOrJustAboveShare: t.float({
      nullable: true,
      resolve: (f) => share(f.exactlyOnTarget + f.justAbove, f.measurable),
      description:
        '(exactlyOnTarget + justAbove) / measurable: the share landing exactly on or just above target, a fraction; null without measures.',
    }),
    onOrJustAboveShareText: t.string({
      nullable: true,
      resolve: (f) => shareText(f.exactlyOnTarget + f.justAbove, f.measurable),
      description: `onOrJustAboveShare ${SHARE_TEXT}`,
    }),
    bands: t.field({
      type: [AttainmentBandCountRef],
      resolve: (f) => f.bands.map((b) => ({ ...b, measurable: f.measurable })),
      description:
        'Evidence measures per attainment band, lowest band first, empty bands included.',
    }),
  };
}

/** A finding's rule in words, with its numbers: what an analyst can quote in a letter. */
function explanation(f: BunchingFinding, sectorMedian: number | null): string {
  const shareOfYear = formatRatio(f.justAbove, f.measurable);
  const sector =
    sectorMedian === null
      ? `高于同领域中位数（同领域仅 ${f.sectorDepartments} 个部门，不予显示）`
      : `高于同领域中位数 ${formatFraction(sectorMedian)}`;
  return (
    `${f.year}年 ${f.measurable} 项可计量指标中有 ${f.justAbove} 项（${shareOfYear}）完成比落在刚超目标区间 ${justAboveRange}，` +
    `不低于阈值 ${formatFraction(BUNCHING_MIN_SHARE)}，且${sector}；该部门在所查年度中有 ${f.bunchingYears} 年如此（阈值 ${BUNCHING_MIN_YEARS} 年）。` +
    `本项目标 ${measureValueText(f.target, f.unit)}，实际 ${measureValueText(f.actual, f.unit)}，完成比 ${formatFraction(f.attainment)}。`
  );
}

/** A finding as the viewer may see it: the sector median withheld from a DEPARTMENT token over too few. */
type ShownFinding = BunchingFinding & { shownSectorMedian: number | null };

const BunchingFindingRef = builder.objectRef<ShownFinding>('BunchingFinding').implement({
  ...ownedByDepartment<ShownFinding>((f) => f.departmentCode),
  description:
    'An evidence measure just above its target in a year its department bunches there (JUST_ABOVE_BUNCHING): the rule, the numbers it used, its thresholds and where the row was read.',
  fields: (t) => ({
    rule: t.field({
      type: FindingRuleEnum,
      resolve: () => 'JUST_ABOVE_BUNCHING' as const,
      description: 'The rule: JUST_ABOVE_BUNCHING.',
    }),
    explanation: t.string({
      resolve: (f) => explanation(f, f.shownSectorMedian),
      description: EXPLANATION_DESCRIPTION,
    }),
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (f) => f.indicator,
      description: 'The indicator (key indicator table row).',
    }),
    measureIndex: t.exposeInt('measureIndex', {
      description: 'Which measure of the row (0 = the first).',
    }),
    target: t.exposeFloat('target', { description: 'Target, in base units (% as a fraction).' }),
    actual: t.exposeFloat('actual', { description: 'Actual, in the same unit.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'Normalised unit.' }),
    direction: t.field({
      type: DirectionEnum,
      resolve: (f) => f.direction as never,
      description: 'Which way is better.',
    }),
    attainment: t.exposeFloat('attainment', {
      description: 'actual / target (target / actual when lower is better), a fraction.',
    }),
    attainmentText: t.string({
      resolve: (f) => formatFraction(f.attainment)!,
      description: 'attainment as a person reads it, e.g. "102.38%".',
    }),
    band: t.field({
      type: AttainmentBandEnum,
      resolve: (f) => bandOfAttainment(f.attainment),
      description: 'The band of the attainment: JUST_ABOVE.',
    }),
    measurable: t.exposeInt('measurable', {
      description: 'Evidence measures of the department that year (the denominator).',
    }),
    justAbove: t.exposeInt('justAbove', {
      description: 'Of them, just above target (the numerator).',
    }),
    justAboveShare: t.float({
      resolve: (f) => f.justAbove / f.measurable,
      description: 'justAbove / measurable, a fraction.',
    }),
    justAboveShareText: t.string({
      resolve: (f) => formatRatio(f.justAbove, f.measurable)!,
      description: `justAboveShare ${SHARE_TEXT}`,
    }),
    sectorMedian: t.float({
      nullable: true,
      resolve: (f) => f.shownSectorMedian,
      description:
        'The median just-above share of the sector that year, which the department’s exceeds; null for a DEPARTMENT token when the sector has fewer than 5 departments.',
    }),
    sectorMedianText: t.string({
      nullable: true,
      resolve: (f) => formatFraction(f.shownSectorMedian),
      description: 'sectorMedian as a percentage.',
    }),
    sectorDepartments: t.exposeInt('sectorDepartments', {
      description: 'Departments of the sector judged that year.',
    }),
    bunchingYears: t.exposeInt('bunchingYears', {
      description: 'Years of the scope the department bunched in.',
    }),
    justAboveMax: t.float({
      resolve: () => ATTAINMENT_BAND_EDGES.justAbove,
      description: `Threshold: "just above" is attainment above 1 and at most this (${ATTAINMENT_BAND_EDGES.justAbove}).`,
    }),
    minShare: t.float({
      resolve: () => BUNCHING_MIN_SHARE,
      description: `Threshold: a year bunches when at least this share (${BUNCHING_MIN_SHARE}) of its evidence measures is just above target, and more than its sector’s median.`,
    }),
    minShareText: t.string({
      resolve: () => formatFraction(BUNCHING_MIN_SHARE)!,
      description: 'minShare as a percentage.',
    }),
    minYears: t.int({
      resolve: () => BUNCHING_MIN_YEARS,
      description: `Threshold: a department is named when it bunches in at least this many years (${BUNCHING_MIN_YEARS}).`,
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (f) => sourceOf(f.indicator, indicatorRowText(f.indicator)),
      description: 'Where the row was read: file, page and line of its key indicator table row.',
    }),
  }),
});

const ClusteringYearRef = builder.objectRef<ClusteringYear>('ClusteringYear').implement({
  description:
    'One department-year of threshold clustering: its evidence measures by attainment band, against its sector that year.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    ...figuresFieldsOf<ClusteringYear>(t),
    tooFew: t.exposeBoolean('tooFew', {
      description: `Fewer than ${SIGNAL_MIN_MEASURES} evidence measures: its shares are not judged and not among its sector’s.`,
    }),
    sectorJustAbove: t.field({
      type: SectorDistributionRef,
      resolve: (y) => y.sectorJustAbove,
      description: 'The just-above share across the sector’s judged departments that year.',
    }),
    sectorOnOrJustAbove: t.field({
      type: SectorDistributionRef,
      resolve: (y) => y.sectorOnOrJustAbove,
      description:
        'The share exactly on or just above target across the sector’s judged departments that year.',
    }),
    aboveSector: t.exposeBoolean('aboveSector', {
      description: 'Judged, and its just-above share is above the sector’s median.',
    }),
    bunches: t.exposeBoolean('bunches', {
      description: `Judged, its just-above share at least ${BUNCHING_MIN_SHARE} and above the sector’s median.`,
    }),
  }),
});

const DepartmentClusteringRef = builder
  .objectRef<DepartmentClustering>('DepartmentClustering')
  .implement({
    ...ownedByDepartment<DepartmentClustering>((d) => d.departmentCode),
    description:
      'One department’s attainment bands over the years asked, against its sector, and its findings when its results bunch just above its targets year after year.',
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
        type: [ClusteringYearRef],
        resolve: (d) => d.years,
        description: 'Each year of the scope with a report, ascending.',
      }),
      bunchingYears: t.exposeInt('bunchingYears', {
        description: 'Years it bunched just above its targets.',
      }),
      bunching: t.exposeBoolean('bunching', {
        description: `Bunched in at least ${BUNCHING_MIN_YEARS} years: named, with findings.`,
      }),
      findings: t.field({
        type: [BunchingFindingRef],
        resolve: (d, _a, ctx) =>
          d.findings.map((f) => ({
            ...f,
            shownSectorMedian: sectorMedianFor(
              ctx.viewer,
              f.sectorJustAboveMedian,
              f.sectorDepartments,
            ),
          })),
        description:
          'When named: each evidence measure just above target in the years it bunched, with its explanation.',
      }),
    }),
  });

const ThresholdClusteringRef = builder
  .objectRef<ThresholdClustering>('ThresholdClustering')
  .implement({
    description:
      'Threshold clustering (docs/domain.md): how the attainments of evidence measures spread over bands, how many land exactly on or just above target, per department against its sector, and the departments whose results bunch just above their targets year after year.',
    fields: (t) => ({
      ...figuresFieldsOf(t),
      departmentCount: t.exposeInt('departmentCount', {
        description: 'Departments with a report in the scope.',
      }),
      syntheticCount: t.exposeInt('syntheticDepartments', {
        description: 'Of them, synthetic demo departments.',
      }),
      departments: t.field({
        type: [DepartmentClusteringRef],
        resolve: (c) => c.departments,
        description: `Departments, those named first (at most \`first\`).`,
      }),
    }),
  });

/** The answer as the viewer may see it: a DEPARTMENT token's own entry, its sector anonymous. */
function clusteringFor(viewer: Viewer, c: ThresholdClustering): ThresholdClustering {
  const departments = ownRows(viewer, c.departments, (d) => d.departmentCode).map((d) => ({
    ...d,
    years: d.years.map((y) => ({
      ...y,
      sectorJustAbove: sectorFor(viewer, y.sectorJustAbove),
      sectorOnOrJustAbove: sectorFor(viewer, y.sectorOnOrJustAbove),
    })),
  }));
  return { ...c, departments };
}

builder.queryFields((t) => ({
  thresholdClustering: t.field({
    type: ThresholdClusteringRef,
    description:
      'Threshold clustering: attainment bands of evidence measures, the share exactly on or just above target per department against its sector, and departments bunching just above their targets year after year.',
    args: signalArgs(t.arg, { againstSector: 'compared with', order: 'those named first' }),
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) =>
      clusteringFor(ctx.viewer, await thresholdClustering(ctx.db, signalScope(ctx.viewer, args))),
  }),
}));
