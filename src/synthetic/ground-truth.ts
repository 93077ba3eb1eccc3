/**
 * Ground truth of the synthetic demo corpus: for each measurable indicator measure and year,
 * what a correct "target set too low" detector must find. Computed from the intended numbers
 * (exact integer hundredths), never by running the rules on rendered text, and following the
 * definitions of src/rules/ and docs/domain.md, with its thresholds:
 * - RATIO: attainment ≥ 1.2 (actual / target, or target / actual for lower-better);
 * - CEILING: a percentage target ≤ 95 % met with 100 %, or a lower-better target above 0 met with 0;
 * - RATCHET: the target is below last year's actual (above it for lower-better), on the later year;
 * - CHRONIC: RATIO or CEILING in this year and the year before (every year of a run from the second).
 * Measures that are not evidence (an actual that only says done or repeats the target, a zero
 * target met with zero, a cost cap) fire neither RATIO nor CEILING; a ratchet needs only last year's actual
 * and this year's target, as in `isRatchetFailure`.
 */

import type { AttainmentBand } from '../rules/attainment-band.js';
import {
  ATTAINMENT_BAND_EDGES,
  DEFAULT_CEILING_MAX_TARGET,
  DEFAULT_MIN_ATTAINMENT,
} from '../rules/thresholds.js';

/** A rule a correct detector must report for a measure. */
export type TruthRule = 'RATIO' | 'CEILING' | 'RATCHET' | 'CHRONIC';

/** One year of a measure, in integer hundredths of the written unit (95 % → 9500). */
export interface MeasureOutcome {
  direction: 'HIGHER_BETTER' | 'LOWER_BETTER';
  percent: boolean;
  target: number;
  /** Null when the actual only says the target was met. */
  actual: number | null;
  /** The actual cell repeats the target cell (not evidence, docs/domain.md). */
  repeatsTarget: boolean;
  /** A cost cap (项目总成本 ≤ X 万元): spending below it is savings, not evidence (docs/domain.md). */
  costCap: boolean;
}

/** The default thresholds as exact integer ratios: attainment ≥ 1.2 is 120/100; 95 % is 9500. */
const RATIO_DENOMINATOR = 100;
const RATIO_NUMERATOR = Math.round(DEFAULT_MIN_ATTAINMENT * RATIO_DENOMINATOR);
const FULL = 10000;
const CEILING_MAX_TARGET = Math.round(DEFAULT_CEILING_MAX_TARGET * FULL);

function isEvidence(m: MeasureOutcome): m is MeasureOutcome & { actual: number } {
  if (m.actual === null || m.repeatsTarget || m.costCap) return false;
  return !(m.direction === 'LOWER_BETTER' && m.target === 0 && m.actual === 0);
}

/** RATIO and CEILING of one measure in one year. */
function yearFlags(m: MeasureOutcome): TruthRule[] {
  if (!isEvidence(m)) return [];
  const flags: TruthRule[] = [];
  const higher = m.direction === 'HIGHER_BETTER';
  const ratio = higher
    ? m.target > 0 && m.actual * RATIO_DENOMINATOR >= m.target * RATIO_NUMERATOR
    : m.actual > 0 && m.target * RATIO_DENOMINATOR >= m.actual * RATIO_NUMERATOR;
  if (ratio) flags.push('RATIO');
  const ceiling = higher
    ? m.percent && m.target <= CEILING_MAX_TARGET && m.actual >= FULL
    : m.target > 0 && m.actual === 0;
  if (ceiling) flags.push('CEILING');
  return flags;
}

/**
 * Rules for each year of one measure followed over consecutive years (index 0 is the first
 * year; it can have no RATCHET or CHRONIC).
 */
export function measureTruth(series: readonly MeasureOutcome[]): TruthRule[][] {
  const flags = series.map(yearFlags);
  return series.map((m, k) => {
    const rules = [...flags[k]!];
    const previous = series[k - 1];
    if (previous && previous.actual !== null) {
      const failed =
        m.direction === 'HIGHER_BETTER' ? m.target < previous.actual : m.target > previous.actual;
      if (failed && m.direction === previous.direction) rules.push('RATCHET');
    }
    if (k > 0 && flags[k]!.length > 0 && flags[k - 1]!.length > 0) rules.push('CHRONIC');
    return rules;
  });
}

/** The band edges as exact hundredths of attainment: 0.95 is 95, 1.05 is 105. */
const EDGE = {
  nearMiss: Math.round(ATTAINMENT_BAND_EDGES.nearMiss * RATIO_DENOMINATOR),
  onTarget: Math.round(ATTAINMENT_BAND_EDGES.onTarget * RATIO_DENOMINATOR),
  justAbove: Math.round(ATTAINMENT_BAND_EDGES.justAbove * RATIO_DENOMINATOR),
  overshoot: Math.round(ATTAINMENT_BAND_EDGES.overshoot * RATIO_DENOMINATOR),
  double: Math.round(ATTAINMENT_BAND_EDGES.double * RATIO_DENOMINATOR),
};

/**
 * The attainment band of one year of a measure (docs/domain.md, "Threshold clustering"), from
 * its intended numbers by exact integer comparison (attainment n / d against edge e / 100 is
 * 100 n against e d), or null when it is not evidence. No finite attainment (a lower-better
 * target met with 0) is ABOVE_200.
 */
export function truthBand(m: MeasureOutcome): AttainmentBand | null {
  if (!isEvidence(m)) return null;
  const [n, d] = m.direction === 'HIGHER_BETTER' ? [m.actual, m.target] : [m.target, m.actual];
  if (d === 0) return n === 0 ? 'EXACTLY_100' : 'ABOVE_200';
  const below = (edge: number) => n * RATIO_DENOMINATOR < edge * d;
  const atMost = (edge: number) => n * RATIO_DENOMINATOR <= edge * d;
  if (below(EDGE.nearMiss)) return 'BELOW_95';
  if (below(EDGE.onTarget)) return 'FROM_95_TO_100';
  if (atMost(EDGE.onTarget)) return 'EXACTLY_100';
  if (atMost(EDGE.justAbove)) return 'JUST_ABOVE';
  if (below(EDGE.overshoot)) return 'FROM_105_TO_120';
  if (atMost(EDGE.double)) return 'FROM_120_TO_200';
  return 'ABOVE_200';
}

/**
 * Target ambition of one year of a measure against the year before (docs/domain.md, "Target
 * ambition"): target / last year's actual, mirrored for lower-better; null where the ratchet
 * compares nothing (last year's actual only says done, a cost cap, a change of direction) or the
 * ratio is not finite.
 */
export function truthAmbition(previous: MeasureOutcome, current: MeasureOutcome): number | null {
  if (previous.actual === null || previous.costCap || current.costCap) return null;
  if (previous.direction !== current.direction) return null;
  const [n, d] =
    current.direction === 'HIGHER_BETTER'
      ? [current.target, previous.actual]
      : [previous.actual, current.target];
  return d === 0 ? null : n / d;
}
