import { attainment } from './attainment.js';
import { isEvidence, type RuleMeasure } from './evidence.js';
import { ATTAINMENT_BAND_EDGES, THRESHOLD_TOLERANCE } from './thresholds.js';

/**
 * The bands of attainment that threshold clustering counts (docs/domain.md, "Threshold
 * clustering"), lowest first. EXACTLY_100 is a point (attainment 1 within the tolerance);
 * JUST_ABOVE is (100 %, 105 %]; FROM_120_TO_200 starts at RATIO's threshold.
 */
export type AttainmentBand =
  | 'BELOW_95'
  | 'FROM_95_TO_100'
  | 'EXACTLY_100'
  | 'JUST_ABOVE'
  | 'FROM_105_TO_120'
  | 'FROM_120_TO_200'
  | 'ABOVE_200';

/** Every band, lowest first. */
export const ATTAINMENT_BANDS: readonly AttainmentBand[] = [
  'BELOW_95',
  'FROM_95_TO_100',
  'EXACTLY_100',
  'JUST_ABOVE',
  'FROM_105_TO_120',
  'FROM_120_TO_200',
  'ABOVE_200',
];

/** Bounds of a band: from (inclusive unless `fromOpen`) to (inclusive unless `toOpen`); null is open-ended. */
export interface BandBounds {
  from: number | null;
  fromOpen: boolean;
  to: number | null;
  toOpen: boolean;
}

const { nearMiss, onTarget, justAbove, overshoot, double } = ATTAINMENT_BAND_EDGES;

/** Where each band starts and ends, as the SQL and the rule below apply them. */
export const BAND_BOUNDS: Readonly<Record<AttainmentBand, BandBounds>> = {
  BELOW_95: { from: null, fromOpen: true, to: nearMiss, toOpen: true },
  FROM_95_TO_100: { from: nearMiss, fromOpen: false, to: onTarget, toOpen: true },
  EXACTLY_100: { from: onTarget, fromOpen: false, to: onTarget, toOpen: false },
  JUST_ABOVE: { from: onTarget, fromOpen: true, to: justAbove, toOpen: false },
  FROM_105_TO_120: { from: justAbove, fromOpen: true, to: overshoot, toOpen: true },
  FROM_120_TO_200: { from: overshoot, fromOpen: false, to: double, toOpen: false },
  ABOVE_200: { from: double, fromOpen: true, to: null, toOpen: true },
};

/**
 * The band of an attainment, every edge with THRESHOLD_TOLERANCE on the side that keeps a value
 * written exactly on an edge in the band the edge names: 1.05 is just above, 1.2 is RATIO's.
 */
export function bandOfAttainment(a: number): AttainmentBand {
  const t = THRESHOLD_TOLERANCE;
  if (a < nearMiss - t) return 'BELOW_95';
  if (a < onTarget - t) return 'FROM_95_TO_100';
  if (a <= onTarget + t) return 'EXACTLY_100';
  if (a <= justAbove + t) return 'JUST_ABOVE';
  if (a < overshoot - t) return 'FROM_105_TO_120';
  if (a <= double + t) return 'FROM_120_TO_200';
  return 'ABOVE_200';
}

/**
 * The band of an evidence measure, or null for a measure that is not evidence (docs/domain.md,
 * "Not evidence"). A measure with no finite attainment is a lower-better target above 0 met with
 * 0 (or a higher-better target of 0 beaten): infinitely above its target, so ABOVE_200; a target
 * of 0 met with 0 is on it.
 */
export function attainmentBand(m: RuleMeasure): AttainmentBand | null {
  if (!isEvidence(m)) return null;
  const a = attainment(m);
  if (a !== null) return bandOfAttainment(a);
  return m.actual === m.target ? 'EXACTLY_100' : 'ABOVE_200';
}
