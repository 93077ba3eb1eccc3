import { analyticPageRef, pageArgs, requestedWindow } from './analytic-page-type.js';
import { builder } from './builder.js';
import { departmentsAsked } from './department-access.js';
import type { ScopeArgs } from './scope-args.js';
import { ExpenditureStructureRef, structureArgs, structureWindowFor } from './structure.js';

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
    args: { ...structureArgs(t), ...pageArgs(t) },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: (_root, args, ctx) =>
      requestedWindow(args, 'expenditureStructurePage', ctx.dataVersion, (window) =>
        structureWindowFor(ctx, args, window),
      ),
  }),
}));
