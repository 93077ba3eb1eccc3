import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { IndicatorsTable } from '../db/tables.js';
import { COMPLETION_WORD_PATTERN, type CompletionFamily } from '../rules/completion-words.js';
import {
  BLANK_PATTERN,
  copiedActual,
  END_STOPS,
  FOLD_FROM,
  FOLD_TO,
  REMOVED_CLASS,
  type CopiedActualReason,
} from '../rules/copied-actual.js';
import {
  COPIED_MIN_INDICATORS,
  COPIED_MIN_SHARE,
  THRESHOLD_TOLERANCE,
} from '../rules/thresholds.js';
import { inList } from './in-list.js';
import { indicatorRowColumns, indicatorRowOf } from './indicator-row.js';
import type { Reader } from './reader.js';
import { checkScope, MAX_DEPARTMENTS } from './scope.js';
import {
  entriesFilter,
  populationSql,
  quartilesSql,
  sectorDistributionOf,
  type SectorDistribution,
  type SignalScope,
} from './signal-population.js';

/** A 表3 row whose actual only restates its target. */
export interface CopiedRow {
  departmentCode: string;
  year: number;
  indicator: Selectable<IndicatorsTable>;
  reason: CopiedActualReason;
  /** For a completion word, its family (src/rules/completion-words.ts). */
  family: CompletionFamily | null;
}

/** One department-year of copied actuals. */
export interface CopiedYear {
  reportId: number;
  year: number;
  /** Key indicators (表3 rows) of the report. */
  indicators: number;
  /** Of them, actuals that only restate the target. */
  copied: number;
  /** copied / indicators; null without indicators. */
  share: number | null;
  /** Fewer than COPIED_MIN_INDICATORS indicators: not judged, not in the sector's figures. */
  tooFew: boolean;
  /** share minus last year's share, when the scope holds the department's report of that year. */
  change: number | null;
  /** The sector's distribution of the copied share that year. */
  sector: SectorDistribution;
  /** Judged, and its share is above its sector's median. */
  aboveSector: boolean;
  /** Judged, share ≥ COPIED_MIN_SHARE and above its sector's median. */
  named: boolean;
}

/** A copied row in a year its department is named: a finding. */
export interface CopiedFinding extends CopiedRow {
  indicators: number;
  copied: number;
  share: number;
  sectorMedian: number;
  sectorDepartments: number;
}

/** One department's copied actuals over the years of the scope. */
export interface DepartmentCopiedActuals {
  departmentCode: string;
  sector: string;
  synthetic: boolean;
  years: CopiedYear[];
  /** Share change per year: the least-squares slope of the judged years' shares; null under two. */
  trend: number | null;
  /** The same slope of its sector's median over those years; null under two. */
  sectorTrend: number | null;
  /** Years it is named in. */
  namedYears: number;
  /** Every copied row of the years returned, by year and row. */
  rows: CopiedRow[];
  /** The copied rows of the years it is named in. */
  findings: CopiedFinding[];
}

/** The answer of copiedActuals: totals over every entry (before `first`). */
export interface CopiedActuals {
  departmentCount: number;
  syntheticDepartments: number;
  indicators: number;
  copied: number;
  departments: DepartmentCopiedActuals[];
}

const t = THRESHOLD_TOLERANCE;

/**
 * A text column as the copied-actual rule compares it (src/rules/copied-actual.ts, steps 1-3).
 * translate() runs only on texts holding a character it folds: with its long map it costs ten
 * times a regular expression, and most texts hold none.
 */
function normalisedSql(column: string): RawBuilder<string> {
  const text = sql`coalesce(${sql.ref(column)}, '')`;
  const folded = sql`CASE WHEN regexp_matches(${text}, ${sql.lit(`[${FOLD_FROM}]`)})
    THEN translate(${text}, ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)}) ELSE ${text} END`;
  return sql<string>`regexp_replace(regexp_replace(${folded}, ${sql.lit(REMOVED_CLASS)}, '', 'g'),
    ${sql.lit(END_STOPS)}, '', 'g')`;
}

/**
 * The rows of `rows` (a query with `target_text` and `actual_text` columns) with their
 * copied-actual `reason`, 'SAME_TEXT', 'COMPLETION_WORD' or null, as copiedActual decides it in
 * TypeScript (test/copied-actuals.test.ts holds the two together). Each text is normalised once.
 */
export function withCopiedReason(rows: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    SELECT * EXCLUDE (copy_t, copy_a),
           CASE WHEN regexp_full_match(copy_a, ${sql.lit(BLANK_PATTERN)}) THEN NULL
                WHEN copy_a = copy_t THEN 'SAME_TEXT'
                WHEN regexp_full_match(copy_a, ${sql.lit(COMPLETION_WORD_PATTERN)}) THEN 'COMPLETION_WORD'
           END AS reason
    FROM (
      SELECT *, ${normalisedSql('target_text')} AS copy_t, ${normalisedSql('actual_text')} AS copy_a
      FROM (${rows})
    )`;
}

/** `report_id, seq, reason` of the 表3 rows `i` that `reportFilter` selects. */
function copiedReasonsSql(reportFilter: RawBuilder<boolean>): RawBuilder<unknown> {
  return withCopiedReason(
    sql`SELECT i.report_id, i.seq, i.target_text, i.actual_text FROM indicators i WHERE ${reportFilter}`,
  );
}

/**
 * The body of a CTE of the department-years of a CTE named `pop` (populationSql) with their key
 * `indicators`, how many are `copied`, whether they are `judged` (at least COPIED_MIN_INDICATORS
 * indicators) and the copied `share`: the one definition of these figures, which the
 * target-setting profile reads too.
 */
export function copiedYearsSql(): RawBuilder<unknown> {
  return sql`
    SELECT *, indicators >= ${COPIED_MIN_INDICATORS} AS judged,
           CAST(copied AS DOUBLE) / nullif(indicators, 0) AS share
    FROM (
      SELECT p.id AS report_id, p.department_code, p.year, p.sector, p.synthetic,
             count(r.seq) AS indicators, count(r.reason) AS copied
      FROM pop p
      LEFT JOIN (${copiedReasonsSql(sql<boolean>`i.report_id IN (SELECT id FROM pop)`)}) r
        ON r.report_id = p.id
      GROUP BY p.id, p.department_code, p.year, p.sector, p.synthetic
    )`;
}

/**
 * Copied actuals (docs/domain.md, "Copied actuals"): per department and year the share of key
 * indicators whose actual only restates the target, its change over the years against its
 * sector's, and the departments whose share is at least COPIED_MIN_SHARE and above their
 * sector's median. Computed at query time from the stored texts. Two statements: the
 * department-years with their sector's figures, then the copied rows of the departments returned.
 */
export async function copiedActuals(
  db: Reader,
  scope: SignalScope & { first?: number },
): Promise<CopiedActuals> {
  await checkScope(db, scope);
  const first = Math.max(1, Math.min(scope.first ?? 100, MAX_DEPARTMENTS));
  const { rows } = await sql<Record<string, unknown>>`
    WITH pop AS (${populationSql(scope)}),
    shares AS (${copiedYearsSql()}),
    sector AS (
      SELECT sector, year, count(*) AS sector_departments, ${quartilesSql('share', 'cp')}
      FROM shares WHERE judged GROUP BY sector, year
    ),
    flagged AS (
      SELECT s.*, coalesce(k.sector_departments, 0) AS sector_departments, k.cp_p25, k.cp_median, k.cp_p75,
             coalesce(s.judged AND s.share > k.cp_median + ${t}, false) AS above_sector,
             coalesce(s.judged AND s.share >= ${COPIED_MIN_SHARE - t}
               AND s.share > k.cp_median + ${t}, false) AS named
      FROM shares s LEFT JOIN sector k ON k.sector = s.sector AND k.year = s.year
    ),
    entries AS (
      SELECT *,
             count(*) FILTER (WHERE named) OVER d AS named_years,
             count(*) FILTER (WHERE judged) OVER d AS judged_years,
             regr_slope(share, year) FILTER (WHERE judged) OVER d AS slope,
             count(cp_median) FILTER (WHERE judged) OVER d AS sector_years,
             regr_slope(cp_median, year) FILTER (WHERE judged) OVER d AS sector_slope,
             CASE WHEN lag(year) OVER (d ORDER BY year) = year - 1
                  THEN share - lag(share) OVER (d ORDER BY year) END AS change
      FROM flagged f WHERE ${entriesFilter(scope, 'f')}
      WINDOW d AS (PARTITION BY department_code)
    ),
    ranked AS (
      SELECT *, dense_rank() OVER (ORDER BY named_years DESC, department_code) AS department_rank,
             count(DISTINCT department_code) OVER () AS department_count,
             count(DISTINCT CASE WHEN synthetic THEN department_code END) OVER () AS synthetic_departments,
             sum(indicators) OVER () AS all_indicators, sum(copied) OVER () AS all_copied
      FROM entries
    )
    SELECT * FROM ranked WHERE department_rank <= ${first}
    ORDER BY department_rank, year`.execute(db);

  const departments = new Map<string, DepartmentCopiedActuals>();
  const years = new Map<number, { entry: DepartmentCopiedActuals; year: CopiedYear }>();
  for (const row of rows) {
    const code = String(row.department_code);
    let entry = departments.get(code);
    if (!entry) {
      entry = {
        departmentCode: code,
        sector: String(row.sector),
        synthetic: Boolean(row.synthetic),
        years: [],
        trend: Number(row.judged_years) >= 2 ? Number(row.slope) : null,
        sectorTrend: Number(row.sector_years) >= 2 ? Number(row.sector_slope) : null,
        namedYears: Number(row.named_years),
        rows: [],
        findings: [],
      };
      departments.set(code, entry);
    }
    const indicators = Number(row.indicators);
    const year: CopiedYear = {
      reportId: Number(row.report_id),
      year: Number(row.year),
      indicators,
      copied: Number(row.copied),
      share: row.share === null ? null : Number(row.share),
      tooFew: !row.judged,
      change: row.change === null ? null : Number(row.change),
      sector: sectorDistributionOf(row, 'cp', entry.sector, Number(row.sector_departments)),
      aboveSector: Boolean(row.above_sector),
      named: Boolean(row.named),
    };
    entry.years.push(year);
    years.set(year.reportId, { entry, year });
  }
  await attachRows(db, years);
  const head = rows[0];
  return {
    departmentCount: head ? Number(head.department_count) : 0,
    syntheticDepartments: head ? Number(head.synthetic_departments) : 0,
    indicators: head ? Number(head.all_indicators) : 0,
    copied: head ? Number(head.all_copied) : 0,
    departments: [...departments.values()],
  };
}

/** The copied rows of the department-years returned, and the findings among them. */
async function attachRows(
  db: Reader,
  years: Map<number, { entry: DepartmentCopiedActuals; year: CopiedYear }>,
): Promise<void> {
  const ids = [...years.entries()].filter(([, y]) => y.year.copied > 0).map(([id]) => id);
  if (ids.length === 0) return;
  const { rows } = await sql<Record<string, unknown>>`
    WITH reasons AS (${copiedReasonsSql(inList('i.report_id', ids))})
    SELECT r.reason, ${indicatorRowColumns('i', 'i')}
    FROM reasons r JOIN indicators i ON i.report_id = r.report_id AND i.seq = r.seq
    WHERE r.reason IS NOT NULL
    ORDER BY i.year, i.seq`.execute(db);
  const indicatorOf = indicatorRowOf('i');
  for (const row of rows) {
    const indicator = indicatorOf(row);
    const { entry, year } = years.get(Number(indicator.report_id))!;
    const copied: CopiedRow = {
      departmentCode: entry.departmentCode,
      year: year.year,
      indicator,
      reason: row.reason as CopiedActualReason,
      // The family is the TypeScript rule's reading of the same texts (the SQL only says whether).
      family: copiedActual(indicator.target_text, indicator.actual_text)?.family ?? null,
    };
    entry.rows.push(copied);
    if (year.named)
      entry.findings.push({
        ...copied,
        indicators: year.indicators,
        copied: year.copied,
        share: year.share!,
        sectorMedian: year.sector.median!,
        sectorDepartments: year.sector.departments,
      });
  }
}
