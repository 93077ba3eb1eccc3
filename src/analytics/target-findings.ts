import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { IndicatorsTable } from '../db/tables.js';
import { checkScope, scopeFilter, type Scope } from './scope.js';
import type { OvershootRule } from '../rules/measure-flags.js';
import { DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
import { MEASURE_VIEW_COLUMNS, measureFactsSql, type MeasureView } from './measure-facts.js';
import type { Reader } from './reader.js';
import {
  countOf,
  windowSql,
  windowTotal,
  type RowWindow,
  type WindowedRows,
} from './row-window.js';

export type { OvershootRule };

/** Findings read every report, real and synthetic, of the years and departments asked for. */
export type FindingScope = Pick<Scope, 'fromYear' | 'toYear' | 'departments'>;

export interface OvershootFinding {
  departmentCode: string;
  year: number;
  rule: OvershootRule;
  attainment: number | null;
  indicator: Selectable<IndicatorsTable>;
  measure: MeasureView;
}

export interface RatchetFinding {
  departmentCode: string;
  year: number;
  indicator: Selectable<IndicatorsTable>;
  previous: Selectable<IndicatorsTable>;
  measure: MeasureView;
  previousActual: number | null;
  target: number | null;
  matchedBy: string;
}

const INDICATOR_COLUMNS = [
  'report_id',
  'year',
  'seq',
  'name',
  'target_text',
  'actual_text',
  'indicator_key',
  'understood',
  'not_understood_reason',
  'line',
  'page',
] as const;

/** `alias.column AS prefix_column, …`: several tables' rows in one result, told apart by prefix. */
function prefixed(alias: string, prefix: string, columns: readonly string[]) {
  return sql.raw(columns.map((c) => `${alias}.${c} AS ${prefix}_${c}`).join(', '));
}

/**
 * The columns of one prefix as an object, read by name: a whole-corpus answer has tens of
 * thousands of rows of some sixty columns, and scanning every column of every row for each
 * prefix held the event loop for most of a second.
 */
function unprefixer<T>(
  prefix: string,
  columns: readonly string[],
): (row: Record<string, unknown>) => T {
  const keys = columns.map((column) => [`${prefix}_${column}`, column] as const);
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of keys) out[column] = row[key];
    return out as T;
  };
}

const measureOf = unprefixer<MeasureView>('m', MEASURE_VIEW_COLUMNS);
const indicatorOf = unprefixer<Selectable<IndicatorsTable>>('i', INDICATOR_COLUMNS);
const previousOf = unprefixer<Selectable<IndicatorsTable>>('p', INDICATOR_COLUMNS);

/** The reports of a scope, as the body of the `scope` CTE measureFactsSql reads. */
function scopeSql(scope: FindingScope) {
  return sql`
    SELECT r.id, r.department_code, r.year FROM reports r
    WHERE ${scopeFilter(scope, { year: 'r.year', department: 'r.department_code' })}`;
}

/**
 * Indicators whose actuals overshoot their targets (docs/domain.md rules): RATIO (attainment ≥
 * minAttainment), CEILING (a ≤ 95 % target met with 100 %, or a lower-better target above 0 met
 * with 0) and CHRONIC (either, this year and for the linked indicator the year before). Only
 * measures that are evidence count: never milestones, cost caps, zero-incident targets met with
 * zero, or actuals that only repeat the target. One statement, measures with their flags included.
 */
export async function overshootIndicators(
  db: Reader,
  scope: FindingScope & { minAttainment?: number; first?: number },
): Promise<OvershootFinding[]> {
  await checkScope(db, scope);
  const { rows } = await sql<Record<string, unknown>>`
    WITH scope AS (${scopeSql(scope)}),
    mf AS (${measureFactsSql(scope.minAttainment ?? DEFAULT_MIN_ATTAINMENT)}),
    findings AS (
      SELECT *, 'RATIO' AS rule FROM mf WHERE ratio
      UNION ALL SELECT *, 'CEILING' FROM mf WHERE ceiling_hit
      UNION ALL SELECT *, 'CHRONIC' FROM mf WHERE chronic
    )
    SELECT f.rule, ${prefixed('f', 'm', MEASURE_VIEW_COLUMNS)}, ${prefixed('i', 'i', INDICATOR_COLUMNS)}
    FROM findings f
    JOIN (SELECT * FROM indicators WHERE report_id IN (SELECT id FROM scope)) i
      ON i.report_id = f.report_id AND i.seq = f.seq
    ORDER BY f.year DESC, f.attainment DESC NULLS LAST, f.department_code, f.seq, f.measure_index, f.rule
    LIMIT ${Math.max(1, Math.min(scope.first ?? 100, 10_000))}`.execute(db);
  return rows.map((row) => {
    const measure = measureOf(row);
    return {
      departmentCode: measure.department_code,
      year: measure.year,
      rule: row.rule as OvershootRule,
      attainment: measure.attainment,
      indicator: indicatorOf(row),
      measure,
    };
  });
}

/**
 * The keys of the ratchet failures of a scope (measure_links, stored at import), each with what
 * its details are read through: last year's report and linked indicator. A failure counts only
 * when every row its details join exists (a link to a report or indicator deleted since is left
 * out), so a page's total and the whole answer agree by construction.
 */
function ratchetKeysSql(scope: FindingScope) {
  return sql`
    SELECT ml.report_id, ml.seq, ml.measure_index, ml.year, r.department_code, il.matched_by,
           pr.id AS previous_report_id, il.previous_seq
    FROM measure_links ml
    JOIN reports r ON r.id = ml.report_id
    JOIN indicator_links il ON il.report_id = ml.report_id AND il.seq = ml.seq
    JOIN reports pr ON pr.department_code = r.department_code AND pr.year = il.previous_year
    WHERE ml.ratchet_failure AND il.previous_year = ml.year - 1
      AND ${scopeFilter(scope, { year: 'ml.year', department: 'r.department_code' })}
      AND EXISTS (SELECT 1 FROM indicators i WHERE i.report_id = ml.report_id AND i.seq = ml.seq)
      AND EXISTS (SELECT 1 FROM indicators pi WHERE pi.report_id = pr.id AND pi.seq = il.previous_seq)
      AND EXISTS (SELECT 1 FROM indicator_measures m
                  WHERE m.report_id = ml.report_id AND m.seq = ml.seq AND m.measure_index = ml.measure_index)`;
}

/**
 * Targets not raised after being beaten (ratchet failures, docs/domain.md): this year's target is
 * below last year's actual for the same department and indicator (mirrored for lower-better),
 * with how the two years' indicators were matched.
 */
export async function targetRatchets(db: Reader, scope: FindingScope): Promise<RatchetFinding[]> {
  return (await ratchetRows(db, scope, null)).nodes;
}

/**
 * One window of targetRatchets' answer, in its order, and how many findings the whole answer
 * has. The database orders the failures' keys and cuts the window before any detail is read:
 * at 200,000 departments a page of one year cost about 1 s, the whole year 86 s
 * (bench/results/L.md).
 */
export async function targetRatchetWindow(
  db: Reader,
  scope: FindingScope,
  window: RowWindow,
): Promise<WindowedRows<RatchetFinding>> {
  return ratchetRows(db, scope, window);
}

/** The findings of a window (or all of them), in one statement with their total. */
async function ratchetRows(
  db: Reader,
  scope: FindingScope,
  window: RowWindow | null,
): Promise<WindowedRows<RatchetFinding>> {
  await checkScope(db, scope);
  const { rows } = await sql<Record<string, unknown>>`
    WITH found AS MATERIALIZED (${ratchetKeysSql(scope)}),
    page AS MATERIALIZED (
      SELECT * FROM found ORDER BY year DESC, department_code, seq, measure_index ${windowSql(window)}
    ),
    scope AS (SELECT r.id, r.department_code, r.year FROM reports r WHERE r.id IN (SELECT report_id FROM page)),
    mf AS (${measureFactsSql()})
    SELECT (SELECT count(*) FROM found) AS total, p.matched_by,
           ${prefixed('mf', 'm', MEASURE_VIEW_COLUMNS)}, ${prefixed('i', 'i', INDICATOR_COLUMNS)},
           ${prefixed('pi', 'p', INDICATOR_COLUMNS)}
    FROM page p
    JOIN mf ON mf.report_id = p.report_id AND mf.seq = p.seq AND mf.measure_index = p.measure_index
    JOIN (SELECT * FROM indicators WHERE report_id IN (SELECT report_id FROM page)) i
      ON i.report_id = p.report_id AND i.seq = p.seq
    JOIN (SELECT * FROM indicators WHERE report_id IN (SELECT previous_report_id FROM page)) pi
      ON pi.report_id = p.previous_report_id AND pi.seq = p.previous_seq
    ORDER BY p.year DESC, p.department_code, p.seq, p.measure_index`.execute(db);
  const nodes = rows.map((row) => {
    const measure = measureOf(row);
    return {
      departmentCode: measure.department_code,
      year: measure.year,
      indicator: indicatorOf(row),
      previous: previousOf(row),
      measure,
      previousActual: measure.previous_actual,
      target: measure.target,
      matchedBy: String(row.matched_by),
    };
  });
  return {
    totalCount: await windowTotal(rows, window, () => countOf(db, ratchetKeysSql(scope))),
    nodes,
  };
}
