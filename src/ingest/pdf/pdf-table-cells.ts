import type { PdfTextItem, RuleSegment } from './pdf-page.js';

/** A ruled table cell holding text: its borders and its runs. */
export interface TableCell {
  left: number;
  right: number;
  top: number;
  bottom: number;
  items: PdfTextItem[];
}

/** How far (points) a border may miss the point it should pass: joints are rarely exact. */
const REACH = 1.5;
/**
 * Vertical borders a row crosses to be a table row: a table of two columns or more. A frame
 * around the page or a boxed paragraph has two, so its text stays prose.
 */
const MIN_VERTICALS = 3;

/** A point inside a run's first character, clear of its baseline and its side bearings. */
function probe(item: PdfTextItem): [number, number] {
  return [item.x + Math.min(item.width, item.size) / 2, item.y + item.size * 0.3];
}

const spans = (rule: RuleSegment, at: number) => rule.from - REACH <= at && at <= rule.to + REACH;

/** The borders around a point, when four rules enclose it and the row is a table row. */
function enclosingCell(
  x: number,
  y: number,
  verticals: readonly RuleSegment[],
  horizontals: readonly RuleSegment[],
): Omit<TableCell, 'items'> | null {
  const crossing = verticals.filter((v) => spans(v, y));
  const columns = new Set(crossing.map((v) => Math.round(v.at)));
  if (columns.size < MIN_VERTICALS) return null;
  const across = horizontals.filter((h) => spans(h, x));
  const left = Math.max(...crossing.filter((v) => v.at < x).map((v) => v.at));
  const right = Math.min(...crossing.filter((v) => v.at > x).map((v) => v.at));
  const top = Math.min(...across.filter((h) => h.at > y).map((h) => h.at));
  const bottom = Math.max(...across.filter((h) => h.at < y).map((h) => h.at));
  return [left, right, top, bottom].every(Number.isFinite) ? { left, right, top, bottom } : null;
}

/**
 * Puts each text run into the ruled table cell around it, if any. Cells are found from the
 * borders alone, so a merged cell (spanning rows or columns) is one cell, and a cell's wrapped
 * lines stay together however its neighbours wrap. Runs outside ruled tables are `loose`.
 */
export function placeInCells(
  items: readonly PdfTextItem[],
  rules: readonly RuleSegment[],
): { cells: TableCell[]; loose: PdfTextItem[] } {
  const verticals = rules.filter((r) => r.axis === 'V');
  const horizontals = rules.filter((r) => r.axis === 'H');
  const cells = new Map<string, TableCell>();
  const loose: PdfTextItem[] = [];
  for (const item of items) {
    const [x, y] = probe(item);
    const cell = verticals.length > 0 ? enclosingCell(x, y, verticals, horizontals) : null;
    if (!cell) {
      loose.push(item);
      continue;
    }
    const key = [cell.left, cell.right, cell.top, cell.bottom].map((v) => v.toFixed(1)).join();
    const found = cells.get(key);
    if (found) found.items.push(item);
    else cells.set(key, { ...cell, items: [item] });
  }
  return { cells: [...cells.values()], loose };
}
