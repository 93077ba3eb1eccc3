import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { IndicatorMeasuresTable } from '../db/tables.js';
import { DEFAULT_MIN_ATTAINMENT, THRESHOLD_TOLERANCE } from '../rules/thresholds.js';

/** A stored measure with what the rules say about it, for one RATIO threshold. */
export interface MeasureView extends Selectable<IndicatorMeasuresTable> {
  department_code: string;
  /** RATIO: evidence with attainment ≥ the threshold. */
  ratio: boolean;
  /** CEILING: evidence that hit the ceiling. */
  ceiling_hit: boolean;
  /** CHRONIC: RATIO or CEILING now and for the linked measure of last year. */
  chronic: boolean;
  previous_actual: number | null;
  ratchet_failure: boolean;
}

/**
 * The measures of the reports in a CTE named `scope` (columns id, department_code, year), with
 * their rule flags: RATIO, CEILING and CHRONIC at query time (src/rules: the thresholds; CEILING
 * and evidence as stored at import), shared by
 * the report's measures, overshootIndicators and targetRatchet. Use inside a WITH that defines
 * `scope`. Every joined table is reached through the scope, never joined whole: DuckDB otherwise
 * scans and hashes every measure link, or every report to find last year's, for a LEFT JOIN
 * (the statement alone for one report of 100,000: 24 ms with last year's reports joined whole,
 * 9.5 ms reached through the scope). `chronic: false` leaves last year's measures out, and
 * CHRONIC null, for a caller that does not read it: the join is half the cost of a whole year.
 */
export function measureFactsSql(
  minAttainment: number = DEFAULT_MIN_ATTAINMENT,
  { chronic = true }: { chronic?: boolean } = {},
): RawBuilder<MeasureView> {
  const min = minAttainment - THRESHOLD_TOLERANCE;
  return sql<MeasureView>`
    SELECT m.*, s.department_code,
           m.evidence AND m.attainment >= ${min} AS ratio,
           m.evidence AND m.ceiling AS ceiling_hit,
           ${
             chronic
               ? sql`m.evidence AND (m.attainment >= ${min} OR m.ceiling)
                       AND coalesce(pm.evidence AND (pm.attainment >= ${min} OR pm.ceiling), false)`
               : sql`NULL::BOOLEAN`
           } AS chronic,
           ml.previous_actual,
           coalesce(ml.ratchet_failure, false) AS ratchet_failure
    FROM indicator_measures m
    JOIN scope s ON s.id = m.report_id
    LEFT JOIN (SELECT * FROM measure_links WHERE report_id IN (SELECT id FROM scope)) ml
      ON ml.report_id = m.report_id AND ml.seq = m.seq AND ml.measure_index = m.measure_index
    ${chronic ? lastYearMeasuresJoin() : sql``}`;
}

/** Last year's linked measure, beside each measure: what CHRONIC compares with. */
function lastYearMeasuresJoin(): RawBuilder<unknown> {
  return sql`
    LEFT JOIN (
      -- last year's measures of each report in scope, beside the id of the report they precede
      SELECT c.id AS current_id, pm.*
      FROM scope c
      JOIN reports p ON p.department_code = c.department_code AND p.year = c.year - 1
      JOIN indicator_measures pm ON pm.report_id = p.id
    ) pm
      ON pm.current_id = s.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index`;
}

/** Column names of MeasureView, to select them under a prefix beside other tables' columns. */
export const MEASURE_VIEW_COLUMNS = [
  'report_id',
  'year',
  'seq',
  'measure_index',
  'comparator',
  'target',
  'target_high',
  'actual',
  'unit',
  'unit_kind',
  'direction',
  'confidence',
  'actual_kind',
  'target_source',
  'actual_source',
  'attainment',
  'evidence',
  'ceiling',
  'department_code',
  'ratio',
  'ceiling_hit',
  'chronic',
  'previous_actual',
  'ratchet_failure',
] as const;
