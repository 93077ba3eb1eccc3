import { sql } from 'kysely';
import type { DepartmentLevel, DepartmentsTable } from '../db/tables.js';
import { inList } from './in-list.js';
import type { Reader } from './reader.js';

export type DepartmentRow = DepartmentsTable;

export interface DepartmentFilter {
  sector?: string | null;
  level?: DepartmentLevel | null;
  /** Matches code, name or alias, case-insensitively, as a substring. */
  search?: string | null;
  /** Count synthetic demo departments (default true). */
  includeSynthetic?: boolean | null;
}

/** Where a page starts: after this department in the listing order. */
export interface DepartmentKey {
  synthetic: boolean;
  code: string;
}

export interface DepartmentPage {
  totalCount: number;
  rows: DepartmentRow[];
  hasNextPage: boolean;
}

/** Departments by code, in the order asked (null for unknown codes). */
export async function departmentsByCode(
  db: Reader,
  codes: readonly string[],
): Promise<(DepartmentRow | null)[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('departments')
    .selectAll()
    .where(inList('code', codes))
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.map((c) => byCode.get(c) ?? null);
}

/**
 * A page of departments, real ones first and then by code, after a key (keyset pagination), with
 * the total count. Real departments lead because demo codes (demo-…) would otherwise fill the
 * first pages ahead of the departments an analyst came for.
 */
export async function listDepartments(
  db: Reader,
  filter: DepartmentFilter,
  first: number,
  after: DepartmentKey | null,
): Promise<DepartmentPage> {
  let query = db.selectFrom('departments');
  if (filter.includeSynthetic === false) query = query.where('synthetic', '=', false);
  if (filter.sector) query = query.where('sector', '=', filter.sector);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', sql<string>`${pattern} ESCAPE '\\'`),
        eb('name', 'ilike', sql<string>`${pattern} ESCAPE '\\'`),
        eb.exists(
          eb
            .selectFrom('department_aliases as a')
            .select('a.alias')
            .whereRef('a.department_code', '=', 'departments.code')
            .where('a.alias', 'ilike', sql<string>`${pattern} ESCAPE '\\'`),
        ),
      ]),
    );
  }
  const page = query
    .selectAll()
    .orderBy('synthetic')
    .orderBy('code')
    .limit(first + 1);
  const [rows, counted] = await Promise.all([
    (after === null
      ? page
      : page.where((eb) =>
          eb.or([
            eb('synthetic', '>', after.synthetic),
            eb.and([eb('synthetic', '=', after.synthetic), eb('code', '>', after.code)]),
          ]),
        )
    ).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    totalCount: Number(counted.n),
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
  };
}

/** Fiscal years that have at least one report, ascending. */
export async function reportYears(db: Reader): Promise<number[]> {
  const rows = await db.selectFrom('reports').select('year').distinct().orderBy('year').execute();
  return rows.map((r) => r.year);
}

/**
 * The fiscal years each department published a report in, ascending, in the order asked (an
 * empty list for a department without reports). One grouped statement that reads two columns:
 * a directory of departments needs no report's figures.
 */
export async function reportYearsOfDepartments(
  db: Reader,
  codes: readonly string[],
): Promise<number[][]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<{ department_code: string; years: number[] }>`
    SELECT department_code, list(year ORDER BY year) AS years FROM reports
    WHERE ${inList('department_code', codes)} GROUP BY department_code`.execute(db);
  const byCode = new Map(rows.map((r) => [r.department_code, r.years.map(Number)]));
  return codes.map((code) => byCode.get(code) ?? []);
}
