import type { PooledConnection } from '../db/duckdb-pool.js';

/**
 * The canonical tables that bulk import and export exchange with BI tools and other jixiao
 * instances. They are the database tables with the internal report id replaced by the report's
 * natural key (department_code, year), so files from different databases can be combined.
 * Columns and types are read from the database itself: the migrations in sql/ stay the only
 * schema.
 */
export const CANONICAL_TABLES = [
  'departments',
  'department_aliases',
  'reports',
  'goals',
  'revenue_by_function',
  'expenditure_by_function',
  'expenditure_by_nature',
  'stated_figures',
  'key_tasks',
  'indicators',
  'management_scores',
  'deductions',
  'problems',
  'improvements',
  'data_quality_issues',
  'indicator_measures',
  'indicator_links',
  'measure_links',
] as const;

export type CanonicalTable = (typeof CANONICAL_TABLES)[number];

export interface CanonicalColumn {
  name: string;
  /** DuckDB type, e.g. DECIMAL(18,2), VARCHAR, INTEGER, BOOLEAN. */
  type: string;
  nullable: boolean;
  /** The table fills it when an import leaves it out (e.g. reports.template, added by sql/007). */
  hasDefault: boolean;
}

/** Tables keyed by department and year through their report. */
export function isReportChild(table: CanonicalTable): boolean {
  return !['departments', 'department_aliases', 'reports'].includes(table);
}

/** Columns the database fills itself, never exchanged. */
const INTERNAL: Record<string, readonly string[]> = { reports: ['id', 'ingested_at'] };

/** The canonical columns of a table, in order: natural key first for report children. */
export async function canonicalColumns(
  connection: PooledConnection,
  table: CanonicalTable,
): Promise<CanonicalColumn[]> {
  const { rows } = await connection.query(
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows
    .map((r) => ({
      name: String(r.column_name),
      type: String(r.data_type),
      nullable: r.is_nullable === 'YES',
      hasDefault: r.column_default !== null && r.column_default !== undefined,
    }))
    .filter((c) => c.name !== 'report_id' && !(INTERNAL[table] ?? []).includes(c.name));
  if (isReportChild(table) && !columns.some((c) => c.name === 'department_code')) {
    columns.unshift({
      name: 'department_code',
      type: 'VARCHAR',
      nullable: false,
      hasDefault: false,
    });
  }
  return columns;
}

/** A path as a SQL string literal (file paths cannot be bound as parameters in COPY/read_*). */
export function sqlPath(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

/** A column name as a quoted identifier (names come from information_schema, not from input). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A value of a canonical row: decimals stay exact strings. */
export type CanonicalValue = string | number | boolean | null | string[];
export type CanonicalRow = Record<string, CanonicalValue>;
/** Rows of one report per canonical table, keyed by (department_code, year), no internal ids. */
export type CanonicalRows = Partial<Record<CanonicalTable, CanonicalRow[]>>;
