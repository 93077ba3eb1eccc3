import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { IndicatorsTable } from '../db/tables.js';

/** The columns of a stored 表3 row, as the API's PerformanceIndicator reads them. */
const INDICATOR_ROW_COLUMNS = [
  'report_id',
  'year',
  'seq',
  'name',
  'target_text',
  'actual_text',
  'indicator_key',
  'understood',
  'not_understood_reason',
  'line',
  'page',
] as const;

/**
 * `alias.column AS prefix_column, …` for an indicator row, so that two rows (this year's and
 * last year's) fit in one result row. Column names are constants, never input.
 */
export function indicatorRowColumns(alias: string, prefix: string): RawBuilder<unknown> {
  return sql.raw(INDICATOR_ROW_COLUMNS.map((c) => `${alias}.${c} AS ${prefix}_${c}`).join(', '));
}

/** Reads back the indicator row selected under `prefix` by indicatorRowColumns. */
export function indicatorRowOf(
  prefix: string,
): (row: Record<string, unknown>) => Selectable<IndicatorsTable> {
  const keys = INDICATOR_ROW_COLUMNS.map((column) => [`${prefix}_${column}`, column] as const);
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of keys) out[column] = row[key];
    return out as unknown as Selectable<IndicatorsTable>;
  };
}
