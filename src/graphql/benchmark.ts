import {
  benchmark,
  benchmarkEntryWindow,
  type Benchmark,
  type BenchmarkArgs,
  type BenchmarkEntry,
  type Distribution,
  MIN_PEER_GROUP,
} from '../analytics/benchmark.js';
import { METRICS, type MetricUnit } from '../analytics/metric-registry.js';
import { builder } from './builder.js';
import {
  departmentsArg,
  includeSyntheticArg,
  peerGroupArg,
  peerGroupOf,
  scopeOf,
  type ScopeArgs,
} from './scope-args.js';
import { departmentOf } from './department-of.js';
import { PeerGroupEnum, ReportTemplateEnum } from './enums.js';
import { MetricNameEnum, UNIT_DESCRIPTION, UNIT_LABEL_DESCRIPTION } from './metric.js';
import { DepartmentRef } from './refs.js';
import { departmentsAsked, departmentsFor, ownedByDepartment } from './department-access.js';
import { benchmarkFor } from './peer-distributions.js';
import { formatFraction, formatInUnit, UNIT_SYMBOLS } from './number-format.js';
import { analyticPageRef, pageArgs, requestedWindow } from './analytic-page-type.js';
import { selectsField } from './selects-field.js';

/** A distribution or an entry with its metric's unit, so that its figures can format themselves. */
type InUnit<T> = T & { unit: MetricUnit };

const inUnit = <T extends object>(value: T, unit: MetricUnit): InUnit<T> => ({ ...value, unit });

const distributionFields = {
  count: 'Departments with a value.',
  tooSmall: `Fewer than ${MIN_PEER_GROUP} departments with a value: quartiles, z-scores and outliers say little about so few.`,
  min: 'Smallest value.',
  p25: 'First quartile (linear interpolation).',
  median: 'Median.',
  p75: 'Third quartile (linear interpolation).',
  max: 'Largest value.',
  mean: 'Arithmetic mean.',
  stddev: 'Sample standard deviation.',
} as const;

/** The figures of a distribution that get a `…Text` companion, in the metric's unit. */
const TEXT_FIGURES = ['min', 'p25', 'median', 'p75', 'max', 'mean'] as const;

const textDescription = (figure: (typeof TEXT_FIGURES)[number]) =>
  `${figure} as a person reads it, in the metric’s unit: "66.86%", "10,105.79 万元" or "92.50 分".`;

const PeerDistributionRef = builder.objectRef<InUnit<Distribution>>('PeerDistribution').implement({
  description:
    'A metric’s distribution over one peer group, in the metric’s unit (Benchmark.unit); each figure a person reads has a `…Text` companion.',
  fields: (t) => ({
    peerKey: t.exposeString('peerKey', {
      description: 'The peer group: ALL, a sector or a level.',
    }),
    count: t.exposeInt('count', { description: distributionFields.count }),
    tooSmall: t.exposeBoolean('tooSmall', { description: distributionFields.tooSmall }),
    min: t.exposeFloat('min', { nullable: true, description: distributionFields.min }),
    p25: t.exposeFloat('p25', { nullable: true, description: distributionFields.p25 }),
    median: t.exposeFloat('median', { nullable: true, description: distributionFields.median }),
    p75: t.exposeFloat('p75', { nullable: true, description: distributionFields.p75 }),
    max: t.exposeFloat('max', { nullable: true, description: distributionFields.max }),
    mean: t.exposeFloat('mean', { nullable: true, description: distributionFields.mean }),
    stddev: t.exposeFloat('stddev', { nullable: true, description: distributionFields.stddev }),
    ...Object.fromEntries(
      TEXT_FIGURES.map((figure) => [
        `${figure}Text`,
        t.string({
          nullable: true,
          resolve: (d) => formatInUnit(d[figure], d.unit),
          description: textDescription(figure),
        }),
      ]),
    ),
  }),
});

const BenchmarkEntryRef = builder.objectRef<InUnit<BenchmarkEntry>>('BenchmarkEntry').implement({
  ...ownedByDepartment<BenchmarkEntry>((e) => e.departmentCode),
  description: 'One department within its peer group.',
  fields: (t) => ({
    department: t.field({
      type: DepartmentRef,
      resolve: (e, _a, ctx) => departmentOf(ctx, e.departmentCode),
      description: 'The department.',
    }),
    peerKey: t.exposeString('peerKey', {
      description: 'The peer group it was compared in: ALL, its sector or its level.',
    }),
    value: t.exposeFloat('value', {
      nullable: true,
      description: 'Its value of the metric, in the metric’s unit (Benchmark.unit).',
    }),
    valueText: t.string({
      nullable: true,
      resolve: (e) => formatInUnit(e.value, e.unit),
      description: 'value as a person reads it: "66.86%", "10,105.79 万元" or "92.50 分".',
    }),
    rank: t.exposeInt('rank', {
      nullable: true,
      description: '1 = best in the peer group by the metric’s direction; ties share a rank.',
    }),
    percentile: t.exposeFloat('percentile', {
      nullable: true,
      description:
        'Share of its other peers it does better than, as a fraction (0 to 1) by the metric’s direction; null when alone.',
    }),
    percentileText: t.string({
      nullable: true,
      resolve: (e) => formatFraction(e.percentile),
      description: 'percentile as a percentage, e.g. "75.00%".',
    }),
    zScore: t.exposeFloat('zScore', {
      nullable: true,
      description: '(value − peer mean) / peer standard deviation.',
    }),
    outlier: t.exposeBoolean('outlier', {
      description: 'Outside p25 − 1.5 IQR … p75 + 1.5 IQR of its peer group.',
    }),
  }),
});

const BenchmarkEntryPageRef = analyticPageRef('BenchmarkEntryPage', BenchmarkEntryRef, {
  description:
    'A page of a benchmark’s entries: the same entries in the same order (peer group, then rank), a page at a time.',
  totalCount: 'Entries over all pages (for a DEPARTMENT token: its own).',
});

/** A benchmark with what it was asked for, so that a page of its entries can be read later. */
type BenchmarkAnswer = Benchmark & { asked: BenchmarkArgs };

const BenchmarkRef = builder.objectRef<BenchmarkAnswer>('Benchmark').implement({
  description:
    'A metric across departments in one year, in the metric’s unit (`unit`; each figure a person reads has a `…Text` companion). The top-level distribution covers every department that year; ' +
    '`groups` has one per peer group. Synthetic demo departments are included unless includeSynthetic is false (see syntheticCount).',
  fields: (t) => ({
    metric: t.field({ type: MetricNameEnum, resolve: (b) => b.metric, description: 'The metric.' }),
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    unit: t.string({
      resolve: (b) => METRICS[b.metric].unit,
      description: UNIT_DESCRIPTION,
    }),
    unitLabel: t.string({
      resolve: (b) => UNIT_SYMBOLS[METRICS[b.metric].unit],
      description: UNIT_LABEL_DESCRIPTION,
    }),
    peerGroup: t.field({
      type: PeerGroupEnum,
      resolve: (b) => b.peerGroup,
      description: 'How peers were grouped.',
    }),
    count: t.int({ resolve: (b) => b.overall.count, description: distributionFields.count }),
    tooSmall: t.boolean({
      resolve: (b) => b.overall.tooSmall,
      description: distributionFields.tooSmall,
    }),
    min: t.float({
      nullable: true,
      resolve: (b) => b.overall.min,
      description: distributionFields.min,
    }),
    p25: t.float({
      nullable: true,
      resolve: (b) => b.overall.p25,
      description: distributionFields.p25,
    }),
    median: t.float({
      nullable: true,
      resolve: (b) => b.overall.median,
      description: distributionFields.median,
    }),
    p75: t.float({
      nullable: true,
      resolve: (b) => b.overall.p75,
      description: distributionFields.p75,
    }),
    max: t.float({
      nullable: true,
      resolve: (b) => b.overall.max,
      description: distributionFields.max,
    }),
    mean: t.float({
      nullable: true,
      resolve: (b) => b.overall.mean,
      description: distributionFields.mean,
    }),
    stddev: t.float({
      nullable: true,
      resolve: (b) => b.overall.stddev,
      description: distributionFields.stddev,
    }),
    ...Object.fromEntries(
      TEXT_FIGURES.map((figure) => [
        `${figure}Text`,
        t.string({
          nullable: true,
          resolve: (b) => formatInUnit(b.overall[figure], METRICS[b.metric].unit),
          description: textDescription(figure),
        }),
      ]),
    ),
    groups: t.field({
      type: [PeerDistributionRef],
      resolve: (b) => b.groups.map((g) => inUnit(g, METRICS[b.metric].unit)),
      description: 'The distribution of each peer group.',
    }),
    entries: t.field({
      type: [BenchmarkEntryRef],
      resolve: (b) => b.entries.map((e) => inUnit(e, METRICS[b.metric].unit)),
      description: 'Departments, by peer group and rank.',
    }),
    entriesPage: t.field({
      type: BenchmarkEntryPageRef,
      args: pageArgs(t),
      resolve: (b, args, ctx) =>
        requestedWindow(args, 'benchmarkEntries', ctx.dataVersion, async (window) => {
          const page = await benchmarkEntryWindow(ctx.db, b.asked, window);
          const unit = METRICS[b.metric].unit;
          return { ...page, nodes: page.nodes.map((e) => inUnit(e, unit)) };
        }),
      description:
        'entries a page at a time, with the total: for a dashboard over many departments (57 MB of entries over 200,000), beside the distributions of the same answer.',
    }),
    syntheticCount: t.exposeInt('syntheticCount', {
      description: 'Synthetic (demo) departments in the compared population.',
    }),
    templates: t.field({
      type: [ReportTemplateEnum],
      resolve: (b) => b.templates,
      description:
        'Template families of the compared reports. More than one: the comparison mixes frameworks, and scores and scored items are not like for like (a national-framework report has no duty or management score).',
    }),
  }),
});

builder.queryFields((t) => ({
  benchmark: t.field({
    type: BenchmarkRef,
    description:
      'Cross-department benchmarking of one metric in one year: distribution, rank, percentile, z-score, outliers.',
    args: {
      metric: t.arg({ type: MetricNameEnum, required: true, description: 'Which metric.' }),
      year: t.arg.int({ required: true, description: 'Fiscal year.' }),
      peerGroup: peerGroupArg(t.arg, 'Compare within ALL, the same SECTOR or the same LEVEL.'),
      departments: departmentsArg(
        t.arg,
        'Entries to return (all when omitted); peers are always the whole group.',
      ),
      includeSynthetic: includeSyntheticArg(
        t.arg,
        'Include synthetic demo departments among the peers.',
      ),
    },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    // A DEPARTMENT token gets its own entry and the distributions of its peers, anonymised.
    // The entries are read only when asked for as a whole list: entriesPage reads its own.
    resolve: async (_root, args, ctx, info) => {
      const asked: BenchmarkArgs = {
        ...scopeOf(args),
        departments: departmentsFor(ctx.viewer, args.departments),
        metric: args.metric,
        year: args.year,
        peerGroup: peerGroupOf(args.peerGroup),
      };
      const answer = await benchmark(ctx.db, asked, { entries: selectsField(info, 'entries') });
      return { ...benchmarkFor(ctx.viewer, answer), asked };
    },
  }),
}));
