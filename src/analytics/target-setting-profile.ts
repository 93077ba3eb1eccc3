import { sql, type RawBuilder } from 'kysely';
import {
  PROFILE_COMPONENTS,
  PROFILE_WEIGHTS,
  type ProfileComponent,
} from '../rules/profile-weights.js';
import { AMBITION_MIN_SERIES, SIGNAL_MIN_MEASURES } from '../rules/thresholds.js';
import { copiedYearsSql } from './copied-actuals.js';
import { riskCountsSql } from './low-target-risk.js';
import { measureFactsSql } from './measure-facts.js';
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
import { ambitionStepsSql, ambitionYearsSql } from './target-ambition.js';
import { clusteringYearsSql } from './threshold-clustering.js';

/** Why a component has no score in a department-year. */
export type ComponentGap =
  /** Fewer than SIGNAL_MIN_MEASURES evidence measures: the risk score and the just-above share say little. */
  | 'TOO_FEW_MEASURES'
  /** No report of the year before: no target can be compared with last year's actual. */
  | 'NO_PREVIOUS_YEAR'
  /** Fewer than AMBITION_MIN_SERIES series matched to last year's: a median of one or two is an indicator's story. */
  | 'TOO_FEW_SERIES'
  /** Fewer than COPIED_MIN_INDICATORS key indicators: the copied share says little. */
  | 'TOO_FEW_INDICATORS';

/** One component of a department-year's profile: its raw figure, what it counts, and its score. */
export interface ComponentFigures {
  component: ProfileComponent;
  /**
   * The rows showing the sign: flagged measures (LOW_TARGET_RISK), measures just above target
   * (JUST_ABOVE), series whose target is below last year's actual (AMBITION_SHORTFALL), actuals
   * that restate their targets (COPIED_ACTUALS).
   */
  count: number;
  /** What they are counted among: evidence measures, evidence measures, series, key indicators. */
  basis: number;
  /**
   * The signal's own figure: the risk score, the just-above share, the median ambition, the
   * copied share; null where it has none (no measure, no series, no indicator).
   */
  raw: number | null;
  /** 0 (no sign) to 1; null when the component cannot be computed that year (`gap` says why). */
  score: number | null;
  gap: ComponentGap | null;
}

/** The target-setting profile of one department in one year. */
export interface DepartmentYearProfile {
  reportId: number;
  departmentCode: string;
  sector: string;
  synthetic: boolean;
  year: number;
  /** Every component, in PROFILE_COMPONENTS order, computable or not. */
  components: ComponentFigures[];
  /** The weighted mean of the components' scores, re-weighted over those available; null without any. */
  composite: number | null;
  /** 1 = the highest composite of its sector that year; ties share a rank; null without a composite. */
  rank: number | null;
  /** Share of the other departments of its sector with a composite that it scores above (0 to 1); null alone. */
  percentile: number | null;
  /** The composite across its sector's departments with one that year. */
  sectorComposite: SectorDistribution;
}

/** The answer of targetSettingProfile. */
export interface TargetSettingProfiles {
  /** Departments with a report in the scope (before `first`). */
  departmentCount: number;
  syntheticDepartments: number;
  /** One per department-year of the departments returned: highest composite first, then by year. */
  profiles: DepartmentYearProfile[];
}

/** The column prefix of a component in the statement. */
const COLUMN: Readonly<Record<ProfileComponent, string>> = {
  LOW_TARGET_RISK: 'risk',
  JUST_ABOVE: 'just_above',
  AMBITION_SHORTFALL: 'ambition',
  COPIED_ACTUALS: 'copied',
};

/**
 * The composite over the `<prefix>_score` columns: Σ weight × score / Σ weight, both sums over
 * the scores that are not null (docs/domain.md, "Target-setting profile"), as appliedWeights and
 * compositeScore decide in TypeScript (test/target-setting-profile.test.ts holds them together).
 */
function compositeSql(): RawBuilder<number | null> {
  const terms = PROFILE_COMPONENTS.map((c) => {
    const score = sql.ref(`${COLUMN[c]}_score`);
    const weight = sql`CAST(${PROFILE_WEIGHTS[c]} AS DOUBLE)`;
    return {
      weighted: sql`coalesce(${weight} * ${score}, 0)`,
      weight: sql`CASE WHEN ${score} IS NULL THEN 0 ELSE ${weight} END`,
    };
  });
  return sql<number | null>`(${sql.join(
    terms.map((t) => t.weighted),
    sql` + `,
  )}) / nullif(${sql.join(
    terms.map((t) => t.weight),
    sql` + `,
  )}, 0)`;
}

const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * The target-setting profile (docs/domain.md, "Target-setting profile"): per department and year
 * the four components (the low-target risk score, the share just above target, the shortfall of
 * its typical target below last year's actual, the share of actuals that restate their targets),
 * each from the SQL of its own analytic, their weighted composite re-weighted over the
 * components available, its rank and percentile within its sector that year, and the sector's
 * quartiles of the composite. One statement.
 */
export async function targetSettingProfile(
  db: Reader,
  scope: SignalScope & { first?: number },
): Promise<TargetSettingProfiles> {
  await checkScope(db, scope);
  const first = Math.max(1, Math.min(scope.first ?? 100, MAX_DEPARTMENTS));
  const { rows } = await sql<Record<string, unknown>>`
    WITH pop AS (${populationSql(scope)}),
    scope AS (SELECT id, department_code, year FROM pop),
    measures AS (${measureFactsSql()}),
    risk AS (${riskCountsSql()}),
    clustering AS (${clusteringYearsSql()}),
    steps AS (${ambitionStepsSql()}),
    ambition AS (${ambitionYearsSql()}),
    copied AS (${copiedYearsSql()}),
    figures AS (
      SELECT p.id AS report_id, p.department_code, p.year, p.sector, p.synthetic,
             coalesce(r.flagged, 0) AS risk_count, coalesce(r.measurable, 0) AS risk_basis,
             CAST(r.flagged AS DOUBLE) / nullif(r.measurable, 0) AS risk_raw,
             CASE WHEN coalesce(r.measurable, 0) < ${SIGNAL_MIN_MEASURES} THEN 'TOO_FEW_MEASURES' END AS risk_gap,
             c.just_above AS just_above_count, c.measurable AS just_above_basis,
             c.just_above_share AS just_above_raw,
             CASE WHEN NOT c.judged THEN 'TOO_FEW_MEASURES' END AS just_above_gap,
             a.below_achieved AS ambition_count, a.series AS ambition_basis,
             a.median_ambition AS ambition_raw,
             CASE WHEN NOT a.has_previous_year THEN 'NO_PREVIOUS_YEAR'
                  WHEN a.series < ${AMBITION_MIN_SERIES} THEN 'TOO_FEW_SERIES' END AS ambition_gap,
             k.copied AS copied_count, k.indicators AS copied_basis, k.share AS copied_raw,
             CASE WHEN NOT k.judged THEN 'TOO_FEW_INDICATORS' END AS copied_gap
      FROM pop p
      LEFT JOIN risk r ON r.report_id = p.id
      JOIN clustering c ON c.report_id = p.id
      JOIN ambition a ON a.report_id = p.id
      JOIN copied k ON k.report_id = p.id
    ),
    scored AS (
      SELECT *,
             CASE WHEN risk_gap IS NULL THEN risk_raw END AS risk_score,
             CASE WHEN just_above_gap IS NULL THEN just_above_raw END AS just_above_score,
             CASE WHEN ambition_gap IS NULL THEN greatest(0, least(1, 1 - ambition_raw)) END AS ambition_score,
             CASE WHEN copied_gap IS NULL THEN copied_raw END AS copied_score
      FROM figures
    ),
    composed AS (SELECT *, ${compositeSql()} AS composite FROM scored),
    sector AS (
      SELECT sector, year, count(*) AS sector_departments, ${quartilesSql('composite', 'cs')}
      FROM composed WHERE composite IS NOT NULL GROUP BY sector, year
    ),
    ranked AS (
      SELECT c.*, coalesce(k.sector_departments, 0) AS sector_departments, k.cs_p25, k.cs_median, k.cs_p75,
             CASE WHEN c.composite IS NOT NULL THEN rank() OVER w_desc END AS sector_rank,
             CASE WHEN c.composite IS NOT NULL AND k.sector_departments > 1
                  THEN percent_rank() OVER w_asc END AS sector_percentile
      FROM composed c LEFT JOIN sector k ON k.sector = c.sector AND k.year = c.year
      WINDOW w_desc AS (PARTITION BY c.sector, c.year, c.composite IS NULL ORDER BY c.composite DESC),
             w_asc AS (PARTITION BY c.sector, c.year, c.composite IS NULL ORDER BY c.composite)
    ),
    entries AS (
      SELECT *, max(composite) OVER (PARTITION BY department_code) AS best_composite
      FROM ranked f WHERE ${entriesFilter(scope, 'f')}
    ),
    ordered AS (
      SELECT *, dense_rank() OVER (ORDER BY best_composite DESC NULLS LAST, department_code) AS department_rank,
             count(DISTINCT department_code) OVER () AS department_count,
             count(DISTINCT CASE WHEN synthetic THEN department_code END) OVER () AS synthetic_departments
      FROM entries
    )
    SELECT * FROM ordered WHERE department_rank <= ${first}
    ORDER BY department_rank, year`.execute(db);

  const profiles = rows.map((row): DepartmentYearProfile => {
    const sector = String(row.sector);
    return {
      reportId: Number(row.report_id),
      departmentCode: String(row.department_code),
      sector,
      synthetic: Boolean(row.synthetic),
      year: Number(row.year),
      components: PROFILE_COMPONENTS.map((component) => {
        const column = (part: string) => row[`${COLUMN[component]}_${part}`];
        return {
          component,
          count: Number(column('count')),
          basis: Number(column('basis')),
          raw: number(column('raw')),
          score: number(column('score')),
          gap: (column('gap') ?? null) as ComponentGap | null,
        };
      }),
      composite: number(row.composite),
      rank: number(row.sector_rank),
      percentile: number(row.sector_percentile),
      sectorComposite: sectorDistributionOf(row, 'cs', sector, Number(row.sector_departments)),
    };
  });
  const head = rows[0];
  return {
    departmentCount: head ? Number(head.department_count) : 0,
    syntheticDepartments: head ? Number(head.synthetic_departments) : 0,
    profiles,
  };
}
