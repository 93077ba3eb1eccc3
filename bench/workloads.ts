/**
 * The GraphQL-vs-SQL workload: each named operation of schema/operations/ with the variables it
 * runs with, a hand-written DuckDB SQL equivalent (the same answer, written directly), and the
 * figures both answers must agree on. Thresholds are the rules' defaults, as in the analytics.
 */
import { DEFAULT_MIN_ATTAINMENT, THRESHOLD_TOLERANCE } from '../src/rules/thresholds.js';

/** Values a benchmark run picks from the corpus before timing. */
export interface WorkloadScope {
  /** The year single-year workloads ask about. */
  year: number;
  /** A department with a report in `year` (the fullest: most flagged measures, then most measures). */
  reportDepartment: string;
  /** The first departments by code (MetricSeries asks about these). */
  seriesDepartments: string[];
}

/** Figures an answer is checked by: row counts, sums, extremes. */
export type Figures = Record<string, number>;

/** A row as `getRowObjectsJson()` gives it: JSON values (BIGINT and DECIMAL arrive as strings). */
export type SqlRow = Record<string, unknown>;

/** SQL text, or SQL built from the results of the statements before it (an id looked up first). */
export type Statement = string | ((previous: SqlRow[][]) => string);

/** One workload: a GraphQL operation and the SQL that answers the same question. */
export interface Workload {
  /** Short label for tables. */
  label: string;
  /** Operation name in schema/operations/. */
  operation: string;
  variables: Record<string, unknown>;
  /** Statements run in order on one connection; each result is materialised. */
  sql: Statement[];
  /** Figures read from the GraphQL response's `data`. */
  graphqlFigures(data: unknown): Figures;
  /** Figures read from the SQL results, one row array per statement. */
  sqlFigures(results: SqlRow[][]): Figures;
}

/** The default RATIO threshold with the rules' tolerance, as the analytics apply it. */
const MIN = `(${DEFAULT_MIN_ATTAINMENT} - ${THRESHOLD_TOLERANCE})`;

/** A SQL string literal; inputs are department codes read from the corpus. */
function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL VARCHAR[] literal. */
function listLiteral(values: readonly string[]): string {
  return `[${values.map(lit).join(', ')}]::VARCHAR[]`;
}

/** A JSON value as a number (null and undefined count 0: sums skip them). */
function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

function sum<T>(items: readonly T[], pick: (item: T) => unknown): number {
  return items.reduce((total, item) => total + num(pick(item)), 0);
}

function count<T>(items: readonly T[], test: (item: T) => unknown): number {
  return items.filter((item) => Boolean(test(item))).length;
}

function maxOf<T>(items: readonly T[], pick: (item: T) => unknown): number {
  const values = items
    .map(pick)
    .filter((v) => v !== null && v !== undefined)
    .map(num);
  return values.length ? Math.max(...values) : Number.NaN;
}

/** DuckDB booleans come back as JSON booleans; a list of booleans from a struct likewise. */
const truthy = (value: unknown): boolean => value === true || value === 'true';

// GraphQL response shapes: only what the figures read.
interface Measure {
  attainment: number | null;
  flags: string[];
  ratchetFailure?: boolean;
}
interface Named {
  department: { code: string };
}

/** The workloads for a scope, in the order they are run and reported. */
export function workloads(scope: WorkloadScope): Workload[] {
  const { year } = scope;
  return [
    reportFigures(scope),
    {
      label: 'Departments page, nested reports (first: 50)',
      operation: 'Departments',
      variables: { first: 50 },
      sql: [
        `WITH page AS (SELECT code, name, sector, level, synthetic FROM departments ORDER BY code LIMIT 50)
         SELECT p.code, p.name, p.sector, p.level, p.synthetic,
                (SELECT count(*) FROM departments) AS total_count,
                EXISTS (SELECT 1 FROM departments WHERE code > (SELECT max(code) FROM page)) AS has_next_page,
                r.year, f.execution_rate, f.basic_share, r.total_score
         FROM page p
         LEFT JOIN reports r ON r.department_code = p.code
         LEFT JOIN report_facts f ON f.report_id = r.id
         ORDER BY p.code, r.year`,
      ],
      graphqlFigures(data) {
        const d = (data as { departments: DepartmentsPage }).departments;
        const reports = d.nodes.flatMap((n) => n.reports);
        return {
          totalCount: d.totalCount,
          hasNextPage: d.pageInfo.hasNextPage ? 1 : 0,
          departments: d.nodes.length,
          reports: reports.length,
          sumExecutionRate: sum(reports, (r) => r.executionRate),
          sumBasicShare: sum(reports, (r) => r.basicShare),
          sumScore: sum(reports, (r) => r.score.total),
        };
      },
      sqlFigures([rows = []]) {
        const reports = rows.filter((r) => r.year !== null);
        return {
          totalCount: num(rows[0]?.total_count),
          hasNextPage: truthy(rows[0]?.has_next_page) ? 1 : 0,
          departments: new Set(rows.map((r) => r.code)).size,
          reports: reports.length,
          sumExecutionRate: sum(reports, (r) => r.execution_rate),
          sumBasicShare: sum(reports, (r) => r.basic_share),
          sumScore: sum(reports, (r) => r.total_score),
        };
      },
    },
    {
      label: `MetricSeries EXECUTION_RATE, ${scope.seriesDepartments.length} departments, all years`,
      operation: 'MetricSeries',
      variables: { metric: 'EXECUTION_RATE', departments: scope.seriesDepartments },
      // The operation also lists the metric registry: constants of the server, no SQL needed.
      sql: [
        `WITH v AS (
           SELECT f.department_code, f.year, f.execution_rate AS value FROM report_facts f
           WHERE list_contains(${listLiteral(scope.seriesDepartments)}, f.department_code)
         ),
         bounds AS (SELECT department_code, min(year) AS first_year, max(year) AS last_year FROM v GROUP BY department_code),
         grid AS (SELECT department_code, unnest(range(first_year, last_year + 1)) AS year FROM bounds),
         points AS (
           SELECT g.department_code, g.year, v.value,
                  v.value - lag(v.value) OVER w AS change,
                  (v.value - lag(v.value) OVER w) / nullif(abs(lag(v.value) OVER w), 0) AS relative_change
           FROM grid g LEFT JOIN v ON v.department_code = g.department_code AND v.year = g.year
           WINDOW w AS (PARTITION BY g.department_code ORDER BY g.year)
         ),
         growth AS (
           SELECT department_code,
                  min(year) FILTER (WHERE value IS NOT NULL) AS y0, arg_min(value, year) FILTER (WHERE value IS NOT NULL) AS v0,
                  max(year) FILTER (WHERE value IS NOT NULL) AS y1, arg_max(value, year) FILTER (WHERE value IS NOT NULL) AS v1
           FROM points GROUP BY department_code
         )
         SELECT p.department_code, d.name, d.synthetic, p.year, p.value, p.change, p.relative_change,
                CASE WHEN g.y1 > g.y0 AND g.v0 > 0 AND g.v1 >= 0 THEN pow(g.v1 / g.v0, 1.0 / (g.y1 - g.y0)) - 1 END AS cagr
         FROM points p JOIN departments d ON d.code = p.department_code JOIN growth g USING (department_code)
         ORDER BY p.department_code, p.year`,
      ],
      graphqlFigures(data) {
        const series = (data as { metricSeries: Series[] }).metricSeries;
        const points = series.flatMap((s) => s.points);
        return {
          series: series.length,
          points: points.length,
          sumValue: sum(points, (p) => p.value),
          sumChange: sum(points, (p) => p.change),
          withCagr: count(series, (s) => s.cagr !== null),
          sumCagr: sum(series, (s) => s.cagr),
        };
      },
      sqlFigures([rows = []]) {
        const firstOfSeries = rows.filter(
          (r, i) => rows[i - 1]?.department_code !== r.department_code,
        );
        return {
          series: firstOfSeries.length,
          points: rows.length,
          sumValue: sum(rows, (r) => r.value),
          sumChange: sum(rows, (r) => r.change),
          withCagr: count(firstOfSeries, (r) => r.cagr !== null),
          sumCagr: sum(firstOfSeries, (r) => r.cagr),
        };
      },
    },
    benchmarkWorkload(year),
    benchmarkPageWorkload(year),
    structureWorkload(year),
    structurePageWorkload(year),
    {
      label: 'DeductionTrends INDICATOR, all years',
      operation: 'DeductionTrends',
      variables: { by: 'INDICATOR' },
      sql: [
        `WITH lost AS (
           SELECT coalesce(d.item, d.part) AS key,
                  coalesce(d.item, CASE d.part WHEN 'DUTY' THEN '履职效能（未分项）' ELSE '管理效率（未分项）' END) AS label,
                  r.department_code, r.year, d.points
           FROM deductions d JOIN reports r ON r.id = d.report_id
         ),
         grid AS (
           SELECT k.key, k.label, y.year
           FROM (SELECT key, any_value(label) AS label FROM lost GROUP BY key) k
           CROSS JOIN (SELECT DISTINCT year FROM reports) y
         ),
         per_year AS (
           SELECT key, year, count(DISTINCT department_code) AS departments, sum(points) AS points_lost
           FROM lost GROUP BY key, year
         ),
         filled AS (
           SELECT g.key, g.label, g.year, coalesce(p.departments, 0) AS departments,
                  coalesce(p.points_lost, 0) AS points_lost
           FROM grid g LEFT JOIN per_year p ON p.key = g.key AND p.year = g.year
         )
         SELECT key, label, year, departments, points_lost,
                -- trendOf(): least-squares slope against max(0.01, 5 % of the mean yearly loss)
                CASE WHEN count(*) OVER k < 2 THEN 'FLAT'
                     WHEN regr_slope(CAST(points_lost AS DOUBLE), year) OVER k
                          < -greatest(0.01, 0.05 * abs(avg(CAST(points_lost AS DOUBLE)) OVER k)) THEN 'IMPROVING'
                     WHEN regr_slope(CAST(points_lost AS DOUBLE), year) OVER k
                          > greatest(0.01, 0.05 * abs(avg(CAST(points_lost AS DOUBLE)) OVER k)) THEN 'WORSENING'
                     ELSE 'FLAT' END AS trend
         FROM filled
         WINDOW k AS (PARTITION BY key)
         ORDER BY sum(points_lost) OVER k DESC, key, year`,
      ],
      graphqlFigures(data) {
        const trends = (data as { deductionTrends: Trend[] }).deductionTrends;
        const points = trends.flatMap((t) => t.points);
        return {
          keys: trends.length,
          points: points.length,
          sumPointsLost: sum(points, (p) => p.pointsLost),
          sumDepartments: sum(points, (p) => p.departments),
          improving: count(trends, (t) => t.trend === 'IMPROVING'),
          worsening: count(trends, (t) => t.trend === 'WORSENING'),
        };
      },
      sqlFigures([rows = []]) {
        const firsts = rows.filter((r, i) => rows[i - 1]?.key !== r.key);
        return {
          keys: firsts.length,
          points: rows.length,
          sumPointsLost: sum(rows, (r) => r.points_lost),
          sumDepartments: sum(rows, (r) => r.departments),
          improving: count(firsts, (r) => r.trend === 'IMPROVING'),
          worsening: count(firsts, (r) => r.trend === 'WORSENING'),
        };
      },
    },
    overshootWorkload(year),
    ratchetWorkload(year),
    ratchetPageWorkload(year),
    lowTargetRiskWorkload(year),
    lowTargetRiskPageWorkload(year),
    {
      label: `DataQuality, ${year}`,
      operation: 'DataQuality',
      variables: { year },
      sql: [
        `SELECT q.department_code, d.name, d.synthetic, q.year, q.check_name, q.severity, q.message, q.expected, q.actual
         FROM data_quality_issues q JOIN departments d ON d.code = q.department_code
         WHERE q.year = ${year}
         ORDER BY CASE q.severity WHEN 'ERROR' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, q.department_code, q.year, q.seq
         LIMIT 1000`,
      ],
      graphqlFigures(data) {
        const issues = (data as { dataQuality: Issue[] }).dataQuality;
        return {
          issues: issues.length,
          errors: count(issues, (i) => i.severity === 'ERROR'),
          sumExpected: sum(issues, (i) => i.expected),
          sumActual: sum(issues, (i) => i.actual),
        };
      },
      sqlFigures([rows = []]) {
        return {
          issues: rows.length,
          errors: count(rows, (r) => r.severity === 'ERROR'),
          sumExpected: sum(rows, (r) => r.expected),
          sumActual: sum(rows, (r) => r.actual),
        };
      },
    },
  ];
}

interface DepartmentsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean };
  nodes: {
    reports: {
      executionRate: number | null;
      basicShare: number | null;
      score: { total: number };
    }[];
  }[];
}
interface Series {
  cagr: number | null;
  points: { value: number | null; change: number | null }[];
}
interface Structure {
  total: number | null;
  parts: { final: number | null; shareChange: number | null }[];
}
interface Trend {
  trend: string;
  points: { departments: number; pointsLost: number }[];
}
interface Issue {
  severity: string;
  expected: number | null;
  actual: number | null;
}

/** The parts of a report ReportFigures shows, each one statement by report id, in this order. */
const REPORT_PARTS: readonly (readonly [table: string, columns: string, order: string])[] = [
  ['expenditure_by_nature', 'category, initial_budget, full_year_budget, final', 'category'],
  ['revenue_by_function', 'function_class, function_code, amount', 'seq'],
  ['expenditure_by_function', 'function_class, function_code, amount', 'seq'],
  ['key_tasks', 'seq, name, target_text, actual_text', 'seq'],
  [
    'indicators',
    'seq, name, target_text, actual_text, indicator_key, coalesce(understood, false) AS understood, not_understood_reason',
    'seq',
  ],
  [
    'management_scores',
    'level1, level2, level3, weight, score, CAST(score AS DOUBLE) / nullif(CAST(weight AS DOUBLE), 0) AS score_rate',
    'seq',
  ],
  ['deductions', 'part, item, reason, points, source', 'seq'],
  ['problems', 'text', 'seq'],
  ['improvements', 'text', 'seq'],
  ['data_quality_issues', 'check_name, severity, message, expected, actual', 'seq'],
];

/**
 * One report's every figure in a few statements, as one would write it by hand: the report with
 * its department, its facts, one statement per part by report id, and the indicator measures
 * with their flags (as measuresByReport derives them, default thresholds).
 */
function reportFigures(scope: WorkloadScope): Workload {
  const department = lit(scope.reportDepartment);
  const { year } = scope;
  const reportId = (previous: SqlRow[][]) => {
    const id = previous[0]?.[0]?.id;
    if (typeof id !== 'number') throw new Error(`no report ${department} ${year}`);
    return id;
  };
  return {
    label: `ReportFigures, one report (${scope.reportDepartment} ${year})`,
    operation: 'ReportFigures',
    variables: { department: scope.reportDepartment, year },
    sql: [
      `SELECT r.id, r.title, r.synthetic, d.code, d.name, d.sector, d.level,
              r.total_score, r.total_weight, r.duty_score, r.duty_weight, r.management_score, r.management_weight
       FROM reports r JOIN departments d ON d.code = r.department_code
       WHERE r.department_code = ${department} AND r.year = ${year}`,
      (previous) =>
        `SELECT basic_share, project_share, personnel_share, execution_rate FROM report_facts
         WHERE report_id = ${reportId(previous)} AND year = ${year}`,
      ...REPORT_PARTS.map(
        ([table, columns, order]) =>
          (previous: SqlRow[][]) =>
            `SELECT ${columns} FROM ${table} WHERE report_id = ${reportId(previous)} ORDER BY ${order}`,
      ),
      (previous) => `
        SELECT m.seq, m.measure_index, m.comparator, m.target, m.target_high, m.actual, m.unit, m.direction,
               m.attainment, m.evidence,
               m.evidence AND m.attainment >= ${MIN} AS ratio,
               m.evidence AND m.ceiling AS ceiling_hit,
               (m.evidence AND (m.attainment >= ${MIN} OR m.ceiling))
                 AND coalesce(pm.evidence AND (pm.attainment >= ${MIN} OR pm.ceiling), false) AS chronic,
               ml.previous_actual, coalesce(ml.ratchet_failure, false) AS ratchet_failure
        FROM indicator_measures m
        LEFT JOIN measure_links ml ON ml.report_id = m.report_id AND ml.seq = m.seq AND ml.measure_index = m.measure_index
        LEFT JOIN reports pr ON pr.department_code = ${department} AND pr.year = ${year - 1}
        LEFT JOIN indicator_measures pm ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index
        WHERE m.report_id = ${reportId(previous)}
        ORDER BY m.seq, m.measure_index`,
    ],
    graphqlFigures(data): Figures {
      const r = (data as { report: ReportShape | null }).report;
      if (!r) return { found: 0 };
      const measures = r.indicators.flatMap((i) => i.measures);
      return {
        found: 1,
        totalFinal: num(r.expenditure.total.final),
        projectFinal: num(r.expenditure.project.final),
        basicShare: num(r.basicShare),
        executionRate: num(r.executionRate),
        revenueLines: r.revenueBudget.length,
        sumRevenue: sum(r.revenueBudget, (x) => x.amount),
        sumExpenditureByFunction: sum(r.expenditureByFunction, (x) => x.amount),
        score: r.score.total,
        keyTasks: r.keyTasks.length,
        indicators: r.indicators.length,
        measures: measures.length,
        sumAttainment: sum(measures, (m) => m.attainment),
        flags: sum(measures, (m) => m.flags.length),
        ratchetFailures: count(measures, (m) => m.ratchetFailure),
        managementRows: r.managementScores.length,
        sumScoreRate: sum(r.managementScores, (x) => x.scoreRate),
        deductions: r.deductions.length,
        sumDeductions: sum(r.deductions, (x) => x.points),
        problems: r.problems.length,
        improvements: r.improvements.length,
        dataQuality: r.dataQuality.length,
      };
    },
    sqlFigures(results): Figures {
      const [head = [], facts = [], ...rest] = results;
      const r = head[0];
      if (!r) return { found: 0 };
      const part = (table: string) => rest[REPORT_PARTS.findIndex(([t]) => t === table)] ?? [];
      const measures = rest[REPORT_PARTS.length] ?? [];
      const stage = (category: string) =>
        part('expenditure_by_nature').find((n) => n.category === category)?.final;
      return {
        found: 1,
        totalFinal: num(stage('TOTAL')),
        projectFinal: num(stage('PROJECT')),
        basicShare: num(facts[0]?.basic_share),
        executionRate: num(facts[0]?.execution_rate),
        revenueLines: part('revenue_by_function').length,
        sumRevenue: sum(part('revenue_by_function'), (x) => x.amount),
        sumExpenditureByFunction: sum(part('expenditure_by_function'), (x) => x.amount),
        score: num(r.total_score),
        keyTasks: part('key_tasks').length,
        indicators: part('indicators').length,
        measures: measures.length,
        sumAttainment: sum(measures, (m) => m.attainment),
        flags: sum(
          measures,
          (m) =>
            Number(truthy(m.ratio)) + Number(truthy(m.ceiling_hit)) + Number(truthy(m.chronic)),
        ),
        ratchetFailures: count(measures, (m) => truthy(m.ratchet_failure)),
        managementRows: part('management_scores').length,
        sumScoreRate: sum(part('management_scores'), (x) => x.score_rate),
        deductions: part('deductions').length,
        sumDeductions: sum(part('deductions'), (x) => x.points),
        problems: part('problems').length,
        improvements: part('improvements').length,
        dataQuality: part('data_quality_issues').length,
      };
    },
  };
}

interface ReportShape {
  expenditure: Record<'total' | 'project', { final: number | null }>;
  basicShare: number | null;
  executionRate: number | null;
  revenueBudget: { amount: number }[];
  expenditureByFunction: { amount: number }[];
  score: { total: number };
  keyTasks: unknown[];
  indicators: { measures: Measure[] }[];
  managementScores: { scoreRate: number }[];
  deductions: { points: number }[];
  problems: string[];
  improvements: string[];
  dataQuality: unknown[];
}

/** BASIC_SHARE is LOWER_BETTER: rank ascending, percentile against descending order. */
/**
 * BASIC_SHARE by sector in a year: the distributions, then the entries by peer group and rank
 * (the first `limit` with the number of entries, when given).
 */
function benchmarkSql(year: number, limit?: number): [string, string] {
  const population = `
    SELECT f.department_code, d.name, d.synthetic, coalesce(d.sector, '(no sector)') AS peer_key, f.basic_share AS value
    FROM report_facts f JOIN departments d ON d.code = f.department_code
    WHERE f.year = ${year}`;
  const stats = (groupBy: string) => `
    SELECT ${groupBy} AS peer_key, count(value) AS n, min(value) AS min,
           quantile_cont(value, 0.25) AS p25, quantile_cont(value, 0.5) AS median,
           quantile_cont(value, 0.75) AS p75, max(value) AS max, avg(value) AS mean,
           stddev_samp(value) AS stddev
    FROM population GROUP BY ${groupBy}`;
  return [
    `WITH population AS (${population})
     SELECT *, (SELECT count(*) FILTER (WHERE synthetic) FROM population) AS synthetic_count
     FROM (${stats(`'*'`)} UNION ALL ${stats('peer_key')})
     ORDER BY peer_key = '*' DESC, peer_key`,
    `WITH population AS (${population}),
     groups AS (${stats('peer_key')}),
     ranked AS (
       SELECT department_code,
              rank() OVER (PARTITION BY peer_key ORDER BY value ASC) AS rank,
              percent_rank() OVER (PARTITION BY peer_key ORDER BY value DESC) AS percentile
       FROM population WHERE value IS NOT NULL
     )
     SELECT p.department_code, p.name, p.synthetic, p.peer_key, p.value, r.rank,
            CASE WHEN g.n > 1 THEN r.percentile END AS percentile,
            (p.value - g.mean) / nullif(g.stddev, 0) AS z_score,
            coalesce(p.value < g.p25 - 1.5 * (g.p75 - g.p25) OR p.value > g.p75 + 1.5 * (g.p75 - g.p25), false) AS outlier
            ${limit ? ', count(*) OVER () AS total_count' : ''}
     FROM population p JOIN groups g USING (peer_key) LEFT JOIN ranked r USING (department_code)
     ORDER BY p.peer_key, r.rank NULLS LAST, p.department_code
     ${limit ? `LIMIT ${limit}` : ''}`,
  ];
}

/** BASIC_SHARE by sector: the distributions and every department's entry. */
function benchmarkWorkload(year: number): Workload {
  return {
    label: `Benchmark BASIC_SHARE, ${year}, SECTOR`,
    operation: 'Benchmark',
    variables: { metric: 'BASIC_SHARE', year, peerGroup: 'SECTOR' },
    sql: benchmarkSql(year),
    graphqlFigures(data) {
      const b = (data as { benchmark: BenchmarkShape }).benchmark;
      return {
        count: b.count,
        median: num(b.median),
        p25: num(b.p25),
        stddev: num(b.stddev),
        syntheticCount: b.syntheticCount,
        groups: b.groups.length,
        sumGroupMedians: sum(b.groups, (g) => g.median),
        entries: b.entries.length,
        sumRank: sum(b.entries, (e) => e.rank),
        // Not the plain sum: z-scores add up to 0 within each group, where the sum is rounding noise.
        sumAbsZScore: sum(b.entries, (e) => Math.abs(Number(e.zScore))),
        outliers: count(b.entries, (e) => e.outlier),
      };
    },
    sqlFigures([statsRows = [], entries = []]) {
      const [overall, ...groups] = statsRows;
      return {
        count: num(overall?.n),
        median: num(overall?.median),
        p25: num(overall?.p25),
        stddev: num(overall?.stddev),
        syntheticCount: num(overall?.synthetic_count),
        groups: groups.length,
        sumGroupMedians: sum(groups, (g) => g.median),
        entries: entries.length,
        sumRank: sum(entries, (e) => e.rank),
        sumAbsZScore: sum(entries, (e) => Math.abs(Number(e.z_score))),
        outliers: count(entries, (e) => truthy(e.outlier)),
      };
    },
  };
}

/** The same distributions with the first 100 entries and their total. */
function benchmarkPageWorkload(year: number): Workload {
  const whole = benchmarkWorkload(year);
  return {
    label: `BenchmarkPage BASIC_SHARE, ${year}, SECTOR, first 100`,
    operation: 'BenchmarkPage',
    variables: { metric: 'BASIC_SHARE', year, peerGroup: 'SECTOR', first: 100 },
    sql: benchmarkSql(year, 100),
    graphqlFigures(data) {
      const { entriesPage, ...rest } = (
        data as {
          benchmark: Omit<BenchmarkShape, 'entries'> & {
            entriesPage: { totalCount: number; nodes: BenchmarkShape['entries'] };
          };
        }
      ).benchmark;
      return {
        totalCount: entriesPage.totalCount,
        ...whole.graphqlFigures({ benchmark: { ...rest, entries: entriesPage.nodes } }),
      };
    },
    sqlFigures([stats = [], entries = []]) {
      return { totalCount: num(entries[0]?.total_count), ...whole.sqlFigures([stats, entries]) };
    },
  };
}

interface BenchmarkShape {
  count: number;
  median: number | null;
  p25: number | null;
  stddev: number | null;
  syntheticCount: number;
  groups: { median: number | null }[];
  entries: { rank: number | null; zScore: number | null; outlier: boolean }[];
}

/** One year's overshoot findings, largest attainment first, with the measure's flags. */
function overshootWorkload(year: number): Workload {
  const fires = (a: string) => `(${a}.evidence AND (${a}.attainment >= ${MIN} OR ${a}.ceiling))`;
  return {
    label: `OvershootIndicators, ${year}, first 100`,
    operation: 'OvershootIndicators',
    variables: { fromYear: year, toYear: year, first: 100 },
    sql: [
      `WITH scope AS (SELECT id, department_code, year FROM reports WHERE year = ${year}),
       m AS (
         SELECT m.report_id, m.seq, m.measure_index, s.department_code, ${fires('m')} AS fired,
                m.evidence AND m.attainment >= ${MIN} AS ratio, m.evidence AND m.ceiling AS ceiling_hit
         FROM indicator_measures m JOIN scope s ON s.id = m.report_id
       ),
       previous AS (
         SELECT ml.report_id, ml.seq, ml.measure_index, ${fires('pm')} AS fired
         FROM measure_links ml
         JOIN reports cur ON cur.id = ml.report_id
         JOIN reports pr ON pr.department_code = cur.department_code AND pr.year = cur.year - 1
         JOIN indicator_measures pm ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index
         WHERE ml.report_id IN (SELECT id FROM scope)
       ),
       flagged AS (
         SELECT m.*, m.fired AND coalesce(p.fired, false) AS chronic
         FROM m LEFT JOIN previous p USING (report_id, seq, measure_index)
       ),
       findings AS (
         SELECT *, 'RATIO' AS rule FROM flagged WHERE ratio
         UNION ALL SELECT *, 'CEILING' FROM flagged WHERE ceiling_hit
         UNION ALL SELECT *, 'CHRONIC' FROM flagged WHERE chronic
       )
       SELECT f.department_code, d.name, d.synthetic, im.year, f.rule, im.attainment,
              i.seq, i.name AS indicator, i.target_text, i.actual_text,
              im.comparator, im.target, im.actual, im.unit, im.direction, im.confidence,
              f.ratio, f.ceiling_hit, f.chronic
       FROM findings f
       JOIN departments d ON d.code = f.department_code
       JOIN indicators i ON i.report_id = f.report_id AND i.seq = f.seq
       JOIN indicator_measures im ON im.report_id = f.report_id AND im.seq = f.seq AND im.measure_index = f.measure_index
       ORDER BY im.year DESC, im.attainment DESC NULLS LAST, f.department_code, im.seq, im.measure_index, f.rule
       LIMIT 100`,
    ],
    graphqlFigures(data) {
      const findings = (data as { overshootIndicators: Finding[] }).overshootIndicators;
      return {
        findings: findings.length,
        topAttainment: num(findings[0]?.attainment),
        sumAttainment: sum(findings, (f) => f.attainment),
        ratio: count(findings, (f) => f.rule === 'RATIO'),
        ceiling: count(findings, (f) => f.rule === 'CEILING'),
        chronic: count(findings, (f) => f.rule === 'CHRONIC'),
        flags: sum(findings, (f) => f.measure.flags.length),
        departments: new Set(findings.map((f) => f.department.code)).size,
      };
    },
    sqlFigures([rows = []]) {
      return {
        findings: rows.length,
        topAttainment: num(rows[0]?.attainment),
        sumAttainment: sum(rows, (r) => r.attainment),
        ratio: count(rows, (r) => r.rule === 'RATIO'),
        ceiling: count(rows, (r) => r.rule === 'CEILING'),
        chronic: count(rows, (r) => r.rule === 'CHRONIC'),
        flags: sum(
          rows,
          (r) =>
            Number(truthy(r.ratio)) + Number(truthy(r.ceiling_hit)) + Number(truthy(r.chronic)),
        ),
        departments: new Set(rows.map((r) => r.department_code)).size,
      };
    },
  };
}

interface Finding extends Named {
  attainment: number | null;
  rule: string;
  measure: { flags: string[] };
}

/**
 * One year's expenditure structure by nature, in expenditureStructure's order: every
 * department's, or those `departments` (a subquery of codes) selects.
 */
function structureSql(year: number, departments?: string): string {
  return `WITH scoped AS (
           SELECT f.report_id, f.department_code, f.year, f.total_final FROM report_facts f
           WHERE f.year IN (${year}, ${year - 1})
           ${departments ? `AND f.department_code IN (${departments})` : ''}
         ),
         shares AS (
           SELECT s.department_code, s.year, s.total_final AS total, n.category AS key,
                  n.initial_budget, n.full_year_budget, n.final,
                  CAST(n.final AS DOUBLE) / nullif(CAST(s.total_final AS DOUBLE), 0) AS share
           FROM scoped s JOIN expenditure_by_nature n ON n.report_id = s.report_id AND n.category <> 'TOTAL'
         ),
         changes AS (
           SELECT *, share - lag(share) OVER w AS share_change, lag(year) OVER w AS previous_year
           FROM shares WINDOW w AS (PARTITION BY department_code, key ORDER BY year)
         )
         SELECT c.department_code, d.name, d.synthetic, c.year, c.total, c.key,
                CASE c.key WHEN 'BASIC' THEN '基本支出' WHEN 'PERSONNEL' THEN '人员经费'
                           WHEN 'PUBLIC' THEN '公用经费' WHEN 'PROJECT' THEN '项目支出' END AS label,
                c.initial_budget, c.full_year_budget, c.final, c.share,
                CASE WHEN c.previous_year = c.year - 1 THEN c.share_change END AS share_change
         FROM changes c JOIN departments d ON d.code = c.department_code
         WHERE c.year = ${year}
         ORDER BY c.department_code, list_position(['BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'], c.key)`;
}

/** The expenditure structure by nature of every department in a year. */
function structureWorkload(year: number): Workload {
  return {
    label: `ExpenditureStructure NATURE, ${year}, all departments`,
    operation: 'ExpenditureStructure',
    variables: { year, by: 'NATURE' },
    sql: [structureSql(year)],
    graphqlFigures(data) {
      const items = (data as { expenditureStructure: Structure[] }).expenditureStructure;
      const parts = items.flatMap((s) => s.parts);
      return {
        departments: items.length,
        parts: parts.length,
        sumTotal: sum(items, (s) => s.total),
        sumFinal: sum(parts, (p) => p.final),
        withShareChange: count(parts, (p) => p.shareChange !== null),
        sumShareChange: sum(parts, (p) => p.shareChange),
      };
    },
    sqlFigures([rows = []]) {
      const firsts = rows.filter((r, i) => rows[i - 1]?.department_code !== r.department_code);
      return {
        departments: firsts.length,
        parts: rows.length,
        sumTotal: sum(firsts, (r) => r.total),
        sumFinal: sum(rows, (r) => r.final),
        withShareChange: count(rows, (r) => r.share_change !== null),
        sumShareChange: sum(rows, (r) => r.share_change),
      };
    },
  };
}

/** The departments with a structure by nature in a year. */
function withStructureSql(year: number): string {
  return `SELECT f.department_code FROM report_facts f
          WHERE f.year = ${year} AND EXISTS (
            SELECT 1 FROM expenditure_by_nature n WHERE n.report_id = f.report_id AND n.category <> 'TOTAL')`;
}

/** The first 100 departments' structures, with the total: the departments first, then theirs. */
function structurePageWorkload(year: number): Workload {
  const whole = structureWorkload(year);
  return {
    label: `ExpenditureStructurePage NATURE, ${year}, first 100`,
    operation: 'ExpenditureStructurePage',
    variables: { year, by: 'NATURE', first: 100 },
    sql: [
      `SELECT count(*) AS total_count FROM (${withStructureSql(year)})`,
      structureSql(year, `${withStructureSql(year)} ORDER BY 1 LIMIT 100`),
    ],
    graphqlFigures(data) {
      const { totalCount, nodes } = (
        data as { expenditureStructurePage: { totalCount: number; nodes: Structure[] } }
      ).expenditureStructurePage;
      return { totalCount, ...whole.graphqlFigures({ expenditureStructure: nodes }) };
    },
    sqlFigures([totals = [], page = []]) {
      return { totalCount: num(totals[0]?.total_count), ...whole.sqlFigures([page]) };
    },
  };
}

/** One year's ratchet failures with both years' indicators, in targetRatchet's order. */
function ratchetSql(year: number): string {
  return `SELECT r.department_code, d.name, d.synthetic, r.year,
              i.name AS indicator, i.target_text, pi.name AS previous_indicator, pi.actual_text AS previous_actual_text,
              ml.previous_actual, m.target, il.matched_by, m.unit, m.direction
       FROM measure_links ml
       JOIN reports r ON r.id = ml.report_id
       JOIN departments d ON d.code = r.department_code
       JOIN indicator_links il ON il.report_id = ml.report_id AND il.seq = ml.seq
       JOIN reports pr ON pr.department_code = r.department_code AND pr.year = il.previous_year
       JOIN indicators i ON i.report_id = ml.report_id AND i.seq = ml.seq
       JOIN indicators pi ON pi.report_id = pr.id AND pi.seq = ml.previous_seq
       JOIN indicator_measures m ON m.report_id = ml.report_id AND m.seq = ml.seq AND m.measure_index = ml.measure_index
       WHERE ml.ratchet_failure AND r.year = ${year}
       ORDER BY r.year DESC, r.department_code, ml.seq, ml.measure_index`;
}

/** One year's ratchet failures with both years' indicators. */
function ratchetWorkload(year: number): Workload {
  return {
    label: `TargetRatchet, ${year}`,
    operation: 'TargetRatchet',
    variables: { fromYear: year, toYear: year },
    sql: [ratchetSql(year)],
    graphqlFigures(data) {
      const items = (data as { targetRatchet: Ratchet[] }).targetRatchet;
      return {
        findings: items.length,
        departments: new Set(items.map((i) => i.department.code)).size,
        sumTarget: sum(items, (i) => i.target),
        sumPreviousActual: sum(items, (i) => i.previousActual),
        higherBetter: count(items, (i) => i.measure.direction === 'HIGHER_BETTER'),
      };
    },
    sqlFigures([rows = []]) {
      return {
        findings: rows.length,
        departments: new Set(rows.map((r) => r.department_code)).size,
        sumTarget: sum(rows, (r) => r.target),
        sumPreviousActual: sum(rows, (r) => r.previous_actual),
        higherBetter: count(rows, (r) => r.direction === 'HIGHER_BETTER'),
      };
    },
  };
}

/** One year's ratchet failures as keys, with last year's report: what a page is cut from. */
function ratchetKeysSql(year: number): string {
  return `SELECT ml.report_id, ml.seq, ml.measure_index, ml.previous_seq, ml.previous_actual,
                 r.department_code, r.year, il.matched_by, pr.id AS previous_report_id
          FROM measure_links ml
          JOIN reports r ON r.id = ml.report_id
          JOIN indicator_links il ON il.report_id = ml.report_id AND il.seq = ml.seq
          JOIN reports pr ON pr.department_code = r.department_code AND pr.year = il.previous_year
          WHERE ml.ratchet_failure AND r.year = ${year}`;
}

/** The first `limit` of one year's ratchet failures: their keys first, then their details. */
function ratchetPageSql(year: number, limit: number): string {
  return `WITH page AS (${ratchetKeysSql(year)} ORDER BY r.department_code, ml.seq, ml.measure_index LIMIT ${limit})
          SELECT p.department_code, d.name, d.synthetic, p.year,
                 i.name AS indicator, i.target_text, pi.name AS previous_indicator,
                 pi.actual_text AS previous_actual_text, p.previous_actual, m.target, p.matched_by,
                 m.unit, m.direction
          FROM page p
          JOIN departments d ON d.code = p.department_code
          JOIN indicators i ON i.report_id = p.report_id AND i.seq = p.seq
          JOIN indicators pi ON pi.report_id = p.previous_report_id AND pi.seq = p.previous_seq
          JOIN indicator_measures m
            ON m.report_id = p.report_id AND m.seq = p.seq AND m.measure_index = p.measure_index
          ORDER BY p.department_code, p.seq, p.measure_index`;
}

/** The first 100 of one year's ratchet failures, with their total: the keys first, then theirs. */
function ratchetPageWorkload(year: number): Workload {
  const whole = ratchetWorkload(year);
  return {
    label: `TargetRatchetPage, ${year}, first 100`,
    operation: 'TargetRatchetPage',
    variables: { fromYear: year, toYear: year, first: 100 },
    sql: [
      `SELECT count(*) AS total_count FROM (${ratchetKeysSql(year)})`,
      ratchetPageSql(year, 100),
    ],
    graphqlFigures(data) {
      const { totalCount, nodes } = (
        data as { targetRatchetPage: { totalCount: number; nodes: Ratchet[] } }
      ).targetRatchetPage;
      return { totalCount, ...whole.graphqlFigures({ targetRatchet: nodes }) };
    },
    sqlFigures([totals = [], page = []]) {
      return { totalCount: num(totals[0]?.total_count), ...whole.sqlFigures([page]) };
    },
  };
}

interface Ratchet extends Named {
  target: number | null;
  previousActual: number | null;
  measure: { direction: string };
}

/** LowTargetRisk's ranking: every department of the year, by peer group and rank. */
function riskRankingSql(year: number, limit?: number): string {
  return (
    `WITH s AS (
         SELECT r.id, r.department_code, d.name, d.synthetic, r.year, coalesce(d.sector, '(no sector)') AS peer_key
         FROM reports r JOIN departments d ON d.code = r.department_code WHERE r.year = ${year}
       ),
       counts AS (
         SELECT m.report_id,
                count(*) FILTER (WHERE m.evidence) AS measurable,
                count(*) FILTER (WHERE m.evidence AND m.attainment >= ${MIN}) AS overshooting,
                count(*) FILTER (WHERE m.evidence AND m.ceiling) AS ceiling_hits,
                count(*) FILTER (WHERE coalesce(ml.ratchet_failure, false)) AS ratchet_failures,
                count(*) FILTER (WHERE m.evidence AND (m.attainment >= ${MIN} OR m.ceiling OR coalesce(ml.ratchet_failure, false))) AS flagged
         FROM indicator_measures m
         LEFT JOIN measure_links ml ON ml.report_id = m.report_id AND ml.seq = m.seq AND ml.measure_index = m.measure_index
         WHERE m.report_id IN (SELECT id FROM s)
         GROUP BY m.report_id
       ),
       admitted AS (
         SELECT report_id, bool_or(list_contains(topics, 'LOW_TARGETS')) AS admitted
         FROM problems WHERE report_id IN (SELECT id FROM s) GROUP BY report_id
       ),
       scored AS (
         SELECT s.department_code, s.name, s.synthetic, s.year, s.peer_key,
                coalesce(c.measurable, 0) AS measurable, coalesce(c.overshooting, 0) AS overshooting,
                coalesce(c.ceiling_hits, 0) AS ceiling_hits, coalesce(c.ratchet_failures, 0) AS ratchet_failures,
                coalesce(a.admitted, false) AS admitted,
                coalesce(CAST(c.flagged AS DOUBLE) / nullif(c.measurable, 0), 0) AS risk_score
         FROM s LEFT JOIN counts c ON c.report_id = s.id LEFT JOIN admitted a ON a.report_id = s.id
       )
       SELECT *, rank() OVER (PARTITION BY peer_key ORDER BY risk_score DESC) AS rank,
              CASE WHEN overshooting + ceiling_hits + ratchet_failures > 0
                   THEN CASE WHEN admitted THEN 'ADMITTED_AND_DETECTED' ELSE 'DETECTED_NOT_ADMITTED' END
                   ELSE CASE WHEN admitted THEN 'ADMITTED_NOT_DETECTED' ELSE 'NEITHER' END END AS admission
       FROM scored
       ORDER BY peer_key, rank, department_code` + (limit ? ` LIMIT ${limit}` : '')
  );
}

/**
 * The measures each entry lists (the score's denominator, flagged ones first), with what
 * the answer shows of them: the indicator's texts and source line, the measure, its flags,
 * and last year's row with its source where a ratchet failure compares with it.
 * Only the departments in `codes`, when given (a page's).
 */
function riskMeasuresSql(year: number, codes?: readonly string[]): string {
  return `WITH s AS (SELECT r.id, r.department_code FROM reports r WHERE r.year = ${year}${codes ? ` AND r.department_code IN (${codes.map(lit).join(', ')})` : ''})
       SELECT s.department_code, i.seq, i.name, i.target_text, i.actual_text, i.line, i.page,
              m.measure_index, m.comparator, m.target, m.actual, m.unit, m.direction, m.attainment,
              m.attainment >= ${MIN} AS ratio, coalesce(m.ceiling, false) AS ceiling_hit,
              coalesce(ml.ratchet_failure, false) AS ratchet_failure,
              coalesce(m.attainment >= ${MIN} OR m.ceiling OR ml.ratchet_failure, false) AS flagged,
              CASE WHEN ml.ratchet_failure AND pi.report_id IS NOT NULL THEN pr.year END AS previous_year,
              CASE WHEN ml.ratchet_failure AND pi.report_id IS NOT NULL THEN pm.actual END AS previous_actual,
              CASE WHEN ml.ratchet_failure AND pi.report_id IS NOT NULL THEN pi.actual_text END AS previous_actual_text,
              CASE WHEN ml.ratchet_failure AND pi.report_id IS NOT NULL THEN pi.line END AS previous_line,
              CASE WHEN ml.ratchet_failure AND pi.report_id IS NOT NULL THEN pi.page END AS previous_page
       FROM s
       JOIN indicator_measures m ON m.report_id = s.id
       JOIN indicators i ON i.report_id = m.report_id AND i.seq = m.seq
       LEFT JOIN measure_links ml ON ml.report_id = m.report_id AND ml.seq = m.seq AND ml.measure_index = m.measure_index
       LEFT JOIN reports r ON r.id = s.id
       LEFT JOIN indicator_links il ON il.report_id = ml.report_id AND il.seq = ml.seq AND il.previous_year = r.year - 1
       LEFT JOIN reports pr ON pr.department_code = s.department_code AND pr.year = il.previous_year
       LEFT JOIN indicator_measures pm ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index
       LEFT JOIN indicators pi ON pi.report_id = pr.id AND pi.seq = ml.previous_seq
       WHERE m.evidence
       ORDER BY s.department_code, flagged DESC, m.attainment DESC NULLS LAST, i.seq, m.measure_index`;
}

/** Departments ranked within their sector by targets that look set too low. */
function lowTargetRiskWorkload(year: number): Workload {
  return {
    label: `LowTargetRisk, ${year}, SECTOR`,
    operation: 'LowTargetRisk',
    variables: { year, peerGroup: 'SECTOR' },
    sql: [riskRankingSql(year), riskMeasuresSql(year)],
    graphqlFigures(data) {
      const items = (data as { lowTargetRisk: Risk[] }).lowTargetRisk;
      const measures = items.flatMap((i) => i.measures);
      return {
        listedMeasures: measures.length,
        listedFlagged: count(measures, (m) => m.flagged),
        listedRatchetFailures: count(measures, (m) => m.ratchetFailure),
        previousRows: count(measures, (m) => m.previous !== null),
        sumPreviousActual: sum(measures, (m) => m.previous?.actual ?? null),
        departments: items.length,
        sumMeasurable: sum(items, (i) => i.measurable),
        sumOvershooting: sum(items, (i) => i.overshooting),
        sumCeilingHits: sum(items, (i) => i.ceilingHits),
        sumRatchetFailures: sum(items, (i) => i.ratchetFailures),
        admitted: count(items, (i) => i.admitted),
        detectedNotAdmitted: count(items, (i) => i.admission === 'DETECTED_NOT_ADMITTED'),
        firstRanked: count(items, (i) => i.rank === 1),
        maxRiskScore: maxOf(items, (i) => i.riskScore),
        sumRiskScore: sum(items, (i) => i.riskScore),
      };
    },
    sqlFigures([rows = [], measures = []]) {
      return {
        listedMeasures: measures.length,
        listedFlagged: count(measures, (m) => truthy(m.flagged)),
        listedRatchetFailures: count(measures, (m) => truthy(m.ratchet_failure)),
        previousRows: count(measures, (m) => m.previous_year !== null),
        sumPreviousActual: sum(measures, (m) => m.previous_actual),
        departments: rows.length,
        sumMeasurable: sum(rows, (r) => r.measurable),
        sumOvershooting: sum(rows, (r) => r.overshooting),
        sumCeilingHits: sum(rows, (r) => r.ceiling_hits),
        sumRatchetFailures: sum(rows, (r) => r.ratchet_failures),
        admitted: count(rows, (r) => truthy(r.admitted)),
        detectedNotAdmitted: count(rows, (r) => r.admission === 'DETECTED_NOT_ADMITTED'),
        firstRanked: count(rows, (r) => num(r.rank) === 1),
        maxRiskScore: maxOf(rows, (r) => r.risk_score),
        sumRiskScore: sum(rows, (r) => r.risk_score),
      };
    },
  };
}

/** The first page of 100 of the same ranking, with the total. */
function lowTargetRiskPageWorkload(year: number): Workload {
  const whole = lowTargetRiskWorkload(year);
  return {
    label: `LowTargetRiskPage, ${year}, SECTOR, first 100`,
    operation: 'LowTargetRiskPage',
    variables: { year, peerGroup: 'SECTOR', first: 100 },
    sql: [
      `SELECT count(*) AS total_count FROM reports WHERE year = ${year}`,
      riskRankingSql(year, 100),
      ([, page = []]) =>
        riskMeasuresSql(
          year,
          page.map((row) => String(row.department_code)),
        ),
    ],
    graphqlFigures(data) {
      const { totalCount, nodes } = (
        data as { lowTargetRiskPage: { totalCount: number; nodes: Risk[] } }
      ).lowTargetRiskPage;
      return { totalCount, ...whole.graphqlFigures({ lowTargetRisk: nodes }) };
    },
    sqlFigures([totals = [], page = [], measures = []]) {
      return { totalCount: num(totals[0]?.total_count), ...whole.sqlFigures([page, measures]) };
    },
  };
}

interface Risk {
  measures: {
    flagged: boolean;
    ratchetFailure: boolean;
    previous: { actual: number | null } | null;
  }[];
  measurable: number;
  overshooting: number;
  ceilingHits: number;
  ratchetFailures: number;
  admitted: boolean;
  admission: string;
  rank: number;
  riskScore: number;
}

/** Differences between two sets of figures (relative tolerance 1e-9 for sums of doubles). */
export function compareFigures(graphql: Figures, sql: Figures): string[] {
  const problems: string[] = [];
  for (const key of new Set([...Object.keys(graphql), ...Object.keys(sql)])) {
    const a = graphql[key];
    const b = sql[key];
    if (a === undefined || b === undefined) {
      problems.push(`${key}: only on one side`);
      continue;
    }
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    if (!(Math.abs(a - b) <= tolerance)) problems.push(`${key}: GraphQL ${a} vs SQL ${b}`);
  }
  return problems;
}
