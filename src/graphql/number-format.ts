import type { MetricUnit } from '../analytics/metric-registry.js';

/**
 * Numbers as a person reads them (docs/domain.md, "Units and formatted companions"): the `…Text`
 * companions of the API's numeric fields. Fractions (0–1, 1 = 100 %) read as percentages
 * ("38.42%"), differences of fractions as percentage points ("+1.20 个百分点"), amounts as 万元
 * ("10,105.79 万元"), scores as 分 ("92.50 分").
 *
 * Exact: a value is formatted from its decimal digits (the database's DECIMAL string, or a
 * number's shortest round-trip decimal, i.e. the decimal it was parsed from), never through
 * binary floating-point arithmetic, and rounded half away from zero (0.005 → 0.01, -0.005 →
 * -0.01; 0.00005 as a fraction → "0.01%"). formatRatio goes further and divides two exact
 * amounts exactly. null and undefined stay null; so do NaN and ±Infinity, which no stored
 * figure can be. Negative values that round to zero read as zero ("0.00", not "-0.00").
 */

/** A value to format: a JSON number, an exact decimal string from the database, or nothing. */
export type NumberInput = number | string | null | undefined;

/** Digits after the decimal point when not told otherwise. */
export const DEFAULT_DIGITS = 2;

/** A decimal as sign, digit string and the number of those digits after the point. */
interface Decimal {
  readonly negative: boolean;
  readonly digits: string;
  readonly scale: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function parseDecimal(value: number | string): Decimal | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  // String(number) is the shortest decimal that reads back as the same double.
  const text = String(value).trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return null;
  return {
    negative: sign === '-',
    digits: whole + fraction,
    scale: fraction.length - Number(exponent),
  };
}

/** The decimal times 10^power, exactly. */
function shift(decimal: Decimal, power: number): Decimal {
  return { ...decimal, scale: decimal.scale - power };
}

/** Adds one to a string of decimal digits. */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i -= 1) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

/** The decimal rounded half away from zero to `places` digits after the point, as digits. */
function roundDigits(decimal: Decimal, places: number): { whole: string; fraction: string } {
  let { digits, scale } = decimal;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  if (scale > places) {
    const cut = scale - places;
    const kept = digits.slice(0, digits.length - cut);
    const firstDropped = digits.length - cut >= 0 ? digits[digits.length - cut] : '0';
    digits = Number(firstDropped) >= 5 ? incrementDigits(kept || '0') : kept;
    scale = places;
  } else {
    digits += '0'.repeat(places - scale);
    scale = places;
  }
  digits = digits.padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
  return { whole, fraction: digits.slice(digits.length - scale) };
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

type SignStyle = 'minus' | 'always';

/** The decimal times 10^power, rounded, grouped, signed ("-0.00" reads "0.00"). */
function render(value: NumberInput, power: number, digits: number, sign: SignStyle): string | null {
  if (value === null || value === undefined) return null;
  const decimal = parseDecimal(value);
  if (!decimal) return null;
  const places = Math.max(0, Math.trunc(digits));
  const { whole, fraction } = roundDigits(shift(decimal, power), places);
  const isZero = /^0*$/.test(whole + fraction);
  const prefix = isZero ? '' : decimal.negative ? '-' : sign === 'always' ? '+' : '';
  return `${prefix}${groupThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** A fraction (0–1, 1 = 100 %) as a percentage: 0.3842 → "38.42%", 1.5 → "150.00%". */
export function formatFraction(value: NumberInput, digits: number = DEFAULT_DIGITS): string | null {
  const text = render(value, 2, digits, 'minus');
  return text === null ? null : `${text}%`;
}

/**
 * A difference of two fractions as signed percentage points: 0.012 → "+1.20 个百分点",
 * -0.0035 → "-0.35 个百分点", 0 → "0.00 个百分点". The value is the fraction difference, not
 * already multiplied by 100.
 */
export function formatPercentPoints(
  value: NumberInput,
  digits: number = DEFAULT_DIGITS,
): string | null {
  const text = render(value, 2, digits, 'always');
  return text === null ? null : `${text} 个百分点`;
}

/** An amount in 万元: 10105.79 → "10,105.79 万元". */
export function formatWan(value: NumberInput, digits: number = DEFAULT_DIGITS): string | null {
  const text = render(value, 0, digits, 'minus');
  return text === null ? null : `${text} 万元`;
}

/** A change of an amount, signed: 321.5 → "+321.50 万元". */
export function formatWanChange(
  value: NumberInput,
  digits: number = DEFAULT_DIGITS,
): string | null {
  const text = render(value, 0, digits, 'always');
  return text === null ? null : `${text} 万元`;
}

/** A score in points (分): 92.5 → "92.50 分". */
export function formatPoints(value: NumberInput, digits: number = DEFAULT_DIGITS): string | null {
  const text = render(value, 0, digits, 'minus');
  return text === null ? null : `${text} 分`;
}

/** A change of a score, signed: -1.5 → "-1.50 分". */
export function formatPointsChange(
  value: NumberInput,
  digits: number = DEFAULT_DIGITS,
): string | null {
  const text = render(value, 0, digits, 'always');
  return text === null ? null : `${text} 分`;
}

/** A plain count or other unitless number, grouped: 1234 → "1,234" (digits default 0). */
export function formatNumber(value: NumberInput, digits = 0): string | null {
  return render(value, 0, digits, 'minus');
}

/**
 * part / whole as a percentage, computed exactly from the two exact decimals (no floating point
 * at all): formatRatio('6756.71', '10105.79') → "66.86%". null when either is missing or the
 * whole is 0.
 */
export function formatRatio(
  part: NumberInput,
  whole: NumberInput,
  digits: number = DEFAULT_DIGITS,
): string | null {
  if (part === null || part === undefined || whole === null || whole === undefined) return null;
  const p = parseDecimal(part);
  const w = parseDecimal(whole);
  if (!p || !w) return null;
  const places = Math.max(0, Math.trunc(digits));
  const asInteger = (d: Decimal) => BigInt(d.digits || '0') * (d.negative ? -1n : 1n);
  const pow10 = (n: number) => 10n ** BigInt(Math.max(0, n));
  // part / whole × 10^(2 + places), as one fraction of integers.
  const shiftUp = 2 + places;
  let numerator = asInteger(p) * pow10(w.scale + shiftUp) * pow10(-p.scale);
  let denominator = asInteger(w) * pow10(p.scale) * pow10(-w.scale - shiftUp);
  if (denominator === 0n) return null;
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if (2n * (magnitude % denominator) >= denominator) quotient += 1n;
  const scaled: Decimal = { negative, digits: quotient.toString(), scale: places };
  const text = render(`${negative ? '-' : ''}${decimalText(scaled)}`, 0, places, 'minus');
  return text === null ? null : `${text}%`;
}

function decimalText(d: Decimal): string {
  const digits = d.digits.padStart(d.scale + 1, '0');
  return d.scale === 0
    ? digits
    : `${digits.slice(0, digits.length - d.scale)}.${digits.slice(digits.length - d.scale)}`;
}

/** How a metric unit is written after a formatted value, and in column headers. */
export const UNIT_SYMBOLS: Readonly<Record<MetricUnit, string>> = {
  fraction: '%',
  万元: '万元',
  points: '分',
};

/** A value of a metric in its unit: a fraction as "38.42%", 万元 as "10,105.79 万元", 分 as "92.50 分". */
export function formatInUnit(
  value: NumberInput,
  unit: MetricUnit,
  digits: number = DEFAULT_DIGITS,
): string | null {
  switch (unit) {
    case 'fraction':
      return formatFraction(value, digits);
    case '万元':
      return formatWan(value, digits);
    case 'points':
      return formatPoints(value, digits);
  }
}

/**
 * A change of a metric, signed: a change of a fraction in percentage points ("+1.20 个百分点"),
 * of 万元 as "+321.50 万元", of 分 as "-1.50 分".
 */
export function formatChangeInUnit(
  value: NumberInput,
  unit: MetricUnit,
  digits: number = DEFAULT_DIGITS,
): string | null {
  switch (unit) {
    case 'fraction':
      return formatPercentPoints(value, digits);
    case '万元':
      return formatWanChange(value, digits);
    case 'points':
      return formatPointsChange(value, digits);
  }
}
