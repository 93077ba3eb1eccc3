import { sql } from 'kysely';
import type { Database, ReportFactsView, ReportsTable } from '../db/tables.js';
import type { Selectable } from 'kysely';
import { inList } from './in-list.js';
import type { Reader } from './reader.js';

export type ReportRow = Selectable<ReportsTable>;

/** Reports by id, in the order asked (null for unknown ids). */
export async function reportsById(
  db: Reader,
  ids: readonly number[],
): Promise<(ReportRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('reports').selectAll().where(inList('id', ids)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Reports of departments, optionally within a year range, ordered by department and year. */
export async function reportsOfDepartments(
  db: Reader,
  codes: readonly string[],
  fromYear?: number | null,
  toYear?: number | null,
): Promise<ReportRow[]> {
  if (codes.length === 0) return [];
  let query = db.selectFrom('reports').selectAll().where(inList('department_code', codes));
  if (fromYear != null) query = query.where('year', '>=', fromYear);
  if (toYear != null) query = query.where('year', '<=', toYear);
  return query.orderBy('department_code').orderBy('year').execute();
}

/** Per-report facts (report_facts view) by report id, in the order asked. */
export async function factsByReport(
  db: Reader,
  ids: readonly number[],
): Promise<(ReportFactsView | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('report_facts')
    .selectAll()
    .where(inList('report_id', ids))
    .execute();
  const byId = new Map(rows.map((r) => [r.report_id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Tables holding one report's parts, each with a `report_id` and an order. */
type ChildTable =
  | 'goals'
  | 'revenue_by_function'
  | 'expenditure_by_function'
  | 'expenditure_by_nature'
  | 'stated_figures'
  | 'key_tasks'
  | 'indicators'
  | 'management_scores'
  | 'deductions'
  | 'problems'
  | 'improvements'
  | 'data_quality_issues';

const ORDER: Record<ChildTable, string> = {
  goals: 'seq',
  revenue_by_function: 'seq',
  expenditure_by_function: 'seq',
  expenditure_by_nature: 'category',
  stated_figures: 'name',
  key_tasks: 'seq',
  indicators: 'seq',
  management_scores: 'seq',
  deductions: 'seq',
  problems: 'seq',
  improvements: 'seq',
  data_quality_issues: 'seq',
};

/**
 * Rows of one child table for many reports in one statement, grouped per report in the order
 * asked: what a DataLoader needs to resolve a nested list without N+1 queries.
 */
export async function childRows<T extends ChildTable>(
  db: Reader,
  table: T,
  reportIds: readonly number[],
): Promise<Selectable<Database[T]>[][]> {
  if (reportIds.length === 0) return [];
  // The table name comes from the ChildTable union, never from user input.
  const rows = (await db
    .selectFrom(table as ChildTable)
    .selectAll()
    .where(inList('report_id', reportIds))
    .orderBy('report_id')
    .orderBy(ORDER[table] as 'seq')
    .execute()) as unknown as (Selectable<Database[T]> & { report_id: number })[];
  const grouped = new Map<number, Selectable<Database[T]>[]>(reportIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.report_id)?.push(row);
  return reportIds.map((id) => grouped.get(id) ?? []);
}

/** A stored measure with its rule flags (domain.md defaults) and its link to last year. */
export interface MeasureView extends Selectable<import('../db/tables.js').IndicatorMeasuresTable> {
  ratio: boolean;
  ceiling_hit: boolean;
  chronic: boolean;
  previous_actual: number | null;
  ratchet_failure: boolean;
}

/**
 * Measures of the indicators of many reports, in one statement, grouped per report: flags RATIO
 * (attainment ≥ 1.2), CEILING and CHRONIC (firing this year and, for the linked indicator, last
 * year), and the ratchet check against last year's actual.
 */
export async function measuresByReport(
  db: Reader,
  reportIds: readonly number[],
): Promise<MeasureView[][]> {
  if (reportIds.length === 0) return [];
  const { rows } = await sql<MeasureView>`
    WITH m AS (
      SELECT m.*,
             m.evidence AND m.attainment >= 1.2 - 1e-9 AS ratio,
             m.evidence AND m.ceiling AS ceiling_hit
      FROM indicator_measures m
      WHERE list_contains(${sql.val([...reportIds])}, m.report_id)
    )
    SELECT m.*,
           (m.ratio OR m.ceiling_hit) AND coalesce(pm.evidence AND (pm.attainment >= 1.2 - 1e-9 OR pm.ceiling), false) AS chronic,
           ml.previous_actual,
           coalesce(ml.ratchet_failure, false) AS ratchet_failure
    FROM m
    LEFT JOIN measure_links ml ON ml.report_id = m.report_id AND ml.seq = m.seq AND ml.measure_index = m.measure_index
    LEFT JOIN reports cur ON cur.id = m.report_id
    LEFT JOIN reports pr ON pr.department_code = cur.department_code AND pr.year = cur.year - 1
    LEFT JOIN indicator_measures pm ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index
    ORDER BY m.report_id, m.seq, m.measure_index`.execute(db);
  const grouped = new Map<number, MeasureView[]>(reportIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.report_id)?.push(row);
  return reportIds.map((id) => grouped.get(id) ?? []);
}
