/** A page of an analytic answer as a test reads it. */
export interface PageOf<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every page of a paged analytic, read with `fetchPage` from the first page to the last (at most
 * 100 pages): the nodes in order, the total each page stated, and how many pages there were.
 */
export async function readAllPages<T>(
  fetchPage: (after: string | null) => Promise<PageOf<T>>,
): Promise<{ nodes: T[]; totals: number[]; pages: number }> {
  const nodes: T[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 100; pages++) {
    const page = await fetchPage(after);
    nodes.push(...page.nodes);
    totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { nodes, totals, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}
