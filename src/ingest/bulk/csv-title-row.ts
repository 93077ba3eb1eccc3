import { open } from 'node:fs/promises';
import { BulkImportError } from './bulk-import-error.js';

/** More than the title row of any canonical file: its titles are a few dozen short names. */
const TITLE_ROW_BYTES = 64 * 1024;

/** The fields of one CSV line: `"` quotes a field, `""` inside one is a quote; null if a quote is left open. */
function splitFields(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/**
 * The titles of a canonical CSV file, as its first line writes them (a byte order mark before
 * them dropped). Import reads the file with exactly these columns and a fixed dialect, instead of
 * letting DuckDB guess: a guess made from a file with one damaged row is a different dialect or
 * no title row at all, and the file would be refused for a missing column instead of for its
 * damaged line. An empty file, or one whose title row cannot be split, is refused here.
 */
export async function csvTitles(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(TITLE_ROW_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, TITLE_ROW_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const end = head.indexOf(0x0a);
  if (end < 0 && head.length === TITLE_ROW_BYTES)
    throw new BulkImportError(file, null, null, 'the title row does not end within 64 KiB', 1);
  let line: string;
  try {
    line = new TextDecoder('utf-8', { fatal: true }).decode(end < 0 ? head : head.subarray(0, end));
  } catch {
    throw new BulkImportError(file, null, null, 'the title row is not UTF-8', 1);
  }
  line = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (line.trim() === '')
    throw new BulkImportError(file, null, null, 'the file is empty: it has no title row', 1);
  const titles = splitFields(line);
  if (!titles) throw new BulkImportError(file, null, null, 'the title row leaves a quote open', 1);
  return titles;
}
