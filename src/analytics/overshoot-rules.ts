/**
 * The "target set too low" rules for one measure (domain.md, "Indicators and the target set too
 * low problem"): attainment, RATIO and CEILING, what counts as evidence, and ratchet failure.
 * CHRONIC (a flag in two or more consecutive years) needs the history and is computed elsewhere.
 */
import type { IndicatorMeasure } from '../ingest/indicator-normaliser.js';

export type OvershootRule = 'RATIO' | 'CEILING' | 'CHRONIC';

/** Rule thresholds; the defaults are domain.md's. */
export interface RuleThresholds {
  /** RATIO fires when attainment ≥ this (default 1.2). */
  minAttainment: number;
  /** CEILING fires for a percentage target at or below this (default 0.95 = 95 %) met with 100 %. */
  ceilingMaxTarget: number;
}

/** domain.md: "Overshoot (rule RATIO) when attainment ≥ 1.2"; "a percentage target ≤ 95 % met with 100 %". */
export const defaultRuleThresholds: RuleThresholds = { minAttainment: 1.2, ceilingMaxTarget: 0.95 };

/**
 * Tolerance for threshold comparisons: 12 / 10 is 1.2 in decimal but 1.2000000000000002 or
 * 1.1999999999999999 in binary, and 16 / 10 against 1.6 likewise; a measure exactly on the
 * threshold must fire.
 */
const EPSILON = 1e-9;

/** The fields the rules read. */
export type RuleMeasure = Pick<
  IndicatorMeasure,
  'comparator' | 'target' | 'actual' | 'direction' | 'unitKind' | 'confidence' | 'actualKind'
>;

const NUMERIC_COMPARATORS = new Set<IndicatorMeasure['comparator']>([
  'GTE',
  'GT',
  'LTE',
  'LT',
  'EQ',
]);

/**
 * attainment = actual / target (higher-better) or target / actual (lower-better), domain.md.
 * Null when the measure is not a single numeric bound (ranges, milestones, qualitative, dates),
 * a value is missing, or the ratio is not finite (a lower-better actual of 0: that is a
 * ceiling hit, not a ratio).
 */
export function attainment(
  m: Pick<IndicatorMeasure, 'comparator' | 'target' | 'actual' | 'direction' | 'unitKind'>,
): number | null {
  if (!NUMERIC_COMPARATORS.has(m.comparator) || m.unitKind === 'DATE') return null;
  if (m.target === null || m.actual === null) return null;
  let ratio: number;
  if (m.direction === 'HIGHER_BETTER') ratio = m.actual / m.target;
  else if (m.direction === 'LOWER_BETTER') ratio = m.target / m.actual;
  else return null;
  return Number.isFinite(ratio) ? ratio : null;
}

/** A cost cap (成本指标, 项目总成本 ≤ X 万元): spending below it is savings, not an easy target. */
function isCostCap(m: RuleMeasure): boolean {
  return m.unitKind === 'MONEY' && m.direction === 'LOWER_BETTER';
}

/**
 * Whether a measure is evidence for the target-too-low question at all (domain.md, "not
 * evidence"): a numeric bound with a read actual value, not a cost cap, not a zero-incident
 * target met with zero, not an actual that says done or copies the target, not LOW confidence.
 */
export function isEvidence(m: RuleMeasure): boolean {
  if (!NUMERIC_COMPARATORS.has(m.comparator) || m.unitKind === 'DATE') return false;
  if (m.direction !== 'HIGHER_BETTER' && m.direction !== 'LOWER_BETTER') return false;
  if (m.actualKind !== 'VALUE' || m.confidence === 'LOW') return false;
  if (m.target === null || m.actual === null) return false;
  if (isCostCap(m)) return false;
  if (m.direction === 'LOWER_BETTER' && m.target === 0 && m.actual === 0) return false;
  return true;
}

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
  if (a !== null && a >= t.minAttainment - EPSILON) flags.push('RATIO');
  const percentCeiling =
    m.direction === 'HIGHER_BETTER' &&
    m.unitKind === 'PERCENT' &&
    m.target <= t.ceilingMaxTarget + EPSILON &&
    m.actual >= 1 - EPSILON;
  const floor = m.direction === 'LOWER_BETTER' && m.target > 0 && m.actual === 0;
  if (percentCeiling || floor) flags.push('CEILING');
  return flags;
}

/**
 * Ratchet failure (domain.md): next year's target below this year's actual for a higher-better
 * measure, above it for a lower-better one. A target equal to last year's actual is not a
 * failure; nor is anything where units or directions differ or a value is missing.
 */
export function isRatchetFailure(
  previous: Pick<IndicatorMeasure, 'actual' | 'direction' | 'unit'>,
  current: Pick<IndicatorMeasure, 'target' | 'direction' | 'unit'>,
): boolean {
  if (previous.actual === null || current.target === null) return false;
  if (previous.direction !== current.direction || previous.unit !== current.unit) return false;
  const tolerance = EPSILON * Math.max(1, Math.abs(previous.actual), Math.abs(current.target));
  if (current.direction === 'HIGHER_BETTER') return current.target < previous.actual - tolerance;
  if (current.direction === 'LOWER_BETTER') return current.target > previous.actual + tolerance;
  return false;
}
