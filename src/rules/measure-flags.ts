import { attainment } from './attainment.js';
import { isEvidence, type RuleMeasure } from './evidence.js';
import { defaultRuleThresholds, THRESHOLD_TOLERANCE, type RuleThresholds } from './thresholds.js';

/**
 * The rules that find a target set too low (docs/domain.md, "Rules for targets set too low").
 * CHRONIC (RATIO or CEILING two years running for the same indicator) needs the history and is
 * evaluated over stored measures by the analytics (src/analytics/measure-facts.ts).
 */
export type OvershootRule = 'RATIO' | 'CEILING' | 'CHRONIC';

/**
 * Rules firing for one measure of one year: RATIO when attainment ≥ minAttainment; CEILING when
 * a percentage target ≤ ceilingMaxTarget is met with 100 %, or a lower-better target above 0 is
 * met with 0 (the floor: all headroom used). Nothing fires for measures that are not evidence.
 */
export function measureFlags(
  m: RuleMeasure,
  t: RuleThresholds = defaultRuleThresholds,
): OvershootRule[] {
  if (!isEvidence(m) || m.target === null || m.actual === null) return [];
  const flags: OvershootRule[] = [];
  const a = attainment(m);
  if (a !== null && a >= t.minAttainment - THRESHOLD_TOLERANCE) flags.push('RATIO');
  const percentCeiling =
    m.direction === 'HIGHER_BETTER' &&
    m.unitKind === 'PERCENT' &&
    m.target <= t.ceilingMaxTarget + THRESHOLD_TOLERANCE &&
    m.actual >= 1 - THRESHOLD_TOLERANCE;
  const floor = m.direction === 'LOWER_BETTER' && m.target > 0 && m.actual === 0;
  if (percentCeiling || floor) flags.push('CEILING');
  return flags;
}
