import { sql, type RawBuilder } from 'kysely';

/**
 * `column IN (the values)` with the values bound as ONE list parameter: a list of a thousand
 * department codes as a thousand parameters costs DuckDB several times more to bind and plan.
 */
export function inList(column: string, values: readonly (string | number)[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} IN (SELECT unnest(${sql.val([...values])}))`;
}
