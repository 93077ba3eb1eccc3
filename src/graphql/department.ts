import { GraphQLError } from 'graphql';
import {
  listDepartments,
  reportYears,
  type DepartmentKey,
  type DepartmentRow,
} from '../analytics/departments.js';
import type { ReportRow } from '../analytics/report-parts.js';
import { PageInfoRef } from './page-info.js';
import { builder } from './builder.js';
import { includeSyntheticArg, yearRangeArgs } from './scope-args.js';
import { DepartmentLevelEnum } from './enums.js';
import { DepartmentRef, ReportRef } from './refs.js';
import { departmentsAsked, ownedByDepartment, ownedByDepartments } from './department-access.js';
import { ownDepartmentPage } from './own-department-page.js';

/** Largest page `departments(first:)` serves. */
export const MAX_PAGE_SIZE = 500;

function inRange(
  reports: readonly ReportRow[],
  fromYear?: number | null,
  toYear?: number | null,
): ReportRow[] {
  return reports.filter(
    (r) => (fromYear == null || r.year >= fromYear) && (toYear == null || r.year <= toYear),
  );
}

DepartmentRef.implement({
  ...ownedByDepartment<DepartmentRow>((d) => d.code),
  description:
    'A budget department (预算部门). Synthetic departments belong to the labelled demo corpus.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Stable department code, e.g. gz-zfw.' }),
    name: t.exposeString('name', { description: 'Full name as published (部门名称).' }),
    sector: t.exposeString('sector', {
      nullable: true,
      description: 'Sector used as peer group (领域), e.g. 政法.',
    }),
    level: t.field({
      type: DepartmentLevelEnum,
      resolve: (d) => d.level,
      description: 'Administrative level (行政级别).',
    }),
    synthetic: t.exposeBoolean('synthetic', {
      description:
        'True for generated demo departments (合成数据); never true for a real department.',
    }),
    reports: t.field({
      type: [ReportRef],
      description: 'Reports of this department, by fiscal year.',
      args: {
        ...yearRangeArgs(t.arg, {
          from: 'First fiscal year, inclusive.',
          to: 'Last fiscal year, inclusive.',
        }),
      },
      resolve: async (d, args, ctx) =>
        inRange(await ctx.loaders.reportsOfDepartment.load(d.code), args.fromYear, args.toYear),
    }),
    years: t.field({
      type: ['Int'],
      description:
        'Fiscal years with a published report, ascending: what a directory of departments needs, without the reports themselves.',
      resolve: (d, _args, ctx) => ctx.loaders.reportYears.load(d.code),
    }),
    report: t.field({
      type: ReportRef,
      nullable: true,
      description: 'The report of one fiscal year, if published.',
      args: { year: t.arg.int({ required: true, description: 'Fiscal year (年度).' }) },
      resolve: async (d, args, ctx) =>
        (await ctx.loaders.reportsOfDepartment.load(d.code)).find((r) => r.year === args.year) ??
        null,
    }),
  }),
});

const DepartmentEdgeRef = builder
  .objectRef<{ cursor: string; node: DepartmentRow }>('DepartmentEdge')
  .implement({
    ...ownedByDepartment<{ node: DepartmentRow }>((e) => e.node.code),
    description: 'A department and its cursor.',
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Opaque cursor of this department.' }),
      node: t.field({
        type: DepartmentRef,
        resolve: (e) => e.node,
        description: 'The department.',
      }),
    }),
  });

interface DepartmentPageShape {
  totalCount: number;
  rows: DepartmentRow[];
  hasNextPage: boolean;
}

const DepartmentConnectionRef = builder
  .objectRef<DepartmentPageShape>('DepartmentConnection')
  .implement({
    ...ownedByDepartments<DepartmentPageShape>((p) => p.rows.map((r) => r.code)),
    description: 'A page of departments: real ones first, then synthetic demo ones, each by code.',
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', {
        description: 'Departments matching the filter, over all pages.',
      }),
      nodes: t.field({
        type: [DepartmentRef],
        resolve: (p) => p.rows,
        description: 'Departments of this page.',
      }),
      edges: t.field({
        type: [DepartmentEdgeRef],
        resolve: (p) => p.rows.map((node) => ({ cursor: encodeCursor(node), node })),
        description: 'Departments of this page with their cursors.',
      }),
      pageInfo: t.field({
        type: PageInfoRef,
        resolve: (p) => ({
          hasNextPage: p.hasNextPage,
          endCursor: p.rows.length ? encodeCursor(p.rows.at(-1)!) : null,
        }),
        description: 'Whether more pages follow, and where the next starts.',
      }),
    }),
  });

const CURSOR_PREFIX = 'department:';

/** A cursor names the listing key: whether the department is synthetic, and its code. */
function encodeCursor(row: DepartmentKey): string {
  return Buffer.from(`${CURSOR_PREFIX}${row.synthetic ? 1 : 0}:${row.code}`).toString('base64url');
}

function decodeCursor(cursor: string): DepartmentKey {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = decoded.startsWith(CURSOR_PREFIX)
    ? /^([01]):(.+)$/s.exec(decoded.slice(CURSOR_PREFIX.length))
    : null;
  if (!match) {
    throw new GraphQLError('`after` is not a cursor returned by departments', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return { synthetic: match[1] === '1', code: match[2]! };
}

builder.queryFields((t) => ({
  years: t.field({
    type: ['Int'],
    description: 'Fiscal years with at least one report, ascending.',
    resolve: (_root, _args, ctx) => reportYears(ctx.db),
  }),
  department: t.field({
    type: DepartmentRef,
    nullable: true,
    description: 'One department by code.',
    args: { code: t.arg.id({ required: true, description: 'Department code, e.g. gz-zfw.' }) },
    authScopes: departmentsAsked((args: { code: string | number }) => [args.code]),
    resolve: (_root, args, ctx) => ctx.loaders.department.load(String(args.code)),
  }),
  departments: t.field({
    type: DepartmentConnectionRef,
    description:
      'Departments, filtered and paginated by cursor: real departments first, then synthetic demo ones, each by code.',
    complexity: (args) => ({ field: 1, multiplier: Math.min(args.first ?? 50, MAX_PAGE_SIZE) }),
    args: {
      sector: t.arg.string({ description: 'Only this sector (领域).' }),
      level: t.arg({ type: DepartmentLevelEnum, description: 'Only this administrative level.' }),
      search: t.arg.string({ description: 'Substring of the code, name or an alias.' }),
      includeSynthetic: includeSyntheticArg(t.arg),
      first: t.arg.int({ defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` }),
      after: t.arg.string({ description: 'Cursor of the last department of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 1 || first > MAX_PAGE_SIZE) {
        throw new GraphQLError(`first must be between 1 and ${MAX_PAGE_SIZE}`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const filter = {
        sector: args.sector,
        level: args.level,
        search: args.search,
        includeSynthetic: args.includeSynthetic,
      };
      const after = args.after ? decodeCursor(args.after) : null;
      // A DEPARTMENT token lists its own department only: not even the others' number.
      const page =
        ctx.viewer.role === 'DEPARTMENT'
          ? await ownDepartmentPage(ctx, ctx.viewer.department, filter, after)
          : await listDepartments(ctx.db, filter, first, after);
      page.rows.forEach((row) => ctx.loaders.department.prime(row.code, row));
      return page;
    },
  }),
}));
