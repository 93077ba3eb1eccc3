import { readPdfPages } from './pdf-document.js';
import { layoutPage } from './pdf-page-layout.js';
import { PdfReadError } from './pdf-read-error.js';

/**
 * The text of a PDF report in the form the report parser reads (ingest/report/source-text.ts):
 * lines joined with "\n", and a form feed at the start of the first line of each page after the
 * first, so that every line keeps its page number. Prose comes as printed lines; each row of a
 * ruled table as one line with its cells separated by a tab (pdf-page-layout.ts); running page
 * numbers are left out.
 *
 * Refuses, with a PdfReadError naming the file: a PDF without a text layer (a scan, which must
 * be OCRed first: NO_TEXT_LAYER), a password-protected one (ENCRYPTED), and a damaged file or
 * one that is not a PDF (DAMAGED).
 */
export async function extractPdfText(data: Uint8Array, file: string): Promise<string> {
  const pages = await readPdfPages(data, file);
  const laidOut = pages.map(layoutPage);
  if (laidOut.every((lines) => lines.length === 0)) {
    const count = pages.length === 1 ? 'its page holds' : `its ${pages.length} pages hold`;
    throw new PdfReadError(
      file,
      'NO_TEXT_LAYER',
      `the PDF has no text layer (${count} only images or drawings, no text): it is probably a scan, and must be OCRed into a PDF with a text layer first`,
    );
  }
  let text = '';
  let feeds = '';
  laidOut.forEach((lines, index) => {
    if (index > 0) feeds += '\f';
    if (lines.length === 0) return;
    text += (text === '' ? '' : '\n') + feeds + lines.join('\n');
    feeds = '';
  });
  return text;
}
