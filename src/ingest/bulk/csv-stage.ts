import type { PooledConnection } from '../../db/duckdb-pool.js';
import { ident, sqlPath, type CanonicalColumn, type CanonicalTable } from '../canonical-tables.js';
import { BulkImportError } from './bulk-import-error.js';
import { columnOfHeader, headerOf } from './canonical-headers.js';
import { unescapeFormulaSql } from './formula-cells.js';

/** How a canonical CSV file is staged for import. */
export interface CsvStage {
  /** A query of the file's rows as text, under the column names, with their 1-based row numbers. */
  sql: string;
  /** A column as the file names it (or would, for a column it lacks), for error messages. */
  label(column: string): string;
}

/** A title as written, without a byte order mark a reader left on it or spaces around it. */
const clean = (header: string) => header.replace(/^\uFEFF/, '').trim();

/**
 * Stages a canonical CSV file as jixiao export writes it, or as an older export or a person
 * wrote it: titles in Chinese or as column names (each column by either; extra columns are
 * ignored), with or without a byte order mark. Every value is read as text, so that a bad value
 * is reported with its row instead of failing the whole read; a quoted empty field stays an
 * empty text (only an empty field is NULL); text columns lose the quote the export put before a
 * formula-like text (formula-cells.ts).
 */
export async function csvStage(
  connection: PooledConnection,
  table: CanonicalTable,
  file: string,
  columns: readonly CanonicalColumn[],
): Promise<CsvStage> {
  const read = `read_csv(${sqlPath(file)}, header = true, all_varchar = true, allow_quoted_nulls = false)`;
  const { rows } = await connection.query(`DESCRIBE SELECT * FROM ${read}`);
  const known = new Map(columns.map((c) => [c.name, c]));
  const written = new Map<string, string>();
  for (const row of rows) {
    const header = String(row.column_name);
    const column = columnOfHeader(table, header);
    if (!known.has(column)) continue;
    const earlier = written.get(column);
    if (earlier !== undefined)
      throw new BulkImportError(
        file,
        null,
        clean(header),
        `names the same column (${column}) as "${clean(earlier)}"`,
      );
    written.set(column, header);
  }
  const list = [...written].map(([column, header]) => {
    const value = ident(header);
    const text = known.get(column)!.type === 'VARCHAR' ? unescapeFormulaSql(value) : value;
    return `${text} AS ${ident(column)}`;
  });
  const chinese = [...written].some(([column, header]) => clean(header) !== column);
  return {
    sql: `SELECT ${[...list, 'row_number() OVER () AS __row'].join(', ')} FROM ${read}`,
    label: (column) => {
      const header = written.get(column);
      if (header !== undefined) return clean(header);
      return headerOf(table, column, chinese ? 'zh' : 'en');
    },
  };
}
