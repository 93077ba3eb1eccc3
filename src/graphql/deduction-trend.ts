import {
  deductionTrends,
  type DeductionTrend,
  type DeductionYear,
} from '../analytics/deduction-trends.js';
import { builder } from './builder.js';
import {
  departmentsArg,
  includeSyntheticArg,
  scopeOf,
  yearRangeArgs,
  type ScopeArgs,
} from './scope-args.js';
import { departmentsAsked, departmentsFor, ownedByDepartment } from './department-access.js';
import { TrendEnum, ReportTemplateEnum } from './enums.js';
import { toFloatStrict } from './numbers.js';

const DeductionDimensionEnum = builder.enumType('DeductionDimension', {
  description: 'How points lost are grouped.',
  values: {
    INDICATOR: {
      description: 'By level-3 item (三级指标); duty deductions without an item form one group.',
    },
    DEPARTMENT: {
      description: 'By department: total points lost per year, with items repeated across years.',
    },
    LEVEL2: { description: 'By level-2 group (二级指标); duty deductions form one group.' },
  } as const,
});

const DeductionYearRef = builder.objectRef<DeductionYear>('DeductionYear').implement({
  description: 'Points lost on one key in one year.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Fiscal year.' }),
    departments: t.exposeInt('departments', { description: 'Departments that lost points on it.' }),
    syntheticDepartments: t.exposeInt('syntheticDepartments', {
      description:
        'How many of those departments are synthetic demo departments (see includeSynthetic).',
    }),
    pointsLost: t.float({
      resolve: (y) => toFloatStrict(y.pointsLost),
      description: 'Points lost in all.',
    }),
  }),
});

/** A trend with the department it is about: grouped by DEPARTMENT, its key is a department code. */
type TrendOf = DeductionTrend & { departmentCode: string | null };

const DeductionTrendRef = builder.objectRef<TrendOf>('DeductionTrend').implement({
  ...ownedByDepartment<TrendOf>((d) => d.departmentCode),
  description: 'Points lost (扣分) on one item, group or department over the years.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'Item name, level-2 group, department code, or DUTY.',
    }),
    label: t.exposeString('label', { description: 'Chinese label.' }),
    points: t.field({
      type: [DeductionYearRef],
      resolve: (d) => d.points,
      description: 'One entry per year in scope (0 when nothing was lost).',
    }),
    trend: t.field({
      type: TrendEnum,
      resolve: (d) => d.trend,
      description: 'IMPROVING, WORSENING or FLAT over the years.',
    }),
    repeatedItems: t.exposeStringList('repeatedItems', {
      description: 'DEPARTMENT only: items lost in two or more years.',
    }),
    templates: t.field({
      type: [ReportTemplateEnum],
      resolve: (d) => d.templates,
      description:
        'Template families of the reports behind this group. More than one: items of different frameworks (表4 vs the national score table) are counted together.',
    }),
  }),
});

builder.queryFields((t) => ({
  deductionTrends: t.field({
    type: [DeductionTrendRef],
    description:
      'Which items lose points, where, and whether it improves: points lost per year and trend, biggest losses first.',
    args: {
      ...yearRangeArgs(t.arg),
      by: t.arg({
        type: DeductionDimensionEnum,
        defaultValue: 'INDICATOR',
        description: 'INDICATOR, DEPARTMENT or LEVEL2.',
      }),
      departments: departmentsArg(t.arg),
      includeSynthetic: includeSyntheticArg(t.arg),
    },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) => {
      const by = args.by ?? 'INDICATOR';
      const trends = await deductionTrends(ctx.db, {
        ...scopeOf(args),
        departments: departmentsFor(ctx.viewer, args.departments),
        by,
      });
      return trends.map((d) => ({ ...d, departmentCode: by === 'DEPARTMENT' ? d.key : null }));
    },
  }),
}));
