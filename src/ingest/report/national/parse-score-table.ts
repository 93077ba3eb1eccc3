/**
 * The 100-point score table of a national-framework report (docs/domain.md, "Other templates"):
 * 一级指标 (投入/过程/产出/效果), 二级指标, 三级指标, 分值 (weight), 得分 (score), sometimes 得分率,
 * and a 合计 row. Rows are recognised by their trailing weight and score cells, as 表4 of the
 * Guangzhou template is. Level-1 and level-2 cells are merged over their rows, so they appear on
 * the first row of their group or on lines of their own; a level-3 name broken over lines arrives
 * as label lines before the line with its numbers (which may hold the rest of the name or none).
 */
import { parseDecimal, printedDecimals } from '../../decimal.js';
import type { Decimal } from '../../../db/tables.js';
import type { ManagementScoreRow } from '../../report-document.js';
import { compact, displayWidth, type SourceLine } from '../source-text.js';
import { isLevel2Name, level1Of } from './national-vocabulary.js';
import { isTableTitle } from './table-title.js';

/** Words of the table's header, which is repeated after page breaks and may be broken cell by cell. */
const HEADER_WORDS = /一级指标|二级指标|三级指标|分值|得分率|得分|权重|指标|备注|[（(]分[)）]/g;
/**
 * A scored row: the label cells, then 分值 and 得分, and perhaps 得分率; numbers of at most four
 * decimals (more are numbers run together, which end the table rather than being misread).
 */
const ROW =
  /^(.*?)\s*(\d+(?:\.\d{1,4})?)\s+(\d+(?:\.\d{1,4})?)(?:\s+(\d+(?:\.\d{1,4})?)\s*[%％])?$/;
/** The total row. */
const TOTAL = /^(?:合计|总计|总分|得分合计|综合得分|总得分|总计得分)$/;
/** A label line: a short run of cells without sentence punctuation. */
const LABEL_MAX_WIDTH = 24;
const HEADING = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/;

/** The score table as read, with the lines it spans (indices into the lines given). */
export interface ScoreTable {
  rows: ManagementScoreRow[];
  /** The 合计 row, where the table has one. */
  total: { weight: Decimal; score: Decimal; line: number } | null;
  /** Index of the table's first line (its title, when it has one) and one past its last. */
  start: number;
  end: number;
}

/** The first part(s) of a level-3 name broken over lines, and the line where it begins. */
interface Fragment {
  text: string;
  line: number;
}

function extend(fragment: Fragment | null, cell: string, line: number): Fragment {
  return fragment ? { text: fragment.text + cell, line: fragment.line } : { text: cell, line };
}

function isHeaderLine(text: string): boolean {
  const c = compact(text);
  return c !== '' && c.replace(HEADER_WORDS, '') === '';
}

function isLabelLine(text: string): boolean {
  return (
    displayWidth(text) <= LABEL_MAX_WIDTH && !/[。；;，,：:、]/.test(text) && !/\d$/.test(text)
  );
}

/**
 * Index of the score table's header (the line where 一级指标 begins a header that also names
 * 分值 and 得分, in one line or over several), or -1.
 */
function findHeader(lines: readonly SourceLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!/^一级指标/.test(compact(lines[i]!.text))) continue;
    let header = '';
    for (let k = i; k < lines.length && k < i + 8 && isHeaderLine(lines[k]!.text); k++) {
      header += compact(lines[k]!.text);
    }
    if (/分值|权重/.test(header) && /得分/.test(header)) return i;
  }
  return -1;
}

/**
 * Finds and reads the score table among `lines`, or returns null when there is none. The table
 * ends at its 合计 row or at the first line that is neither a header, a label nor a scored row.
 */
export function parseScoreTable(lines: readonly SourceLine[]): ScoreTable | null {
  const header = findHeader(lines);
  if (header < 0) return null;
  const start = header > 0 && isTableTitle(lines[header - 1]!.text) ? header - 1 : header;
  const rows: ManagementScoreRow[] = [];
  let total: ScoreTable['total'] = null;
  let level1 = '';
  let level2 = '';
  let pending: Fragment | null = null;
  /** A label just read as a level-2 group, in case the next row shows it was a name's first part. */
  let lastGroup: { label: string; line: number; previous: string } | null = null;
  let end = header + 1;
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (isHeaderLine(text) || /^续表/.test(compact(text))) continue;
    if (HEADING.test(compact(text))) break;
    const match = ROW.exec(text);
    if (!match) {
      if (!isLabelLine(text)) break;
      lastGroup = null;
      for (const cell of text.split(/\s+/).filter((t) => t !== '')) {
        const name = level1Of(cell);
        if (name !== null && pending === null) {
          level1 = name;
          level2 = '';
        } else if (pending === null && isLevel2Name(cell)) {
          lastGroup = { label: cell, line: line.no, previous: level2 };
          level2 = cell;
        } else {
          pending = extend(pending, cell, line.no);
        }
      }
      continue;
    }
    const cells = match[1]!.split(/\s+/).filter((t) => t !== '');
    const weight = parseDecimal(match[2]!)!;
    const score = parseDecimal(match[3]!)!;
    if (cells.length === 1 && TOTAL.test(cells[0]!) && pending === null) {
      total = { weight, score, line: line.no };
      end = i + 1;
      break;
    }
    const first = cells[0] === undefined ? null : level1Of(cells[0]);
    if (first !== null && pending === null) {
      cells.shift();
      level1 = first;
      level2 = '';
    }
    if (cells.length >= 2 && pending === null) level2 = cells.shift()!;
    let name = (pending?.text ?? '') + cells.join('');
    let rowLine = pending?.line ?? line.no;
    // A group label followed by a row with no name, or with a name of one or two characters
    // (`性 2 2`), was the first part of a broken level-3 name, not a group.
    if (lastGroup && pending === null && cells.length <= 1 && name.length <= 2) {
      name = lastGroup.label + name;
      level2 = lastGroup.previous;
      rowLine = lastGroup.line;
    }
    pending = null;
    lastGroup = null;
    if (name === '') break;
    rows.push({
      seq: rows.length + 1,
      level1,
      level2,
      level3: name,
      weight,
      score,
      scoreRate: match[4] === undefined ? null : parseDecimal(match[4]),
      ...(match[4] === undefined ? {} : { scoreRateDecimals: printedDecimals(match[4]) }),
      line: rowLine,
    });
    end = i + 1;
  }
  if (rows.length === 0) return null;
  return { rows, total, start, end };
}
