/**
 * The thresholds of the "target set too low" rules, defined once (docs/domain.md, "Rules for
 * targets set too low"). Every other place that needs them imports them from here: the rules in
 * TypeScript, the analytics' SQL, the GraphQL argument defaults and the synthetic ground truth.
 * The one copy that cannot import them is the SQL of the migration that defines
 * `report_facts_source` (sql/004): a migration is immutable once applied, so a changed default
 * needs a new migration, and test/rule-thresholds.test.ts fails until one is written.
 */

/** RATIO fires when attainment ≥ this: 20 % past the target is past any reasonable margin. */
export const DEFAULT_MIN_ATTAINMENT = 1.2;

/** CEILING fires for a percentage target at or below this (95 %) met with 100 %. */
export const DEFAULT_CEILING_MAX_TARGET = 0.95;

/**
 * Tolerance of every threshold comparison: 12 / 10 is 1.2 in decimal but may be
 * 1.2000000000000002 or 1.1999999999999999 in binary; a measure exactly on a threshold must fire.
 */
export const THRESHOLD_TOLERANCE = 1e-9;

/** The thresholds a caller may choose; the defaults are above. */
export interface RuleThresholds {
  /** RATIO fires when attainment ≥ this. */
  minAttainment: number;
  /** CEILING fires for a percentage target at or below this, met with 100 %. */
  ceilingMaxTarget: number;
}

/** The default thresholds. */
export const defaultRuleThresholds: RuleThresholds = {
  minAttainment: DEFAULT_MIN_ATTAINMENT,
  ceilingMaxTarget: DEFAULT_CEILING_MAX_TARGET,
};

/*
 * Target-setting signals over a department's measures (docs/domain.md, "Threshold clustering"
 * and "Target ambition"). They judge how a department sets its targets as a whole, not one
 * indicator, so they are shares and medians over its evidence measures, each with its threshold.
 */

/**
 * Edges of the attainment bands, ascending: below 95 %, 95-100 %, exactly 100 %, just above
 * (100-105 %], 105-120 %, 120-200 % (from the RATIO threshold on) and above 200 %.
 */
export const ATTAINMENT_BAND_EDGES = {
  /** Below this, the target was missed by more than a rounding margin. */
  nearMiss: 0.95,
  /** Exactly on target (within THRESHOLD_TOLERANCE). */
  onTarget: 1,
  /** "Just above" is (1, justAbove]: beaten by at most 5 %. */
  justAbove: 1.05,
  /** RATIO's threshold: the bands from here on overshoot. */
  overshoot: DEFAULT_MIN_ATTAINMENT,
  /** Above twice the target. */
  double: 2,
} as const;

/**
 * A department-year bunches just above its targets when at least this share of its evidence
 * measures lands in (100 %, 105 %]. A quarter: across the synthetic demo corpus the median
 * department-year has a tenth there and nine in ten have at most a quarter.
 */
export const BUNCHING_MIN_SHARE = 0.25;

/** A department is named for bunching in at least this many of its years: a habit, not a year. */
export const BUNCHING_MIN_YEARS = 2;

/**
 * Fewer evidence measures than this in a department-year, and its shares are not judged: 1 of 3
 * just above is a third but says little (the same floor as lowTargetRisk's `tooFew`).
 */
export const SIGNAL_MIN_MEASURES = 5;

/**
 * Target ambition = this year's target / last year's actual (mirrored for lower-better): below
 * this, the target asks for less than was already achieved. A target equal to last year's actual
 * is not below it (the ratchet rule's tolerance applies).
 */
export const AMBITION_FLOOR = 1;

/** A department-year's median ambition rests on at least this many series to be judged. */
export const AMBITION_MIN_SERIES = 3;

/**
 * Copied actuals (docs/domain.md, "Copied actuals"): a department-year is named when at least
 * this share of its key indicators has an actual that only restates the target (the target text
 * again, or a bare 完成 / 达到预期), and more than its sector's median. A quarter: across the
 * synthetic demo corpus the median department-year restates 7 % of its actuals and 99 in 100 at
 * most a quarter; one indicator in four that measured nothing is a habit, not a slip.
 */
export const COPIED_MIN_SHARE = 0.25;

/** Fewer key indicators than this in a department-year, and its copied share is not judged. */
export const COPIED_MIN_INDICATORS = 5;
