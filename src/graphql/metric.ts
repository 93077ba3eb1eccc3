import { METRICS, METRIC_NAMES, type MetricName } from '../analytics/metric-registry.js';
import { metricSeries, type MetricPoint, type MetricSeries } from '../analytics/metric-series.js';
import { MAX_DEPARTMENTS } from '../analytics/scope.js';
import { builder } from './builder.js';
import { departmentsArg, scopeOf, yearRangeArgs } from './scope-args.js';
import { DirectionEnum } from './enums.js';
import { departmentOf } from './department-of.js';
import { DepartmentRef } from './refs.js';

/** Every registry entry is an enum value: adding a metric to the registry adds it here. */
export const MetricNameEnum = builder.enumType('MetricName', {
  description: 'A metric of the registry (metrics lists them with labels and units).',
  values: Object.fromEntries(
    METRIC_NAMES.map((name) => [
      name,
      { description: `${METRICS[name].label}: ${METRICS[name].description}` },
    ]),
  ) as Record<MetricName, { description: string }>,
});

const MetricInfoRef = builder.objectRef<MetricName>('MetricInfo').implement({
  description: 'A metric of the registry: what it measures and which way is better.',
  fields: (t) => ({
    name: t.field({
      type: MetricNameEnum,
      resolve: (name) => name,
      description: 'Enum name, for metricSeries and benchmark.',
    }),
    label: t.string({
      resolve: (name) => METRICS[name].label,
      description: 'Chinese label (中文名称).',
    }),
    unit: t.string({
      resolve: (name) => METRICS[name].unit,
      description: '万元, fraction or points.',
    }),
    direction: t.field({
      type: DirectionEnum,
      resolve: (name) => METRICS[name].direction,
      description: 'Which way ranks first.',
    }),
    description: t.string({
      resolve: (name) => METRICS[name].description,
      description: 'What the metric is, and how it is computed.',
    }),
  }),
});

const MetricPointRef = builder.objectRef<MetricPoint>('MetricPoint').implement({
  description:
    'A metric in one year. A year without a report has a null value; changes next to it are null.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    value: t.exposeFloat('value', {
      nullable: true,
      description: 'The metric, or null when the department has no report that year.',
    }),
    change: t.exposeFloat('change', {
      nullable: true,
      description: 'value − previous year’s value.',
    }),
    relativeChange: t.exposeFloat('relativeChange', {
      nullable: true,
      description: 'change / |previous year’s value|.',
    }),
  }),
});

const MetricSeriesRef = builder.objectRef<MetricSeries>('MetricSeries').implement({
  description: 'A department’s metric over the years.',
  fields: (t) => ({
    department: t.field({
      type: DepartmentRef,
      resolve: (s, _a, ctx) => departmentOf(ctx, s.departmentCode),
      description: 'The department.',
    }),
    metric: t.field({ type: MetricNameEnum, resolve: (s) => s.metric, description: 'The metric.' }),
    points: t.field({
      type: [MetricPointRef],
      resolve: (s) => s.points,
      description: 'One point per year of the range, gaps included.',
    }),
    cagr: t.exposeFloat('cagr', {
      nullable: true,
      description:
        'Compound annual growth between the first and last years with a value; null for fewer than two or a non-positive start.',
    }),
  }),
});

builder.queryFields((t) => ({
  metrics: t.field({
    type: [MetricInfoRef],
    description: 'The metric registry: every metric metricSeries and benchmark accept.',
    resolve: () => METRIC_NAMES,
  }),
  metricSeries: t.field({
    type: [MetricSeriesRef],
    description:
      'A metric per department and year, with year-on-year change and CAGR (multi-year comparison).',
    args: {
      metric: t.arg({ type: MetricNameEnum, required: true, description: 'Which metric.' }),
      departments: departmentsArg(
        t.arg,
        `Department codes (at most ${MAX_DEPARTMENTS}); all departments when omitted and there are at most ${MAX_DEPARTMENTS}.`,
      ),
      ...yearRangeArgs(t.arg, {
        from: 'First fiscal year (default: each department’s first).',
        to: 'Last fiscal year (default: each department’s last).',
      }),
    },
    resolve: (_root, args, ctx) =>
      metricSeries(ctx.db, {
        ...scopeOf(args),
        metric: args.metric,
      }),
  }),
}));
