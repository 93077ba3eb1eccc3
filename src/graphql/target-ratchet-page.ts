import { analyticPageRef, pageArgs, requestedWindow } from './analytic-page-type.js';
import { builder } from './builder.js';
import { departmentsAsked } from './department-access.js';
import type { ScopeArgs } from './scope-args.js';
import { findingScopeArgs, ratchetWindowFor, TargetRatchetRef } from './target-findings.js';

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
    args: { ...findingScopeArgs(t), ...pageArgs(t) },
    authScopes: departmentsAsked((args: ScopeArgs) => args.departments),
    resolve: (_root, args, ctx) =>
      requestedWindow(args, 'targetRatchetPage', ctx.dataVersion, (window) =>
        ratchetWindowFor(ctx, args, window),
      ),
  }),
}));
