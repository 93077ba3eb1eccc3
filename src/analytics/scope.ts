import { sql, type RawBuilder } from 'kysely';
import { AnalyticsInputError } from './analytics-error.js';
import { inList } from './in-list.js';
import type { Reader } from './reader.js';

/**
 * What an analytic reads: a range of fiscal years, a list of departments and whether the
 * labelled synthetic demo data counts. Every part is optional; an absent part does not filter.
 */
export interface Scope {
  /** First fiscal year, inclusive. */
  fromYear?: number | null;
  /** Last fiscal year, inclusive. */
  toYear?: number | null;
  /** Only these department codes (at most MAX_DEPARTMENTS); an empty list selects nothing. */
  departments?: readonly string[] | null;
  /** Count synthetic demo departments (default DEFAULT_INCLUDE_SYNTHETIC). */
  includeSynthetic?: boolean | null;
}

/** Synthetic demo data counts unless a caller says otherwise: it is labelled in every answer. */
export const DEFAULT_INCLUDE_SYNTHETIC = true;

/** Most departments one analytic call takes by list, or returns when none is named. */
export const MAX_DEPARTMENTS = 500;

/** The columns a scope filters on, as `alias.column`; a part of the scope needs its column. */
export interface ScopeColumns {
  year?: string;
  department?: string;
  synthetic?: string;
}

/**
 * Checks a scope as users pass it: a year range in order and within reason, a bounded list of
 * departments that exist. An unknown code is an error naming it, not an empty answer that
 * looks like "nothing found".
 */
export async function checkScope(db: Reader, scope: Scope): Promise<void> {
  const { fromYear, toYear, departments } = scope;
  if (fromYear != null && toYear != null && fromYear > toYear) {
    throw new AnalyticsInputError(`fromYear ${fromYear} is after toYear ${toYear}`);
  }
  for (const year of [fromYear, toYear]) {
    if (year != null && (year < 1990 || year > 2100))
      throw new AnalyticsInputError(`year ${year} is out of range 1990-2100`);
  }
  if (departments && departments.length > MAX_DEPARTMENTS) {
    throw new AnalyticsInputError(
      `at most ${MAX_DEPARTMENTS} departments per request, got ${departments.length}`,
    );
  }
  if (departments && departments.length > 0) {
    const known = await db
      .selectFrom('departments')
      .select('code')
      .where(inList('code', departments))
      .execute();
    const codes = new Set(known.map((k) => k.code));
    const unknown = [...new Set(departments)].filter((code) => !codes.has(code));
    if (unknown.length > 0) {
      throw new AnalyticsInputError(
        `unknown department code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      );
    }
  }
}

function column(columns: ScopeColumns, part: keyof ScopeColumns): string {
  const name = columns[part];
  if (name === undefined) throw new Error(`the scope filters on ${part} but no column was named`);
  return name;
}

/**
 * The condition selecting the rows of a scope: the one definition of the analytics' filter by
 * years, departments and synthetic data. Department lists bind as one list parameter (see
 * inList). A part that is absent adds no condition, so DuckDB plans only what filters.
 */
export function scopeFilter(scope: Scope, columns: ScopeColumns): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [];
  const { fromYear, toYear, departments } = scope;
  if (fromYear != null && fromYear === toYear) {
    conditions.push(sql<boolean>`${sql.ref(column(columns, 'year'))} = ${fromYear}`);
  } else {
    if (fromYear != null)
      conditions.push(sql<boolean>`${sql.ref(column(columns, 'year'))} >= ${fromYear}`);
    if (toYear != null)
      conditions.push(sql<boolean>`${sql.ref(column(columns, 'year'))} <= ${toYear}`);
  }
  if (departments != null) {
    conditions.push(
      departments.length === 0
        ? sql<boolean>`false`
        : inList(column(columns, 'department'), departments),
    );
  }
  if (!(scope.includeSynthetic ?? DEFAULT_INCLUDE_SYNTHETIC)) {
    conditions.push(sql<boolean>`NOT ${sql.ref(column(columns, 'synthetic'))}`);
  }
  return conditions.length === 0
    ? sql<boolean>`true`
    : sql<boolean>`(${sql.join(conditions, sql` AND `)})`;
}
