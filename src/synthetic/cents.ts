/**
 * Money of the synthetic corpus as integer cents of 万元 (never floats, docs/domain.md: amounts are
 * exact), and their printed and canonical decimal forms.
 */
import type { Decimal } from '../db/tables.js';

/** Small values (scores, weights, rates, percentages) recur in every report: one string each. */
const SMALL = new Map<number, Decimal>();
const SMALL_LIMIT = 100_000;

/** Canonical decimal of an integer number of hundredths, as `parseDecimal` writes it (`5781.2`, `1580`). */
export function centsToDecimal(cents: number): Decimal {
  if (Math.abs(cents) < SMALL_LIMIT) {
    let cached = SMALL.get(cents);
    if (cached === undefined) {
      cached = decimalOf(cents);
      SMALL.set(cents, cached);
    }
    return cached;
  }
  return decimalOf(cents);
}

function decimalOf(cents: number): Decimal {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const int = Math.floor(abs / 100);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Integer hundredths of a canonical decimal with at most two decimals. */
export function decimalToCents(value: Decimal): number {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = value.replace(/^-/, '').split('.');
  if (frac.length > 2) throw new RangeError(`more than two decimals: ${value}`);
  const cents = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** An amount as printed in the reports: thousands separators and two decimals (`10,283.32`). */
export function formatCents(cents: number, options: { separators?: boolean } = {}): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  let int = String(Math.floor(abs / 100));
  if (options.separators !== false) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Splits a total into parts proportional to weights that add up to the total exactly (largest
 * remainder), so that printed parts balance their printed total.
 */
export function splitCents(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map((r) => Math.floor(r));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}

/**
 * A ratio in hundredths of a percent, rounded half up: 6,756.71 / 10,105.79 → 6686 (66.86 %).
 * `tie` is true when the exact value lies on a half, where binary floating point may round the
 * other way when the reconciliation recomputes it.
 */
export function percentHundredths(
  numerator: number,
  denominator: number,
): { value: number; tie: boolean } {
  const scaled = numerator * 10000;
  const quotient = Math.floor(scaled / denominator);
  const remainder = scaled - quotient * denominator;
  const twice = remainder * 2;
  return {
    value: twice >= denominator ? quotient + 1 : quotient,
    tie: twice === denominator,
  };
}
