/** A canonical file that cannot be imported: names the file, the row (1-based data row) and the column. */
export class BulkImportError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    /** The column as the file names it: its Chinese title in a file written with Chinese titles. */
    readonly column: string | null,
    readonly detail: string,
  ) {
    super(
      `${file}${row === null ? '' : `, row ${row}`}${column === null ? '' : `, column ${column}`}: ${detail}`,
    );
    this.name = 'BulkImportError';
  }
}
