import { dropPageNumbers, type PlacedLine } from './pdf-page-numbers.js';
import { groupLines, joinWrapped } from './pdf-lines.js';
import type { PdfPage } from './pdf-page.js';
import { placeInCells, type TableCell } from './pdf-table-cells.js';

/**
 * Separates the cells of a table row. A tab, not a space: a cell's own text may hold spaces
 * (`截至 2023年 12月 31日`), and the table parsers need to know where one cell ends. The parsers
 * read it as CELL_SEPARATOR of ingest/report/tabbed-table-rows.ts, which must stay the same
 * character (this folder imports nothing from the parser, which it feeds).
 */
export const CELL_SEPARATOR = '\t';

/** Cells whose top borders are this close (points) start the same row. */
const ROW_TOLERANCE = 1.5;

/** A table row: the cells that start at one top border, left to right, each cell's text whole. */
function tableRows(cells: readonly TableCell[]): PlacedLine[] {
  const sorted = [...cells].sort((a, b) => b.top - a.top || a.left - b.left);
  const rows: TableCell[][] = [];
  for (const cell of sorted) {
    const row = rows.at(-1);
    if (row && row[0]!.top - cell.top <= ROW_TOLERANCE) row.push(cell);
    else rows.push([cell]);
  }
  return rows.map((row) => ({
    text: row
      .sort((a, b) => a.left - b.left)
      .map((cell) => joinWrapped(groupLines(cell.items).map((line) => line.text)))
      .join(CELL_SEPARATOR),
    y: row[0]!.top,
    inTable: true,
  }));
}

/**
 * The lines of one page, top to bottom: prose as printed lines (runs on one baseline joined
 * left to right); a ruled table as one line per row, each cell's wrapped text joined and the
 * cells separated by CELL_SEPARATOR. A row with merged cells carries each merged cell in the
 * first row it spans. Running page numbers are dropped.
 */
export function layoutPage(page: PdfPage): string[] {
  const { cells, loose } = placeInCells(page.items, page.rules);
  const prose: PlacedLine[] = groupLines(loose).map((line) => ({
    text: line.text,
    y: line.y,
    inTable: false,
  }));
  const lines = [...prose, ...tableRows(cells)].sort((a, b) => b.y - a.y);
  return dropPageNumbers(lines, page.box).map((line) => line.text);
}
