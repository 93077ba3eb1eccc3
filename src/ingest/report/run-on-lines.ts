import { NUMBERING_ANYWHERE } from './section-headings.js';
import { knownHeadingLength } from './section-rules.js';
import { compact, displayWidth, type SourceLine } from './source-text.js';

/**
 * A line wider than this (in CJK cells) is not a line of a laid-out page: the template's text
 * column is about 30 cells wide. Such a line comes from text extracted or copied without line
 * breaks, where a heading may sit in the middle of a line.
 */
const RUN_ON_WIDTH = 60;

/** A table caption (`表 2 2023年部门整体支出决算表`) after a sentence end or a space. */
const CAPTION = /(?<=^|[\s。；;：:！？!?])(?:附)?表\s*\d{1,2}(?=\s*\S)/g;

/** Where the first `count` non-whitespace characters of `text` from `start` end. */
function afterNonSpace(text: string, start: number, count: number): number {
  let at = start;
  let seen = 0;
  while (at < text.length && seen < count) {
    if (!/\s/.test(text[at]!)) seen++;
    at++;
  }
  return at;
}

/**
 * Offsets at which a run-on line breaks: before each heading numbering that a known section
 * keyword follows and after that heading's words, and before each table caption.
 */
function breakOffsets(text: string): number[] {
  const offsets = new Set<number>();
  for (const match of text.matchAll(NUMBERING_ANYWHERE)) {
    const after = match.index + match[0].length;
    const words = knownHeadingLength(compact(text.slice(after, after + 60)));
    if (words === 0) continue;
    offsets.add(match.index);
    offsets.add(afterNonSpace(text, after, words));
  }
  for (const match of text.matchAll(CAPTION)) offsets.add(match.index);
  return [...offsets].filter((at) => at > 0 && at < text.length).sort((a, b) => a - b);
}

/**
 * Breaks lines that run on without line breaks (a whole report on a few lines) at the headings of
 * known sections and at table captions, so that sections can be found by their headings as in
 * laid-out text. The pieces keep their line's number and page; ordinary lines pass unchanged.
 * Prose after a heading loses the full stop or colon that separated it from the heading.
 */
export function breakRunOnLines(lines: readonly SourceLine[]): SourceLine[] {
  return lines.flatMap((line) => {
    if (displayWidth(line.text) <= RUN_ON_WIDTH) return [line];
    const offsets = [0, ...breakOffsets(line.text), line.text.length];
    const pieces: SourceLine[] = [];
    for (let k = 0; k + 1 < offsets.length; k++) {
      const text = line.text
        .slice(offsets[k], offsets[k + 1])
        .trim()
        .replace(/^[。：:，,；;.]\s*/, '');
      if (text !== '') pieces.push({ ...line, text, pageStart: line.pageStart && k === 0 });
    }
    return pieces;
  });
}
