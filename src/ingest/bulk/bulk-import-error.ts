/**
 * A canonical file that cannot be imported: names the file, the row (1-based data row) and the
 * column, or, for a CSV file that cannot be read as one, the line (1-based, the title row being
 * line 1): a row that cannot be split into its fields has no row number yet.
 */
export class BulkImportError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    /** The column as the file names it: its Chinese title in a file written with Chinese titles. */
    readonly column: string | null,
    readonly detail: string,
    readonly line: number | null = null,
  ) {
    super(
      `${file}${line === null ? '' : `, line ${line}`}${row === null ? '' : `, row ${row}`}${column === null ? '' : `, column ${column}`}: ${detail}`,
    );
    this.name = 'BulkImportError';
  }
}
