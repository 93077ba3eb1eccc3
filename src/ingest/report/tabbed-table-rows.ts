import { compact, type SourceLine } from './source-text.js';

/**
 * How jixiao's PDF extraction (src/ingest/pdf, pdf-page-layout.ts) writes a ruled table: one
 * line per row, the row's cells separated by a tab, each cell's wrapped lines joined. Text
 * converted by other tools breaks cells over lines instead; the table parsers read both.
 */
export const CELL_SEPARATOR = '\t';

/** The line holds a table row with its cells separated (see CELL_SEPARATOR). */
export function isTabbed(line: SourceLine): boolean {
  return line.text.includes(CELL_SEPARATOR);
}

/** The cells of a tabbed row, trimmed, empty ones left out. */
export function cellsOf(line: SourceLine): string[] {
  return line.text
    .split(CELL_SEPARATOR)
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
}

/** A cell's text ends here when its paragraph is finished. */
const ENDS_SENTENCE = /[。；;！!]$/;

/**
 * Adds a row's continuation to it: a word processor splits a row that does not fit at the foot
 * of a page, and the part on the next page comes as a row of its own with only the cells that go
 * on. Empty cells leave no trace in the text, so the continuation's cells go to the row's last
 * cells whose text is unfinished (does not end a sentence), or else to its last cells: the wide
 * text columns on the right are the ones that overflow.
 */
export function continueRow(cells: string[], continuation: readonly string[]): void {
  const open = cells.flatMap((cell, i) => (ENDS_SENTENCE.test(cell) ? [] : [i]));
  const targets =
    open.length >= continuation.length
      ? open.slice(open.length - continuation.length)
      : cells.map((_, i) => i).slice(Math.max(0, cells.length - continuation.length));
  continuation.forEach((text, k) => {
    const target = targets[k];
    if (target === undefined) cells.push(text);
    else cells[target] += text;
  });
}

/** The line repeats a table's header row (after a page break). */
export function repeatsHeader(line: SourceLine, header: SourceLine | undefined): boolean {
  return header !== undefined && compact(line.text) === compact(header.text);
}
