import type { Cell } from './export-rows.js';

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark (else as GBK in a Chinese locale). */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. A number is written as JSON writes it, the shortest text that reads back as the same
 * double, so `10105.79` stays `10105.79`; booleans as true/false; null as an empty field.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? cell : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, header row, one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
