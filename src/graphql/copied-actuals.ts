import { MIN_PEER_GROUP } from '../analytics/benchmark.js';
import {
  copiedActuals,
  type CopiedActuals,
  type CopiedFinding,
  type CopiedRow,
  type CopiedYear,
  type DepartmentCopiedActuals,
} from '../analytics/copied-actuals.js';
import { COMPLETION_FAMILIES, type CompletionFamily } from '../rules/completion-words.js';
import type { CopiedActualReason } from '../rules/copied-actual.js';
import { COPIED_MIN_INDICATORS, COPIED_MIN_SHARE } from '../rules/thresholds.js';
import { builder } from './builder.js';
import { signalArgs, signalScope } from './signal-args.js';
import { departmentOf } from './department-of.js';
import { departmentsAsked, ownedByDepartment, ownRows } from './department-access.js';
import { EXPLANATION_DESCRIPTION, FindingRuleEnum } from './finding-explanation.js';
import { indicatorRowText, PerformanceIndicatorRef } from './indicator.js';
import { formatFraction, formatPercentPoints, formatRatio } from './number-format.js';
import { DepartmentRef } from './refs.js';
import type { ScopeArgs } from './scope-args.js';
import { sourceOf, SourceLocationRef } from './source.js';
import { SectorDistributionRef, sectorFor, sectorMedianFor } from './target-signals.js';
import type { Viewer } from './viewer.js';

const SHARE_TEXT = 'as a person reads it, e.g. "25.00%", divided exactly from the two counts.';

const CopiedActualReasonEnum = builder.enumType('CopiedActualReason', {
  description:
    'Why an actual counts as only restating its target (docs/domain.md, "Copied actuals").',
  values: {
    SAME_TEXT: {
      description:
        'The actual is the target text again, after spaces, punctuation and full-width forms are normalised.',
    },
    COMPLETION_WORD: {
      description:
        'The whole actual is a completion word with no figure of its own (完成, 达到预期, 达标, 是, 好 …).',
    },
  } satisfies Record<CopiedActualReason, { description: string }>,
});

const FAMILY_DESCRIPTIONS: Readonly<Record<CompletionFamily, string>> = {
  DONE: 'Done: 完成, 已完成, 全部完成, 完成目标, 已完成年度目标任务.',
  AS_PLANNED: 'Done as planned: 按计划完成, 按期完成, 如期完成.',
  AS_EXPECTED: 'As expected: 达到预期, 达成预期指标, 实现目标, 符合预期.',
  MEETS_STANDARD: 'Meets the standard: 达标, 合格, 符合要求, 满足要求.',
  AFFIRMATIVE: 'A yes: 是, 已, 有, √.',
  GRADE: 'A grade the department gives itself: 好, 良好, 优, 优秀, 满意.',
};

const CompletionFamilyEnum = builder.enumType('CompletionFamily', {
  description:
    'A family of completion words, the actuals that only say the target was met (docs/domain.md, "Copied actuals").',
  values: Object.fromEntries(
    COMPLETION_FAMILIES.map((f) => [f, { description: FAMILY_DESCRIPTIONS[f] }]),
  ) as Record<CompletionFamily, { description: string }>,
});

/** The fields a copied row and a finding share: the row, why it counts, and where it was read. */
const rowFields = {
  year: 'Fiscal year.',
  indicator: 'The indicator (key indicator table row): its target and actual texts.',
  reason: 'Why its actual counts as restating the target.',
  family: 'For a completion word, its family; null for the target text repeated.',
  source: 'Where the row was read: file, page and line of its key indicator table row.',
} as const;

const CopiedActualRowRef = builder.objectRef<CopiedRow>('CopiedActualRow').implement({
  ...ownedByDepartment<CopiedRow>((r) => r.departmentCode),
  description: 'A key indicator whose actual only restates its target, and where it was read.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: rowFields.year }),
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (r) => r.indicator,
      description: rowFields.indicator,
    }),
    reason: t.field({
      type: CopiedActualReasonEnum,
      resolve: (r) => r.reason,
      description: rowFields.reason,
    }),
    family: t.field({
      type: CompletionFamilyEnum,
      nullable: true,
      resolve: (r) => r.family,
      description: rowFields.family,
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (r) => sourceOf(r.indicator, indicatorRowText(r.indicator)),
      description: rowFields.source,
    }),
  }),
});

/** A finding as the viewer may see it: a DEPARTMENT token sees no sector median over too few. */
type ShownFinding = CopiedFinding & { shownSectorMedian: number | null };

/** What the row's actual says, in words. */
function restates(f: CopiedRow): string {
  return f.reason === 'SAME_TEXT'
    ? '实际完成值与预期实现值原文相同'
    : `实际完成值仅写“${f.indicator.actual_text.trim().replace(/[。.；;，,]+$/u, '')}”，没有实际数值`;
}

/** A finding's rule in words, with its numbers: what an analyst can quote in a letter. */
function explanation(f: ShownFinding): string {
  const sector =
    f.shownSectorMedian === null
      ? `高于同领域中位数（同领域仅 ${f.sectorDepartments} 个部门，不予显示）`
      : `高于同领域中位数 ${formatFraction(f.shownSectorMedian)}`;
  return (
    `${f.year}年 ${f.indicators} 项关键指标中有 ${f.copied} 项（${formatRatio(f.copied, f.indicators)}）的实际完成值仅复述目标，` +
    `不低于阈值 ${formatFraction(COPIED_MIN_SHARE)}，且${sector}。` +
    `本项（第${f.indicator.seq}行“${f.indicator.name}”）${restates(f)}：自评未计量完成情况。`
  );
}

const CopiedActualsFindingRef = builder.objectRef<ShownFinding>('CopiedActualsFinding').implement({
  ...ownedByDepartment<ShownFinding>((f) => f.departmentCode),
  description:
    'A key indicator whose actual only restates its target, in a year its department does so for a large share of its indicators, above its sector (COPIED_ACTUALS): the rule, the numbers it used, its thresholds and where the row was read.',
  fields: (t) => ({
    rule: t.field({
      type: FindingRuleEnum,
      resolve: () => 'COPIED_ACTUALS' as const,
      description: 'The rule: COPIED_ACTUALS.',
    }),
    explanation: t.string({ resolve: explanation, description: EXPLANATION_DESCRIPTION }),
    year: t.exposeInt('year', { description: rowFields.year }),
    indicator: t.field({
      type: PerformanceIndicatorRef,
      resolve: (f) => f.indicator,
      description: rowFields.indicator,
    }),
    reason: t.field({
      type: CopiedActualReasonEnum,
      resolve: (f) => f.reason,
      description: rowFields.reason,
    }),
    family: t.field({
      type: CompletionFamilyEnum,
      nullable: true,
      resolve: (f) => f.family,
      description: rowFields.family,
    }),
    indicators: t.exposeInt('indicators', {
      description: 'Key indicators of the department that year (the denominator).',
    }),
    copied: t.exposeInt('copied', {
      description: 'Of them, actuals that only restate the target (the numerator).',
    }),
    share: t.exposeFloat('share', { description: 'copied / indicators, a fraction.' }),
    shareText: t.string({
      resolve: (f) => formatRatio(f.copied, f.indicators)!,
      description: `share ${SHARE_TEXT}`,
    }),
    sectorMedian: t.float({
      nullable: true,
      resolve: (f) => f.shownSectorMedian,
      description:
        'The median copied share of the sector that year, which the department’s exceeds; null for a DEPARTMENT token when the sector has fewer than 5 departments.',
    }),
    sectorMedianText: t.string({
      nullable: true,
      resolve: (f) => formatFraction(f.shownSectorMedian),
      description: 'sectorMedian as a percentage.',
    }),
    sectorDepartments: t.exposeInt('sectorDepartments', {
      description: 'Departments of the sector judged that year.',
    }),
    minShare: t.float({
      resolve: () => COPIED_MIN_SHARE,
      description: `Threshold: a year is named when at least this share (${COPIED_MIN_SHARE}) of its key indicators restate their targets, and more than its sector’s median.`,
    }),
    minShareText: t.string({
      resolve: () => formatFraction(COPIED_MIN_SHARE)!,
      description: 'minShare as a percentage.',
    }),
    minIndicators: t.int({
      resolve: () => COPIED_MIN_INDICATORS,
      description: `Threshold: a department-year is judged on at least this many key indicators (${COPIED_MIN_INDICATORS}).`,
    }),
    source: t.field({
      type: SourceLocationRef,
      nullable: true,
      resolve: (f) => sourceOf(f.indicator, indicatorRowText(f.indicator)),
      description: rowFields.source,
    }),
  }),
});

const CopiedActualsYearRef = builder.objectRef<CopiedYear>('CopiedActualsYear').implement({
  description:
    'One department-year of copied actuals: how many of its key indicators only restate their targets, against its sector that year.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    indicators: t.exposeInt('indicators', {
      description: 'Key indicators (key indicator table rows) of the report.',
    }),
    copied: t.exposeInt('copied', {
      description: 'Of them, actuals that only restate the target.',
    }),
    share: t.exposeFloat('share', {
      nullable: true,
      description: 'copied / indicators, a fraction (0 to 1); null without indicators.',
    }),
    shareText: t.string({
      nullable: true,
      resolve: (y) => (y.indicators === 0 ? null : formatRatio(y.copied, y.indicators)),
      description: `share ${SHARE_TEXT}`,
    }),
    tooFew: t.exposeBoolean('tooFew', {
      description: `Fewer than ${COPIED_MIN_INDICATORS} key indicators: its share is not judged and not among its sector’s.`,
    }),
    change: t.exposeFloat('change', {
      nullable: true,
      description:
        'share minus the share of the year before, a difference of fractions; null without a report of the year before in the years asked.',
    }),
    changeText: t.string({
      nullable: true,
      resolve: (y) => formatPercentPoints(y.change),
      description: 'change in percentage points, e.g. "+8.33 个百分点".',
    }),
    sector: t.field({
      type: SectorDistributionRef,
      resolve: (y) => y.sector,
      description: 'The copied share across the sector’s judged departments that year.',
    }),
    aboveSector: t.exposeBoolean('aboveSector', {
      description: 'Judged, and its share is above the sector’s median.',
    }),
    named: t.exposeBoolean('named', {
      description: `Judged, its share at least ${COPIED_MIN_SHARE} and above the sector’s median.`,
    }),
  }),
});

const TREND =
  'the least-squares slope of the share over the judged years asked, a difference of fractions per year';

const DepartmentCopiedActualsRef = builder
  .objectRef<DepartmentCopiedActuals>('DepartmentCopiedActuals')
  .implement({
    ...ownedByDepartment<DepartmentCopiedActuals>((d) => d.departmentCode),
    description:
      'One department’s copied actuals over the years asked, against its sector, the rows that were copied, and its findings when a large share of its actuals restate their targets.',
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
        type: [CopiedActualsYearRef],
        resolve: (d) => d.years,
        description: 'Each year of the scope with a report, ascending.',
      }),
      trend: t.exposeFloat('trend', {
        nullable: true,
        description: `Share change per year: ${TREND}; null under two judged years.`,
      }),
      trendText: t.string({
        nullable: true,
        resolve: (d) => perYear(d.trend),
        description: 'trend in percentage points per year, e.g. "+2.50 个百分点/年".',
      }),
      sectorTrend: t.exposeFloat('sectorTrend', {
        nullable: true,
        description: `The same slope of its sector’s median over those years; null under two, and for a DEPARTMENT token when a year’s sector has fewer than ${MIN_PEER_GROUP} departments.`,
      }),
      sectorTrendText: t.string({
        nullable: true,
        resolve: (d) => perYear(d.sectorTrend),
        description: 'sectorTrend in percentage points per year.',
      }),
      namedYears: t.exposeInt('namedYears', { description: 'Years it is named in.' }),
      rows: t.field({
        type: [CopiedActualRowRef],
        resolve: (d) => d.rows,
        description: 'Every key indicator of the years asked whose actual restates its target.',
      }),
      findings: t.field({
        type: [CopiedActualsFindingRef],
        resolve: (d, _a, ctx) =>
          d.findings.map((f) => ({
            ...f,
            shownSectorMedian: sectorMedianFor(ctx.viewer, f.sectorMedian, f.sectorDepartments),
          })),
        description: 'In the years it is named: each copied row, with its explanation.',
      }),
    }),
  });

function perYear(slope: number | null): string | null {
  const text = formatPercentPoints(slope);
  return text === null ? null : `${text}/年`;
}

const CopiedActualsRef = builder.objectRef<CopiedActuals>('CopiedActuals').implement({
  description:
    'Copied actuals (docs/domain.md): per department and year the share of key indicators whose actual only restates the target (the target text again, or a bare 完成 / 达到预期), its trend against the sector’s, the rows, and the departments whose share is large and above their sector’s.',
  fields: (t) => ({
    departmentCount: t.exposeInt('departmentCount', {
      description: 'Departments with a report in the scope.',
    }),
    syntheticCount: t.exposeInt('syntheticDepartments', {
      description: 'Of them, synthetic demo departments.',
    }),
    indicators: t.exposeInt('indicators', {
      description: 'Key indicators of every entry’s reports in the scope (before `first`).',
    }),
    copied: t.exposeInt('copied', {
      description: 'Of them, actuals that only restate the target.',
    }),
    share: t.float({
      nullable: true,
      resolve: (c) => (c.indicators === 0 ? null : c.copied / c.indicators),
      description: 'copied / indicators, a fraction; null without indicators.',
    }),
    shareText: t.string({
      nullable: true,
      resolve: (c) => (c.indicators === 0 ? null : formatRatio(c.copied, c.indicators)),
      description: `share ${SHARE_TEXT}`,
    }),
    departments: t.field({
      type: [DepartmentCopiedActualsRef],
      resolve: (c) => c.departments,
      description: 'Departments, those named first (at most `first`).',
    }),
  }),
});

/** The answer as the viewer may see it: a DEPARTMENT token's own entry, its sector anonymous. */
function copiedFor(viewer: Viewer, c: CopiedActuals): CopiedActuals {
  const departments = ownRows(viewer, c.departments, (d) => d.departmentCode).map((d) => {
    const years = d.years.map((y) => ({ ...y, sector: sectorFor(viewer, y.sector) }));
    // A slope of medians some of which the token may not see would give them away.
    const hidden = years.some((y) => !y.tooFew && y.sector.median === null);
    return { ...d, years, sectorTrend: hidden ? null : d.sectorTrend };
  });
  return { ...c, departments };
}

builder.queryFields((t) => ({
  copiedActuals: t.field({
    type: CopiedActualsRef,
    description:
      'Copied actuals: per department and year the share of key indicators whose actual only restates the target, its trend against the sector’s, the rows with their sources, and departments whose share is large and above their sector’s.',
    args: signalArgs(t.arg, { againstSector: 'compared with', order: 'those named first' }),
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) =>
      copiedFor(ctx.viewer, await copiedActuals(ctx.db, signalScope(ctx.viewer, args))),
  }),
}));
