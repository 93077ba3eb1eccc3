import { analyticPageRef, pageArgs, requestedWindow } from './analytic-page-type.js';
import { builder } from './builder.js';
import {
  DepartmentTargetRiskRef,
  lowTargetRiskArgs,
  lowTargetRiskWindowFor,
  riskPeersAsked,
} from './target-findings.js';

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
    args: { ...lowTargetRiskArgs(t), ...pageArgs(t) },
    authScopes: riskPeersAsked,
    resolve: (_root, args, ctx) =>
      requestedWindow(args, 'lowTargetRiskPage', ctx.dataVersion, (window) =>
        lowTargetRiskWindowFor(ctx, args, window),
      ),
  }),
}));
