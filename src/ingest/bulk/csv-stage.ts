import { ident, sqlPath, type CanonicalColumn, type CanonicalTable } from '../canonical-tables.js';
import { BulkImportError } from './bulk-import-error.js';
import { columnOfHeader, headerOf } from './canonical-headers.js';
import { csvTitles } from './csv-title-row.js';
import { unescapeFormulaSql } from './formula-cells.js';

/** How a canonical CSV file is staged for import. */
export interface CsvStage {
  /** A query of the file's rows as text, under the column names, with their 1-based row numbers. */
  sql: string;
  /** A column as the file names it (or would, for a column it lacks), for error messages. */
  label(column: string): string;
  /** The columns the query has: those the file's titles name, and `__row`. */
  columns: ReadonlySet<string>;
}

/** A title as written, without a byte order mark a reader left on it or spaces around it. */
const clean = (header: string) => header.replace(/^\uFEFF/, '').trim();

/** A field of the file by its position: the file's own titles are read apart (csv-title-row.ts). */
const position = (index: number) => `c${index}`;

/**
 * Stages a canonical CSV file as jixiao export writes it, or as an older export or a person
 * wrote it: titles in Chinese or as column names (each column by either; extra columns are
 * ignored), with or without a byte order mark. Every value is read as text, so that a bad value
 * is reported with its row instead of failing the whole read; a quoted empty field stays an
 * empty text (only an empty field is NULL); text columns lose the quote the export put before a
 * formula-like text (formula-cells.ts). The dialect is the export's (comma, `"` quoting and
 * escaping), and each line must hold as many fields as the title row: a line that does not is
 * refused with its number (csvReadError).
 */
export async function csvStage(
  table: CanonicalTable,
  file: string,
  columns: readonly CanonicalColumn[],
): Promise<CsvStage> {
  const titles = await csvTitles(file);
  const fields = titles.map((_, i) => `${sqlPath(position(i))}: 'VARCHAR'`).join(', ');
  const read = `read_csv(${sqlPath(file)}, header = true, auto_detect = false, columns = {${fields}}, delim = ',', quote = '"', escape = '"', strict_mode = true, allow_quoted_nulls = false)`;
  const known = new Map(columns.map((c) => [c.name, c]));
  /** Each column the file has: its title as written and its field's position. */
  const written = new Map<string, { header: string; at: number }>();
  titles.forEach((header, at) => {
    const column = columnOfHeader(table, header);
    if (!known.has(column)) return;
    const earlier = written.get(column);
    if (earlier !== undefined)
      throw new BulkImportError(
        file,
        null,
        clean(header),
        `names the same column (${column}) as "${clean(earlier.header)}"`,
      );
    written.set(column, { header, at });
  });
  const list = [...written].map(([column, { at }]) => {
    const value = ident(position(at));
    const text = known.get(column)!.type === 'VARCHAR' ? unescapeFormulaSql(value) : value;
    return `${text} AS ${ident(column)}`;
  });
  const chinese = [...written].some(([column, { header }]) => clean(header) !== column);
  return {
    sql: `SELECT ${[...list, 'row_number() OVER () AS __row'].join(', ')} FROM ${read}`,
    columns: new Set([...written.keys(), '__row']),
    label: (column) => {
      const header = written.get(column)?.header;
      if (header !== undefined) return clean(header);
      return headerOf(table, column, chinese ? 'zh' : 'en');
    },
  };
}

/**
 * A CSV file DuckDB could not read, as a BulkImportError naming the line it stopped at (DuckDB
 * counts the title row as line 1) and why: a line with more or fewer fields than the title row,
 * a quote left open, bytes that are not UTF-8.
 */
export function csvReadError(file: string, error: unknown): BulkImportError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (line && fields)
    return new BulkImportError(
      file,
      null,
      null,
      `has ${fields[2]} fields where the title row has ${fields[1]}`,
      Number(line),
    );
  if (line) {
    // DuckDB quotes the line (which a quote left open runs on to the end of the file), then
    // says why, then suggests options: "Value with unterminated quote found.", …
    const from = Math.max(0, message.indexOf('Original Line:'));
    const quoted = message.slice(from).split(/\nPossible/)[0]!;
    const why = quoted
      .split('\n')
      .filter((l) => l.trim() !== '')
      .at(-1)!;
    return new BulkImportError(file, null, null, why.trim(), Number(line));
  }
  return new BulkImportError(file, null, null, `cannot be read as csv: ${message.split('\n')[0]}`);
}
