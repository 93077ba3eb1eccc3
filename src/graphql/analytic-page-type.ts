import type { OutputRef } from '@pothos/core';
import type { AnalyticPage } from './analytic-page.js';
import { builder } from './builder.js';
import { PageInfoRef } from './page-info.js';

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
