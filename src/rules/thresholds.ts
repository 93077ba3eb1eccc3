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
