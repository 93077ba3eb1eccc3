import type { IndicatorRow } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { compact, displayWidth, type SourceLine } from './source-text.js';
import { startsNextRow } from './row-numbering.js';
import { cellsOf, continueRow, isTabbed } from './tabbed-table-rows.js';

const SECTION = '表3 履职效能关键指标完成情况';

/** The header row, repeated after a page break: `序号 指标名称 预期实现值 实际完成值`. */
const HEADER = /^序号.*指标名称/;
/** A row starts with its sequence number, alone or before the first part of the name. */
const ROW_START = /^(\d{1,3})(?:\s+(.*))?$/;
/** A cell's text ends a sentence here. */
const CELL_END = /[。；;]$/;
/**
 * Name cells wrap at about 6-7 characters in the template; a line up to this width that does not
 * end a sentence belongs to the name. Value cells are about twice as wide.
 */
const NAME_MAX_WIDTH = 8;

/** Index of the line that starts 表3, or -1. */
export function findIndicatorTable(lines: readonly SourceLine[]): number {
  return lines.findIndex(
    (l) => /^表3/.test(compact(l.text)) || /^表\S*关键指标/.test(compact(l.text)),
  );
}

/**
 * Splits a row's value lines into the target cell and the actual cell. Each cell is usually one
 * sentence ending with `。`; without that mark, the target ends at the first short line (a
 * paragraph's last line is the only one shorter than the column).
 */
function splitCells(lines: readonly SourceLine[]): [SourceLine[], SourceLine[]] | null {
  const firstEnd = lines.findIndex((l) => CELL_END.test(l.text));
  if (firstEnd >= 0 && firstEnd < lines.length - 1) {
    return [lines.slice(0, firstEnd + 1), lines.slice(firstEnd + 1)];
  }
  if (lines.length < 2) return null;
  const widest = Math.max(...lines.map((l) => displayWidth(l.text)));
  const short = lines.findIndex(
    (l, i) => i < lines.length - 1 && displayWidth(l.text) < widest - 2,
  );
  if (short >= 0) return [lines.slice(0, short + 1), lines.slice(short + 1)];
  const half = Math.ceil(lines.length / 2);
  return lines.length === 2
    ? [lines.slice(0, 1), lines.slice(1)]
    : [lines.slice(0, half), lines.slice(half)];
}

/**
 * 表3 as one line per row, cells separated (tabbed-table-rows.ts): 序号, name, target, actual.
 * A line that does not start the next numbered row continues the row before it across a page
 * break.
 */
function tabbedIndicatorRows(
  file: string,
  start: SourceLine,
  body: readonly SourceLine[],
): IndicatorRow[] {
  const rows: { seq: number; line: number; cells: string[] }[] = [];
  for (const line of body) {
    const cells = cellsOf(line);
    const seq = Number(cells[0]);
    const previous = rows.at(-1)?.seq ?? 0;
    if (
      cells.length >= 4 &&
      /^\d{1,3}$/.test(cells[0]!) &&
      startsNextRow(seq, previous, cells[1]!)
    ) {
      const [, name, ...values] = cells;
      // More than four cells: the last two are the values, the name took the rest.
      const extra = values.length - 2;
      rows.push({
        seq,
        line: line.no,
        cells: [[name, ...values.slice(0, extra)].join(''), ...values.slice(extra)],
      });
    } else if (rows.length > 0) {
      continueRow(rows.at(-1)!.cells, cells);
    }
  }
  if (rows.length === 0) {
    throw new ReportParseError(file, SECTION, start.no, 'table 3 has no numbered rows');
  }
  return rows.map((row) => {
    const [name, target, actual] = row.cells;
    if (!name || !target || !actual) {
      throw new ReportParseError(
        file,
        SECTION,
        row.line,
        `row ${row.seq} does not have a name, a target and an actual value`,
      );
    }
    return {
      seq: row.seq,
      name: compact(name),
      targetText: compact(target),
      actualText: compact(actual),
      line: row.line,
    };
  });
}

/**
 * Parses 表3: rows of 序号, 指标名称, 预期实现值 (target) and 实际完成值 (actual), with cells
 * broken across lines and the header repeated after page breaks, or one line per row with its
 * cells separated (as jixiao's own PDF extraction writes a ruled table). Rows are numbered 1, 2,
 * 3 …; a row keeps its printed number, and a gap in the numbers is noted (row-numbering.ts).
 */
export function parseIndicatorTable(file: string, lines: readonly SourceLine[]): IndicatorRow[] {
  const start = findIndicatorTable(lines);
  if (start < 0) {
    throw new ReportParseError(
      file,
      SECTION,
      lines[0]?.no ?? null,
      'table 3 (表3 关键指标完成情况) not found',
    );
  }
  const body = lines.slice(start + 1).filter((l) => !HEADER.test(compact(l.text)));
  if (body.some(isTabbed)) return tabbedIndicatorRows(file, lines[start]!, body);
  const rows: { seq: number; startLine: number; lines: SourceLine[] }[] = [];
  for (const line of body) {
    const match = ROW_START.exec(line.text);
    const previous = rows.at(-1)?.seq ?? 0;
    if (match && startsNextRow(Number(match[1]), previous, match[2] ?? '')) {
      const rest = match[2] ? [{ ...line, text: match[2] }] : [];
      rows.push({ seq: Number(match[1]), startLine: line.no, lines: rest });
    } else if (rows.length > 0) {
      rows.at(-1)!.lines.push(line);
    }
  }
  if (rows.length === 0) {
    throw new ReportParseError(file, SECTION, lines[start]!.no, 'table 3 has no numbered rows');
  }
  return rows.map((row) => {
    const nameLines: SourceLine[] = [];
    let i = 0;
    while (
      i < row.lines.length - 2 &&
      displayWidth(row.lines[i]!.text) <= NAME_MAX_WIDTH &&
      !CELL_END.test(row.lines[i]!.text)
    ) {
      nameLines.push(row.lines[i]!);
      i++;
    }
    const cells = splitCells(row.lines.slice(i));
    if (nameLines.length === 0 || !cells) {
      throw new ReportParseError(
        file,
        SECTION,
        row.startLine,
        `row ${row.seq} does not have a name, a target and an actual value`,
      );
    }
    return {
      seq: row.seq,
      name: compact(nameLines.map((l) => l.text).join('')),
      targetText: compact(cells[0].map((l) => l.text).join('')),
      actualText: compact(cells[1].map((l) => l.text).join('')),
      line: row.startLine,
    };
  });
}
