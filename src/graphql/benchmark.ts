import {
  benchmark,
  type Benchmark,
  type BenchmarkEntry,
  type Distribution,
  MIN_PEER_GROUP,
} from '../analytics/benchmark.js';
import { builder } from './builder.js';
import {
  departmentsArg,
  includeSyntheticArg,
  peerGroupArg,
  peerGroupOf,
  scopeOf,
} from './scope-args.js';
import { departmentOf } from './department-of.js';
import { PeerGroupEnum, ReportTemplateEnum } from './enums.js';
import { MetricNameEnum } from './metric.js';
import { DepartmentRef } from './refs.js';

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

const PeerDistributionRef = builder.objectRef<Distribution>('PeerDistribution').implement({
  description: 'A metric’s distribution over one peer group.',
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
  }),
});

const BenchmarkEntryRef = builder.objectRef<BenchmarkEntry>('BenchmarkEntry').implement({
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
    value: t.exposeFloat('value', { nullable: true, description: 'Its value of the metric.' }),
    rank: t.exposeInt('rank', {
      nullable: true,
      description: '1 = best in the peer group by the metric’s direction; ties share a rank.',
    }),
    percentile: t.exposeFloat('percentile', {
      nullable: true,
      description:
        'Share of its other peers it does better than (0 to 1) by the metric’s direction; null when alone.',
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

const BenchmarkRef = builder.objectRef<Benchmark>('Benchmark').implement({
  description:
    'A metric across departments in one year. The top-level distribution covers every department that year; ' +
    '`groups` has one per peer group. Synthetic demo departments are included unless includeSynthetic is false (see syntheticCount).',
  fields: (t) => ({
    metric: t.field({ type: MetricNameEnum, resolve: (b) => b.metric, description: 'The metric.' }),
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
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
    groups: t.field({
      type: [PeerDistributionRef],
      resolve: (b) => b.groups,
      description: 'The distribution of each peer group.',
    }),
    entries: t.field({
      type: [BenchmarkEntryRef],
      resolve: (b) => b.entries,
      description: 'Departments, by peer group and rank.',
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
    resolve: (_root, args, ctx) =>
      benchmark(ctx.db, {
        ...scopeOf(args),
        metric: args.metric,
        year: args.year,
        peerGroup: peerGroupOf(args.peerGroup),
      }),
  }),
}));
