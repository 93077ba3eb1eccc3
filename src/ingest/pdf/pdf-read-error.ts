/** Why a PDF gives no text to parse. */
export type PdfReadErrorCode = 'NO_TEXT_LAYER' | 'ENCRYPTED' | 'DAMAGED';

/**
 * A PDF that jixiao cannot take text from: a scan without a text layer (it must be OCRed first),
 * a password-protected file, or a damaged file or one that is not a PDF. The message names the
 * file and says what to do; it is meant for users, so it carries no stack trace of the PDF
 * library (the library's error, when there is one, is the `cause`).
 */
export class PdfReadError extends Error {
  constructor(
    readonly file: string,
    readonly code: PdfReadErrorCode,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`${file}: ${detail}`, options);
    this.name = 'PdfReadError';
  }
}
