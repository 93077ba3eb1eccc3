import { targetRatchets } from '../analytics/target-findings.js';
import { pageOf } from './analytic-page.js';
import { analyticPageRef } from './analytic-page-type.js';
import { builder } from './builder.js';
import { departmentsAsked, departmentsFor } from './department-access.js';
import { checkedFirst } from './page-size.js';
import { scopeOf, type ScopeArgs } from './scope-args.js';
import { findingScopeArgs, TargetRatchetRef } from './target-findings.js';

/** Findings one page may hold. */
export const MAX_RATCHET_PAGE = 1_000;

const TargetRatchetPageRef = analyticPageRef('TargetRatchetPage', TargetRatchetRef, {
  description:
    'A page of targetRatchet: the same findings in the same order (department, year, indicator), a page at a time.',
  totalCount: 'Findings over all pages, in the years and departments asked.',
});

builder.queryFields((t) => ({
  targetRatchetPage: t.field({
    type: TargetRatchetPageRef,
    description:
      'targetRatchet a page at a time, with the total: for a dashboard that lists targets not raised after being beaten, without every finding of every department at once (100 MB over 200,000 departments).',
    args: {
      ...findingScopeArgs(t),
      first: t.arg.int({ defaultValue: 100, description: `Page size, 1 to ${MAX_RATCHET_PAGE}.` }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: async (_root, args, ctx) => {
      const first = checkedFirst(args.first ?? 100, MAX_RATCHET_PAGE);
      const findings = await targetRatchets(ctx.db, {
        ...scopeOf(args),
        departments: departmentsFor(ctx.viewer, args.departments),
      });
      return pageOf(findings, {
        first,
        after: args.after,
        field: 'targetRatchetPage',
        dataVersion: ctx.dataVersion,
      });
    },
  }),
}));
