import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { extractPdfText } from '../pdf/pdf-text.js';
import { decodeReportBytes, TextEncodingError } from './text-encoding.js';

/** The kinds of report file jixiao reads: text already extracted, or the published PDF. */
export const REPORT_EXTENSIONS = ['.txt', '.pdf'] as const;

/** A report file that cannot be opened: missing, a folder, unreadable, or of another kind. */
export class ReportFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ReportFileError';
  }
}

/** Whether a file name is of a kind jixiao reads as a report. */
export function isReportFile(name: string): boolean {
  return (REPORT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/**
 * The text of a report file: a `.pdf` is extracted in-process (pages separated by form feeds,
 * table rows as lines, see src/ingest/pdf/); any other file is read as text in the encoding it
 * is in (UTF-8, GB18030/GBK or UTF-16, see text-encoding.ts), or refused naming the encodings
 * tried.
 */
export async function readReportText(file: string): Promise<string> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReportFileError(file, 'no such file');
    if (code === 'EISDIR') throw new ReportFileError(file, 'is a folder, not a report file');
    if (code === 'EACCES') throw new ReportFileError(file, 'cannot be read (permission denied)');
    throw error;
  }
  if (extname(file).toLowerCase() === '.pdf') return extractPdfText(new Uint8Array(data), file);
  try {
    return decodeReportBytes(new Uint8Array(data)).text;
  } catch (error) {
    if (error instanceof TextEncodingError) throw new ReportFileError(file, error.message);
    throw error;
  }
}
