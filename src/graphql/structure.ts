import {
  expenditureStructure,
  expenditureStructureWindow,
  type ExpenditureStructure,
  type StructureArgs,
  type StructureDimension,
  type StructurePart,
} from '../analytics/expenditure-structure.js';
import { MAX_DEPARTMENTS } from '../analytics/scope.js';
import { builder } from './builder.js';
import { departmentsArg, type ScopeArgs } from './scope-args.js';
import { departmentOf } from './department-of.js';
import { toFloat } from './numbers.js';
import { DepartmentRef } from './refs.js';
import { departmentsAsked, departmentsFor, ownedByDepartment } from './department-access.js';
import { formatPercentPoints, formatRatio, formatWan } from './number-format.js';
import type { GraphQLContext } from './context.js';
import type { RowWindow, WindowedRows } from '../analytics/row-window.js';

/** A part with its structure's total, so that its share can be formatted from the exact amounts. */
type PartOfTotal = StructurePart & { total: string | null };

export const StructureDimensionEnum = builder.enumType('StructureDimension', {
  description: 'How expenditure is broken down.',
  values: {
    NATURE: { description: 'By nature (表2): basic, personnel, public funds, project.' },
    FUNCTION_CLASS: { description: 'By functional class (功能分类), final expenditure only.' },
  } as const,
});

const StructurePartRef = builder.objectRef<PartOfTotal>('StructurePart').implement({
  description:
    'One part of a department’s expenditure, in 万元, with its share of total final expenditure.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'BASIC, PERSONNEL, PUBLIC, PROJECT, or a functional class code (201 …).',
    }),
    label: t.exposeString('label', { description: 'Chinese label.' }),
    parent: t.exposeString('parent', {
      nullable: true,
      description:
        'Key of the part this one is a component of (PERSONNEL and PUBLIC make up BASIC); null for a top-level part. Sum shares over top-level parts only: they add up to 1.',
    }),
    topLevel: t.boolean({
      resolve: (p) => p.parent === null,
      description: 'Not a component of another part: the top-level parts add up to the total.',
    }),
    initialBudget: t.float({
      nullable: true,
      resolve: (p) => toFloat(p.initialBudget),
      description: '年初预算数 (NATURE only).',
    }),
    fullYearBudget: t.float({
      nullable: true,
      resolve: (p) => toFloat(p.fullYearBudget),
      description: '全年预算数 (NATURE only).',
    }),
    final: t.float({
      nullable: true,
      resolve: (p) => toFloat(p.final),
      description: '决算数: final expenditure, 万元.',
    }),
    finalText: t.string({
      nullable: true,
      resolve: (p) => formatWan(p.final),
      description: 'final as a person reads it, e.g. "6,756.71 万元".',
    }),
    share: t.exposeFloat('share', {
      nullable: true,
      description: 'final / total final expenditure, as a fraction (0–1, 1 = 100 %).',
    }),
    shareText: t.string({
      nullable: true,
      resolve: (p) => formatRatio(p.final, p.total),
      description:
        'share as a percentage, e.g. "66.86%", computed exactly from the two amounts and rounded half up.',
    }),
    shareChange: t.exposeFloat('shareChange', {
      nullable: true,
      description:
        'share − the previous year’s share, a difference of fractions (0.012 = 1.2 percentage points); null without a previous-year report.',
    }),
    shareChangeText: t.string({
      nullable: true,
      resolve: (p) => formatPercentPoints(p.shareChange),
      description: 'shareChange in percentage points, signed, e.g. "+1.20 个百分点".',
    }),
  }),
});

export const ExpenditureStructureRef = builder
  .objectRef<ExpenditureStructure>('ExpenditureStructure')
  .implement({
    ...ownedByDepartment<ExpenditureStructure>((s) => s.departmentCode),
    description: 'How one department spent in one year.',
    fields: (t) => ({
      department: t.field({
        type: DepartmentRef,
        resolve: (s, _a, ctx) => departmentOf(ctx, s.departmentCode),
        description: 'The department.',
      }),
      year: t.exposeInt('year', { description: 'Fiscal year.' }),
      total: t.float({
        nullable: true,
        resolve: (s) => toFloat(s.total),
        description: 'Total final expenditure (表2 合计), 万元.',
      }),
      totalText: t.string({
        nullable: true,
        resolve: (s) => formatWan(s.total),
        description: 'total as a person reads it, e.g. "10,105.79 万元".',
      }),
      parts: t.field({
        type: [StructurePartRef],
        resolve: (s) => s.parts.map((p) => ({ ...p, total: s.total })),
        description: 'The parts with their shares.',
      }),
    }),
  });

/** The arguments of expenditureStructure, and of its pages. */
export const structureArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  year: t.arg.int({ required: true, description: 'Fiscal year.' }),
  departments: departmentsArg(
    t.arg,
    `Only these departments (at most ${MAX_DEPARTMENTS}); all when omitted.`,
  ),
  by: t.arg({
    type: StructureDimensionEnum,
    defaultValue: 'NATURE',
    description: 'NATURE or FUNCTION_CLASS.',
  }),
});

type StructureFieldArgs = ScopeArgs & { year: number; by?: StructureDimension | null };

/** What a viewer asked for: a DEPARTMENT token's own departments when it names none. */
function structureArgsFor(ctx: GraphQLContext, args: StructureFieldArgs): StructureArgs {
  return {
    year: args.year,
    departments: departmentsFor(ctx.viewer, args.departments),
    by: args.by ?? 'NATURE',
  };
}

/** The structures a viewer asked for. */
export function structuresFor(
  ctx: GraphQLContext,
  args: StructureFieldArgs,
): Promise<ExpenditureStructure[]> {
  return expenditureStructure(ctx.db, structureArgsFor(ctx, args));
}

/** One window of the structures a viewer asked for, with their total. */
export function structureWindowFor(
  ctx: GraphQLContext,
  args: StructureFieldArgs,
  window: RowWindow,
): Promise<WindowedRows<ExpenditureStructure>> {
  return expenditureStructureWindow(ctx.db, structureArgsFor(ctx, args), window);
}

builder.queryFields((t) => ({
  expenditureStructure: t.field({
    type: [ExpenditureStructureRef],
    description:
      'Expenditure structure per department in one year, by nature or by functional class, with change against the previous year.',
    args: structureArgs(t),
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: (_root, args, ctx) => structuresFor(ctx, args),
  }),
}));
