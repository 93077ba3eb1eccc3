import { isCostCap, isNumericBound, type IndicatorMeasure } from './indicator-measure.js';
import { THRESHOLD_TOLERANCE } from './thresholds.js';

/** The fields the ratchet rule reads. */
export type RatchetMeasure = Pick<
  IndicatorMeasure,
  | 'target'
  | 'actual'
  | 'direction'
  | 'unit'
  | 'comparator'
  | 'unitKind'
  | 'confidence'
  | 'actualKind'
>;

/**
 * The bare comparison of the ratchet rule (docs/domain.md, "Ratchet failure"): this year's target
 * below last year's actual for a higher-better measure, above it for a lower-better one. A target
 * equal to last year's actual is not a failure; nor is anything where units or directions differ
 * or a value is missing.
 */
export function isRatchetFailure(
  previous: Pick<IndicatorMeasure, 'actual' | 'direction' | 'unit'>,
  current: Pick<IndicatorMeasure, 'target' | 'direction' | 'unit'>,
): boolean {
  if (previous.actual === null || current.target === null) return false;
  if (previous.direction !== current.direction || previous.unit !== current.unit) return false;
  const tolerance =
    THRESHOLD_TOLERANCE * Math.max(1, Math.abs(previous.actual), Math.abs(current.target));
  if (current.direction === 'HIGHER_BETTER') return current.target < previous.actual - tolerance;
  if (current.direction === 'LOWER_BETTER') return current.target > previous.actual + tolerance;
  return false;
}

/**
 * A number the ratchet can compare: a numeric bound (not a range, date, milestone or cost cap)
 * read with confidence. Unlike the single-year evidence rule, an actual that repeats the target
 * or a zero met with zero still counts: lowering a target below it next year loosens it all the
 * same.
 */
export function isRatchetComparable(m: RatchetMeasure): boolean {
  return isNumericBound(m) && m.confidence !== 'LOW' && !isCostCap(m);
}

/**
 * Ratchet failure between a measure and the same measure of last year: both comparable numbers,
 * last year's actual a value (not "done"), and this year's target looser than it.
 */
export function ratchetFailure(previous: RatchetMeasure, current: RatchetMeasure): boolean {
  if (!isRatchetComparable(previous) || !isRatchetComparable(current)) return false;
  if (previous.actualKind === 'SAYS_DONE' || previous.actualKind === 'NONE') return false;
  return isRatchetFailure(previous, current);
}
