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

/** One measure of one report: the key last year's rows are asked by. */
export interface MeasureRef {
  reportId: number;
  seq: number;
  measureIndex: number;
}

/** A measure's key as text: `reportId/seq/measureIndex`. */
export const measureRefKey = (ref: MeasureRef) => `${ref.reportId}/${ref.seq}/${ref.measureIndex}`;

const number = (value: unknown) => (value === null ? null : Number(value));

/**
 * For each measure asked, last year's measure it was paired with (null when it was not linked),
 * in the order asked; one statement for all of them (the links stored at import, measure_links
 * and indicator_links, and the previous report of the same department). Only the measures
 * asked: a year's ratchet findings need 10,700 of the 84,000 links of their reports, and each
 * row carries last year's indicator texts.
 */
export async function previousYearMeasures(
  db: Reader,
  refs: readonly MeasureRef[],
): Promise<(PreviousYearMeasure | null)[]> {
  if (refs.length === 0) return [];
  const reportIds = [...new Set(refs.map((ref) => ref.reportId))];
  const keys = [...new Set(refs.map(measureRefKey))];
  // Last year's rows are reached through the previous reports' ids: joined whole, DuckDB scans
  // every measure and indicator of the corpus (4 s for 100 reports of 2 million, 55 ms reached).
  const { rows } = await sql<Record<string, unknown>>`
    WITH asked AS (
      SELECT r.id, pr.id AS previous_id, pr.year AS previous_year
      FROM reports r JOIN reports pr ON pr.department_code = r.department_code AND pr.year = r.year - 1
      WHERE ${inList('r.id', reportIds)}
    )
    SELECT ml.report_id, ml.seq, ml.measure_index, ml.previous_measure_index, il.matched_by,
           pm.target, pm.actual, pm.unit, pm.attainment, ${indicatorRowColumns('pi', 'p')}
    FROM measure_links ml
    JOIN asked a ON a.id = ml.report_id
    JOIN (SELECT * FROM indicator_links WHERE report_id IN (SELECT id FROM asked)) il
      ON il.report_id = ml.report_id AND il.seq = ml.seq AND il.previous_year = a.previous_year
    JOIN (SELECT * FROM indicator_measures WHERE report_id IN (SELECT previous_id FROM asked)) pm
      ON pm.report_id = a.previous_id AND pm.seq = ml.previous_seq
     AND pm.measure_index = ml.previous_measure_index
    JOIN (SELECT * FROM indicators WHERE report_id IN (SELECT previous_id FROM asked)) pi
      ON pi.report_id = a.previous_id AND pi.seq = ml.previous_seq
    WHERE ${inList('ml.report_id', reportIds)}
      AND concat_ws('/', ml.report_id, ml.seq, ml.measure_index) IN (SELECT unnest(${sql.val(keys)}))`.execute(
    db,
  );
  const previousOf = indicatorRowOf('p');
  const found = new Map<string, PreviousYearMeasure>();
  for (const row of rows) {
    const key = measureRefKey({
      reportId: Number(row.report_id),
      seq: Number(row.seq),
      measureIndex: Number(row.measure_index),
    });
    found.set(key, {
      indicator: previousOf(row),
      measureIndex: Number(row.previous_measure_index),
      target: number(row.target),
      actual: number(row.actual),
      unit: row.unit === null ? null : String(row.unit),
      attainment: number(row.attainment),
      matchedBy: String(row.matched_by),
    });
  }
  return refs.map((ref) => found.get(measureRefKey(ref)) ?? null);
}
