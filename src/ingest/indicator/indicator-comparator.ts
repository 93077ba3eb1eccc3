/**
 * Comparator words and symbols around a number (docs/domain.md, "Indicators and the target set too
 * low problem"): 不低于 / 不少于 / 以上 / 超过 / 达 / 达到 / ≥ (at least), 低于 / 不高于 / 不多于 /
 * 以下 / 控制在 / ≤ (at most), `=` (exactly).
 */
import type { Comparator } from '../../rules/indicator-measure.js';

/** A comparator found in the text. */
export interface ComparatorHit {
  comparator: Comparator;
  /** Where the word or symbol starts and ends in the text. */
  start: number;
  end: number;
  word: string;
}

interface PrefixWord {
  word: string;
  comparator: Comparator;
  /**
   * Most characters allowed between the word and the number. Words that are also parts of
   * ordinary words (达 in 送达率 and 达标, 为 in 作为) count only right before the number;
   * the unambiguous ones may be separated from it (`扣分不多于该项总分的5%`).
   */
  maxGap: number;
}

const FAR = Number.POSITIVE_INFINITY;

const PREFIX_WORDS: readonly PrefixWord[] = [
  { word: '大于或等于', comparator: 'GTE', maxGap: FAR },
  { word: '大于等于', comparator: 'GTE', maxGap: FAR },
  { word: '不低于', comparator: 'GTE', maxGap: FAR },
  { word: '不少于', comparator: 'GTE', maxGap: FAR },
  { word: '不小于', comparator: 'GTE', maxGap: FAR },
  { word: '不下于', comparator: 'GTE', maxGap: FAR },
  { word: '至少', comparator: 'GTE', maxGap: FAR },
  { word: '≥', comparator: 'GTE', maxGap: 3 },
  { word: '达到', comparator: 'GTE', maxGap: 0 },
  { word: '达', comparator: 'GTE', maxGap: 0 },
  { word: '超过', comparator: 'GT', maxGap: FAR },
  { word: '超出', comparator: 'GT', maxGap: FAR },
  { word: '大于', comparator: 'GT', maxGap: FAR },
  { word: '高于', comparator: 'GT', maxGap: FAR },
  { word: '多于', comparator: 'GT', maxGap: FAR },
  { word: '>', comparator: 'GT', maxGap: 3 },
  { word: '小于或等于', comparator: 'LTE', maxGap: FAR },
  { word: '小于等于', comparator: 'LTE', maxGap: FAR },
  { word: '不高于', comparator: 'LTE', maxGap: FAR },
  { word: '不多于', comparator: 'LTE', maxGap: FAR },
  { word: '不大于', comparator: 'LTE', maxGap: FAR },
  { word: '不超过', comparator: 'LTE', maxGap: FAR },
  { word: '不超出', comparator: 'LTE', maxGap: FAR },
  { word: '控制在', comparator: 'LTE', maxGap: FAR },
  { word: '最多', comparator: 'LTE', maxGap: FAR },
  { word: '至多', comparator: 'LTE', maxGap: FAR },
  { word: '≤', comparator: 'LTE', maxGap: 3 },
  { word: '低于', comparator: 'LT', maxGap: FAR },
  { word: '少于', comparator: 'LT', maxGap: FAR },
  { word: '小于', comparator: 'LT', maxGap: FAR },
  { word: '不足', comparator: 'LT', maxGap: 0 },
  { word: '不到', comparator: 'LT', maxGap: 0 },
  { word: '<', comparator: 'LT', maxGap: 3 },
  { word: '等于', comparator: 'EQ', maxGap: 0 },
  { word: '=', comparator: 'EQ', maxGap: 3 },
  { word: '为', comparator: 'EQ', maxGap: 0 },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest words first, so that 不低于 wins over 低于 and 不超过 over 超过 at the same place.
const PREFIX_PATTERN = new RegExp(
  [...PREFIX_WORDS]
    .sort((a, b) => b.word.length - a.word.length)
    .map((w) => escape(w.word))
    .join('|'),
  'g',
);
const PREFIX_BY_WORD = new Map(PREFIX_WORDS.map((w) => [w.word, w]));

/**
 * The comparator governing a number that starts at `numberStart`, looking back no further than
 * `windowStart` (the previous number or clause boundary). The last word that may govern from its
 * distance wins.
 */
export function comparatorBefore(
  text: string,
  windowStart: number,
  numberStart: number,
): ComparatorHit | null {
  const window = text.slice(windowStart, numberStart);
  let best: ComparatorHit | null = null;
  for (const m of window.matchAll(PREFIX_PATTERN)) {
    const spec = PREFIX_BY_WORD.get(m[0]);
    if (!spec) continue;
    const end = windowStart + m.index + m[0].length;
    if (numberStart - end > spec.maxGap) continue;
    best = { comparator: spec.comparator, start: windowStart + m.index, end, word: m[0] };
  }
  return best;
}

const POSTFIX_WORDS: ReadonlyArray<readonly [string, Comparator]> = [
  ['及以上', 'GTE'],
  ['或以上', 'GTE'],
  ['以上', 'GTE'],
  ['及以下', 'LTE'],
  ['或以下', 'LTE'],
  ['以下', 'LTE'],
  ['及以内', 'LTE'],
  ['以内', 'LTE'],
  ['之内', 'LTE'],
  ['左右', 'EQ'],
];

/**
 * A comparator written after the number and its unit (`65万人以上`, `10个及以上`, `85%(含)以上`,
 * `30天内`). A bare 内 counts only after a duration (`10个内设机构` is not "at most 10").
 */
export function comparatorAfter(
  text: string,
  pos: number,
  afterDuration: boolean,
): ComparatorHit | null {
  let at = pos;
  if (text.startsWith('(含)', at)) at += 3;
  for (const [word, comparator] of POSTFIX_WORDS) {
    if (text.startsWith(word, at)) return { comparator, start: pos, end: at + word.length, word };
  }
  if (afterDuration && text[at] === '内')
    return { comparator: 'LTE', start: pos, end: at + 1, word: '内' };
  return null;
}

/** Whether a comparator says "at least" (GTE, GT), "at most" (LTE, LT) or neither. */
export function comparatorSense(c: Comparator): 'AT_LEAST' | 'AT_MOST' | 'OTHER' {
  if (c === 'GTE' || c === 'GT') return 'AT_LEAST';
  if (c === 'LTE' || c === 'LT') return 'AT_MOST';
  return 'OTHER';
}

/**
 * Combines a comparator before the number with one after it (`不低于…以上`): they must agree in
 * sense; the word before is the more specific (超过…以上 stays GT). Returns 'conflict' when one
 * says at least and the other at most.
 */
export function combineComparators(
  before: ComparatorHit | null,
  after: ComparatorHit | null,
): Comparator | null | 'conflict' {
  if (!before) return after?.comparator ?? null;
  if (!after) return before.comparator;
  const a = comparatorSense(before.comparator);
  const b = comparatorSense(after.comparator);
  if (a !== 'OTHER' && b !== 'OTHER' && a !== b) return 'conflict';
  // "=10个以上", "为5%以下": an exact-looking word before, the sense after.
  if (a === 'OTHER') return after.comparator;
  return before.comparator;
}

/**
 * A comparator written in the indicator name only (`公猪舍(≥**平方米)`, `满意度≥90%`), used when the
 * target cell has a bare number. Null when the name has none or more than one kind.
 */
export function comparatorInName(name: string): Comparator | null {
  const found = new Set<Comparator>();
  for (const m of name.matchAll(PREFIX_PATTERN)) {
    const spec = PREFIX_BY_WORD.get(m[0]);
    // Only symbols and unambiguous words: 达 and 为 in a name are parts of other words.
    if (spec && spec.maxGap > 0) found.add(spec.comparator);
  }
  for (const [word, comparator] of POSTFIX_WORDS) if (name.includes(word)) found.add(comparator);
  if (found.size !== 1) return null;
  return [...found][0] ?? null;
}
