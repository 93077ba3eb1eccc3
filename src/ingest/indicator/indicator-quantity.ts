/**
 * Quantities in a compact indicator cell: a number (Arabic or Chinese), an optional 万/亿
 * multiplier, a unit, and the comparator words around it. Dates and titles must be masked
 * before (see indicator-date.ts and indicator-text.ts): `2023年` is a date, not 2023 years.
 */
import { comparatorAfter, comparatorBefore, type ComparatorHit } from './indicator-comparator.js';
import {
  ARABIC_NUMBER,
  CHINESE_NUMERAL_CHARS,
  CHINESE_NUMERAL_START,
  arabicDigits,
  parseChineseNumeral,
  shiftDecimal,
} from './indicator-number.js';
import { FRACTION_UNIT, multiplierAt, unitAt, type Unit } from './indicator-unit.js';
import { PER_UNIT_BEFORE, TOTAL_BEFORE } from './indicator-vocabulary.js';

/** A number as written: decimal digits and a power of ten from multipliers (170万 → '170', 4). */
export interface Written {
  digits: string;
  exp: number;
}

/** One quantity read from a cell. */
export interface Quantity {
  /** Where the number starts; `start` includes a comparator written before it. */
  start: number;
  numStart: number;
  /** End of the quantity, including a comparator written after it. */
  end: number;
  low: Written;
  /** Upper bound of a range (`85%-95%`, `3至5个`), else null. */
  high: Written | null;
  unit: Unit | null;
  /** 1000余人, 10多个: an approximate number. */
  approx: boolean;
  prefix: ComparatorHit | null;
  postfix: ComparatorHit | null;
  /** Preceded by 共 / 合计 / 累计: a total in a cell that also lists parts. */
  total: boolean;
  /** Preceded by 每月 / 人均 / 平均: a value per unit or period, not a total. */
  perUnit: boolean;
  /** The text the quantity was read from, comparator words included. */
  source: string;
}

/** The quantities of a cell, or why a number in it cannot be read. */
export interface QuantityScan {
  quantities: Quantity[];
  unreadable: string | null;
}

/** Value of a written number in the base unit of `unit` (or as written when there is no unit). */
export function writtenValue(w: Written, unit: Unit | null): number {
  return shiftDecimal(w.digits, w.exp + (unit?.shift ?? 0));
}

/** Clause boundaries: a comparator never reaches across them. */
const BOUNDARY = /[，,。；;:!！?？]/;

/** What may follow a number without a unit for it to still be a value (`≥500`, `500以上`). */
const UNITLESS_FOLLOWER = /^(?:$|[，,。；;:、)\]】!！?？/(]|及以|或以|以上|以下|以内|之内|左右)/;

/** Chinese-numeral phrases that are slogans, not counts. */
const SLOGANS =
  /^(?:一件事|一张网|一张图|一张表|一条龙|一盘棋|一揽子|一把手|一个窗口|一次性|一支笔|一枚印章|一本账|一门式|一站式|一体化)/;

type Read =
  | { kind: 'number'; written: Written; end: number; chinese: boolean }
  | { kind: 'fraction'; value: number; end: number }
  | { kind: 'skip'; next: number }
  | { kind: 'unreadable'; reason: string };

function readFractionTail(text: string, pos: number, denominator: number): Read | null {
  if (!text.startsWith('分之', pos)) return null;
  const m = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+/y;
  m.lastIndex = pos + 2;
  const found = m.exec(text);
  if (!found) return { kind: 'skip', next: pos + 2 };
  const numerator = /\d/.test(found[0]) ? Number(found[0]) : parseChineseNumeral(found[0]);
  if (numerator === null || denominator === 0) return { kind: 'skip', next: m.lastIndex };
  return { kind: 'fraction', value: numerator / denominator, end: m.lastIndex };
}

/** Reads the number (only) starting at `i`. */
function readNumber(text: string, i: number): Read {
  const ch = text[i] ?? '';
  const prev = text[i - 1] ?? '';
  if (text.startsWith('百分之', i)) {
    const m = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+/y;
    m.lastIndex = i + 3;
    const found = m.exec(text);
    if (!found) return { kind: 'skip', next: i + 3 };
    const value = /\d/.test(found[0])
      ? Number(found[0])
      : found[0] === '百'
        ? 100
        : parseChineseNumeral(found[0]);
    if (value === null) return { kind: 'skip', next: m.lastIndex };
    // 百分之九十 → a fraction 0.9.
    return { kind: 'fraction', value: shiftDecimal(String(value), -2), end: m.lastIndex };
  }
  if (/\d/.test(ch)) {
    // -5%, 负5%: a sign we do not carry; reading the number without it would be wrong.
    if (
      prev === '负' ||
      (prev === '-' && /^$|[于为达到在≥≤<>=:：(（，,；;、]/.test(text[i - 2] ?? ''))
    ) {
      return {
        kind: 'unreadable',
        reason: `negative number at '${text.slice(Math.max(0, i - 1), i + 6)}'`,
      };
    }
    const run = /\d[\d.,]*/y;
    run.lastIndex = i;
    const whole = (run.exec(text)?.[0] ?? ch).replace(/[.,]+$/, '');
    const next = i + whole.length;
    // 5G, ISO9001, 第3, 前5: codes, ordinals and ranks.
    const letterAfter = /[A-Za-z]/.test(text[next] ?? '') && unitAt(text, next)?.kind !== 'unit';
    if (/[A-Za-z第]/.test(prev) || letterAfter) return { kind: 'skip', next };
    ARABIC_NUMBER.lastIndex = i;
    const m = ARABIC_NUMBER.exec(text);
    if (!m || m[0].length !== whole.length)
      return { kind: 'unreadable', reason: `number '${whole}' cannot be read` };
    // `1，000人`: an ideographic comma before exactly three digits is a thousands separator or a
    // list; either reading could be wrong.
    if (/^，\d{3}(?!\d)/.test(text.slice(next))) {
      return {
        kind: 'unreadable',
        reason: `'${text.slice(i, next + 4)}': thousands separator or list?`,
      };
    }
    const fraction = readFractionTail(text, next, Number(arabicDigits(m[0])));
    if (fraction) return fraction;
    return {
      kind: 'number',
      written: { digits: arabicDigits(m[0]), exp: 0 },
      end: next,
      chinese: false,
    };
  }
  if (
    ch !== '' &&
    CHINESE_NUMERAL_START.includes(ch) &&
    !(prev !== '' && CHINESE_NUMERAL_CHARS.includes(prev))
  ) {
    const run = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'y');
    run.lastIndex = i;
    const word = run.exec(text)?.[0] ?? ch;
    const next = i + word.length;
    // 第一, 之一 are ordinals; the slogans are not counts.
    if (prev === '第' || prev === '之' || SLOGANS.test(text.slice(i)))
      return { kind: 'skip', next };
    const value = parseChineseNumeral(word);
    if (value === null) return { kind: 'skip', next };
    const fraction = readFractionTail(text, next, value);
    if (fraction) return fraction;
    return { kind: 'number', written: { digits: String(value), exp: 0 }, end: next, chinese: true };
  }
  return { kind: 'skip', next: i + 1 };
}

interface Measured {
  written: Written;
  unit: Unit | null;
  approx: boolean;
  end: number;
  chinese: boolean;
}

/** Reads a number with its multiplier and unit at `i`, or says why what stands there is not a value. */
function readMeasured(text: string, i: number): Measured | Read {
  const number = readNumber(text, i);
  if (number.kind === 'skip' || number.kind === 'unreadable') return number;
  if (number.kind === 'fraction') {
    return {
      written: { digits: String(number.value), exp: 0 },
      unit: FRACTION_UNIT,
      approx: false,
      end: number.end,
      chinese: false,
    };
  }
  let p = number.end;
  let exp = 0;
  let hit = unitAt(text, p);
  if (!hit && !number.chinese) {
    const multiplier = multiplierAt(text, p);
    if (multiplier) {
      exp = multiplier.exp;
      p += multiplier.length;
      hit = unitAt(text, p);
    }
  }
  let approx = false;
  if (!hit && /[余多]/.test(text[p] ?? '') && !text.startsWith('多于', p)) {
    approx = true;
    p += 1;
    hit = unitAt(text, p);
  }
  if (hit?.kind === 'not-unit') return { kind: 'skip', next: p + hit.length };
  const unit = hit?.unit ?? null;
  p += hit?.length ?? 0;
  if (number.chinese) {
    // Chinese numerals count only with a unit, and not in 十分 (very), 二期 (phase two),
    // 一次性, 一人一档.
    const after = text[p] ?? '';
    if (
      !unit ||
      unit.label === '分' ||
      hit?.word === '期' ||
      /[性化式体]/.test(after) ||
      (after !== '' && CHINESE_NUMERAL_START.includes(after))
    ) {
      return { kind: 'skip', next: p };
    }
  }
  return {
    written: { digits: number.written.digits, exp: number.written.exp + exp },
    unit,
    approx,
    end: p,
    chinese: number.chinese,
  };
}

function isRead(x: Measured | Read): x is Read {
  return 'kind' in x;
}

/** Reads one quantity (number, unit, range, comparator after) at `i`. */
function readQuantityAt(text: string, i: number): { quantity: Quantity } | Read {
  const low = readMeasured(text, i);
  if (isRead(low)) return low;
  let { unit, end } = low;
  let high: Written | null = null;
  let lowWritten = low.written;

  // A range: 85%-95%, 85-95%, 3至5个, 3-5万人.
  if (/[-~至到]/.test(text[end] ?? '')) {
    const second = readMeasured(text, end + 1);
    if (
      !isRead(second) &&
      (unit === null || second.unit === null || unit.label === second.unit.label)
    ) {
      if (unit === null && lowWritten.exp === 0)
        lowWritten = { ...lowWritten, exp: second.written.exp };
      unit = unit ?? second.unit;
      high = second.written;
      end = second.end;
    }
  }

  if (unit === null && !UNITLESS_FOLLOWER.test(text.slice(end))) {
    // 12345热线, 110接警: a number followed by a word is a name, not a value.
    return { kind: 'skip', next: end };
  }
  if (unit === null && high === null && isListMarker(text, i, end))
    return { kind: 'skip', next: end + 1 };
  const postfix = comparatorAfter(text, end, unit?.kind === 'DURATION');
  const quantityEnd = postfix?.end ?? end;
  return {
    quantity: {
      start: i,
      numStart: i,
      end: quantityEnd,
      low: lowWritten,
      high,
      unit,
      approx: low.approx,
      prefix: null,
      postfix,
      total: false,
      perUnit: false,
      source: text.slice(i, quantityEnd),
    },
  };
}

/** `1、培训…`, `(2)满意度…`, `3.`: item numbers of a list inside a cell. */
function isListMarker(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (/[(（]/.test(before) && /[)）]/.test(after)) return true;
  return /^$|[，,。；;:：\s]/.test(before) && /[、.]/.test(after);
}

function lastBoundaryBefore(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (BOUNDARY.test(text[i] ?? '')) return i + 1;
  return 0;
}

/** Finds the quantities of a compact, masked cell, with the comparators written around them. */
export function findQuantities(text: string): QuantityScan {
  const quantities: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    const read = readQuantityAt(text, i);
    if ('quantity' in read) {
      quantities.push(read.quantity);
      i = read.quantity.end;
    } else if (read.kind === 'unreadable') {
      return { quantities, unreadable: read.reason };
    } else if (read.kind === 'skip') {
      i = Math.max(read.next, i + 1);
    } else {
      i += 1;
    }
  }
  let previousEnd = 0;
  for (const q of quantities) {
    const windowStart = Math.max(previousEnd, lastBoundaryBefore(text, q.numStart));
    q.prefix = comparatorBefore(text, windowStart, q.numStart);
    const window = text.slice(windowStart, q.numStart);
    q.total = TOTAL_BEFORE.test(window.slice(-6));
    q.perUnit = PER_UNIT_BEFORE.test(window);
    if (q.prefix) {
      q.start = q.prefix.start;
      q.source = text.slice(q.start, q.end);
    }
    previousEnd = q.end;
  }
  return { quantities, unreadable: null };
}
