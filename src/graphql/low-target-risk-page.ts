import { pageOf, type AnalyticPage } from './analytic-page.js';
import { builder } from './builder.js';
import { checkedFirst } from './page-size.js';
import { PageInfoRef } from './page-info.js';
import {
  DepartmentTargetRiskRef,
  lowTargetRiskArgs,
  lowTargetRiskRows,
} from './target-findings.js';
import type { DepartmentTargetRisk } from '../analytics/low-target-risk.js';

/** Entries one page may hold. */
export const MAX_RISK_PAGE = 1_000;

const LowTargetRiskPageRef = builder
  .objectRef<AnalyticPage<DepartmentTargetRisk>>('LowTargetRiskPage')
  .implement({
    description:
      'A page of lowTargetRisk: the same entries in the same order (peer group, then rank), a page at a time.',
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', {
        description: 'Entries over all pages (for a DEPARTMENT token: its own).',
      }),
      nodes: t.field({
        type: [DepartmentTargetRiskRef],
        resolve: (p) => p.nodes,
        description: 'The entries of this page.',
      }),
      pageInfo: t.field({
        type: PageInfoRef,
        resolve: (p) => p.pageInfo,
        description: 'Whether more pages follow, and where the next starts.',
      }),
    }),
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
