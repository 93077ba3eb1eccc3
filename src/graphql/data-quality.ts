import type { Selectable } from 'kysely';
import { dataQualityIssues } from '../analytics/data-quality.js';
import type { DataQualityIssuesTable } from '../db/tables.js';
import { builder } from './builder.js';
import { checkedFirst } from './page-size.js';
import { departmentsArg, type ScopeArgs } from './scope-args.js';
import { SeverityEnum } from './enums.js';
import { toFloat } from './numbers.js';
import { departmentOf } from './department-of.js';
import { DepartmentRef } from './refs.js';
import { departmentsAsked, departmentsFor, ownedByDepartment } from './department-access.js';

export const DataQualityIssueRef = builder
  .objectRef<Selectable<DataQualityIssuesTable>>('DataQualityIssue')
  .implement({
    ...ownedByDepartment<Selectable<DataQualityIssuesTable>>((i) => i.department_code),
    description:
      'A reconciliation finding: figures of a report that should balance and do not exactly.',
    fields: (t) => ({
      department: t.field({
        type: DepartmentRef,
        description: 'The reporting department.',
        resolve: (i, _args, ctx) => departmentOf(ctx, i.department_code),
      }),
      year: t.exposeInt('year', { description: 'Fiscal year of the report.' }),
      check: t.exposeString('check_name', {
        description:
          'Which check: revenue.by_function, nature.basic_parts.final, ratio.basic_share, …',
      }),
      severity: t.field({
        type: SeverityEnum,
        resolve: (i) => i.severity,
        description: 'INFO (rounding), WARNING or ERROR.',
      }),
      message: t.exposeString('message', {
        description: 'What did not balance, with both figures.',
      }),
      expected: t.float({
        nullable: true,
        resolve: (i) => toFloat(i.expected),
        description: 'The stated figure.',
      }),
      actual: t.float({
        nullable: true,
        resolve: (i) => toFloat(i.actual),
        description: 'The figure computed from the parts.',
      }),
    }),
  });

builder.queryFields((t) => ({
  dataQuality: t.field({
    type: [DataQualityIssueRef],
    description:
      'Reconciliation findings across the corpus, most severe first (ERROR, WARNING, INFO).',
    args: {
      year: t.arg.int({ description: 'Only this fiscal year.' }),
      departments: departmentsArg(t.arg),
      minSeverity: t.arg({
        type: SeverityEnum,
        description: 'Only findings at least this severe.',
      }),
      first: t.arg.int({
        defaultValue: 1000,
        description: 'At most this many findings (1 to 5000).',
      }),
    },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: (_root, args, ctx) =>
      dataQualityIssues(ctx.db, {
        year: args.year,
        departments: departmentsFor(ctx.viewer, args.departments),
        minSeverity: args.minSeverity,
        first: checkedFirst(args.first ?? 1000, 5000),
      }),
  }),
}));
