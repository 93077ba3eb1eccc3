import { sql, type RawBuilder } from 'kysely';

/**
 * `column IN (the values)`, written so that DuckDB reads only the row groups that can match.
 *
 * - One value: `column = $1`. DuckDB pushes an equality into the table scan and skips every row
 *   group whose min/max statistics exclude it; `IN (SELECT …)` becomes a semi join that reads
 *   the whole column first. A point lookup (one report, one department) then costs about the
 *   same at 100,000 reports as at 10,000.
 * - Several: the values bound as ONE list parameter (a thousand codes as a thousand parameters
 *   cost DuckDB several times more to bind and plan), behind `column BETWEEN min AND max`, which
 *   the scan can push down: the reports of one department, or of a page of departments, were
 *   imported together and lie in a few row groups.
 */
export function inList(column: string, values: readonly (string | number)[]): RawBuilder<boolean> {
  const ref = sql.ref(column);
  if (values.length === 1) return sql<boolean>`${ref} = ${values[0]}`;
  const range = valueRange(values);
  const members = sql<boolean>`${ref} IN (SELECT unnest(${sql.val([...values])}))`;
  return range
    ? sql<boolean>`${ref} BETWEEN ${range.min} AND ${range.max} AND ${members}`
    : members;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The least and greatest of the values, when they are all numbers or all ASCII texts (codes);
 * null otherwise. Beyond ASCII, JavaScript's order of UTF-16 units and DuckDB's of UTF-8 bytes
 * can differ, and a wrong range would lose rows.
 */
function valueRange(
  values: readonly (string | number)[],
): { min: string | number; max: string | number } | null {
  if (values.length === 0) return null;
  const type = typeof values[0];
  let min = values[0]!;
  let max = values[0]!;
  for (const value of values) {
    if (typeof value !== type) return null;
    if (typeof value === 'string' && !ASCII.test(value)) return null;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
