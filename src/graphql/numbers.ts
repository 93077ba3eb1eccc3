/**
 * The API edge: exact decimal strings from the database become JSON numbers here and nowhere
 * else (docs/domain.md: money stays DECIMAL until the API edge). 万元 amounts have two decimals, well
 * within a double's exact range.
 */
export function toFloat(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number(value);
}

/** Like toFloat, for values the schema declares non-null. */
export function toFloatStrict(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}
