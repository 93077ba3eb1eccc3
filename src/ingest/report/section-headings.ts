import { compact } from './source-text.js';

/**
 * How deep a heading sits in a report's outline: `一、` (1) above `（一）` (2) above `1.` (3).
 * Reports nest their parts this way (docs/domain.md, "Sections of the Guangzhou template"), so a
 * heading the parser does not know ends the section before it only at the same depth or above.
 */
export type HeadingLevel = 1 | 2 | 3;

/** The numbering a heading starts with, full-width or as half-width forms from converted pages. */
const NUMBERINGS: readonly { level: HeadingLevel; pattern: RegExp }[] = [
  {
    level: 1,
    pattern:
      /^(?:第[一二三四五六七八九十]+(?:部分|章)[、.．：:]?|[一二三四五六七八九十]+(?:、|[.．](?!\d)))/,
  },
  { level: 2, pattern: /^[（(][一二三四五六七八九十]+[)）][、.．]?/ },
  { level: 3, pattern: /^(?:[（(]\d{1,2}[)）]|\d{1,2}(?:、|[.．](?!\d)))/ },
];

/**
 * Where a heading's words end and prose begins on the same line: a full stop, colon or comma, or a
 * `.` that is not a decimal point (`履职效能分析.指标分值`, but not `96.97`).
 */
const HEAD_END = /[。：:，,；;]|(?<!\d)\.|\.(?!\d)/;

/** A numbered line split into its numbering depth, its heading words and the prose after them. */
export interface HeadingLine {
  level: HeadingLevel;
  /** The heading's words, whitespace removed (`履职效能分析`). */
  head: string;
  /** Prose on the same line after the heading (`指标分值50分，得分49.99分，`), whitespace removed. */
  rest: string;
}

/** Reads a line as a numbered heading (`一、`, `（二）`, `(二)`, `一.`, `1.`, `1、`), or null. */
export function headingLine(text: string): HeadingLine | null {
  const line = compact(text);
  for (const { level, pattern } of NUMBERINGS) {
    const numbering = pattern.exec(line);
    if (!numbering) continue;
    const body = line.slice(numbering[0].length);
    const end = HEAD_END.exec(body);
    const head = end ? body.slice(0, end.index) : body;
    const rest = body.slice(head.length).replace(/^[。：:，,；;.]/, '');
    return { level, head, rest };
  }
  return null;
}

/**
 * Heading numbering anywhere in a line, for text extracted without line breaks. A `1.` must not
 * be part of a decimal (`3,349.08`), and no numbering is followed by a digit.
 */
export const NUMBERING_ANYWHERE =
  /[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|章)|[一二三四五六七八九十]+(?:、|[.．](?!\d))|(?<![\d.,，])\d{1,2}(?:、|[.．](?!\d))/g;

/** Characters that end a heading's words when prose follows on the same line. */
export const HEAD_END_CHARS = /[。：:，,；;]/;
