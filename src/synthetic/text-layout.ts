/**
 * Line layout of PDF-extracted text, for rendering synthetic reports (synthetic demo data) the
 * way the real report reads after extraction (docs/domain.md, "The report": cells broken across
 * lines, thousands separators, stray spaces as in `2023 年度`): lines filled to
 * a width in CJK cells, numbers never split, no line starting with closing punctuation or ending
 * with opening punctuation, and spaces around numbers where the extraction put gaps.
 */
import { displayWidth } from '../ingest/report/source-text.js';
import type { Random } from './random.js';

/** Punctuation that never starts a line (kinsoku). */
const CLOSING = new Set([...'，。、；：？！”’）》」』】〕…%,.;:?!)]']);
/** Punctuation that never ends a line. */
const OPENING = new Set([...'“‘（《「『【〔([']);

/** Text units that are never split: a run of ASCII (a number with its separators), or one character. */
function tokens(text: string): string[] {
  return text.match(/[\u0021-\u007e]+| |[^\u0020-\u007e]/gu) ?? [];
}

/**
 * Inserts the spaces PDF extraction leaves around numbers: before a number that follows a
 * Chinese character (`不少于 1次`), and with `after` chance after one (`2023 年度`).
 */
export function strayNumberSpaces(
  text: string,
  rng: Random,
  before: number,
  after: number,
): string {
  return text.replace(/\d[\d,.]*%?/g, (number, offset: number, whole: string) => {
    const previous = whole[offset - 1] ?? '';
    const next = whole[offset + number.length] ?? '';
    const lead = /[^\u0000-\u007f]/.test(previous) && !CLOSING.has(previous) && rng.chance(before);
    const trail = /[^\u0000-\u007f]/.test(next) && !CLOSING.has(next) && rng.chance(after);
    return `${lead ? ' ' : ''}${number}${trail ? ' ' : ''}`;
  });
}

/**
 * Fills lines up to `width` cells (`firstWidth` for the first, as after a paragraph indent),
 * breaking only between tokens, carrying a character along with closing punctuation and moving
 * opening punctuation to the next line.
 */
export function wrapText(text: string, width: number, firstWidth: number = width): string[] {
  const lines: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const token of tokens(text)) {
    const w = displayWidth(token);
    const limit = lines.length === 0 ? firstWidth : width;
    if (current.length === 0 || used + w <= limit + 1e-9) {
      if (!(current.length === 0 && token === ' ')) {
        current.push(token);
        used += w;
      }
      continue;
    }
    let next: string[] = token === ' ' ? [] : [token];
    if (CLOSING.has(token[0]!) && current.length > 1) next = [current.pop()!, ...next];
    while (current.length > 1 && OPENING.has(current[current.length - 1]!)) {
      next = [current.pop()!, ...next];
    }
    lines.push(current);
    current = next;
    used = next.reduce((sum, t) => sum + displayWidth(t), 0);
  }
  if (current.length > 0) lines.push(current);
  return lines.map((l) => l.join('').trim()).filter((l) => l !== '');
}

/** Splits a cell's text into paragraphs before each enumeration `二、` `三、` that follows a sentence end. */
export function cellParagraphs(text: string): string[] {
  return text.split(/(?<=[。；])(?=[一二三四五六七八九十]、)/u);
}

/** Width of a line in CJK cells, as the parser measures it. */
export function lineWidth(line: string): number {
  return displayWidth(line.trim());
}
