import type { Decimal } from '../db/tables.js';

/** Exact decimal arithmetic on 万元 amounts and scores, as scaled bigints (4 decimal places). */
const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);
/** A number as printed, separators removed: at most SCALE decimals. */
const PRINTED = new RegExp(String.raw`^-?\d+(\.\d{1,${SCALE}})?$`);

/**
 * Reads a printed number (`10,283.32`, `3,505.9`, `0.98`) into a canonical decimal string, or
 * null; also null for more decimals than amounts and scores are kept with (numbers run together
 * by a lost line break, `99.15123`), so that the caller refuses it as unreadable.
 */
export function parseDecimal(printed: string): Decimal | null {
  const cleaned = printed.replace(/[,，\s]/g, '');
  if (!PRINTED.test(cleaned)) return null;
  return fromUnits(toUnits(cleaned));
}

/**
 * How many decimals a number is printed with (`97.00` → 2, `3,505.9` → 1, `100` → 0): what a
 * canonical decimal loses with its trailing zeros, and what says how precisely it was stated.
 */
export function printedDecimals(printed: string): number {
  return /[.．](\d+)\s*$/.exec(printed.trim())?.[1]?.length ?? 0;
}

/** The decimals of a decimal string as written (`66.86` → 2, `50` → 0). */
export function decimalsOf(value: Decimal): number {
  return value.split('.')[1]?.length ?? 0;
}

/** A decimal as printed with `decimals` decimals (`97` with 2 → `97.00`); never rounds. */
export function padDecimals(value: Decimal, decimals: number): Decimal {
  const [int = '0', frac = ''] = value.split('.');
  const digits = frac.padEnd(decimals, '0');
  return digits ? `${int}.${digits}` : int;
}

/** Digits a double holds exactly as an integer (below 2^53). */
const EXACT_DOUBLE_DIGITS = 15;
const ONLY_DIGITS = /^\d+$/;

/**
 * A decimal string as scaled units. Reconciling an import reads millions of stored figures, so
 * the digits are parsed once, and as a double where one holds them exactly (up to 15 digits,
 * every amount of a report) rather than as a bigint.
 */
export function toUnits(value: Decimal): bigint {
  const negative = value.charCodeAt(0) === 45; // '-'
  const body = negative ? value.slice(1) : value;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  if (frac.length > SCALE) throw new RangeError(`more than ${SCALE} decimals: ${value}`);
  const digits = (int || '0') + frac.padEnd(SCALE, '0');
  const units =
    digits.length <= EXACT_DOUBLE_DIGITS && ONLY_DIGITS.test(digits)
      ? BigInt(Number(digits))
      : BigInt(digits);
  return negative ? -units : units;
}

/** A plain decimal as DuckDB writes one: sign, digits, and a fraction. */
const PLAIN = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * A decimal string in canonical form, as fromUnits(toUnits(value)) gives it (`10105.7900` →
 * `10105.79`, `-0.00` → `0`), by editing the text: a stored DECIMAL read back is normalised
 * this way once per value. Anything but a plain decimal takes the exact path, which refuses
 * more than 4 decimals as toUnits does.
 */
export function canonicalDecimal(value: string): Decimal {
  const plain = PLAIN.exec(value);
  if (!plain || (plain[3] ?? '').length > SCALE) return fromUnits(toUnits(value));
  const [, sign, int = '0', frac = ''] = plain;
  const whole = int.replace(/^0+(?=\d)/, '');
  const decimals = frac.replace(/0+$/, '');
  if (whole === '0' && decimals === '') return '0';
  return `${sign}${whole}${decimals ? `.${decimals}` : ''}`;
}

/** Scaled units as a canonical decimal string without trailing zeros (`6759.55`, `50`). */
export function fromUnits(units: bigint): Decimal {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const int = abs / FACTOR;
  const frac = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Exact sum of decimals. */
export function sumDecimals(values: readonly Decimal[]): Decimal {
  return fromUnits(values.reduce((acc, v) => acc + toUnits(v), 0n));
}

/** Exact a − b. */
export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  return fromUnits(toUnits(a) - toUnits(b));
}

/** Compares two decimals exactly: negative, zero or positive. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const d = toUnits(a) - toUnits(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
