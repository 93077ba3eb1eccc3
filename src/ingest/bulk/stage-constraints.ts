import { basename } from 'node:path';
import type { PooledConnection } from '../../db/duckdb-pool.js';
import { ident, type CanonicalColumn, type CanonicalTable } from '../canonical-tables.js';
import { FISCAL_YEARS } from '../report/parse-title.js';
import { BulkImportError } from './bulk-import-error.js';

/** A column as the file names it. */
type Label = (column: string) => string;

/** The staged file being checked: its table, temporary table, path, columns and titles. */
export interface StagedFile {
  table: CanonicalTable;
  stage: string;
  file: string;
  columns: readonly CanonicalColumn[];
  present: ReadonlySet<string>;
  label: Label;
  /** The reports file of the same import, which every other file's reports are checked against. */
  reportsFile: string;
}

async function first(
  connection: PooledConnection,
  sql: string,
  params: readonly (string | number)[] = [],
): Promise<Record<string, unknown> | undefined> {
  return (await connection.query(sql, params)).rows[0];
}

/**
 * The table's CHECK constraints (a category, level, severity or part out of its list), read from
 * the schema and tried on the staged rows: an insert would fail on the first such row with
 * DuckDB's words and no row number.
 */
async function checkConstraints(connection: PooledConnection, s: StagedFile): Promise<void> {
  const { rows } = await connection.query(
    `SELECT expression, constraint_column_names AS names FROM duckdb_constraints()
     WHERE schema_name = 'main' AND table_name = $1 AND constraint_type = 'CHECK'`,
    [s.table],
  );
  const typed = s.columns
    .filter((c) => s.present.has(c.name))
    .map((c) => `TRY_CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`);
  for (const { expression, names } of rows) {
    const columns = (names as string[]).filter((n) => s.present.has(n));
    if (columns.length === 0) continue; // absent: the table's default or NULL, which passes
    const bad = await first(
      connection,
      `SELECT __row, CAST(${ident(columns[0]!)} AS VARCHAR) AS value
       FROM (SELECT ${[...typed, '__row'].join(', ')} FROM ${s.stage}) WHERE NOT (${String(expression)})
       ORDER BY __row LIMIT 1`,
    );
    if (bad)
      throw new BulkImportError(
        s.file,
        Number(bad.__row),
        s.label(columns[0]!),
        `"${String(bad.value)}" is not allowed: the column must satisfy ${String(expression)}`,
      );
  }
}

/** A department name names one department: twice in the file, or another stored code's. */
async function uniqueNames(connection: PooledConnection, s: StagedFile): Promise<void> {
  const twice = await first(
    connection,
    `SELECT max(__row) AS __row, name FROM ${s.stage} GROUP BY name HAVING count(*) > 1 ORDER BY 1 LIMIT 1`,
  );
  if (twice)
    throw new BulkImportError(
      s.file,
      Number(twice.__row),
      s.label('name'),
      `duplicate name "${String(twice.name)}"`,
    );
  const taken = await first(
    connection,
    `SELECT s.__row, s.name, d.code FROM ${s.stage} s JOIN departments d ON d.name = s.name AND d.code <> s.code
     WHERE d.code NOT IN (SELECT code FROM ${s.stage}) ORDER BY s.__row LIMIT 1`,
  );
  if (taken)
    throw new BulkImportError(
      s.file,
      Number(taken.__row),
      s.label('name'),
      `"${String(taken.name)}" is the name of department ${String(taken.code)}`,
    );
}

/** A report's year is a fiscal year, as ingest reads one from a title (parse-title.ts). */
async function fiscalYears(connection: PooledConnection, s: StagedFile): Promise<void> {
  const outside = await first(
    connection,
    `SELECT __row, year FROM ${s.stage} WHERE CAST(year AS INTEGER) NOT BETWEEN $1 AND $2 ORDER BY __row LIMIT 1`,
    [FISCAL_YEARS.first, FISCAL_YEARS.last],
  );
  if (outside)
    throw new BulkImportError(
      s.file,
      Number(outside.__row),
      s.label('year'),
      `the fiscal year ${String(outside.year)} is outside ${FISCAL_YEARS.first}–${FISCAL_YEARS.last}`,
    );
}

/** The stated figures that the reports file repeats in columns of its own (report-rows.ts). */
const REPEATED = ['revenue_total', 'full_year_budget', 'final_total'] as const;

/**
 * A total in the reports file and the same total in stated_figures: one figure stated twice by
 * the files, which must agree (reconciliation reads the stated figure, analytics the column).
 */
async function repeatedTotals(connection: PooledConnection, s: StagedFile): Promise<void> {
  const { rows } = await connection.query(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'stage_reports'`,
  );
  const inReports = new Set(rows.map((r) => String(r.column_name)));
  for (const name of REPEATED.filter((n) => inReports.has(n))) {
    const differs = await first(
      connection,
      `SELECT s.__row, r.__row AS report_row, r.department_code, r.year,
              CAST(CAST(r.${ident(name)} AS DECIMAL(18,4)) AS VARCHAR) AS in_reports,
              CAST(CAST(s.value AS DECIMAL(18,4)) AS VARCHAR) AS stated
       FROM stage_reports r LEFT JOIN ${s.stage} s
         ON s.department_code = r.department_code AND CAST(s.year AS INTEGER) = CAST(r.year AS INTEGER) AND s.name = $1
       WHERE CAST(r.${ident(name)} AS DECIMAL(18,4)) IS DISTINCT FROM CAST(s.value AS DECIMAL(18,4))
       ORDER BY s.__row NULLS FIRST, r.__row LIMIT 1`,
      [name],
    );
    if (differs)
      throw new BulkImportError(
        s.file,
        differs.__row === null ? null : Number(differs.__row),
        differs.__row === null ? null : s.label('value'),
        `${name} of report ${String(differs.department_code)} ${String(differs.year)} is ${String(differs.stated ?? 'absent')} here but ${String(differs.in_reports ?? 'empty')} in ${basename(s.reportsFile)}, row ${String(differs.report_row)}: a figure stated twice must agree`,
      );
  }
}

/**
 * What a staged file must satisfy besides types, required values, unique keys and references
 * (bulk-import.ts): what the schema's constraints would refuse only at the insert, without a
 * row, and what ingest refuses in a report text (a year outside the fiscal years, a total
 * stated twice and differently by the files themselves).
 */
export async function validateConstraints(
  connection: PooledConnection,
  staged: StagedFile,
): Promise<void> {
  await checkConstraints(connection, staged);
  if (staged.table === 'departments' && staged.present.has('name'))
    await uniqueNames(connection, staged);
  if (staged.table === 'reports') await fiscalYears(connection, staged);
  if (staged.table === 'stated_figures') await repeatedTotals(connection, staged);
}
