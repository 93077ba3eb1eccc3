import { sql, type RawBuilder } from 'kysely';

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
