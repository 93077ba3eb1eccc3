import { sql } from 'kysely';
import { checkScope, scopeFilter, type Scope } from './scope.js';
import type { Reader } from './reader.js';
import type { ReportTemplate } from '../db/tables.js';

export type DeductionDimension = 'INDICATOR' | 'DEPARTMENT' | 'LEVEL2';
export type Trend = 'IMPROVING' | 'WORSENING' | 'FLAT';

export interface DeductionYear {
  year: number;
  /** Departments that lost points on this key that year. */
  departments: number;
  /** How many of those are synthetic (demo) departments: mixing is counted, never silent. */
  syntheticDepartments: number;
  /** Points lost, exact. */
  pointsLost: string;
}

export interface DeductionTrend {
  key: string;
  label: string;
  points: DeductionYear[];
  trend: Trend;
  /** For DEPARTMENT: level-3 items the department lost points on in two or more years. */
  repeatedItems: string[];
  /**
   * Template families of the reports whose deductions make up this group (docs/domain.md,
   * "Other templates"); more than one means items of different frameworks are counted together.
   */
  templates: ReportTemplate[];
}

export interface DeductionTrendArgs extends Scope {
  by: DeductionDimension;
}

/**
 * Least-squares slope of points lost per year. FLAT unless the slope exceeds 0.01 points a year
 * and 5 % of the mean yearly loss, so that noise on tiny losses is not called a trend.
 */
export function trendOf(points: readonly { year: number; pointsLost: number }[]): Trend {
  if (points.length < 2) return 'FLAT';
  const n = points.length;
  const meanYear = points.reduce((a, p) => a + p.year, 0) / n;
  const meanLost = points.reduce((a, p) => a + p.pointsLost, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.year - meanYear) * (p.pointsLost - meanLost);
    den += (p.year - meanYear) ** 2;
  }
  const slope = den === 0 ? 0 : num / den;
  const tolerance = Math.max(0.01, 0.05 * Math.abs(meanLost));
  if (slope < -tolerance) return 'IMPROVING';
  if (slope > tolerance) return 'WORSENING';
  return 'FLAT';
}

const KEY: Record<DeductionDimension, { key: string; label: string }> = {
  INDICATOR: {
    key: 'coalesce(d.item, d.part)',
    label: `coalesce(d.item, CASE d.part WHEN 'DUTY' THEN '履职效能（未分项）' ELSE '管理效率（未分项）' END)`,
  },
  LEVEL2: {
    key: 'coalesce(d.level2, d.part)',
    label: `coalesce(d.level2, CASE d.part WHEN 'DUTY' THEN '履职效能' ELSE '管理效率（未分项）' END)`,
  },
  DEPARTMENT: { key: 's.department_code', label: 's.department_name' },
};

interface TrendRow {
  key: string;
  label: string;
  year: number;
  departments: number;
  synthetic_departments: number;
  points_lost: string;
  repeated_items: string[] | null;
  templates: ReportTemplate[] | null;
}

/**
 * Points lost (扣分) over the years, grouped by level-3 item, level-2 group or department, with
 * a trend per group. Every year in scope is a point: a year with reports but no deduction on a
 * key counts 0 (for DEPARTMENT, only the department's own report years). One statement.
 */
export async function deductionTrends(
  db: Reader,
  args: DeductionTrendArgs,
): Promise<DeductionTrend[]> {
  await checkScope(db, args);
  const k = KEY[args.by];
  const { rows } = await sql<TrendRow>`
    WITH s AS (
      SELECT r.id AS report_id, r.department_code, dep.name AS department_name, dep.synthetic, r.year, r.template
      FROM reports r JOIN departments dep ON dep.code = r.department_code
      WHERE ${scopeFilter(args, { year: 'r.year', department: 'r.department_code', synthetic: 'dep.synthetic' })}
    ),
    lost AS (
      SELECT ${sql.raw(k.key)} AS key, ${sql.raw(k.label)} AS label, s.department_code, s.synthetic, s.year, s.template, d.item, d.points
      FROM deductions d JOIN s ON s.report_id = d.report_id
    ),
    grid AS (
      ${
        args.by === 'DEPARTMENT'
          ? sql`SELECT s.department_code AS key, s.department_name AS label, s.year FROM s`
          : sql`SELECT k.key, k.label, y.year FROM (SELECT key, any_value(label) AS label FROM lost GROUP BY key) k
                CROSS JOIN (SELECT DISTINCT year FROM s) y`
      }
    ),
    per_year AS (
      SELECT key, year, count(DISTINCT department_code) AS departments,
             count(DISTINCT department_code) FILTER (WHERE synthetic) AS synthetic_departments, sum(points) AS points_lost
      FROM lost GROUP BY key, year
    ),
    ${
      // Only a department has repeated items: for the other groupings DuckDB would still
      // compute them for a join whose columns no one reads.
      args.by === 'DEPARTMENT'
        ? sql`repeated AS (
                SELECT department_code AS key, list(item ORDER BY item) AS repeated_items
                FROM (SELECT department_code, item FROM lost WHERE item IS NOT NULL
                      GROUP BY department_code, item HAVING count(DISTINCT year) >= 2)
                GROUP BY department_code
              ),`
        : sql``
    }
    frameworks AS (
      SELECT key, list(DISTINCT template ORDER BY template) AS templates FROM lost GROUP BY key
    )
    SELECT g.key, g.label, g.year, coalesce(p.departments, 0) AS departments, coalesce(p.synthetic_departments, 0) AS synthetic_departments,
           coalesce(p.points_lost, 0) AS points_lost,
           ${args.by === 'DEPARTMENT' ? sql`rp.repeated_items` : sql`NULL::VARCHAR[]`} AS repeated_items,
           fw.templates
    FROM grid g
    LEFT JOIN per_year p ON p.key = g.key AND p.year = g.year
    ${args.by === 'DEPARTMENT' ? sql`LEFT JOIN repeated rp ON rp.key = g.key` : sql``}
    LEFT JOIN frameworks fw ON fw.key = g.key
    ORDER BY sum(coalesce(p.points_lost, 0)) OVER (PARTITION BY g.key) DESC, g.key, g.year`.execute(
    db,
  );
  const trends = new Map<string, DeductionTrend>();
  for (const r of rows) {
    const trend = trends.get(r.key) ?? {
      key: r.key,
      label: r.label,
      points: [],
      trend: 'FLAT',
      repeatedItems: r.repeated_items ?? [],
      templates: r.templates ?? [],
    };
    trend.points.push({
      year: Number(r.year),
      departments: Number(r.departments),
      syntheticDepartments: Number(r.synthetic_departments),
      pointsLost: String(r.points_lost),
    });
    trends.set(r.key, trend);
  }
  for (const t of trends.values())
    t.trend = trendOf(t.points.map((p) => ({ year: p.year, pointsLost: Number(p.pointsLost) })));
  return [...trends.values()];
}
