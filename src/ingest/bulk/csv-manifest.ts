import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CanonicalColumn, CanonicalTable } from '../canonical-tables.js';
import { ident, sqlPath } from '../canonical-tables.js';
import type { HeaderLanguage } from './canonical-headers.js';
import { unescapeFormulaSql } from './formula-cells.js';

/** The file beside the CSV files that says how to read them. */
export const CSV_MANIFEST_FILE = 'manifest.json';

/** A column of a canonical CSV file: its database name, its title in the file and its type. */
export interface CsvManifestColumn {
  name: string;
  header: string;
  /** DuckDB type, e.g. DECIMAL(18,2): what the text of the column is to be read as. */
  type: string;
  nullable: boolean;
}

export interface CsvManifestTable {
  table: CanonicalTable;
  /** File name, relative to the manifest. */
  file: string;
  rows: number;
  columns: CsvManifestColumn[];
  /** A DuckDB query that reads the file with these types and undoes the formula escape. */
  duckdb: string;
}

/**
 * What a CSV export holds and how to read it back exactly. CSV carries no types: a reader that
 * guesses them reads DECIMAL(18,2) amounts as doubles (a sum of 10105.79-like amounts comes out
 * as 151396.51999999996) and leading zeros or long codes as numbers. The manifest gives every
 * column's DuckDB type, and a ready query per table that reads the file with them.
 */
export interface CsvManifest {
  format: 'csv';
  encoding: 'UTF-8 with BOM';
  headers: HeaderLanguage;
  years: { from: number | null; to: number | null };
  /** An empty field is NULL; "" is an empty text. */
  nulls: string;
  /** How text cells that Excel would run as formulas are written (src/ingest/bulk/formula-cells.ts). */
  textCells: string;
  tables: CsvManifestTable[];
}

/**
 * A DuckDB query reading a canonical CSV file with its types. The columns are given explicitly,
 * so nothing is guessed; `allow_quoted_nulls = false` keeps "" an empty text rather than NULL;
 * text columns drop the quote the export put before a formula-like text. The file name is
 * relative: run it in the export's folder, or put the path in.
 */
export function readCsvSql(file: string, columns: readonly CsvManifestColumn[]): string {
  const types = columns.map((c) => `${sqlPath(c.header)}: ${sqlPath(c.type)}`).join(', ');
  const texts = columns
    .filter((c) => c.type === 'VARCHAR')
    .map((c) => `${unescapeFormulaSql(ident(c.header))} AS ${ident(c.header)}`);
  const select = texts.length ? `SELECT * REPLACE (${texts.join(', ')})` : 'SELECT *';
  return `${select} FROM read_csv(${sqlPath(file)}, header = true, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${types}})`;
}

/** The manifest entry of one written table. */
export function manifestTable(
  table: CanonicalTable,
  file: string,
  rows: number,
  columns: readonly CanonicalColumn[],
  headerOf: (column: string) => string,
): CsvManifestTable {
  const described = columns.map((c) => ({
    name: c.name,
    header: headerOf(c.name),
    type: c.type,
    nullable: c.nullable,
  }));
  return { table, file, rows, columns: described, duckdb: readCsvSql(file, described) };
}

/** Writes the manifest of a CSV export into its folder. */
export async function writeCsvManifest(
  dir: string,
  headers: HeaderLanguage,
  years: { from: number | null; to: number | null },
  tables: CsvManifestTable[],
): Promise<string> {
  const manifest: CsvManifest = {
    format: 'csv',
    encoding: 'UTF-8 with BOM',
    headers,
    years,
    nulls: 'An empty field is NULL; a quoted empty field ("") is an empty text.',
    textCells:
      "A text that begins with =, +, -, @, a tab or a carriage return (unless it is a plain signed number such as -0.05), or with ' followed by one of these or by another ', is written with one ' in front, so that Excel shows it instead of running it as a formula. Remove one ' from a text that begins with ' followed by one of these or by ' to get the stored text; jixiao import and the duckdb queries below do.",
    tables,
  };
  const file = join(dir, CSV_MANIFEST_FILE);
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return file;
}
