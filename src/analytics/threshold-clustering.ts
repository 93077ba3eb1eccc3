import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { IndicatorsTable } from '../db/tables.js';
import { ATTAINMENT_BANDS, type AttainmentBand } from '../rules/attainment-band.js';
import {
  ATTAINMENT_BAND_EDGES,
  BUNCHING_MIN_SHARE,
  BUNCHING_MIN_YEARS,
  SIGNAL_MIN_MEASURES,
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

/** Evidence measures in one band. */
export interface BandCount {
  band: AttainmentBand;
  count: number;
}

/** How a set of evidence measures spreads over the attainment bands. */
export interface BandFigures {
  /** Evidence measures counted (docs/domain.md, "Not evidence"). */
  measurable: number;
  /** One entry per band, lowest first, zeros included. */
  bands: BandCount[];
  /** Measures exactly on target (attainment 1). */
  exactlyOnTarget: number;
  /** Measures just above it: attainment in (1, 1.05]. */
  justAbove: number;
}

/** One department-year of threshold clustering. */
export interface ClusteringYear extends BandFigures {
  reportId: number;
  year: number;
  /** Fewer than SIGNAL_MIN_MEASURES evidence measures: shares not judged, not in the sector's figures. */
  tooFew: boolean;
  /** The sector's distribution of the just-above share that year. */
  sectorJustAbove: SectorDistribution;
  /** The sector's distribution of the share exactly on or just above target that year. */
  sectorOnOrJustAbove: SectorDistribution;
  /** Judged, and its just-above share is above its sector's median. */
  aboveSector: boolean;
  /** Judged, just-above share ≥ BUNCHING_MIN_SHARE and above its sector's median. */
  bunches: boolean;
}

/** One measure just above its target in a year its department bunches: a finding. */
export interface BunchingFinding {
  departmentCode: string;
  year: number;
  /** The department-year's figures the rule read. */
  measurable: number;
  justAbove: number;
  sectorJustAboveMedian: number | null;
  sectorDepartments: number;
  /** Years of the scope the department bunched in. */
  bunchingYears: number;
  indicator: Selectable<IndicatorsTable>;
  measureIndex: number;
  target: number;
  actual: number;
  unit: string | null;
  direction: string;
  attainment: number;
}

/** One department's threshold clustering over the years of the scope. */
export interface DepartmentClustering {
  departmentCode: string;
  sector: string;
  synthetic: boolean;
  years: ClusteringYear[];
  /** Years it bunched in. */
  bunchingYears: number;
  /** Bunched in at least BUNCHING_MIN_YEARS years: named, with its findings. */
  bunching: boolean;
  /** The just-above measures of its bunching years, when it is named. */
  findings: BunchingFinding[];
}

/** The answer of thresholdClustering: the figures over every evidence measure of the entries' reports (all of them, before `first`). */
export interface ThresholdClustering extends BandFigures {
  /** Departments with a report in the scope (before `first`). */
  departmentCount: number;
  /** Of them, synthetic demo departments. */
  syntheticDepartments: number;
  departments: DepartmentClustering[];
}

const t = THRESHOLD_TOLERANCE;
const { nearMiss, onTarget, justAbove, overshoot, double } = ATTAINMENT_BAND_EDGES;

/**
 * The band of a stored evidence measure `m`, as src/rules/attainment-band.ts decides it: the same
 * edges and tolerance; no finite attainment is ABOVE_200 unless the actual equals the target.
 */
export function attainmentBandSql(m: string): RawBuilder<AttainmentBand> {
  const a = `${m}.attainment`;
  return sql<AttainmentBand>`CASE
    WHEN ${sql.ref(a)} IS NULL THEN CASE WHEN ${sql.ref(`${m}.actual`)} = ${sql.ref(`${m}.target`)} THEN 'EXACTLY_100' ELSE 'ABOVE_200' END
    WHEN ${sql.ref(a)} < ${nearMiss - t} THEN 'BELOW_95'
    WHEN ${sql.ref(a)} < ${onTarget - t} THEN 'FROM_95_TO_100'
    WHEN ${sql.ref(a)} <= ${onTarget + t} THEN 'EXACTLY_100'
    WHEN ${sql.ref(a)} <= ${justAbove + t} THEN 'JUST_ABOVE'
    WHEN ${sql.ref(a)} < ${overshoot - t} THEN 'FROM_105_TO_120'
    WHEN ${sql.ref(a)} <= ${double + t} THEN 'FROM_120_TO_200'
    ELSE 'ABOVE_200' END`;
}

const bandColumn = (band: AttainmentBand) => band.toLowerCase();

/** `count(*) FILTER (WHERE band = 'X') AS x` for every band. */
const bandCountsSql = sql.raw(
  ATTAINMENT_BANDS.map(
    (band) => `count(*) FILTER (WHERE b.band = '${band}') AS ${bandColumn(band)}`,
  ).join(', '),
);

/** `sum(x) OVER () AS all_x` for every band: the entries' totals beside each row. */
const bandTotalsSql = sql.raw(
  ATTAINMENT_BANDS.map(
    (band) => `sum(${bandColumn(band)}) OVER () AS all_${bandColumn(band)}`,
  ).join(', '),
);

function figuresOf(row: Record<string, unknown>, prefix = ''): BandFigures {
  const bands = ATTAINMENT_BANDS.map((band) => ({
    band,
    count: Number(row[`${prefix}${bandColumn(band)}`] ?? 0),
  }));
  const count = (band: AttainmentBand) => bands.find((b) => b.band === band)!.count;
  return {
    measurable: bands.reduce((n, b) => n + b.count, 0),
    bands,
    exactlyOnTarget: count('EXACTLY_100'),
    justAbove: count('JUST_ABOVE'),
  };
}

/**
 * The body of a CTE of the department-years of a CTE named `pop` (populationSql) with their band
 * counts (one column per band, lower case), `measurable`, whether they are `judged` (at least
 * SIGNAL_MIN_MEASURES evidence measures), `just_above_share` and `on_or_just_above_share`: the
 * one definition of these figures, which the target-setting profile reads too.
 */
export function clusteringYearsSql(): RawBuilder<unknown> {
  return sql`
    SELECT *, measurable >= ${SIGNAL_MIN_MEASURES} AS judged,
           CAST(just_above AS DOUBLE) / nullif(measurable, 0) AS just_above_share,
           CAST(exactly_100 + just_above AS DOUBLE) / nullif(measurable, 0) AS on_or_just_above_share
    FROM (
      SELECT p.id AS report_id, p.department_code, p.year, p.sector, p.synthetic,
             count(b.band) AS measurable, ${bandCountsSql}
      FROM pop p LEFT JOIN (
        SELECT m.report_id, ${attainmentBandSql('m')} AS band
        FROM indicator_measures m
        WHERE m.evidence AND m.report_id IN (SELECT id FROM pop)
      ) b ON b.report_id = p.id
      GROUP BY p.id, p.department_code, p.year, p.sector, p.synthetic
    )`;
}

/**
 * Threshold clustering (docs/domain.md, "Threshold clustering"): how the attainments of evidence
 * measures spread over bands, per department and year against its sector, and the departments
 * whose results land just above their targets year after year. Two statements: the
 * department-years with their sector's figures, then the just-above measures of the departments
 * named.
 */
export async function thresholdClustering(
  db: Reader,
  scope: SignalScope & { first?: number },
): Promise<ThresholdClustering> {
  await checkScope(db, scope);
  const first = Math.max(1, Math.min(scope.first ?? 100, MAX_DEPARTMENTS));
  const { rows } = await sql<Record<string, unknown>>`
    WITH pop AS (${populationSql(scope)}),
    shares AS (${clusteringYearsSql()}),
    sector AS (
      SELECT sector, year, count(*) AS sector_departments,
             ${quartilesSql('just_above_share', 'ja')}, ${quartilesSql('on_or_just_above_share', 'oja')}
      FROM shares WHERE judged GROUP BY sector, year
    ),
    flagged AS (
      SELECT s.*, coalesce(k.sector_departments, 0) AS sector_departments,
             k.ja_p25, k.ja_median, k.ja_p75, k.oja_p25, k.oja_median, k.oja_p75,
             coalesce(s.judged AND s.just_above_share > k.ja_median + ${t}, false) AS above_sector,
             coalesce(s.judged AND s.just_above_share >= ${BUNCHING_MIN_SHARE - t}
               AND s.just_above_share > k.ja_median + ${t}, false) AS bunches
      FROM shares s LEFT JOIN sector k ON k.sector = s.sector AND k.year = s.year
    ),
    entries AS (
      SELECT *, count(*) FILTER (WHERE bunches) OVER (PARTITION BY department_code) AS bunching_years
      FROM flagged f WHERE ${entriesFilter(scope, 'f')}
    ),
    ranked AS (
      SELECT *, dense_rank() OVER (
               ORDER BY bunching_years >= ${BUNCHING_MIN_YEARS} DESC, bunching_years DESC, department_code
             ) AS department_rank,
             count(DISTINCT department_code) OVER () AS department_count,
             count(DISTINCT CASE WHEN synthetic THEN department_code END) OVER () AS synthetic_departments,
             ${bandTotalsSql}
      FROM entries
    )
    SELECT * FROM ranked WHERE department_rank <= ${first}
    ORDER BY department_rank, year`.execute(db);

  const departments = new Map<string, DepartmentClustering>();
  for (const row of rows) {
    const code = String(row.department_code);
    const bunchingYears = Number(row.bunching_years);
    let entry = departments.get(code);
    if (!entry) {
      entry = {
        departmentCode: code,
        sector: String(row.sector),
        synthetic: Boolean(row.synthetic),
        years: [],
        bunchingYears,
        bunching: bunchingYears >= BUNCHING_MIN_YEARS,
        findings: [],
      };
      departments.set(code, entry);
    }
    const sectorDepartments = Number(row.sector_departments);
    entry.years.push({
      ...figuresOf(row),
      reportId: Number(row.report_id),
      year: Number(row.year),
      tooFew: !row.judged,
      sectorJustAbove: sectorDistributionOf(row, 'ja', entry.sector, sectorDepartments),
      sectorOnOrJustAbove: sectorDistributionOf(row, 'oja', entry.sector, sectorDepartments),
      aboveSector: Boolean(row.above_sector),
      bunches: Boolean(row.bunches),
    });
  }
  const entries = [...departments.values()];
  await attachFindings(db, entries);
  const head = rows[0];
  return {
    ...(head ? figuresOf(head, 'all_') : figuresOf({})),
    departmentCount: head ? Number(head.department_count) : 0,
    syntheticDepartments: head ? Number(head.synthetic_departments) : 0,
    departments: entries,
  };
}

/** The just-above measures of the bunching years of the named departments, as their findings. */
async function attachFindings(db: Reader, entries: DepartmentClustering[]): Promise<void> {
  const years = new Map<number, { entry: DepartmentClustering; year: ClusteringYear }>();
  for (const entry of entries)
    if (entry.bunching)
      for (const year of entry.years) if (year.bunches) years.set(year.reportId, { entry, year });
  if (years.size === 0) return;
  const { rows } = await sql<Record<string, unknown>>`
    SELECT m.report_id, m.seq, m.measure_index, m.target, m.actual, m.unit, m.direction, m.attainment,
           ${indicatorRowColumns('i', 'i')}
    FROM indicator_measures m
    JOIN indicators i ON i.report_id = m.report_id AND i.seq = m.seq
    WHERE ${inList('m.report_id', [...years.keys()])} AND m.evidence
      AND ${attainmentBandSql('m')} = 'JUST_ABOVE'
    ORDER BY m.year, m.seq, m.measure_index`.execute(db);
  const indicatorOf = indicatorRowOf('i');
  for (const row of rows) {
    const { entry, year } = years.get(Number(row.report_id))!;
    entry.findings.push({
      departmentCode: entry.departmentCode,
      year: year.year,
      measurable: year.measurable,
      justAbove: year.justAbove,
      sectorJustAboveMedian: year.sectorJustAbove.median,
      sectorDepartments: year.sectorJustAbove.departments,
      bunchingYears: entry.bunchingYears,
      indicator: indicatorOf(row),
      measureIndex: Number(row.measure_index),
      target: Number(row.target),
      actual: Number(row.actual),
      unit: row.unit === null ? null : String(row.unit),
      direction: String(row.direction),
      attainment: Number(row.attainment),
    });
  }
}
