/**
 * Numbers as written in indicator cells: Arabic numerals with thousands separators (`6,000`),
 * Chinese numerals (一, 两, 十二, 一百, 一万二千) and decimal shifts for 万/亿 and percentages.
 */

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Characters that can start a Chinese numeral (十二 starts with 十; 百/千/万 never start one). */
export const CHINESE_NUMERAL_START = '零〇一二两三四五六七八九十';

/**
 * Arabic number at the start of a string: thousands separators only in groups of exactly
 * three digits (`10,283.32`), so a list like `3,5` is not read as 35.
 */
export const ARABIC_NUMBER =
  /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)(?!,\d)|\d+(?:\.\d+)?(?!\d)(?!,\d)(?!\.\d)/y;

/** Reads an Arabic numeral as a plain decimal string without separators ('6,000' → '6000'). */
export function arabicDigits(numeral: string): string {
  return numeral.replace(/,/g, '');
}

/**
 * Parses a Chinese numeral (十二 → 12, 一百零五 → 105, 一万二千 → 12000, 两 → 2).
 * Returns null for strings that are not a well-formed numeral (一二 is not twelve).
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      // A digit may follow a zero (一百零五) but not another digit (一二).
      if (digit !== null && digit !== 0) return null;
      digit = d;
      continue;
    }
    const small = CHINESE_SMALL_UNITS[ch];
    if (small !== undefined) {
      const factor = digit ?? (small === 10 && section === 0 ? 1 : null);
      if (factor === null) return null;
      section += factor * small;
      digit = null;
      continue;
    }
    if (ch === '万') {
      const part = section + (digit ?? 0);
      if (part === 0) return null;
      total += part * 1e4;
    } else if (ch === '亿') {
      const part = total + section + (digit ?? 0);
      if (part === 0) return null;
      total = part * 1e8;
    } else {
      return null;
    }
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

/**
 * Multiplies a decimal string by 10^exp without binary rounding drift: the shift is done by
 * the decimal parser (`Number('210.96e4')` is exactly 2109600, while 210.96 * 10000 is not).
 */
export function shiftDecimal(digits: string, exp: number): number {
  return Number(`${digits}e${exp}`);
}
