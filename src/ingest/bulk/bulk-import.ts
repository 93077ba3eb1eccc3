import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBPool, PooledConnection } from '../../db/duckdb-pool.js';
import type { BulkFormat } from './bulk-export.js';
import { BulkImportError } from './bulk-import-error.js';
import { csvReadError, csvStage } from './csv-stage.js';
import { addImportFindings } from './import-findings.js';
import { validateConstraints } from './stage-constraints.js';
import { deleteReportsSql } from '../load/delete-reports.js';
import { refreshReportFactsSql } from '../load/report-facts.js';
import {
  CANONICAL_TABLES,
  canonicalColumns,
  ident,
  isReportChild,
  sqlPath,
  type CanonicalColumn,
  type CanonicalTable,
} from '../canonical-tables.js';

// Callers catch it as an error of the import; it lives in its own file for csv-stage.ts.
export { BulkImportError };

export interface ImportOptions {
  dir: string;
  format: BulkFormat;
  /** Replace stored reports of the same department and year (otherwise a duplicate key is an error). */
  replace?: boolean;
}

export interface ImportedTable {
  table: CanonicalTable;
  rows: number;
}

/** Keys that must be unique in a file, per table. */
const KEYS: Partial<Record<CanonicalTable, readonly string[]>> = {
  departments: ['code'],
  department_aliases: ['alias'],
  reports: ['department_code', 'year'],
  expenditure_by_nature: ['department_code', 'year', 'category'],
  stated_figures: ['department_code', 'year', 'name'],
  indicator_measures: ['department_code', 'year', 'seq', 'measure_index'],
  measure_links: ['department_code', 'year', 'seq', 'measure_index'],
};
const SEQ_KEY = ['department_code', 'year', 'seq'];

/** A column as the file names it: CSV titles may be Chinese; other formats use the column names. */
type Label = (column: string) => string;
const asNamed: Label = (column) => column;

/**
 * The staged rows of a file with their 1-based row numbers, and how the file names its columns.
 * CSV (csv-stage.ts) and NDJSON are read as text, so that a bad value is reported with its row
 * instead of failing the whole read.
 */
async function stageSource(
  connection: PooledConnection,
  table: CanonicalTable,
  file: string,
  format: BulkFormat,
  columns: readonly CanonicalColumn[],
): Promise<{ sql: string; label: Label; columns?: ReadonlySet<string> }> {
  if (format === 'parquet') {
    return {
      sql: `SELECT *, file_row_number + 1 AS __row FROM read_parquet(${sqlPath(file)}, file_row_number = true)`,
      label: asNamed,
    };
  }
  if (format === 'csv') return csvStage(table, file, columns);
  const types = columns
    .map((c) => `${sqlPath(c.name)}: '${c.type.endsWith('[]') ? 'VARCHAR[]' : 'VARCHAR'}'`)
    .join(', ');
  return {
    sql: `SELECT *, row_number() OVER () AS __row FROM read_json(${sqlPath(file)}, format = 'newline_delimited', columns = {${types}})`,
    label: asNamed,
  };
}

async function first(
  connection: PooledConnection,
  sql: string,
): Promise<Record<string, unknown> | undefined> {
  return (await connection.query(sql)).rows[0];
}

/** The columns of a staged file as read, with the type each was read as. */
async function stagedTypes(
  connection: PooledConnection,
  stage: string,
): Promise<Map<string, string>> {
  const { rows } = await connection.query(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${stage}'`,
  );
  return new Map(rows.map((r) => [String(r.column_name), String(r.data_type)]));
}

/** Column types that hold exact numbers: a value must read as the number it writes, not be rounded to one. */
const EXACT_NUMBER =
  /^(DECIMAL|NUMERIC|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)\b/;

/**
 * SQL: whether a value's text stands for a number that `type` cannot hold exactly. DuckDB casts
 * by rounding (`2022.5` to INTEGER is 2023, `27112.515` to DECIMAL(18,2) is 27112.52); the file
 * says something else than what would be stored. Compared through a DECIMAL wide enough for any
 * figure of a report.
 */
function roundedSql(value: string, type: string): string {
  const text = `CAST(${value} AS VARCHAR)`;
  return `TRY_CAST(${text} AS DECIMAL(38,18)) IS DISTINCT FROM TRY_CAST(${value} AS ${type})`;
}

/**
 * Checks presence, types, nullability and uniqueness of a staged file; throws on the first bad
 * row. `readAs` is the type each staged column was read as: a column read as its table's own
 * type (a typed Parquet file written by an export) holds nothing to convert, so only text and
 * other types are tried value by value, the bulk of an import's checking time otherwise.
 */
async function validateStage(
  connection: PooledConnection,
  table: CanonicalTable,
  stage: string,
  file: string,
  columns: CanonicalColumn[],
  present: Set<string>,
  readAs: ReadonlyMap<string, string>,
  label: Label,
): Promise<void> {
  // One pass over the file finds, for every column, its first bad value and its first empty
  // one, and whether any key is repeated; the columns are then judged in order, as a reader of
  // the file would, and the key last.
  const key = KEYS[table] ?? (columns.some((c) => c.name === 'seq') ? SEQ_KEY : null);
  const keyList = key?.every((k) => present.has(k)) ? key.map(ident).join(', ') : null;
  const badValue = (column: CanonicalColumn): string | null => {
    if (readAs.get(column.name) === column.type) return null;
    const c = ident(column.name);
    const rounded = EXACT_NUMBER.test(column.type) ? ` OR ${roundedSql(c, column.type)}` : '';
    return `${c} IS NOT NULL AND (TRY_CAST(${c} AS ${column.type}) IS NULL${rounded})`;
  };
  const staged = columns.filter((c) => present.has(c.name));
  const firstRows = staged.length
    ? ((await first(
        connection,
        `SELECT ${[
          ...staged.flatMap((c, i) => {
            const bad = badValue(c);
            return [
              ...(bad ? [`min(__row) FILTER (WHERE ${bad}) AS bad_${i}`] : []),
              `min(__row) FILTER (WHERE ${ident(c.name)} IS NULL) AS empty_${i}`,
            ];
          }),
          ...(keyList ? [`count(*) - count(DISTINCT (${keyList})) AS repeated`] : []),
        ].join(', ')} FROM ${stage}`,
      )) ?? {})
    : {};
  for (const column of columns) {
    if (!present.has(column.name)) {
      // Left out of an older export: NULL, or the table's default.
      if (column.nullable || column.hasDefault) continue;
      throw new BulkImportError(file, null, label(column.name), 'required column is missing');
    }
    const i = staged.indexOf(column);
    const c = ident(column.name);
    if (firstRows[`bad_${i}`] != null) {
      const bad = (await first(
        connection,
        `SELECT __row, CAST(${c} AS VARCHAR) AS value, TRY_CAST(${c} AS ${column.type}) IS NULL AS unreadable
         FROM ${stage} WHERE __row = ${Number(firstRows[`bad_${i}`])}`,
      ))!;
      throw new BulkImportError(
        file,
        Number(bad.__row),
        label(column.name),
        bad.unreadable
          ? `"${String(bad.value)}" is not a ${column.type}`
          : `"${String(bad.value)}" would be stored rounded: a ${column.type} does not hold it exactly`,
      );
    }
    if (!column.nullable && firstRows[`empty_${i}`] != null)
      throw new BulkImportError(
        file,
        Number(firstRows[`empty_${i}`]),
        label(column.name),
        'value is required',
      );
  }
  if (key && keyList && Number(firstRows.repeated) > 0) {
    const duplicate = await first(
      connection,
      `SELECT max(__row) AS __row, ${keyList} FROM ${stage} GROUP BY ${keyList} HAVING count(*) > 1 ORDER BY 1 LIMIT 1`,
    );
    if (duplicate)
      throw new BulkImportError(
        file,
        Number(duplicate.__row),
        key.map(label).join('+'),
        `duplicate key (${key.map((k) => String(duplicate[k])).join(', ')})`,
      );
  }
}

/** Checks that staged rows refer to departments and reports that exist. */
async function validateReferences(
  connection: PooledConnection,
  table: CanonicalTable,
  stage: string,
  file: string,
  replace: boolean,
  label: Label,
): Promise<void> {
  const reportKey = `${label('department_code')}+${label('year')}`;
  if (table === 'reports' || table === 'department_aliases') {
    const unknown = await first(
      connection,
      `SELECT s.__row, s.department_code FROM ${stage} s WHERE s.department_code NOT IN (SELECT code FROM departments) ORDER BY s.__row LIMIT 1`,
    );
    if (unknown)
      throw new BulkImportError(
        file,
        Number(unknown.__row),
        label('department_code'),
        `unknown department "${String(unknown.department_code)}"`,
      );
  }
  if (table === 'reports' && !replace) {
    const stored = await first(
      connection,
      `SELECT s.__row, s.department_code, s.year FROM ${stage} s JOIN reports r ON r.department_code = s.department_code AND r.year = CAST(s.year AS INTEGER) ORDER BY s.__row LIMIT 1`,
    );
    if (stored) {
      throw new BulkImportError(
        file,
        Number(stored.__row),
        reportKey,
        `report ${String(stored.department_code)} ${String(stored.year)} is already stored (import with replace to overwrite)`,
      );
    }
  }
  if (isReportChild(table)) {
    const orphan = await first(
      connection,
      `SELECT s.__row, s.department_code, s.year FROM ${stage} s ANTI JOIN stage_reports r ON r.department_code = s.department_code AND CAST(r.year AS INTEGER) = CAST(s.year AS INTEGER) ORDER BY s.__row LIMIT 1`,
    );
    if (orphan)
      throw new BulkImportError(
        file,
        Number(orphan.__row),
        reportKey,
        `no report ${String(orphan.department_code)} ${String(orphan.year)} in reports file`,
      );
  }
}

async function insertStage(
  connection: PooledConnection,
  table: CanonicalTable,
  stage: string,
  columns: CanonicalColumn[],
  present: Set<string>,
): Promise<number> {
  const used = columns.filter((c) => present.has(c.name));
  const cast = (c: CanonicalColumn) => `CAST(s.${ident(c.name)} AS ${c.type})`;
  if (table === 'departments') {
    const names = used.map((c) => ident(c.name));
    const result = await connection.query(
      `INSERT INTO departments (${names.join(', ')}) SELECT ${used.map(cast).join(', ')} FROM ${stage} s
       ON CONFLICT (code) DO UPDATE SET ${used
         .filter((c) => c.name !== 'code')
         .map((c) => `${ident(c.name)} = excluded.${ident(c.name)}`)
         .join(', ')}`,
    );
    return result.rowsChanged;
  }
  if (table === 'department_aliases') {
    await connection.query(
      `DELETE FROM department_aliases WHERE alias IN (SELECT alias FROM ${stage})`,
    );
    return (
      await connection.query(
        `INSERT INTO department_aliases (alias, department_code) SELECT alias, department_code FROM ${stage} s`,
      )
    ).rowsChanged;
  }
  if (table === 'reports') {
    const names = used.map((c) => ident(c.name));
    return (
      await connection.query(
        `INSERT INTO reports (${names.join(', ')}) SELECT ${used.map(cast).join(', ')} FROM ${stage} s ORDER BY s.year, s.department_code`,
      )
    ).rowsChanged;
  }
  const own = used.filter(
    (c) => !(c.name === 'department_code' && table !== 'data_quality_issues'),
  );
  const targetColumns = ['report_id', ...own.map((c) => ident(c.name))];
  const values = ['r.id', ...own.map((c) => (c.name === 'year' ? 'r.year' : cast(c)))];
  const result = await connection.query(
    `INSERT INTO ${table} (${targetColumns.join(', ')})
     SELECT ${values.join(', ')} FROM ${stage} s
     JOIN reports r ON r.department_code = s.department_code AND r.year = CAST(s.year AS INTEGER)
     ORDER BY r.year, r.department_code`,
  );
  return result.rowsChanged;
}

/**
 * Imports a folder of canonical files (one per table, as exportCanonical writes them) in ONE
 * transaction: every file is validated (types, exact numbers, required values, unique keys, the
 * schema's constraints, references) before anything is written, and any error rolls the whole
 * import back. Files absent from the folder are skipped, except reports, which every report part
 * needs. The imported reports are then reconciled as ingest reconciles a report, and each finding
 * their files did not bring is stored with theirs (import-findings.ts).
 */
export async function importCanonical(
  pool: DuckDBPool,
  options: ImportOptions,
  onTable?: (t: ImportedTable) => void,
): Promise<ImportedTable[]> {
  const files = new Map(
    CANONICAL_TABLES.map((t) => [t, join(options.dir, `${t}.${options.format}`)]),
  );
  if (!existsSync(files.get('reports')!)) {
    throw new BulkImportError(
      files.get('reports')!,
      null,
      null,
      'file not found: every import needs reports',
    );
  }
  return pool.withConnection(async (connection) => {
    const staged: string[] = [];
    await connection.query('BEGIN TRANSACTION');
    try {
      const imported: ImportedTable[] = [];
      for (const table of CANONICAL_TABLES) {
        const file = files.get(table)!;
        if (!existsSync(file)) continue;
        const stage = `stage_${table}`;
        const columns = await canonicalColumns(connection, table);
        let label: Label;
        let known: ReadonlySet<string> | undefined;
        try {
          const source = await stageSource(connection, table, file, options.format, columns);
          label = source.label;
          known = source.columns;
          await connection.query(`CREATE OR REPLACE TEMP TABLE ${stage} AS ${source.sql}`);
          staged.push(stage);
        } catch (error) {
          if (error instanceof BulkImportError) throw error;
          if (options.format === 'csv') throw csvReadError(file, error);
          throw new BulkImportError(
            file,
            null,
            null,
            `cannot be read as ${options.format}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        const readAs = await stagedTypes(connection, stage);
        const present = new Set(known ?? readAs.keys());
        await validateStage(connection, table, stage, file, columns, present, readAs, label);
        await validateReferences(connection, table, stage, file, options.replace ?? false, label);
        await validateConstraints(connection, {
          table,
          stage,
          file,
          columns,
          present,
          label,
          reportsFile: files.get('reports')!,
        });
        if (table === 'reports' && options.replace) {
          await deleteReports(connection, stage);
        }
        const rows = await insertStage(connection, table, stage, columns, present).catch(
          (error: unknown) => {
            // Whatever the checks above did not foresee still names the file, never DuckDB alone.
            const message = error instanceof Error ? error.message : String(error);
            throw new BulkImportError(file, null, null, `cannot be stored: ${message}`);
          },
        );
        imported.push({ table, rows });
        onTable?.({ table, rows });
      }
      if (imported.some((t) => t.table === 'reports')) {
        const ids =
          'SELECT r.id FROM reports r JOIN stage_reports s ON r.department_code = s.department_code AND r.year = CAST(s.year AS INTEGER)';
        await addImportFindings(connection, ids);
        for (const statement of refreshReportFactsSql(ids)) await connection.query(statement);
      }
      await connection.query('COMMIT');
      return imported;
    } catch (error) {
      await connection.query('ROLLBACK');
      throw error;
    } finally {
      for (const stage of staged)
        await connection.query(`DROP TABLE IF EXISTS temp.${stage}`).catch(() => {});
    }
  });
}

/** Deletes stored reports (and their parts) that the staged reports replace. */
async function deleteReports(connection: PooledConnection, stage: string): Promise<void> {
  const ids = `SELECT r.id FROM reports r JOIN ${stage} s ON r.department_code = s.department_code AND r.year = CAST(s.year AS INTEGER)`;
  for (const statement of deleteReportsSql(ids)) await connection.query(statement);
}
