/** A report that cannot be read: names the file, the section and the line (1-based). */
export class ReportParseError extends Error {
  constructor(
    readonly file: string,
    readonly section: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: [${section}] ${detail}`);
    this.name = 'ReportParseError';
  }
}
