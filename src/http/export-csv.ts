import type { Cell } from './export-rows.js';

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark (else as GBK in a Chinese locale). */
export const UTF8_BOM = '\uFEFF';

/** A text cell Excel would run as a formula: it begins with =, +, -, @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text that is only a signed decimal number ("-0.05"): Excel reads it as that number, no formula. */
const PLAIN_NUMBER = /^[+-]\d+(\.\d+)?$/;

/**
 * A text cell as a spreadsheet download writes it: one that Excel would run as a formula (a
 * report text "=HYPERLINK(…)" could fetch a URL with the sheet's data, and "=全年4期" shows as
 * #NAME?) gets a single quote in front, as OWASP advises for CSV injection, so that Excel shows
 * the text. Numbers never pass here: a negative amount stays a number, and so does a text that
 * is only a signed number. A download is for reading, not for reading back, so the quote stays.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. A number is written as JSON writes it, the shortest text that reads back as the same
 * double, so `10105.79` stays `10105.79`; booleans as true/false; null as an empty field; a text
 * that Excel would run as a formula with a quote in front (neutraliseFormula).
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? neutraliseFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, header row, one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
