/**
 * Splits the text of one table row into its cells when extraction kept no column positions
 * (docs/domain.md, "The report": cells broken across lines, stray spaces). A row arrives in one of
 * two forms, or a mix:
 * - one line, cells separated by spaces, with stray spaces around numbers inside cells
 *   (`开展不少于 4次的…活动。 2023年…5次。`);
 * - column by column, each cell wrapped at its column's width over lines of its own (the name's
 *   lines, then the target's, then the actual's), as the seed report's extraction gives 表3.
 * Every gap between two pieces of text (a space or a line break) is a possible cell boundary; the
 * split chosen is the one whose boundaries and cells look most like a table's, by the costs below.
 */
import { compact, displayWidth, type SourceLine } from '../source-text.js';

/** A piece of a row's text between whitespace, with the gap before it. */
interface Piece {
  text: string;
  /** Index of its line within the row. */
  line: number;
  /** The whitespace before it: a space within the line, or a line break (the first piece: none). */
  gap: 'SPACE' | 'BREAK' | null;
}

const SENTENCE_END = /[。；;！!？?]$/;
const CJK_END = /[\u4e00-\u9fa5]$/;
const CJK_START = /^[\u4e00-\u9fa5]/;
/** A target or actual cell does not end on a comparator: the number it governs follows it. */
const COMPARATOR_END =
  /(?:超过|不少于|不低于|不高于|不超过|达到|达|低于|高于|大于|小于|少于|≥|≤|>|<|为|约)$/;

/** How unlikely a boundary is (0 = as expected); boundaries are chosen to minimise the sum. */
const COST = {
  /** A boundary after a sentence end: cells usually end with one. */
  afterSentence: 0,
  /** A boundary at a clear space between two pieces. */
  space: 0.5,
  /** A boundary at a line break. */
  lineBreak: 1,
  /** A boundary at a space next to a number, where extraction puts stray spaces (`于 4次`). */
  straySpace: 4,
  /** A clear space that is not a boundary: extraction leaves such gaps between cells. */
  spaceInside: 2,
  /** A line break after a sentence end that is not a boundary. */
  sentenceInside: 1,
  /** A cell that starts with a unit or closing punctuation, or ends on a comparator. */
  brokenValue: 3,
  /** A name cell with a digit, or ending a sentence, or longer than any indicator name. */
  nameWithDigit: 2,
  nameSentence: 3,
  nameTooLong: 3,
  /** A value cell without any digit (qualitative ones exist, but most cells have numbers). */
  valueWithoutDigit: 0.5,
  /** A cell of whole lines whose lines before its last are not full: columns wrap when full. */
  ragged: 2,
} as const;

const NAME_MAX_LENGTH = 24;
/** A wrapped line is full when at most this many cells narrower than the cell's widest line. */
const FULL_LINE_SLACK = 1.5;
/** Rows with more pieces than this are not enumerated (no real row comes close). */
const MAX_PIECES = 80;

/**
 * Whether a piece of text starts with what ends a number: a measure word standing alone (`次。`,
 * not `项目…`), a unit, or closing punctuation. A cell never starts so; a stray space before a
 * unit (`10 个`) is no cell boundary, and a row number before one (`2 次。`) starts no row.
 */
export function startsWithUnit(text: string): boolean {
  return (
    /^(?:[个次人件家项户册期元年月日天号%％]|万元|万人|亿元?)(?![\u4e00-\u9fa5])/.test(text) ||
    /^[，。、；：）)”]/.test(text)
  );
}

/** A space where extraction leaves stray ones: between a number and a character, after `≥`. */
function isStray(before: string, after: string): boolean {
  return (
    (CJK_END.test(before) && /^[\d.]/.test(after)) ||
    (/[\d%％]$/.test(before) && CJK_START.test(after)) ||
    /[≥≤><=＞＜]$/.test(before)
  );
}

function piecesOf(lines: readonly SourceLine[]): Piece[] {
  return lines.flatMap((line, index) =>
    line.text
      .split(/\s+/)
      .filter((t) => t !== '')
      .map((text, k): Piece => ({
        text,
        line: index,
        gap: k > 0 ? 'SPACE' : index > 0 ? 'BREAK' : null,
      })),
  );
}

function gapCost(before: Piece, after: Piece, boundary: boolean): number {
  const sentence = SENTENCE_END.test(before.text);
  if (boundary) {
    if (sentence) return COST.afterSentence;
    if (after.gap === 'BREAK') return COST.lineBreak;
    return isStray(before.text, after.text) ? COST.straySpace : COST.space;
  }
  if (after.gap === 'SPACE' && !isStray(before.text, after.text)) return COST.spaceInside;
  if (after.gap === 'BREAK' && sentence) return COST.sentenceInside;
  return 0;
}

/** Cost of the cell made of pieces[from, to). */
function cellCost(pieces: readonly Piece[], from: number, to: number, index: number): number {
  const cell = pieces.slice(from, to);
  const text = cell.map((p) => p.text).join('');
  let cost = 0;
  if (index === 0) {
    if (/\d/.test(text)) cost += COST.nameWithDigit;
    if (SENTENCE_END.test(text)) cost += COST.nameSentence;
    if (text.length > NAME_MAX_LENGTH) cost += COST.nameTooLong;
  } else {
    if (startsWithUnit(text) || COMPARATOR_END.test(text)) cost += COST.brokenValue;
    if (!/\d/.test(text)) cost += COST.valueWithoutDigit;
  }
  // A cell of whole lines (it starts and ends at line breaks) wraps like a column.
  const startsLine = from === 0 || pieces[from]!.gap === 'BREAK';
  const endsLine = to === pieces.length || pieces[to]!.gap === 'BREAK';
  const firstLine = cell[0]!.line;
  const lastLine = cell[cell.length - 1]!.line;
  if (startsLine && endsLine && lastLine > firstLine) {
    const widths: number[] = [];
    for (const p of cell)
      widths[p.line - firstLine] = (widths[p.line - firstLine] ?? 0) + displayWidth(p.text);
    const widest = Math.max(...widths);
    for (let l = 0; l < widths.length - 1; l++) {
      if ((widths[l] ?? 0) < widest - FULL_LINE_SLACK) cost += COST.ragged;
    }
  }
  return cost;
}

/**
 * Splits a row's lines (the row number already removed) into `count` cells, each returned
 * without whitespace; null when the row has fewer pieces than cells. Ties go to the earliest
 * boundaries, so a short name is preferred to a long one.
 */
export function splitRowCells(lines: readonly SourceLine[], count: number): string[] | null {
  const pieces = piecesOf(lines);
  if (pieces.length < count || pieces.length > MAX_PIECES || count < 1) return null;
  const gaps = pieces.length - 1;
  const best = { cost: Number.POSITIVE_INFINITY, cuts: [] as number[] };
  const cuts: number[] = [];
  const search = (next: number): void => {
    if (cuts.length === count - 1) {
      const bounds = [0, ...cuts, pieces.length];
      let cost = 0;
      for (let g = 1; g <= gaps; g++) {
        cost += gapCost(pieces[g - 1]!, pieces[g]!, cuts.includes(g));
      }
      for (let c = 0; c < count; c++) cost += cellCost(pieces, bounds[c]!, bounds[c + 1]!, c);
      if (cost < best.cost) {
        best.cost = cost;
        best.cuts = [...cuts];
      }
      return;
    }
    for (let g = next; g <= gaps - (count - 2 - cuts.length); g++) {
      cuts.push(g);
      search(g + 1);
      cuts.pop();
    }
  };
  search(1);
  const bounds = [0, ...best.cuts, pieces.length];
  return Array.from({ length: count }, (_, c) =>
    compact(
      pieces
        .slice(bounds[c]!, bounds[c + 1]!)
        .map((p) => p.text)
        .join(''),
    ),
  );
}
