/**
 * Enumeration markers of Chinese official prose (一是, 二是 … 十一是), as the synthetic reports
 * write their lists of reasons, problems and measures.
 */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral of 1-99: 一, 十, 十一, 二十三. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = DIGITS[n % 10]!;
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones}`;
}

/** The marker of the i-th item (0-based) of an enumeration: 一是, 二是 … 十一是. */
export function enumerator(index: number): string {
  return `${chineseNumeral(index + 1)}是`;
}
