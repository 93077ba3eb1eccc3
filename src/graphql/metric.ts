import {
  METRICS,
  METRIC_NAMES,
  type MetricName,
  type MetricUnit,
} from '../analytics/metric-registry.js';
import { metricSeries, type MetricPoint, type MetricSeries } from '../analytics/metric-series.js';
import { MAX_DEPARTMENTS } from '../analytics/scope.js';
import { builder } from './builder.js';
import { departmentsArg, scopeOf, yearRangeArgs, type ScopeArgs } from './scope-args.js';
import { DirectionEnum } from './enums.js';
import { departmentOf } from './department-of.js';
import { DepartmentRef } from './refs.js';
import { departmentsAsked, departmentsFor, ownedByDepartment } from './department-access.js';
import { formatChangeInUnit, formatFraction, formatInUnit, UNIT_SYMBOLS } from './number-format.js';

/** The metric's unit, as a code and as written after a value: the same words on every metric answer. */
export const UNIT_DESCRIPTION =
  'Unit of the metric’s values: fraction (0–1, 1 = 100 %; shown as a percentage), 万元 or points (分).';
export const UNIT_LABEL_DESCRIPTION =
  'The unit as a person writes it after a value: % (a fraction shown as a percentage), 万元 or 分.';

/** Every registry entry is an enum value: adding a metric to the registry adds it here. */
export const MetricNameEnum = builder.enumType('MetricName', {
  description:
    'A metric of the registry (metrics lists them with labels and units); each value’s description starts with its Chinese label.',
  values: Object.fromEntries(
    METRIC_NAMES.map((name) => [name, { description: METRICS[name].description }]),
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
      description: UNIT_DESCRIPTION,
    }),
    unitLabel: t.string({
      resolve: (name) => UNIT_SYMBOLS[METRICS[name].unit],
      description: UNIT_LABEL_DESCRIPTION,
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

/** A point with its metric's unit, so that it can format itself. */
type UnitPoint = MetricPoint & { unit: MetricUnit };

const MetricPointRef = builder.objectRef<UnitPoint>('MetricPoint').implement({
  description:
    'A metric in one year. A year without a report has a null value; changes next to it are null.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    value: t.exposeFloat('value', {
      nullable: true,
      description:
        'The metric in its unit (a fraction 0–1 for shares and rates, 万元, or 分), or null when the department has no report that year.',
    }),
    valueText: t.string({
      nullable: true,
      resolve: (p) => formatInUnit(p.value, p.unit),
      description: 'value as a person reads it: "99.15%", "10,105.79 万元" or "92.50 分".',
    }),
    change: t.exposeFloat('change', {
      nullable: true,
      description:
        'value − previous year’s value, in the metric’s unit (for a fraction, a difference of fractions: 0.012 = 1.2 percentage points).',
    }),
    changeText: t.string({
      nullable: true,
      resolve: (p) => formatChangeInUnit(p.change, p.unit),
      description:
        'change as a person reads it, signed: "+1.20 个百分点" for a fraction, "+321.50 万元", "-1.50 分".',
    }),
    relativeChange: t.exposeFloat('relativeChange', {
      nullable: true,
      description: 'change / |previous year’s value|, as a fraction (0.05 = 5 %).',
    }),
    relativeChangeText: t.string({
      nullable: true,
      resolve: (p) => formatFraction(p.relativeChange),
      description: 'relativeChange as a percentage, e.g. "5.00%".',
    }),
  }),
});

const MetricSeriesRef = builder.objectRef<MetricSeries>('MetricSeries').implement({
  ...ownedByDepartment<MetricSeries>((s) => s.departmentCode),
  description: 'A department’s metric over the years.',
  fields: (t) => ({
    department: t.field({
      type: DepartmentRef,
      resolve: (s, _a, ctx) => departmentOf(ctx, s.departmentCode),
      description: 'The department.',
    }),
    metric: t.field({ type: MetricNameEnum, resolve: (s) => s.metric, description: 'The metric.' }),
    unit: t.string({
      resolve: (s) => METRICS[s.metric].unit,
      description: UNIT_DESCRIPTION,
    }),
    unitLabel: t.string({
      resolve: (s) => UNIT_SYMBOLS[METRICS[s.metric].unit],
      description: UNIT_LABEL_DESCRIPTION,
    }),
    points: t.field({
      type: [MetricPointRef],
      resolve: (s) => s.points.map((p) => ({ ...p, unit: METRICS[s.metric].unit })),
      description: 'One point per year of the range, gaps included.',
    }),
    cagr: t.exposeFloat('cagr', {
      nullable: true,
      description:
        'Compound annual growth between the first and last years with a value, as a fraction (0.05 = 5 % a year); null for fewer than two or a non-positive start.',
    }),
    cagrText: t.string({
      nullable: true,
      resolve: (s) => formatFraction(s.cagr),
      description: 'cagr as a percentage, e.g. "5.00%".',
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
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: (_root, args, ctx) =>
      metricSeries(ctx.db, {
        ...scopeOf(args),
        departments: departmentsFor(ctx.viewer, args.departments),
        metric: args.metric,
      }),
  }),
}));
