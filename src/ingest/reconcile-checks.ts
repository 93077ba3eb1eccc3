/**
 * The two comparisons every reconciliation finding is made of (docs/domain.md, "Reconciliation"):
 * parts against a stated total, and a stated percentage against the ratio of two figures. Shared
 * by reconcile.ts, which compares the figures a document keeps, and by the parsers, which compare
 * a figure the report states twice where the document keeps one statement (a part's score in
 * 自评结论 and in its own paragraph).
 */
import type { Decimal } from '../db/tables.js';
import {
  compareDecimals,
  decimalsOf,
  fromUnits,
  padDecimals,
  subtractDecimals,
  sumDecimals,
  toUnits,
} from './decimal.js';
import {
  ratioMessage,
  sumMessage,
  type RatioWording,
  type SumWording,
} from './reconcile-wording.js';
import type { ParseNote } from './report-document.js';

/**
 * A published figure is rounded to 0.01 万元; a sum of n rounded parts may differ from its
 * rounded total by up to n x 0.005. Differences that small are rounding, reported as INFO;
 * larger ones mean the figures disagree and are reported as ERROR (docs/domain.md: report, never
 * hide, never reject).
 */
function roundingTolerance(terms: number): bigint {
  return toUnits('0.005') * BigInt(Math.max(2, terms));
}

/** Parts against their stated total; null when they balance exactly or either side is missing. */
export function sumCheck(
  check: string,
  wording: () => SumWording,
  parts: readonly Decimal[],
  stated: Decimal | null | undefined,
): ParseNote | null {
  if (stated === null || stated === undefined || parts.length === 0) return null;
  const sum = sumDecimals(parts);
  const diff = toUnits(sum) - toUnits(stated);
  if (diff === 0n) return null;
  const abs = diff < 0n ? -diff : diff;
  const rounding = abs <= roundingTolerance(parts.length);
  return {
    check,
    severity: rounding ? 'INFO' : 'ERROR',
    message: sumMessage(wording(), stated, sum, fromUnits(diff), rounding),
    expected: stated,
    actual: sum,
  };
}

/** A stated percentage with the decimals it was printed with (`97.00%` is 97 to 2 decimals). */
export interface StatedPercent {
  value: Decimal;
  /** Printed decimals; absent, the value's own. */
  decimals?: number | undefined;
}

/**
 * A stated percentage (66.86) against the ratio computed from two figures: it matches when it
 * equals the computed percentage rounded to the printed number of decimals; off by at most one
 * unit of the last printed decimal is rounding (INFO), more is a WARNING. The printed decimals
 * count, not the value's: `97.00%` against a computed 98 % is a point off, not a rounding of 97.
 */
export function ratioCheck(
  check: string,
  wording: () => RatioWording,
  stated: StatedPercent | null | undefined,
  numerator: Decimal | null,
  denominator: Decimal | null,
): ParseNote | null {
  if (
    !stated ||
    numerator === null ||
    denominator === null ||
    compareDecimals(denominator, '0') === 0
  ) {
    return null;
  }
  const decimals = stated.decimals ?? decimalsOf(stated.value);
  const printed = padDecimals(stated.value, decimals);
  const computed = (Number(numerator) / Number(denominator)) * 100;
  const rounded = computed.toFixed(decimals);
  if (compareDecimals(rounded, printed) === 0) return null;
  const halfUnit = 0.5 * 10 ** -decimals;
  const off = Math.abs(computed - Number(printed));
  const rounding = off <= halfUnit * 2;
  // Four decimals, as stored in `actual`; the difference is taken from that, exactly.
  const shown = computed.toFixed(4);
  return {
    check,
    severity: rounding ? 'INFO' : 'WARNING',
    message: ratioMessage(wording(), printed, shown, subtractDecimals(shown, printed), rounding),
    expected: printed,
    actual: shown,
  };
}
