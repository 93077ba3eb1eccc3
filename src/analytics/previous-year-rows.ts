import { sql, type Selectable } from 'kysely';
import type { IndicatorsTable } from '../db/tables.js';
import { inList } from './in-list.js';
import { indicatorRowColumns, indicatorRowOf } from './indicator-row.js';
import type { Reader } from './reader.js';

/**
 * Last year's measure a measure was paired with (docs/domain.md, "Matching indicators across
 * years"): the row a rule comparing two years reads (a ratchet failure, CHRONIC, target
 * ambition), with how the two indicators were matched.
 */
export interface PreviousYearMeasure {
  /** Last year's 表3 row. */
  indicator: Selectable<IndicatorsTable>;
  measureIndex: number;
  target: number | null;
  actual: number | null;
  unit: string | null;
  attainment: number | null;
  matchedBy: string;
}

/** The key of a measure of a report: `seq/measureIndex`. */
export const measureKey = (seq: number, measureIndex: number) => `${seq}/${measureIndex}`;

const number = (value: unknown) => (value === null ? null : Number(value));

/**
 * For each report, last year's measure of each of its linked measures, keyed by measureKey;
 * one statement for all the reports (the links stored at import, measure_links and
 * indicator_links, and the previous report of the same department).
 */
export async function previousYearMeasures(
  db: Reader,
  reportIds: readonly number[],
): Promise<Map<string, PreviousYearMeasure>[]> {
  const byReport = new Map(reportIds.map((id) => [id, new Map<string, PreviousYearMeasure>()]));
  if (reportIds.length === 0) return [];
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ml.report_id, ml.seq, ml.measure_index, ml.previous_measure_index, il.matched_by,
           pm.target, pm.actual, pm.unit, pm.attainment, ${indicatorRowColumns('pi', 'p')}
    FROM measure_links ml
    JOIN reports r ON r.id = ml.report_id
    JOIN indicator_links il ON il.report_id = ml.report_id AND il.seq = ml.seq AND il.previous_year = r.year - 1
    JOIN reports pr ON pr.department_code = r.department_code AND pr.year = il.previous_year
    JOIN indicator_measures pm
      ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index
    JOIN indicators pi ON pi.report_id = pr.id AND pi.seq = ml.previous_seq
    WHERE ${inList('ml.report_id', reportIds)}`.execute(db);
  const previousOf = indicatorRowOf('p');
  for (const row of rows) {
    byReport
      .get(Number(row.report_id))
      ?.set(measureKey(Number(row.seq), Number(row.measure_index)), {
        indicator: previousOf(row),
        measureIndex: Number(row.previous_measure_index),
        target: number(row.target),
        actual: number(row.actual),
        unit: row.unit === null ? null : String(row.unit),
        attainment: number(row.attainment),
        matchedBy: String(row.matched_by),
      });
  }
  return reportIds.map((id) => byReport.get(id)!);
}
