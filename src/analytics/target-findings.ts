import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { IndicatorsTable } from '../db/tables.js';
import { checkScope, scopeFilter, type Scope } from './scope.js';
import type { OvershootRule } from '../rules/measure-flags.js';
import { DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
import { MEASURE_VIEW_COLUMNS, measureFactsSql, type MeasureView } from './measure-facts.js';
import type { Reader } from './reader.js';

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
 * Targets not raised after being beaten (ratchet failures, docs/domain.md): this year's target is
 * below last year's actual for the same department and indicator (mirrored for lower-better),
 * with how the two years' indicators were matched. One statement.
 */
export async function targetRatchets(db: Reader, scope: FindingScope): Promise<RatchetFinding[]> {
  await checkScope(db, scope);
  const { rows } = await sql<Record<string, unknown>>`
    WITH scope AS (${scopeSql(scope)}),
    mf AS (${measureFactsSql()})
    SELECT il.matched_by, ${prefixed('mf', 'm', MEASURE_VIEW_COLUMNS)}, ${prefixed('i', 'i', INDICATOR_COLUMNS)},
           ${prefixed('pi', 'p', INDICATOR_COLUMNS)}
    FROM (SELECT * FROM mf WHERE ratchet_failure) mf
    JOIN (SELECT * FROM indicator_links WHERE report_id IN (SELECT id FROM scope)) il
      ON il.report_id = mf.report_id AND il.seq = mf.seq
    JOIN reports pr ON pr.department_code = mf.department_code AND pr.year = il.previous_year
    JOIN (SELECT * FROM indicators WHERE report_id IN (SELECT id FROM scope)) i
      ON i.report_id = mf.report_id AND i.seq = mf.seq
    JOIN (
      SELECT * FROM indicators WHERE report_id IN (
        SELECT p.id FROM scope c JOIN reports p ON p.department_code = c.department_code AND p.year = c.year - 1)
    ) pi ON pi.report_id = pr.id AND pi.seq = il.previous_seq
    ORDER BY mf.year DESC, mf.department_code, mf.seq, mf.measure_index`.execute(db);
  return rows.map((row) => {
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
}
