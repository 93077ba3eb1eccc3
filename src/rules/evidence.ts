import { isCostCap, isNumericBound, type IndicatorMeasure } from './indicator-measure.js';

/** The fields the single-year rules read. */
export type RuleMeasure = Pick<
  IndicatorMeasure,
  'comparator' | 'target' | 'actual' | 'direction' | 'unitKind' | 'confidence' | 'actualKind'
>;

/**
 * Whether a measure is evidence for the target-too-low question at all (docs/domain.md, "Not
 * evidence"): a numeric bound with a read actual value, not a cost cap, not a zero-incident
 * target met with zero, not an actual that says done or copies the target, not LOW confidence.
 */
export function isEvidence(m: RuleMeasure): boolean {
  if (!isNumericBound(m)) return false;
  if (m.direction !== 'HIGHER_BETTER' && m.direction !== 'LOWER_BETTER') return false;
  if (m.actualKind !== 'VALUE' || m.confidence === 'LOW') return false;
  if (m.target === null || m.actual === null) return false;
  if (isCostCap(m)) return false;
  if (m.direction === 'LOWER_BETTER' && m.target === 0 && m.actual === 0) return false;
  return true;
}
