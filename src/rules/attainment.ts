import { isNumericBound, type IndicatorMeasure } from './indicator-measure.js';

/**
 * attainment = actual / target (higher-better) or target / actual (lower-better), docs/domain.md
 * "Attainment". Null when the measure is not a single numeric bound (ranges, milestones,
 * qualitative, dates), a value is missing, or the ratio is not finite (a lower-better actual of
 * 0: that is a ceiling hit, not a ratio).
 */
export function attainment(
  m: Pick<IndicatorMeasure, 'comparator' | 'target' | 'actual' | 'direction' | 'unitKind'>,
): number | null {
  if (!isNumericBound(m)) return null;
  if (m.target === null || m.actual === null) return null;
  let ratio: number;
  if (m.direction === 'HIGHER_BETTER') ratio = m.actual / m.target;
  else if (m.direction === 'LOWER_BETTER') ratio = m.target / m.actual;
  else return null;
  return Number.isFinite(ratio) ? ratio : null;
}
