import { sql, type RawBuilder } from 'kysely';
import { scopeFilter, type Scope } from './scope.js';

/**
 * What the target-setting signals (threshold clustering, target ambition, copied actuals) compare
 * a department with: every department of its sector with a report in the same year, whichever departments
 * were asked for, with or without the synthetic demo. Departments named in a request select the
 * entries returned, never the peers (as in a benchmark).
 */
export interface SignalScope extends Scope {
  /** Only departments of this sector (领域) as entries; their peers are their sector anyway. */
  sector?: string | null;
}

/** The sector of a department without one: compared with the others without one. */
export const NO_SECTOR = '(no sector)';

/**
 * The body of a CTE of the population's reports: `id, department_code, year, sector, synthetic`,
 * filtered by years and synthetic data only.
 */
export function populationSql(scope: SignalScope): RawBuilder<unknown> {
  const population = {
    fromYear: scope.fromYear,
    toYear: scope.toYear,
    includeSynthetic: scope.includeSynthetic,
  };
  return sql`
    SELECT r.id, r.department_code, r.year, coalesce(d.sector, ${NO_SECTOR}) AS sector, d.synthetic
    FROM reports r JOIN departments d ON d.code = r.department_code
    WHERE ${scopeFilter(population, { year: 'r.year', synthetic: 'd.synthetic' })}`;
}

/** The condition selecting the entries asked for (departments, sector) among population rows. */
export function entriesFilter(scope: SignalScope, alias: string): RawBuilder<boolean> {
  const departments = scopeFilter(
    { departments: scope.departments },
    { department: `${alias}.department_code` },
  );
  return scope.sector == null
    ? departments
    : sql<boolean>`${departments} AND ${sql.ref(`${alias}.sector`)} = ${scope.sector}`;
}

/**
 * A sector's distribution of one figure over its judged department-years: how many, and the
 * quartiles (linear interpolation). No minimum or maximum: each is some department's value.
 */
export interface SectorDistribution {
  sector: string;
  /** Department-years of the sector judged that year (enough measures or series). */
  departments: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
}

/** `quantile_cont` quartiles of `value` as `<prefix>_p25, <prefix>_median, <prefix>_p75`. */
export function quartilesSql(value: string, prefix: string): RawBuilder<unknown> {
  return sql.raw(
    [0.25, 0.5, 0.75]
      .map((q, i) => `quantile_cont(${value}, ${q}) AS ${prefix}_${['p25', 'median', 'p75'][i]}`)
      .join(', '),
  );
}

/** A sector distribution read back from quartilesSql's columns. */
export function sectorDistributionOf(
  row: Record<string, unknown>,
  prefix: string,
  sector: string,
  departments: number,
): SectorDistribution {
  const value = (key: string) => {
    const v = row[`${prefix}_${key}`];
    return v === null || v === undefined ? null : Number(v);
  };
  return { sector, departments, p25: value('p25'), median: value('median'), p75: value('p75') };
}
