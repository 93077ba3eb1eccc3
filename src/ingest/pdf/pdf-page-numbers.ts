/**
 * Page numbers as reports print them in headers and footers: `- 3 -`, `— 3 —`, `第3页`,
 * `第 3 页 共 12 页`, `3 / 12`, `Page 3` or a bare `3`.
 */
const PAGE_NUMBER = [
  /^[-－—–─~～]+\s*\d+\s*[-－—–─~～]+$/,
  /^第\s*[\d一二三四五六七八九十百]+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?$/,
  /^\d+\s*[/／]\s*\d+$/,
  /^page\s*\d+(\s*(of|\/)\s*\d+)?$/i,
  /^\d{1,4}$/,
];

/** How far into the page (a part of its height) a header or footer may reach. */
const MARGIN_BAND = 0.15;

/** Full-width digits as ASCII, for matching only. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function isPageNumber(text: string): boolean {
  const plain = asciiDigits(text.trim());
  return PAGE_NUMBER.some((pattern) => pattern.test(plain));
}

/** A line of a page as laid out, with where it stands and whether it is a table row. */
export interface PlacedLine {
  text: string;
  /** Baseline, or a table row's top border. */
  y: number;
  inTable: boolean;
}

/**
 * Drops running page numbers: the top or bottom line of a page, outside tables, within the
 * page's margin band, whose text is only a page number. A number alone in the body of the page
 * (a table cell, a figure in a paragraph) is kept.
 */
export function dropPageNumbers<T extends PlacedLine>(
  lines: readonly T[],
  box: readonly [number, number, number, number],
): T[] {
  const [, bottom, , top] = box;
  const band = (top - bottom) * MARGIN_BAND;
  const outside = lines.filter((l) => !l.inTable);
  const first = outside[0];
  const last = outside.at(-1);
  const furniture = new Set<T>();
  if (first && first === lines[0] && first.y >= top - band && isPageNumber(first.text)) {
    furniture.add(first);
  }
  if (last && last === lines.at(-1) && last.y <= bottom + band && isPageNumber(last.text)) {
    furniture.add(last);
  }
  return lines.filter((l) => !furniture.has(l));
}
