import { compact, type SourceLine } from './source-text.js';

/** Page numbers that cannot be anything else: `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共12页`. */
const PAGE_NUMBER = [
  /^[-－—–―~～]+\d{1,4}[-－—–―~～]+$/,
  /^第\d{1,4}页(?:[,，/／]?共\d{1,4}页)?$/,
  /^共\d{1,4}页[,，/／]?第\d{1,4}页$/,
  /^page\d{1,4}(?:(?:of|\/)\d{1,4})?$/i,
];
/** A number alone (`3`) or over the page count (`3/12`): a page number only at a page's edge. */
const BARE_NUMBER = /^(\d{1,4})(?:[/／]\d{1,4})?$/;
/** How many lines either side are searched for the numbered rows a bare number may belong to. */
const ROW_WINDOW = 40;

/** The line is the first or last of its page (or of the text). */
function atPageEdge(lines: readonly SourceLine[], i: number): boolean {
  const line = lines[i]!;
  const previous = lines[i - 1];
  const next = lines[i + 1];
  if (!previous || !next || line.pageStart || next.pageStart) return true;
  return line.page !== null && (previous.page !== line.page || next.page !== line.page);
}

/** The line starts with the number `n` as a table row does (`5 打造示范项目`, `6`). */
function startsRow(line: SourceLine, n: number): boolean {
  return new RegExp(`^${n}(?:\\s|$)`).test(line.text);
}

/**
 * A bare number at a page edge that continues a numbered table (row n-1 before it or row n+1
 * after it, on lines inside pages) is a row number; unless another row n exists nearby, in which
 * case this one is the page's number. 表3 puts row numbers alone on a line (the real report's
 * rows 6, 12 and 14), so dropping every bare number at a page edge would lose rows.
 */
function isRowNumber(lines: readonly SourceLine[], i: number, n: number): boolean {
  let before = false;
  let after = false;
  for (let j = Math.max(0, i - ROW_WINDOW); j < Math.min(lines.length, i + ROW_WINDOW); j++) {
    if (j === i || atPageEdge(lines, j)) continue;
    if (startsRow(lines[j]!, n)) return false;
    if (j < i && startsRow(lines[j]!, n - 1)) before = true;
    if (j > i && startsRow(lines[j]!, n + 1)) after = true;
  }
  return before || after;
}

function isPageFurniture(lines: readonly SourceLine[], i: number): boolean {
  const text = compact(lines[i]!.text);
  if (PAGE_NUMBER.some((pattern) => pattern.test(text))) return true;
  const bare = BARE_NUMBER.exec(text);
  return bare !== null && atPageEdge(lines, i) && !isRowNumber(lines, i, Number(bare[1]));
}

/**
 * Drops page numbers that PDF and print conversion leave between the lines of a report, so that
 * they neither end up in prose nor break a table or a title apart. Lines keep their numbers, so
 * every figure still points at its line in the file.
 */
export function dropPageFurniture(lines: readonly SourceLine[]): SourceLine[] {
  return lines.filter((_, i) => !isPageFurniture(lines, i));
}
