import type { KeyTask } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { compact, displayWidth, type SourceLine } from './source-text.js';
import { cellsOf, continueRow, isTabbed, repeatsHeader } from './tabbed-table-rows.js';

const SECTION = '表1 重点工作任务完成情况';

type Column = 'name' | 'target' | 'actual';

/** How wide (in CJK cells) each column's full lines are, estimated from the table itself. */
interface ColumnWidths {
  name: number;
  target: number;
  actual: number;
}

const TOLERANCE = 0.5;
const ENDS_SENTENCE = /[。；;！!]$/;

/** Index of the line that starts 表1, or -1. */
export function findKeyTaskTable(lines: readonly SourceLine[]): number {
  return lines.findIndex(
    (l) => /^表1/.test(compact(l.text)) || /^表\S*重点工作任务/.test(compact(l.text)),
  );
}

/**
 * Each column wraps at its own width, so unterminated lines (not a paragraph's last line) cluster
 * at three widths: the narrow task name, the target and the wide actual column.
 */
function estimateWidths(lines: readonly SourceLine[]): ColumnWidths {
  const widths = lines.filter((l) => !ENDS_SENTENCE.test(l.text)).map((l) => displayWidth(l.text));
  const actual = Math.max(...widths);
  const name = Math.max(0, ...widths.filter((w) => w <= actual * 0.3));
  const target = Math.max(name, ...widths.filter((w) => w > actual * 0.35 && w < actual * 0.8));
  return { name, target, actual };
}

/**
 * Assigns each line to a column. PDF extraction emits a row cell by cell (name, target, actual)
 * within a page; a line wider than its column moves on to the next column, a narrow line after
 * a finished actual paragraph starts a new row, and a full target-width line after an unfinished
 * full actual line (followed by another narrow one) means a page break resumed the target column.
 */
function assignColumns(lines: readonly SourceLine[], widths: ColumnWidths): Column[] {
  const fits = (w: number, c: Column) => w <= widths[c] + TOLERANCE;
  const columns: Column[] = [];
  let current: Column = 'name';
  lines.forEach((line, i) => {
    const w = displayWidth(line.text);
    const previous = lines[i - 1];
    const previousEnded = !previous || ENDS_SENTENCE.test(previous.text);
    if (!fits(w, current)) {
      current =
        current === 'name' && !fits(w, 'target')
          ? 'actual'
          : current === 'name'
            ? 'target'
            : 'actual';
    } else if (
      current === 'actual' &&
      fits(w, 'name') &&
      previousEnded &&
      !/^[一二三四五六七八九十\d]/.test(line.text)
    ) {
      current = 'name';
    } else if (
      current === 'actual' &&
      !previousEnded &&
      previous !== undefined &&
      displayWidth(previous.text) >= widths.actual - 1.5 &&
      fits(w, 'target') &&
      w < widths.actual - 3 &&
      !ENDS_SENTENCE.test(line.text) &&
      (line.pageStart || w >= widths.target - 1.5) &&
      lines[i + 1] !== undefined &&
      fits(displayWidth(lines[i + 1]!.text), 'target')
    ) {
      current = 'target';
    }
    columns.push(current);
  });
  return columns;
}

/**
 * 表1 as one line per row, cells separated (tabbed-table-rows.ts): name, target and actual,
 * after a sequence number when the table has one. A line with fewer cells continues the row
 * before it across a page break; a repeated header is skipped.
 */
function tabbedKeyTasks(
  file: string,
  header: SourceLine | undefined,
  body: readonly SourceLine[],
): KeyTask[] {
  const rows: string[][] = [];
  for (const line of body) {
    if (repeatsHeader(line, header)) continue;
    let cells = cellsOf(line);
    if (cells.length > 3 && /^\d{1,3}$/.test(cells[0]!)) cells = cells.slice(1);
    if (cells.length >= 3) rows.push([cells[0]!, cells[1]!, cells.slice(2).join('')]);
    else if (rows.length > 0) continueRow(rows.at(-1)!, cells);
    else {
      throw new ReportParseError(
        file,
        SECTION,
        line.no,
        `a row of table 1 needs a name, a target and an actual cell: "${line.text}"`,
      );
    }
  }
  if (rows.length === 0) {
    throw new ReportParseError(file, SECTION, body[0]!.no, 'table 1 has a header but no rows');
  }
  return rows.map(([name, target, actual], i) => ({
    seq: i + 1,
    name: compact(name!),
    targetText: compact(target!),
    actualText: compact(actual!),
  }));
}

/**
 * Parses 表1: key tasks with name (年度重点工作任务), target (任务绩效目标) and actual
 * (实际完成情况), from text whose columns PDF extraction has interleaved, or from one line per
 * row with its cells separated (as jixiao's own PDF extraction writes a ruled table).
 */
export function parseKeyTaskTable(file: string, lines: readonly SourceLine[]): KeyTask[] {
  const start = findKeyTaskTable(lines);
  if (start < 0) return [];
  const headerEnd = lines.findIndex((l, i) => i > start && /实际完成/.test(compact(l.text)));
  const body = lines.slice((headerEnd > 0 ? headerEnd : start) + 1);
  if (body.length === 0) {
    throw new ReportParseError(file, SECTION, lines[start]!.no, 'table 1 has a header but no rows');
  }
  if (body.some(isTabbed)) {
    return tabbedKeyTasks(file, headerEnd > 0 ? lines[headerEnd] : undefined, body);
  }
  const columns = assignColumns(body, estimateWidths(body));
  const tasks: { name: string[]; target: string[]; actual: string[] }[] = [];
  body.forEach((line, i) => {
    const column = columns[i]!;
    if (column === 'name' && (i === 0 || columns[i - 1] !== 'name')) {
      tasks.push({ name: [], target: [], actual: [] });
    }
    if (tasks.length === 0) tasks.push({ name: [], target: [], actual: [] });
    tasks.at(-1)![column].push(line.text);
  });
  return tasks.map((t, i) => {
    if (t.name.length === 0 || t.target.length === 0 || t.actual.length === 0) {
      throw new ReportParseError(
        file,
        SECTION,
        body[0]!.no,
        `key task ${i + 1} lacks a name, a target or an actual`,
      );
    }
    return {
      seq: i + 1,
      name: compact(t.name.join('')),
      targetText: compact(t.target.join('')),
      actualText: compact(t.actual.join('')),
    };
  });
}
