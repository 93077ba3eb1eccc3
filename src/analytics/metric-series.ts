import { sql } from 'kysely';
import { AnalyticsInputError } from './analytics-error.js';
import { checkScope, MAX_DEPARTMENTS, scopeFilter, type Scope } from './scope.js';
import { metricDefinition, type MetricName } from './metric-registry.js';
import type { Reader } from './reader.js';

export interface MetricPoint {
  year: number;
  value: number | null;
  /** value − value of the previous year; null when either is missing (a gap stays a gap). */
  change: number | null;
  /** change / |previous value|; null when the previous value is missing or 0. */
  relativeChange: number | null;
}

export interface MetricSeries {
  departmentCode: string;
  metric: MetricName;
  points: MetricPoint[];
  /** Compound annual growth between the first and last years with a value; null when undefined. */
  cagr: number | null;
}

export interface MetricSeriesArgs extends Pick<Scope, 'departments' | 'fromYear' | 'toYear'> {
  metric: MetricName;
}

/**
 * (last / first)^(1 / years) − 1 over the first and last points that have a value. Undefined
 * (null) for fewer than two such points or a non-positive start, where growth has no meaning.
 */
export function compoundAnnualGrowth(points: readonly MetricPoint[]): number | null {
  const valued = points.filter((p) => p.value !== null);
  const first = valued[0];
  const last = valued.at(-1);
  if (!first || !last || last.year === first.year || first.value! <= 0 || last.value! < 0)
    return null;
  return (last.value! / first.value!) ** (1 / (last.year - first.year)) - 1;
}

/**
 * A metric per department and year, with change from the previous year and CAGR. Every year
 * between the department's first and last (or the requested bounds) is a point; a year without
 * a report has a null value, and the changes next to it are null too.
 */
export async function metricSeries(db: Reader, args: MetricSeriesArgs): Promise<MetricSeries[]> {
  await checkScope(db, args);
  const definition = metricDefinition(args.metric);
  const departments = args.departments ?? null;
  if (departments === null) {
    const count = await db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(count.n) > MAX_DEPARTMENTS) {
      throw new AnalyticsInputError(
        `name the departments (at most ${MAX_DEPARTMENTS}): there are ${count.n}`,
      );
    }
  }
  if (departments !== null && departments.length === 0) return [];
  const { rows } = await sql<{
    department_code: string;
    year: number;
    value: number | null;
    change: number | null;
    relative_change: number | null;
  }>`
    WITH v AS (
      SELECT f.department_code, f.year, (${sql.raw(definition.sql)}) AS value
      FROM report_facts f
      WHERE ${scopeFilter(args, { year: 'f.year', department: 'f.department_code' })}
    ),
    bounds AS (
      SELECT department_code,
             coalesce(${args.fromYear ?? null}::INTEGER, min(year)) AS first_year,
             coalesce(${args.toYear ?? null}::INTEGER, max(year)) AS last_year
      FROM v GROUP BY department_code
    ),
    grid AS (
      SELECT b.department_code, unnest(range(b.first_year, b.last_year + 1)) AS year FROM bounds b
    )
    SELECT g.department_code, g.year, v.value,
           v.value - lag(v.value) OVER w AS change,
           (v.value - lag(v.value) OVER w) / nullif(abs(lag(v.value) OVER w), 0) AS relative_change
    FROM grid g LEFT JOIN v ON v.department_code = g.department_code AND v.year = g.year
    WINDOW w AS (PARTITION BY g.department_code ORDER BY g.year)
    ORDER BY g.department_code, g.year
  `.execute(db);
  const series = new Map<string, MetricPoint[]>();
  for (const row of rows) {
    const points = series.get(row.department_code) ?? [];
    points.push({
      year: Number(row.year),
      value: row.value,
      change: row.change,
      relativeChange: row.relative_change,
    });
    series.set(row.department_code, points);
  }
  return [...series].map(([departmentCode, points]) => ({
    departmentCode,
    metric: args.metric,
    points,
    cagr: compoundAnnualGrowth(points),
  }));
}
