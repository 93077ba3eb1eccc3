import { sql } from 'kysely';
import { DEFAULT_MIN_ATTAINMENT } from '../rules/thresholds.js';
import type { Reader } from './reader.js';

/** How much a year of the corpus holds. */
export interface YearStatistics {
  year: number;
  reports: number;
  /** Reports of real (not synthetic) departments. */
  realReports: number;
  /** Measures whose target is below last year's actual (what targetRatchet lists). */
  ratchetFailures: number;
  /** Evidence measures over the RATIO threshold or at the CEILING (overshootIndicators, before CHRONIC). */
  overshootFindings: number;
  dataQualityIssues: number;
}

/** Mean rows per report of each part a report lists. */
export interface PerReport {
  goals: number;
  revenueBudget: number;
  expenditureByFunction: number;
  expenditureByNature: number;
  statedFigures: number;
  keyTasks: number;
  indicators: number;
  managementScores: number;
  deductions: number;
  problems: number;
  improvements: number;
  dataQuality: number;
  /** Measures that count as evidence (lowTargetRisk's `measures`). */
  measurable: number;
}

/**
 * The sizes of the corpus, from which the cost of an operation is estimated before it runs
 * (graphql/query-cost.ts): how many departments and reports a scope covers, and how long each
 * list of a report is on average. Cheap to compute (a few aggregate statements); recompute after
 * the data changes.
 */
export interface CorpusStatistics {
  departments: number;
  realDepartments: number;
  /** Distinct sectors and levels: the peer groups a benchmark has. */
  sectors: number;
  levels: number;
  /** Years with reports, ascending. */
  years: YearStatistics[];
  perReport: PerReport;
  /** Mean measures per indicator, topics per problem. */
  measuresPerIndicator: number;
  topicsPerProblem: number;
  /** Distinct keys deductionTrends groups by. */
  deductionItems: number;
  deductionGroups: number;
  /** Mean level-3 items a department lost points on in two or more years. */
  repeatedItemsPerDepartment: number;
}

const PER_REPORT_TABLES: Record<Exclude<keyof PerReport, 'measurable'>, string> = {
  goals: 'goals',
  revenueBudget: 'revenue_by_function',
  expenditureByFunction: 'expenditure_by_function',
  expenditureByNature: 'expenditure_by_nature',
  statedFigures: 'stated_figures',
  keyTasks: 'key_tasks',
  indicators: 'indicators',
  managementScores: 'management_scores',
  deductions: 'deductions',
  problems: 'problems',
  improvements: 'improvements',
  dataQuality: 'data_quality_issues',
};

const num = (value: unknown): number => Number(value ?? 0) || 0;

/** Reads the corpus statistics: five aggregate statements over the whole database. */
export async function corpusStatistics(db: Reader): Promise<CorpusStatistics> {
  const departments = await sql<Record<string, unknown>>`
    SELECT count(*) AS departments, count(*) FILTER (WHERE NOT synthetic) AS real_departments,
           count(DISTINCT sector) AS sectors, count(DISTINCT level) AS levels
    FROM departments`.execute(db);
  const years = await sql<Record<string, unknown>>`
    WITH r AS (
      SELECT year, count(*) AS reports, count(*) FILTER (WHERE NOT synthetic) AS real_reports
      FROM reports GROUP BY year
    ),
    rf AS (SELECT year, count(*) FILTER (WHERE ratchet_failure) AS n FROM measure_links GROUP BY year),
    o AS (
      SELECT year, count(*) FILTER (WHERE evidence AND (attainment >= ${DEFAULT_MIN_ATTAINMENT} OR ceiling)) AS n
      FROM indicator_measures GROUP BY year
    ),
    dq AS (SELECT year, count(*) AS n FROM data_quality_issues GROUP BY year)
    SELECT r.year, r.reports, r.real_reports, coalesce(rf.n, 0) AS ratchet_failures,
           coalesce(o.n, 0) AS overshoot_findings, coalesce(dq.n, 0) AS data_quality_issues
    FROM r LEFT JOIN rf USING (year) LEFT JOIN o USING (year) LEFT JOIN dq USING (year)
    ORDER BY r.year`.execute(db);
  const totals = await sql<Record<string, unknown>>`
    SELECT ${sql.raw(
      Object.entries(PER_REPORT_TABLES)
        .map(([key, table]) => `(SELECT count(*) FROM ${table}) AS "${key}"`)
        .join(', '),
    )},
      (SELECT coalesce(sum(measurable), 0) FROM report_facts) AS measurable,
      (SELECT count(*) FROM indicator_measures) AS measures,
      (SELECT coalesce(sum(len(topics)), 0) FROM problems) AS topics`.execute(db);
  const deductions = await sql<Record<string, unknown>>`
    SELECT count(DISTINCT coalesce(d.item, d.part)) AS items,
           count(DISTINCT coalesce(d.level2, d.part)) AS groups
    FROM deductions d`.execute(db);
  const repeated = await sql<Record<string, unknown>>`
    SELECT count(*) AS items, count(DISTINCT department_code) AS departments FROM (
      SELECT r.department_code, d.item FROM deductions d JOIN reports r ON r.id = d.report_id
      WHERE d.item IS NOT NULL GROUP BY r.department_code, d.item HAVING count(DISTINCT r.year) >= 2)`.execute(
    db,
  );

  const yearRows: YearStatistics[] = years.rows.map((r) => ({
    year: num(r.year),
    reports: num(r.reports),
    realReports: num(r.real_reports),
    ratchetFailures: num(r.ratchet_failures),
    overshootFindings: num(r.overshoot_findings),
    dataQualityIssues: num(r.data_quality_issues),
  }));
  const reports = yearRows.reduce((n, y) => n + y.reports, 0);
  const total = totals.rows[0] ?? {};
  const mean = (count: unknown, of: number) => (of > 0 ? num(count) / of : 0);
  const perReport = Object.fromEntries(
    Object.keys(PER_REPORT_TABLES).map((key) => [key, mean(total[key], reports)]),
  ) as Omit<PerReport, 'measurable'>;
  const d = departments.rows[0] ?? {};
  return {
    departments: num(d.departments),
    realDepartments: num(d.real_departments),
    sectors: num(d.sectors),
    levels: num(d.levels),
    years: yearRows,
    perReport: { ...perReport, measurable: mean(total.measurable, reports) },
    measuresPerIndicator: mean(total.measures, num(total.indicators)),
    topicsPerProblem: mean(total.topics, num(total.problems)),
    deductionItems: num(deductions.rows[0]?.items),
    deductionGroups: num(deductions.rows[0]?.groups),
    repeatedItemsPerDepartment: mean(repeated.rows[0]?.items, num(repeated.rows[0]?.departments)),
  };
}
