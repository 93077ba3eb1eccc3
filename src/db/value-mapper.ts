import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * A value as the rest of jixiao sees it. DECIMAL stays exact as a string (money is exact until the
 * API edge, docs/domain.md); BIGINT becomes a number when it is safe; DATE and TIMESTAMP become ISO text.
 */
export type RowValue = string | number | boolean | null | RowValue[] | { [key: string]: RowValue };

/** Converts one DuckDB value: the single place where driver types become plain JS. */
export function mapValue(value: DuckDBValue): RowValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      return value.toString();
    }
    return Number(value);
  }
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBDateValue || value instanceof DuckDBTimestampValue) {
    return value.toString();
  }
  if (value instanceof DuckDBListValue) return value.items.map(mapValue);
  if (value instanceof DuckDBStructValue) {
    const out: { [key: string]: RowValue } = {};
    for (const [key, item] of Object.entries(value.entries)) out[key] = mapValue(item);
    return out;
  }
  return String(value);
}

/** Converts a row of DuckDB values. */
export function mapRow(row: Record<string, DuckDBValue>): Record<string, RowValue> {
  const out: Record<string, RowValue> = {};
  for (const [key, value] of Object.entries(row)) out[key] = mapValue(value);
  return out;
}
