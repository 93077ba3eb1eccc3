/**
 * The key performance indicator table of a national-framework report (docs/domain.md, "Other
 * templates"): the department's indicators with their annual target (年度目标值, 指标值) and actual
 * (实际完成值), the texts the indicator language and the rules read. Two layouts:
 * - numbered: 序号 指标名称 年度目标值 实际完成值, rows found by their numbers 1, 2, 3 …, each row
 *   on one line or broken across lines (column by column or wrapped);
 * - by level: 一级指标 二级指标 三级指标 指标值 实际完成值, one row per line, the merged level-1
 *   and level-2 cells on the first row of their group or on lines of their own; a line of fewer
 *   than three cells continues the row before it.
 * The cells of a row are told apart by splitRowCells.
 */
import type { IndicatorRow, ParseNote } from '../../report-document.js';
import { numberingNotes, startsNextRow } from '../row-numbering.js';
import { compact, type SourceLine } from '../source-text.js';
import { isIndicatorGroupName, level1Of } from './national-vocabulary.js';
import { isTableTitle } from './table-title.js';
import { splitRowCells, startsWithUnit } from './table-cells.js';

const HEADER_WORDS =
  /序号|指标名称|一级指标|二级指标|三级指标|年度目标值|年度指标值|预期目标值?|预期值|目标值|指标值|实际完成值|实际完成情况|实际值|完成值|完成情况|备注|绩效指标|指标/g;
const TARGET_WORD = /目标值|指标值|预期值|预期目标/;
const ACTUAL_WORD = /实际完成值|实际值|完成值|完成情况/;
const NAME_WORD = /序号|指标名称|三级指标/;
/** A numbered row's first line: its number, alone or before the first cell. */
const ROW_START = /^(\d{1,3})[.、．]?(?:\s+(.*))?$/;
/** Lines that end the table: headings, another table, notes under the table. */
const TABLE_END =
  /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|附?表\d|注[：:]|备注[：:]|说明[：:])/;

/** The key indicator table as read, with the lines it spans (indices into the lines given). */
export interface KeyIndicatorTable {
  rows: IndicatorRow[];
  /** Rows that could not be split into name, target and actual (kept out, noted). */
  notes: ParseNote[];
  start: number;
  end: number;
}

function isHeaderLine(text: string): boolean {
  const c = compact(text);
  return c !== '' && c.replace(HEADER_WORDS, '') === '';
}

/** The header: its first line and what it names, or null. */
function findHeader(lines: readonly SourceLine[]): { at: number; numbered: boolean } | null {
  for (let i = 0; i < lines.length; i++) {
    if (!isHeaderLine(lines[i]!.text) || (i > 0 && isHeaderLine(lines[i - 1]!.text))) continue;
    let header = '';
    for (let k = i; k < lines.length && k < i + 8 && isHeaderLine(lines[k]!.text); k++) {
      header += compact(lines[k]!.text);
    }
    if (TARGET_WORD.test(header) && ACTUAL_WORD.test(header) && NAME_WORD.test(header)) {
      return { at: i, numbered: /序号/.test(header) };
    }
  }
  return null;
}

interface RawRow {
  seq: number;
  line: number;
  lines: SourceLine[];
}

/** Numbered rows: each starts at the line holding the next number. */
function numberedRows(lines: readonly SourceLine[]): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (TABLE_END.test(compact(line.text)) || /^一级指标/.test(compact(line.text))) break;
    if (isHeaderLine(line.text)) continue;
    const match = ROW_START.exec(line.text);
    const rest = match?.[2];
    const previous = rows.at(-1)?.seq ?? 0;
    if (
      match &&
      startsNextRow(Number(match[1]), previous, rest ?? '') &&
      !startsWithUnit(rest ?? '')
    ) {
      rows.push({
        seq: Number(match[1]),
        line: line.no,
        lines: rest ? [{ ...line, text: rest }] : [],
      });
    } else if (rows.length > 0) {
      rows.at(-1)!.lines.push(line);
    }
  }
  return rows;
}

/**
 * The merged level-1 and level-2 cells at the start of a line, and the rest of the line. A cell is
 * taken for a level only while three cells (name, target, actual) remain, since an indicator may
 * be named like a group (服务对象满意度); a line of level cells only is a label line (rest empty).
 */
function withoutLevels(text: string): string {
  const cells = text.split(/\s+/).filter((t) => t !== '');
  let k = 0;
  if (k < cells.length && level1Of(cells[k]!) !== null) k++;
  if (k < cells.length && isIndicatorGroupName(cells[k]!)) k++;
  if (k === cells.length) return '';
  while (k > 0 && cells.length - k < 3) k--;
  return cells.slice(k).join(' ');
}

/** Rows by level: one a line, a line of fewer than three cells continuing the row before. */
function levelRows(lines: readonly SourceLine[]): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (TABLE_END.test(compact(line.text))) break;
    if (isHeaderLine(line.text)) continue;
    const rest = withoutLevels(line.text);
    if (rest === '') continue;
    const cells = rest.split(/\s+/).length;
    if (cells >= 3 || rows.length === 0) {
      rows.push({ seq: rows.length + 1, line: line.no, lines: [{ ...line, text: rest }] });
    } else {
      rows.at(-1)!.lines.push(line);
    }
  }
  return rows;
}

/** Finds and reads the key indicator table among `lines`, or returns null when there is none. */
export function parseKeyIndicatorTable(lines: readonly SourceLine[]): KeyIndicatorTable | null {
  const header = findHeader(lines);
  if (!header) return null;
  const start =
    header.at > 0 && isTableTitle(lines[header.at - 1]!.text) ? header.at - 1 : header.at;
  const body = lines.slice(header.at + 1);
  const raw = header.numbered ? numberedRows(body) : levelRows(body);
  if (raw.length === 0) return null;
  const rows: IndicatorRow[] = [];
  const notes: ParseNote[] = header.numbered ? numberingNotes(raw, '关键绩效指标表') : [];
  for (const row of raw) {
    const cells = splitRowCells(row.lines, 3);
    if (!cells) {
      notes.push({
        check: 'indicator.row_unreadable',
        severity: 'WARNING',
        message: `关键绩效指标表第 ${row.seq} 个指标（第 ${row.line} 行）未能分出指标名称、年度目标值和实际完成值，该行未读入`,
        expected: null,
        actual: null,
      });
      continue;
    }
    const [name, targetText, actualText] = cells as [string, string, string];
    rows.push({ seq: row.seq, name, targetText, actualText, line: row.line });
  }
  // The table ends with its last row's last line: a repeated header after it is not the table's.
  const last = raw.at(-1)!;
  const lastLine = last.lines.at(-1)?.no ?? last.line;
  const end = lines.findIndex((l) => l.no === lastLine) + 1;
  return { rows, notes, start, end };
}
