import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { IndicatorsTable } from '../db/tables.js';
import { AMBITION_FLOOR, AMBITION_MIN_SERIES, THRESHOLD_TOLERANCE } from '../rules/thresholds.js';
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

/** One step of an indicator series: this year's target against last year's actual. */
export interface AmbitionStep {
  departmentCode: string;
  year: number;
  /** This year's 表3 row. */
  indicator: Selectable<IndicatorsTable>;
  measureIndex: number;
  /** Last year's 表3 row it was matched to, and why. */
  previousIndicator: Selectable<IndicatorsTable>;
  previousMeasureIndex: number;
  matchedBy: string;
  target: number;
  previousTarget: number | null;
  previousActual: number;
  unit: string | null;
  direction: string;
  /** target / previous actual (previous actual / target when lower is better); null when not finite. */
  ambition: number | null;
  /** ambition below AMBITION_FLOOR: the target asks for less than was already achieved. */
  belowAchieved: boolean;
}

/** One department-year of target ambition. */
export interface AmbitionYear {
  reportId: number;
  year: number;
  /** The department has a report of the year before, so its targets can be compared at all. */
  hasPreviousYear: boolean;
  /** Series compared (steps with a finite ambition). */
  series: number;
  /** Of them, targets below last year's actual. */
  belowAchieved: number;
  /** Median ambition of its series; null without any. */
  medianAmbition: number | null;
  /** Fewer than AMBITION_MIN_SERIES series: not judged, not in the sector's figures. */
  tooFew: boolean;
  /** The sector's distribution of median ambition that year. */
  sector: SectorDistribution;
  /** Judged, median below AMBITION_FLOOR while the sector's median is at or above it. */
  named: boolean;
}

/** A target below last year's actual in a year its department is named: a finding. */
export interface AmbitionFinding extends AmbitionStep {
  medianAmbition: number;
  sectorMedian: number;
  sectorDepartments: number;
  series: number;
}

/** One department's target ambition over the years of the scope. */
export interface DepartmentAmbition {
  departmentCode: string;
  sector: string;
  synthetic: boolean;
  years: AmbitionYear[];
  /** Years it is named in. */
  namedYears: number;
  /** Every step of its indicator series in the scope, by year and 表3 row. */
  steps: AmbitionStep[];
  /** The steps below last year's actual in the years it is named. */
  findings: AmbitionFinding[];
}

/** The answer of targetAmbition. */
export interface TargetAmbition {
  departmentCount: number;
  syntheticDepartments: number;
  departments: DepartmentAmbition[];
}

const t = THRESHOLD_TOLERANCE;

/** A measure `m` the ratchet rule can compare (src/rules/ratchet.ts, isRatchetComparable). */
function comparableSql(m: string): RawBuilder<boolean> {
  const c = (column: string) => sql.ref(`${m}.${column}`);
  return sql<boolean>`(${c('comparator')} IN ('GTE', 'GT', 'LTE', 'LT', 'EQ')
    AND coalesce(${c('unit_kind')}, '') <> 'DATE' AND ${c('confidence')} <> 'LOW'
    AND NOT (coalesce(${c('unit_kind')}, '') = 'MONEY' AND ${c('direction')} = 'LOWER_BETTER'))`;
}

/**
 * The body of a CTE of the steps of the population `pop`: every measure paired with last year's
 * as the ratchet pairs them (measure_links), both comparable, last year's actual a value, same
 * direction and unit (src/rules/target-ambition.ts), with its ambition.
 */
export function ambitionStepsSql(): RawBuilder<unknown> {
  return sql`
    SELECT p.id AS report_id, p.department_code, p.year, p.sector, m.seq, m.measure_index,
           m.target, m.unit, m.direction, ml.previous_seq, ml.previous_measure_index,
           pm.report_id AS previous_report_id, pm.target AS previous_target, pm.actual AS previous_actual,
           il.matched_by,
           CASE WHEN m.direction = 'HIGHER_BETTER' THEN m.target / nullif(pm.actual, 0)
                ELSE pm.actual / nullif(m.target, 0) END AS ambition
    FROM pop p
    JOIN reports pr ON pr.department_code = p.department_code AND pr.year = p.year - 1
    JOIN indicator_measures m ON m.report_id = p.id
    JOIN measure_links ml
      ON ml.report_id = m.report_id AND ml.seq = m.seq AND ml.measure_index = m.measure_index
    JOIN indicator_links il
      ON il.report_id = m.report_id AND il.seq = m.seq AND il.previous_year = pr.year
    JOIN indicator_measures pm
      ON pm.report_id = pr.id AND pm.seq = ml.previous_seq AND pm.measure_index = ml.previous_measure_index
    WHERE ${comparableSql('m')} AND ${comparableSql('pm')}
      AND m.direction IN ('HIGHER_BETTER', 'LOWER_BETTER') AND pm.direction = m.direction
      AND pm.unit IS NOT DISTINCT FROM m.unit
      AND pm.actual_kind IN ('VALUE', 'COPIES_TARGET')
      AND pm.actual IS NOT NULL AND m.target IS NOT NULL`;
}

/**
 * The body of a CTE of the department-years of a CTE named `pop` (populationSql) with their
 * ambition figures over a CTE named `steps` (ambitionStepsSql): `has_previous_year`, `series`,
 * `below_achieved` and `median_ambition`; the one definition of them, which the target-setting
 * profile reads too.
 */
export function ambitionYearsSql(): RawBuilder<unknown> {
  return sql`
    SELECT p.id AS report_id, p.department_code, p.year, p.sector, p.synthetic,
           bool_or(q.id IS NOT NULL) AS has_previous_year,
           count(s.ambition) AS series,
           count(*) FILTER (WHERE s.ambition < ${AMBITION_FLOOR - t}) AS below_achieved,
           median(s.ambition) AS median_ambition
    FROM pop p LEFT JOIN steps s ON s.report_id = p.id
    LEFT JOIN reports q ON q.department_code = p.department_code AND q.year = p.year - 1
    GROUP BY p.id, p.department_code, p.year, p.sector, p.synthetic`;
}

/**
 * Target ambition (docs/domain.md, "Target ambition"): per department and indicator series, this
 * year's target against last year's actual, the department's median per year against its
 * sector's, and the departments whose targets stay below what they already achieved while their
 * sector's rise. Two statements: the department-years with their sector's figures, then the steps
 * of the departments returned.
 */
export async function targetAmbition(
  db: Reader,
  scope: SignalScope & { first?: number },
): Promise<TargetAmbition> {
  await checkScope(db, scope);
  const first = Math.max(1, Math.min(scope.first ?? 100, MAX_DEPARTMENTS));
  const { rows } = await sql<Record<string, unknown>>`
    WITH pop AS (${populationSql(scope)}),
    steps AS (${ambitionStepsSql()}),
    dy AS (${ambitionYearsSql()}),
    sector AS (
      SELECT sector, year, count(*) AS sector_departments, ${quartilesSql('median_ambition', 'amb')}
      FROM dy WHERE series >= ${AMBITION_MIN_SERIES} GROUP BY sector, year
    ),
    flagged AS (
      SELECT d.*, coalesce(k.sector_departments, 0) AS sector_departments, k.amb_p25, k.amb_median, k.amb_p75,
             coalesce(d.series >= ${AMBITION_MIN_SERIES} AND d.median_ambition < ${AMBITION_FLOOR - t}
               AND k.amb_median >= ${AMBITION_FLOOR - t}, false) AS named
      FROM dy d LEFT JOIN sector k ON k.sector = d.sector AND k.year = d.year
    ),
    entries AS (
      SELECT *, count(*) FILTER (WHERE named) OVER (PARTITION BY department_code) AS named_years
      FROM flagged f WHERE ${entriesFilter(scope, 'f')}
    ),
    ranked AS (
      SELECT *, dense_rank() OVER (ORDER BY named_years DESC, department_code) AS department_rank,
             count(DISTINCT department_code) OVER () AS department_count,
             count(DISTINCT CASE WHEN synthetic THEN department_code END) OVER () AS synthetic_departments
      FROM entries
    )
    SELECT * FROM ranked WHERE department_rank <= ${first}
    ORDER BY department_rank, year`.execute(db);

  const departments = new Map<string, DepartmentAmbition>();
  const years = new Map<number, { entry: DepartmentAmbition; year: AmbitionYear }>();
  for (const row of rows) {
    const code = String(row.department_code);
    let entry = departments.get(code);
    if (!entry) {
      entry = {
        departmentCode: code,
        sector: String(row.sector),
        synthetic: Boolean(row.synthetic),
        years: [],
        namedYears: Number(row.named_years),
        steps: [],
        findings: [],
      };
      departments.set(code, entry);
    }
    const series = Number(row.series);
    const year: AmbitionYear = {
      reportId: Number(row.report_id),
      year: Number(row.year),
      hasPreviousYear: Boolean(row.has_previous_year),
      series,
      belowAchieved: Number(row.below_achieved),
      medianAmbition: row.median_ambition === null ? null : Number(row.median_ambition),
      tooFew: series < AMBITION_MIN_SERIES,
      sector: sectorDistributionOf(row, 'amb', entry.sector, Number(row.sector_departments)),
      named: Boolean(row.named),
    };
    entry.years.push(year);
    years.set(year.reportId, { entry, year });
  }
  await attachSteps(db, scope, years);
  const head = rows[0];
  return {
    departmentCount: head ? Number(head.department_count) : 0,
    syntheticDepartments: head ? Number(head.synthetic_departments) : 0,
    departments: [...departments.values()],
  };
}

/** The steps of the department-years returned, and the findings among them. */
async function attachSteps(
  db: Reader,
  scope: SignalScope,
  years: Map<number, { entry: DepartmentAmbition; year: AmbitionYear }>,
): Promise<void> {
  const ids = [...years.entries()].filter(([, y]) => y.year.series > 0).map(([id]) => id);
  if (ids.length === 0) return;
  const { rows } = await sql<Record<string, unknown>>`
    WITH pop AS (SELECT * FROM (${populationSql(scope)}) p WHERE ${inList('p.id', ids)}),
    steps AS (${ambitionStepsSql()})
    SELECT s.*, ${indicatorRowColumns('i', 'i')}, ${indicatorRowColumns('pi', 'p')}
    FROM steps s
    JOIN indicators i ON i.report_id = s.report_id AND i.seq = s.seq
    JOIN indicators pi ON pi.report_id = s.previous_report_id AND pi.seq = s.previous_seq
    WHERE s.ambition IS NOT NULL
    ORDER BY s.year, s.seq, s.measure_index`.execute(db);
  const indicatorOf = indicatorRowOf('i');
  const previousOf = indicatorRowOf('p');
  for (const row of rows) {
    const { entry, year } = years.get(Number(row.report_id))!;
    const ambition = Number(row.ambition);
    const step: AmbitionStep = {
      departmentCode: entry.departmentCode,
      year: year.year,
      indicator: indicatorOf(row),
      measureIndex: Number(row.measure_index),
      previousIndicator: previousOf(row),
      previousMeasureIndex: Number(row.previous_measure_index),
      matchedBy: String(row.matched_by),
      target: Number(row.target),
      previousTarget: row.previous_target === null ? null : Number(row.previous_target),
      previousActual: Number(row.previous_actual),
      unit: row.unit === null ? null : String(row.unit),
      direction: String(row.direction),
      ambition,
      belowAchieved: ambition < AMBITION_FLOOR - t,
    };
    entry.steps.push(step);
    if (year.named && step.belowAchieved)
      entry.findings.push({
        ...step,
        medianAmbition: year.medianAmbition!,
        sectorMedian: year.sector.median!,
        sectorDepartments: year.sector.departments,
        series: year.series,
      });
  }
}
