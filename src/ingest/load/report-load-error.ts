/** Why a report that was read cannot be stored as asked. */
export type ReportLoadErrorCode = 'UNKNOWN_DEPARTMENT' | 'VERSION_CONFLICT';

/**
 * A report that parsed but cannot be stored: its department is not registered, or a different
 * text of the same department and year is stored and replacing was not asked for. Not a parse
 * error: the text is fine; the registry or the caller's options decide.
 */
export class ReportLoadError extends Error {
  constructor(
    readonly file: string,
    readonly code: ReportLoadErrorCode,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ReportLoadError';
  }
}
