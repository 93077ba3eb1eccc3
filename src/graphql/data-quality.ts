import type { Selectable } from 'kysely';
import type { DataQualityIssuesTable } from '../db/tables.js';
import { builder } from './builder.js';
import { SeverityEnum } from './enums.js';
import { toFloat } from './numbers.js';
import { DepartmentRef } from './refs.js';

export const DataQualityIssueRef = builder
  .objectRef<Selectable<DataQualityIssuesTable>>('DataQualityIssue')
  .implement({
    description:
      'A reconciliation finding: figures of a report that should balance and do not exactly.',
    fields: (t) => ({
      department: t.field({
        type: DepartmentRef,
        description: 'The reporting department.',
        resolve: async (i, _args, ctx) => {
          const department = await ctx.loaders.department.load(i.department_code);
          if (!department) throw new Error(`department ${i.department_code} is missing`);
          return department;
        },
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
