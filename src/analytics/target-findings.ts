import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { IndicatorMeasuresTable, IndicatorsTable } from '../db/tables.js';
import { checkScope } from './analytics-error.js';
import type { Reader } from './reader.js';

export type OvershootRule = 'RATIO' | 'CEILING' | 'CHRONIC';

/** Default thresholds (domain.md): RATIO when attainment ≥ 1.2. */
export const DEFAULT_MIN_ATTAINMENT = 1.2;
/** 12 / 10 is 1.2 in decimal, not always in binary: a measure on the threshold must fire. */
const EPSILON = 1e-9;

export interface FindingScope {
  fromYear?: number | null;
  toYear?: number | null;
  departments?: readonly string[] | null;
}

export interface OvershootFinding {
  departmentCode: string;
  year: number;
  rule: OvershootRule;
  attainment: number | null;
  indicator: Selectable<IndicatorsTable>;
  measure: Selectable<IndicatorMeasuresTable>;
}

/** Reports in a scope, as a SQL fragment (`scope` CTE body). */
function scopeSql(scope: FindingScope) {
  return sql`
    SELECT r.id, r.department_code, r.year FROM reports r
    WHERE (${scope.fromYear ?? null}::INTEGER IS NULL OR r.year >= ${scope.fromYear ?? null})
      AND (${scope.toYear ?? null}::INTEGER IS NULL OR r.year <= ${scope.toYear ?? null})
      AND (${scope.departments == null} OR list_contains(${sql.val(scope.departments ?? [])}, r.department_code))`;
}

/** "Fires" for the overshoot rules: evidence, and attainment over the threshold or a ceiling hit. */
const fires = (alias: string, min: number) =>
  sql`(${sql.ref(`${alias}.evidence`)} AND (${sql.ref(`${alias}.attainment`)} >= ${min - EPSILON} OR ${sql.ref(`${alias}.ceiling`)}))`;

function splitRow(row: Record<string, unknown>): {
  indicator: Selectable<IndicatorsTable>;
  measure: Selectable<IndicatorMeasuresTable>;
} {
  const indicator: Record<string, unknown> = {};
  const measure: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('i_')) indicator[key.slice(2)] = value;
    else if (key.startsWith('m_')) measure[key.slice(2)] = value;
  }
  return {
    indicator: indicator as Selectable<IndicatorsTable>,
    measure: measure as Selectable<IndicatorMeasuresTable>,
  };
}

const indicatorColumns = sql.raw(
  [
    'report_id',
    'year',
    'seq',
    'name',
    'target_text',
    'actual_text',
    'indicator_key',
    'understood',
    'not_understood_reason',
  ]
    .map((c) => `i.${c} AS i_${c}`)
    .join(', '),
);
const measureColumns = sql.raw(
  [
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
  ]
    .map((c) => `m.${c} AS m_${c}`)
    .join(', '),
);

/**
 * Indicators whose actuals overshoot their targets (domain.md rules): RATIO (attainment ≥
 * minAttainment), CEILING (a ≤ 95 % target met with 100 %, or a lower-better target above 0 met
 * with 0) and CHRONIC (either, in this year and for the linked indicator the year before). Only
 * measures that are evidence count: never milestones, cost caps, zero-incident targets met with
 * zero, or actuals that only repeat the target. One statement.
 */
export async function overshootIndicators(
  db: Reader,
  scope: FindingScope & { minAttainment?: number; first?: number },
): Promise<OvershootFinding[]> {
  checkScope(scope);
  const min = scope.minAttainment ?? DEFAULT_MIN_ATTAINMENT;
  const { rows } = await sql<Record<string, unknown>>`
    WITH scope AS (${scopeSql(scope)}),
    m AS (
      SELECT m.*, s.department_code, ${fires('m', min)} AS fired,
             (m.evidence AND m.attainment >= ${min - EPSILON}) AS ratio,
             (m.evidence AND m.ceiling) AS ceiling_hit
      FROM indicator_measures m JOIN scope s ON s.id = m.report_id
    ),
    previous AS (
      SELECT ml.report_id, ml.seq, ml.measure_index, ${fires('pm', min)} AS fired
      FROM measure_links ml
      JOIN reports cur ON cur.id = ml.report_id
      JOIN reports pr ON pr.department_code = cur.department_code AND pr.year = cur.year - 1
      JOIN indicator_measures pm ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index
      WHERE ml.report_id IN (SELECT id FROM scope)
    ),
    findings AS (
      SELECT report_id, seq, measure_index, department_code, 'RATIO' AS rule FROM m WHERE ratio
      UNION ALL SELECT report_id, seq, measure_index, department_code, 'CEILING' FROM m WHERE ceiling_hit
      UNION ALL
      SELECT m.report_id, m.seq, m.measure_index, m.department_code, 'CHRONIC' FROM m
      JOIN previous p ON p.report_id = m.report_id AND p.seq = m.seq AND p.measure_index = m.measure_index
      WHERE m.fired AND p.fired
    )
    SELECT f.department_code, f.rule, ${indicatorColumns}, ${measureColumns}
    FROM findings f
    JOIN indicators i ON i.report_id = f.report_id AND i.seq = f.seq
    JOIN indicator_measures m ON m.report_id = f.report_id AND m.seq = f.seq AND m.measure_index = f.measure_index
    ORDER BY m.year DESC, m.attainment DESC NULLS LAST, f.department_code, m.seq, m.measure_index, f.rule
    LIMIT ${Math.max(1, Math.min(scope.first ?? 100, 10_000))}`.execute(db);
  return rows.map((row) => {
    const { indicator, measure } = splitRow(row);
    return {
      departmentCode: String(row.department_code),
      year: measure.year,
      rule: row.rule as OvershootRule,
      attainment: measure.attainment,
      indicator,
      measure,
    };
  });
}

export interface RatchetFinding {
  departmentCode: string;
  year: number;
  indicator: Selectable<IndicatorsTable>;
  previous: Selectable<IndicatorsTable>;
  measure: Selectable<IndicatorMeasuresTable>;
  previousActual: number | null;
  target: number | null;
  matchedBy: string;
}

/**
 * Targets not raised after being beaten (ratchet failures, domain.md): this year's target is
 * below last year's actual for the same department and indicator (mirrored for lower-better),
 * with how the two years' indicators were matched. One statement.
 */
export async function targetRatchets(db: Reader, scope: FindingScope): Promise<RatchetFinding[]> {
  checkScope(scope);
  const previousColumns = sql.raw(
    [
      'report_id',
      'year',
      'seq',
      'name',
      'target_text',
      'actual_text',
      'indicator_key',
      'understood',
      'not_understood_reason',
    ]
      .map((c) => `pi.${c} AS p_${c}`)
      .join(', '),
  );
  const { rows } = await sql<Record<string, unknown>>`
    WITH scope AS (${scopeSql(scope)})
    SELECT s.department_code, ml.previous_actual, il.matched_by, ${indicatorColumns}, ${measureColumns}, ${previousColumns}
    FROM measure_links ml
    JOIN scope s ON s.id = ml.report_id
    JOIN indicator_links il ON il.report_id = ml.report_id AND il.seq = ml.seq
    JOIN reports pr ON pr.department_code = s.department_code AND pr.year = il.previous_year
    JOIN indicators i ON i.report_id = ml.report_id AND i.seq = ml.seq
    JOIN indicators pi ON pi.report_id = pr.id AND pi.seq = ml.previous_seq
    JOIN indicator_measures m ON m.report_id = ml.report_id AND m.seq = ml.seq AND m.measure_index = ml.measure_index
    WHERE ml.ratchet_failure
    ORDER BY s.year DESC, s.department_code, ml.seq, ml.measure_index`.execute(db);
  return rows.map((row) => {
    const { indicator, measure } = splitRow(row);
    const previous: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row))
      if (key.startsWith('p_')) previous[key.slice(2)] = value;
    return {
      departmentCode: String(row.department_code),
      year: measure.year,
      indicator,
      previous: previous as Selectable<IndicatorsTable>,
      measure,
      previousActual: row.previous_actual as number | null,
      target: measure.target,
      matchedBy: String(row.matched_by),
    };
  });
}
