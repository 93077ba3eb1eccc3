import type { QueryCost, RootCost } from './query-cost.js';

/**
 * Analytic root fields that read a whole scope (every department of a year, or of many years):
 * heavy unless a field below names few departments.
 */
const SCOPE_ANALYTICS: ReadonlySet<string> = new Set([
  'benchmark',
  'expenditureStructure',
  'expenditureStructurePage',
  'overshootIndicators',
  'targetRatchet',
  'targetRatchetPage',
  'lowTargetRisk',
  'lowTargetRiskPage',
  'thresholdClustering',
  'targetAmbition',
  'copiedActuals',
  'targetSettingProfile',
  'deductionTrends',
  'dataQuality',
  'metricSeries',
]);

/** Analytics that compute over the departments named, and only those (a benchmark reads its peers too). */
const NARROWED_BY_DEPARTMENTS: ReadonlySet<string> = new Set([
  'expenditureStructure',
  'expenditureStructurePage',
  'overshootIndicators',
  'targetRatchet',
  'targetRatchetPage',
  'deductionTrends',
  'dataQuality',
  'metricSeries',
]);

/** At most this many departments named keep a narrowed analytic light (a department page, a comparison). */
export const LIGHT_DEPARTMENTS = 10;

/** A `departments` page larger than this is heavy. */
export const LIGHT_PAGE = 100;

/** An operation estimated to return more objects than this is heavy whatever it asks. */
export const LIGHT_OBJECTS = 20_000;

function isHeavyRoot(root: RootCost): boolean {
  if (root.field === 'departments') return (Number(root.args.first) || 50) > LIGHT_PAGE;
  if (!SCOPE_ANALYTICS.has(root.field)) return false;
  const named = root.args.departments;
  return !(
    NARROWED_BY_DEPARTMENTS.has(root.field) &&
    Array.isArray(named) &&
    named.length <= LIGHT_DEPARTMENTS
  );
}

/**
 * Whether an operation is heavy work, which runs through the bounded queue and yields DuckDB
 * connections to light work: it asks an analytic over a whole scope (benchmark, structure,
 * findings, risk, deductions, data quality, series of many departments), a large page of
 * departments, or is estimated to return many objects. Point lookups (report, department,
 * years, metrics, small pages, a department's own findings) are light.
 */
export function isHeavy(cost: QueryCost): boolean {
  return cost.objects > LIGHT_OBJECTS || cost.roots.some(isHeavyRoot);
}
