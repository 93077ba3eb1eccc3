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
 * `scope`. The joined tables are filtered by the scope explicitly: DuckDB otherwise scans and
 * hashes every measure link for a LEFT JOIN (100,000 reports: 46 ms against 10 ms).
 */
export function measureFactsSql(
  minAttainment: number = DEFAULT_MIN_ATTAINMENT,
): RawBuilder<MeasureView> {
  const min = minAttainment - THRESHOLD_TOLERANCE;
  return sql<MeasureView>`
    SELECT m.*, s.department_code,
           m.evidence AND m.attainment >= ${min} AS ratio,
           m.evidence AND m.ceiling AS ceiling_hit,
           m.evidence AND (m.attainment >= ${min} OR m.ceiling)
             AND coalesce(pm.evidence AND (pm.attainment >= ${min} OR pm.ceiling), false) AS chronic,
           ml.previous_actual,
           coalesce(ml.ratchet_failure, false) AS ratchet_failure
    FROM indicator_measures m
    JOIN scope s ON s.id = m.report_id
    LEFT JOIN (SELECT * FROM measure_links WHERE report_id IN (SELECT id FROM scope)) ml
      ON ml.report_id = m.report_id AND ml.seq = m.seq AND ml.measure_index = m.measure_index
    LEFT JOIN reports pr ON pr.department_code = s.department_code AND pr.year = s.year - 1
    LEFT JOIN (
      SELECT * FROM indicator_measures WHERE report_id IN (
        SELECT p.id FROM scope c JOIN reports p ON p.department_code = c.department_code AND p.year = c.year - 1)
    ) pm
      ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index`;
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
