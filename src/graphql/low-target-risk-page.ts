import { pageOf } from './analytic-page.js';
import { analyticPageRef } from './analytic-page-type.js';
import { builder } from './builder.js';
import { checkedFirst } from './page-size.js';
import {
  DepartmentTargetRiskRef,
  lowTargetRiskArgs,
  lowTargetRiskRows,
} from './target-findings.js';

/** Entries one page may hold. */
export const MAX_RISK_PAGE = 1_000;

const LowTargetRiskPageRef = analyticPageRef('LowTargetRiskPage', DepartmentTargetRiskRef, {
  description:
    'A page of lowTargetRisk: the same entries in the same order (peer group, then rank), a page at a time.',
  totalCount: 'Entries over all pages (for a DEPARTMENT token: its own).',
});

builder.queryFields((t) => ({
  lowTargetRiskPage: t.field({
    type: LowTargetRiskPageRef,
    description:
      'lowTargetRisk a page at a time, with the total: for a dashboard that shows the riskiest departments, without a whole year’s entries and their measures (tens of MB over 10,000 departments).',
    args: {
      ...lowTargetRiskArgs(t),
      first: t.arg.int({ defaultValue: 100, description: `Page size, 1 to ${MAX_RISK_PAGE}.` }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) =>
      pageOf(await lowTargetRiskRows(ctx, args), {
        first: checkedFirst(args.first ?? 100, MAX_RISK_PAGE),
        after: args.after,
        field: 'lowTargetRiskPage',
        dataVersion: ctx.dataVersion,
      }),
  }),
}));
