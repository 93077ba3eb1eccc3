import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DuckDBPool } from '../../db/duckdb-pool.js';
import {
  CANONICAL_TABLES,
  canonicalColumns,
  ident,
  isReportChild,
  sqlPath,
  type CanonicalColumn,
  type CanonicalTable,
} from '../canonical-tables.js';
import { headerOf, type HeaderLanguage } from './canonical-headers.js';
import { manifestTable, writeCsvManifest, type CsvManifestTable } from './csv-manifest.js';
import { escapeFormulaSql } from './formula-cells.js';

/** File formats of the canonical tables: Parquet and CSV both ways, NDJSON for import (generated corpora). */
export type BulkFormat = 'parquet' | 'csv' | 'ndjson';

export interface ExportOptions {
  dir: string;
  format: BulkFormat;
  fromYear?: number | null;
  toYear?: number | null;
  /**
   * Column titles of CSV files: Chinese (the default, for Excel) or the column names. Parquet
   * and NDJSON always carry the column names: they are read by programs, not by people.
   */
  headers?: HeaderLanguage;
}

export interface ExportedFile {
  table: CanonicalTable;
  file: string;
  rows: number;
}

/**
 * Excel reads a CSV as UTF-8 only when it begins with a byte order mark; without one, Excel in a
 * Chinese locale reads it as GBK and every title and text is garbled. DuckDB's COPY writes no
 * BOM, so it is put at the start of the first column's title, the first bytes COPY writes: no
 * second pass over a file that may hold millions of rows. (Readers drop it: DuckDB's read_csv
 * does, and jixiao import ignores one left on a title.)
 */
const UTF8_BOM = '\uFEFF';

function yearFilter(column: string, options: ExportOptions): string {
  const parts: string[] = [];
  if (options.fromYear != null) parts.push(`${column} >= ${Math.trunc(options.fromYear)}`);
  if (options.toYear != null) parts.push(`${column} <= ${Math.trunc(options.toYear)}`);
  return parts.length ? parts.join(' AND ') : 'true';
}

/** What COPY writes for each format. DECIMAL stays DECIMAL in Parquet and exact text in CSV. */
const COPY_OPTIONS: Record<BulkFormat, string> = {
  parquet: '(FORMAT parquet, COMPRESSION zstd)',
  csv: '(FORMAT csv, HEADER true)',
  ndjson: '(FORMAT json)',
};

/**
 * The select list of a table. CSV columns take their titles, and text columns the formula
 * escape (formula-cells.ts); other formats write every value and name as stored.
 */
function selectList(
  table: CanonicalTable,
  columns: readonly CanonicalColumn[],
  options: ExportOptions,
): string {
  return columns
    .map((c, i) => {
      const value =
        c.name === 'department_code' && isReportChild(table)
          ? 'r.department_code'
          : `t.${ident(c.name)}`;
      if (options.format !== 'csv') return value;
      const title = headerOf(table, c.name, options.headers ?? 'zh');
      const text = c.type === 'VARCHAR' ? escapeFormulaSql(value) : value;
      return `${text} AS ${ident(i === 0 ? UTF8_BOM + title : title)}`;
    })
    .join(', ');
}

/**
 * Writes the canonical tables of a year range as one Parquet, CSV or NDJSON file per table, with
 * DuckDB's own writer (COPY): departments and aliases of the reports exported, reports and
 * their parts keyed by department and year. Amounts are written as stored: DECIMAL in Parquet,
 * their exact decimal text (10105.79) in CSV and NDJSON. A CSV export also writes
 * manifest.json, with every column's type and a DuckDB query that reads each file exactly.
 */
export async function exportCanonical(
  pool: DuckDBPool,
  options: ExportOptions,
  onTable?: (f: ExportedFile) => void,
): Promise<ExportedFile[]> {
  await mkdir(options.dir, { recursive: true });
  const headers = options.headers ?? 'zh';
  const reportsInRange = `SELECT id, department_code, year FROM reports WHERE ${yearFilter('year', options)}`;
  const manifest: CsvManifestTable[] = [];
  const files = await pool.withConnection(async (connection) => {
    const files: ExportedFile[] = [];
    for (const table of CANONICAL_TABLES) {
      const columns = await canonicalColumns(connection, table);
      const list = selectList(table, columns, options);
      let select: string;
      if (table === 'departments') {
        select = `SELECT ${list} FROM departments t WHERE t.code IN (SELECT department_code FROM (${reportsInRange})) ORDER BY t.code`;
      } else if (table === 'department_aliases') {
        select = `SELECT ${list} FROM department_aliases t WHERE t.department_code IN (SELECT department_code FROM (${reportsInRange})) ORDER BY t.alias`;
      } else if (table === 'reports') {
        select = `SELECT ${list} FROM reports t WHERE ${yearFilter('t.year', options)} ORDER BY t.year, t.department_code`;
      } else {
        select = `SELECT ${list} FROM ${table} t JOIN (${reportsInRange}) r ON r.id = t.report_id ORDER BY ALL`;
      }
      const file = join(options.dir, `${table}.${options.format}`);
      const result = await connection.query(
        `COPY (${select}) TO ${sqlPath(file)} ${COPY_OPTIONS[options.format]}`,
      );
      const exported = { table, file, rows: result.rowsChanged };
      files.push(exported);
      if (options.format === 'csv')
        manifest.push(
          manifestTable(table, basename(file), exported.rows, columns, (column) =>
            headerOf(table, column, headers),
          ),
        );
      onTable?.(exported);
    }
    return files;
  });
  if (options.format === 'csv') {
    const years = { from: options.fromYear ?? null, to: options.toYear ?? null };
    await writeCsvManifest(options.dir, headers, years, manifest);
  }
  return files;
}
