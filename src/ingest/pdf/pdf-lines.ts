import type { PdfTextItem } from './pdf-page.js';

/** One printed line: its runs joined left to right. */
export interface TextLine {
  text: string;
  /** Left end and baseline of the line's first run. */
  x: number;
  y: number;
  /** The largest font size on the line. */
  size: number;
}

/**
 * Runs whose baselines differ by less than this share a line, in parts of the font size: well
 * under the line spacing (at least 1.1 font sizes) and over the jitter of mixed fonts.
 */
const BASELINE_TOLERANCE = 0.45;
/**
 * A gap wider than this (in font sizes) between two runs is a visible space. Justified Chinese
 * text spreads its slack over every character, which leaves far smaller gaps.
 */
const SPACE_GAP = 0.25;
/** Same text this close (in font sizes) is one run drawn twice (simulated bold). */
const DUPLICATE = 0.2;

/** Left-to-right runs of one line with twice-drawn runs (simulated bold, shadows) dropped. */
function distinctRuns(items: readonly PdfTextItem[]): PdfTextItem[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  return sorted.filter(
    (item, i) =>
      !sorted
        .slice(0, i)
        .some(
          (other) =>
            other.text === item.text &&
            Math.abs(other.x - item.x) < DUPLICATE * item.size &&
            Math.abs(other.y - item.y) < DUPLICATE * item.size,
        ),
  );
}

/** Joins one line's runs, with a space where a visible gap separates them. */
function joinRuns(runs: readonly PdfTextItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    if (text !== '' && run.x - end > SPACE_GAP * run.size) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text;
}

/**
 * Groups text runs into printed lines, top to bottom: runs on one baseline (within a tolerance
 * relative to the font size) form a line, ordered by x.
 */
export function groupLines(items: readonly PdfTextItem[]): TextLine[] {
  const byHeight = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of byHeight) {
    const current = groups.at(-1);
    const anchor = current?.[0];
    if (
      current &&
      anchor &&
      anchor.y - item.y <= BASELINE_TOLERANCE * Math.min(anchor.size, item.size)
    ) {
      current.push(item);
    } else {
      groups.push([item]);
    }
  }
  return groups.map((group) => {
    const runs = distinctRuns(group);
    return {
      text: joinRuns(runs),
      x: runs[0]!.x,
      y: group[0]!.y,
      size: Math.max(...runs.map((r) => r.size)),
    };
  });
}

const WORD_END = /[A-Za-z0-9]$/;
const WORD_START = /^[A-Za-z0-9]/;

/**
 * The text of a table cell from its wrapped lines. Chinese wraps between any two characters, so
 * lines join without a space, except where a Latin word or number would run into the next one.
 */
export function joinWrapped(lines: readonly string[]): string {
  return lines.reduce(
    (text, line) =>
      text === '' ? line : text + (WORD_END.test(text) && WORD_START.test(line) ? ' ' : '') + line,
    '',
  );
}
