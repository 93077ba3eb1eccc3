import {
  AnnotationMode,
  getDocument,
  VerbosityLevel,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Affine } from './pdf-affine.js';
import { PackageCMapReader, PackageStandardFontReader } from './pdf-data-files.js';
import type { PdfPage } from './pdf-page.js';
import { PdfReadError } from './pdf-read-error.js';
import { readingItems, readingSpace, type RawTextItem } from './pdf-reading-space.js';
import { rulesFromOperators } from './pdf-rules.js';

/** A PDF file starts with this signature (within its first kilobyte, by the specification). */
const SIGNATURE = '%PDF-';

function isPasswordError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'PasswordException';
}

function damaged(file: string, error: unknown): PdfReadError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PdfReadError(
    file,
    'DAMAGED',
    `the PDF is damaged and cannot be read (${reason.replace(/\.$/, '')}); export it again from its source, or ask for a new copy`,
    { cause: error },
  );
}

function toPdfReadError(file: string, error: unknown): PdfReadError {
  if (error instanceof PdfReadError) return error;
  if (isPasswordError(error)) {
    return new PdfReadError(
      file,
      'ENCRYPTED',
      'the PDF is encrypted (password-protected) and cannot be read; save a copy without a password and ingest that',
      { cause: error },
    );
  }
  return damaged(file, error);
}

/** Refuses, before pdf.js sees them, an empty file and one that is no PDF at all. */
function checkSignature(data: Uint8Array, file: string): void {
  if (data.length === 0) throw new PdfReadError(file, 'DAMAGED', 'the file is empty, not a PDF');
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.length, 1024)).toString(
    'latin1',
  );
  if (!head.includes(SIGNATURE)) {
    throw new PdfReadError(
      file,
      'DAMAGED',
      `the file is not a PDF (it does not start with "${SIGNATURE}"); if it is a report's text, ingest it as a .txt file`,
    );
  }
}

async function readPage(page: PDFPageProxy): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ includeMarkedContent: false });
  const raw: RawTextItem[] = content.items.filter((item): item is TextItem => 'str' in item);
  const space = readingSpace(
    viewport.transform as unknown as Affine,
    viewport.width,
    viewport.height,
    raw,
  );
  const items = readingItems(space, raw);
  // Ruling lines matter only where there is text to put into table cells: a page without text
  // (a scanned image) is not drawn, which would decode its images for nothing.
  const rules =
    items.length === 0
      ? []
      : await page
          .getOperatorList({ annotationMode: AnnotationMode.DISABLE })
          .then((ops) => rulesFromOperators(ops.fnArray, ops.argsArray, space.transform));
  page.cleanup();
  return { number: page.pageNumber, box: space.box, items, rules };
}

/**
 * Reads every page of a PDF with pdf.js, in this process (no worker thread, no canvas, no
 * network): text runs and ruling lines in reading space. A password-protected file raises
 * PdfReadError ENCRYPTED, a damaged one or a file that is no PDF DAMAGED. A PDF that only
 * restricts printing or copying (an owner password, no user password) opens and is read.
 */
export async function readPdfPages(data: Uint8Array, file: string): Promise<PdfPage[]> {
  checkSignature(data, file);
  const task = getDocument({
    // A copy: pdf.js may take over (transfer) the buffer it is given.
    data: new Uint8Array(data),
    CMapReaderFactory: PackageCMapReader,
    StandardFontDataFactory: PackageStandardFontReader,
    // A PDF is untrusted input: no code generated from its fonts, no XFA forms, no system fonts.
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  let pdf: PDFDocumentProxy | null = null;
  try {
    pdf = await task.promise;
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      pages.push(await readPage(await pdf.getPage(number)));
    }
    return pages;
  } catch (error) {
    throw toPdfReadError(file, error);
  } finally {
    await task.destroy();
  }
}
