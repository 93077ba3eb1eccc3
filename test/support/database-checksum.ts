import type { DuckDBPool } from '../../src/db/duckdb-pool.js';

/** One table's content in brief: its row count and an MD5 of its rows, sorted. */
export interface TableChecksum {
  rows: number;
  md5: string;
}

/**
 * How rows are compared:
 * - `exact`: every column as stored, internal report ids and load times included; what a
 *   rolled-back import or a killed writer must leave exactly as it was;
 * - `content`: what the data says, as the canonical files carry it: a report's parts by the
 *   report's department and year instead of its internal id, and no load or migration time;
 *   what two imports of the same files give alike, whenever, in whichever order and database.
 */
export type ChecksumMode = 'exact' | 'content';

/** The rows of one table as compared in `mode`. */
function rowsOf(table: string, columns: readonly string[], mode: ChecksumMode): string {
  if (mode === 'exact') return `SELECT * FROM "${table}"`;
  if (table === 'reports') return 'SELECT * EXCLUDE (id, ingested_at) FROM reports';
  if (table === 'schema_migrations') return 'SELECT * EXCLUDE (applied_at) FROM schema_migrations';
  if (columns.includes('report_id'))
    return `SELECT r.department_code AS report_department, r.year AS report_year, t.* EXCLUDE (report_id)
            FROM "${table}" t JOIN reports r ON r.id = t.report_id`;
  return `SELECT * FROM "${table}"`;
}

/**
 * A checksum of every table of a database (row count and MD5 of the sorted rows), in one
 * statement: two databases with the same checksums hold the same rows.
 */
export async function databaseChecksum(
  pool: DuckDBPool,
  mode: ChecksumMode = 'exact',
): Promise<Record<string, TableChecksum>> {
  const { rows: columns } = await pool.query(
    `SELECT c.table_name, list(c.column_name ORDER BY c.ordinal_position) AS columns
     FROM information_schema.columns c JOIN information_schema.tables t
       ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       AND t.table_catalog = c.table_catalog
     WHERE c.table_catalog = current_database() AND c.table_schema = 'main' AND t.table_type = 'BASE TABLE'
     GROUP BY c.table_name ORDER BY c.table_name`,
  );
  const parts = columns.map(({ table_name, columns }) => {
    const table = String(table_name);
    const text = 'CAST(x AS VARCHAR)';
    return `SELECT '${table}' AS name, count(*) AS n,
              md5(coalesce(string_agg(${text}, chr(10) ORDER BY ${text}), '')) AS md5
            FROM (${rowsOf(table, columns as string[], mode)}) x`;
  });
  const { rows } = await pool.query(parts.join(' UNION ALL '));
  return Object.fromEntries(
    rows
      .map((r) => [String(r.name), { rows: Number(r.n), md5: String(r.md5) }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
