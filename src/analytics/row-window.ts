import { sql, type RawBuilder } from 'kysely';
import type { Reader } from './reader.js';

/** The rows of an ordered answer one page holds: skip `offset`, take at most `limit`. */
export interface RowWindow {
  offset: number;
  limit: number;
}

/** One window of an answer, with the size of the whole answer. */
export interface WindowedRows<T> {
  totalCount: number;
  nodes: T[];
}

/** `LIMIT … OFFSET …` for a window; nothing for the whole answer (null). */
export function windowSql(window: RowWindow | null): RawBuilder<unknown> {
  return window ? sql`LIMIT ${window.limit} OFFSET ${window.offset}` : sql``;
}

/**
 * The total of a window read with `count(*) OVER () AS total` beside its rows. A window past
 * the last row has no row to carry it: then the rows are counted alone (`countAll`).
 */
export async function windowTotal(
  rows: readonly { total?: unknown }[],
  window: RowWindow | null,
  countAll: () => Promise<number>,
): Promise<number> {
  if (rows.length > 0) return Number(rows[0]!.total);
  return window && window.offset > 0 ? countAll() : 0;
}

/** How many rows a query returns. */
export async function countOf(db: Reader, query: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ total: number }>`SELECT count(*) AS total FROM (${query})`.execute(
    db,
  );
  return Number(rows[0]!.total);
}
