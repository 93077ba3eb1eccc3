import { pageOf } from './analytic-page.js';
import { analyticPageRef } from './analytic-page-type.js';
import { builder } from './builder.js';
import { departmentsAsked } from './department-access.js';
import { checkedFirst } from './page-size.js';
import type { ScopeArgs } from './scope-args.js';
import { ExpenditureStructureRef, structureArgs, structuresFor } from './structure.js';

/** Departments one page may hold. */
export const MAX_STRUCTURE_PAGE = 1_000;

const ExpenditureStructurePageRef = analyticPageRef(
  'ExpenditureStructurePage',
  ExpenditureStructureRef,
  {
    description:
      'A page of expenditureStructure: the same departments in the same order (by code), a page at a time.',
    totalCount: 'Departments over all pages, in the year and departments asked.',
  },
);

builder.queryFields((t) => ({
  expenditureStructurePage: t.field({
    type: ExpenditureStructurePageRef,
    description:
      'expenditureStructure a page at a time, with the total: for a dashboard that lists departments’ spending, without every department’s parts at once (13 MB over 10,000 departments).',
    args: {
      ...structureArgs(t),
      first: t.arg.int({
        defaultValue: 100,
        description: `Page size, 1 to ${MAX_STRUCTURE_PAGE}.`,
      }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) => {
      const first = checkedFirst(args.first ?? 100, MAX_STRUCTURE_PAGE);
      return pageOf(await structuresFor(ctx, args), {
        first,
        after: args.after,
        field: 'expenditureStructurePage',
        dataVersion: ctx.dataVersion,
      });
    },
  }),
}));
