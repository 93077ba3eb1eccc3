import type { OutputRef } from '@pothos/core';
import {
  pageFromWindow,
  pageWindow,
  type AnalyticPage,
  type PageRequest,
} from './analytic-page.js';
import type { RowWindow, WindowedRows } from '../analytics/row-window.js';
import { builder } from './builder.js';
import { PageInfoRef } from './page-info.js';
import { checkedFirst } from './page-size.js';

/** How a page type describes itself and its total. */
export interface AnalyticPageText {
  description: string;
  /** What totalCount counts, e.g. "Entries over all pages (for a DEPARTMENT token: its own)." */
  totalCount: string;
}

/**
 * The GraphQL type of a page of an analytic answer (analytic-page.ts): its total, its nodes and
 * where the next page starts. One shape for every paged analytic, so a client pages all alike.
 */
export function analyticPageRef<T>(name: string, nodeRef: OutputRef<T>, text: AnalyticPageText) {
  return builder.objectRef<AnalyticPage<T>>(name).implement({
    description: text.description,
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: text.totalCount }),
      nodes: t.field({
        type: [nodeRef],
        resolve: (p) => p.nodes,
        description: 'The items of this page, in the order of the whole answer.',
      }),
      pageInfo: t.field({
        type: PageInfoRef,
        resolve: (p) => p.pageInfo,
        description: 'Whether more pages follow, and where the next starts.',
      }),
    }),
  });
}

/** Items one page of an analytic may hold. */
export const MAX_ANALYTIC_PAGE = 1_000;

/** `first` and `after`, the arguments every paged analytic adds to its own. */
export const pageArgs = (
  t: Pick<Parameters<Parameters<typeof builder.queryFields>[0]>[0], 'arg'>,
) => ({
  first: t.arg.int({ defaultValue: 100, description: `Page size, 1 to ${MAX_ANALYTIC_PAGE}.` }),
  after: t.arg.string({ description: 'endCursor of the previous page.' }),
});

/** The page request of `first` and `after` for `field`, the size checked before any query. */
function pageRequest(
  args: { first?: number | null; after?: string | null },
  field: string,
  dataVersion: string | null,
): PageRequest {
  const first = checkedFirst(args.first ?? 100, MAX_ANALYTIC_PAGE);
  return { first, after: args.after, field, dataVersion };
}

/**
 * The page that `first` and `after` ask for of the paged field `field`, whose analytic reads
 * only the window asked for and counts the whole answer (`answer`): the database orders and
 * cuts, and the rows outside the page are never read out.
 */
export async function requestedWindow<T>(
  args: { first?: number | null; after?: string | null },
  field: string,
  dataVersion: string | null,
  answer: (window: RowWindow) => Promise<WindowedRows<T>>,
): Promise<AnalyticPage<T>> {
  const request = pageRequest(args, field, dataVersion);
  const window = pageWindow(request);
  return pageFromWindow(await answer(window), window, request);
}
