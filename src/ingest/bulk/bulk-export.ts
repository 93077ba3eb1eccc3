import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBPool } from '../../db/duckdb-pool.js';
import {
  CANONICAL_TABLES,
  canonicalColumns,
  ident,
  isReportChild,
  sqlPath,
  type CanonicalTable,
} from '../canonical-tables.js';

/** File formats of the canonical tables: Parquet and CSV both ways, NDJSON for import (generated corpora). */
export type BulkFormat = 'parquet' | 'csv' | 'ndjson';

export interface ExportOptions {
  dir: string;
  format: BulkFormat;
  fromYear?: number | null;
  toYear?: number | null;
}

export interface ExportedFile {
  table: CanonicalTable;
  file: string;
  rows: number;
}

function yearFilter(column: string, options: ExportOptions): string {
  const parts: string[] = [];
  if (options.fromYear != null) parts.push(`${column} >= ${Math.trunc(options.fromYear)}`);
  if (options.toYear != null) parts.push(`${column} <= ${Math.trunc(options.toYear)}`);
  return parts.length ? parts.join(' AND ') : 'true';
}

/**
 * Writes the canonical tables of a year range as one Parquet or CSV file per table, with
 * DuckDB's own writer (COPY): departments and aliases of the reports exported, reports and
 * their parts keyed by department and year.
 */
export async function exportCanonical(
  pool: DuckDBPool,
  options: ExportOptions,
  onTable?: (f: ExportedFile) => void,
): Promise<ExportedFile[]> {
  await mkdir(options.dir, { recursive: true });
  const copyOptions = {
    parquet: '(FORMAT parquet, COMPRESSION zstd)',
    csv: '(FORMAT csv, HEADER true)',
    ndjson: '(FORMAT json)',
  }[options.format];
  const reportsInRange = `SELECT id, department_code, year FROM reports WHERE ${yearFilter('year', options)}`;
  return pool.withConnection(async (connection) => {
    const files: ExportedFile[] = [];
    for (const table of CANONICAL_TABLES) {
      const columns = await canonicalColumns(connection, table);
      const list = columns.map((c) =>
        c.name === 'department_code' && isReportChild(table)
          ? 'r.department_code'
          : `t.${ident(c.name)}`,
      );
      let select: string;
      if (table === 'departments') {
        select = `SELECT ${list.join(', ')} FROM departments t WHERE t.code IN (SELECT department_code FROM (${reportsInRange})) ORDER BY t.code`;
      } else if (table === 'department_aliases') {
        select = `SELECT ${list.join(', ')} FROM department_aliases t WHERE t.department_code IN (SELECT department_code FROM (${reportsInRange})) ORDER BY t.alias`;
      } else if (table === 'reports') {
        select = `SELECT ${list.join(', ')} FROM reports t WHERE ${yearFilter('t.year', options)} ORDER BY t.year, t.department_code`;
      } else {
        select = `SELECT ${list.join(', ')} FROM ${table} t JOIN (${reportsInRange}) r ON r.id = t.report_id ORDER BY ALL`;
      }
      const file = join(options.dir, `${table}.${options.format}`);
      const result = await connection.query(`COPY (${select}) TO ${sqlPath(file)} ${copyOptions}`);
      const exported = { table, file, rows: result.rowsChanged };
      files.push(exported);
      onTable?.(exported);
    }
    return files;
  });
}
