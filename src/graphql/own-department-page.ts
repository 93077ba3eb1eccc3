import { aliasesOf } from '../analytics/department-aliases.js';
import type { DepartmentFilter, DepartmentKey, DepartmentPage } from '../analytics/departments.js';
import type { GraphQLContext } from './context.js';

/** Whether a department comes after a cursor's key in the listing order (real first, by code). */
function isAfter(key: DepartmentKey, row: DepartmentKey): boolean {
  return row.synthetic === key.synthetic ? row.code > key.code : row.synthetic;
}

/**
 * `departments` for a DEPARTMENT token: a page of its own department alone, when it passes the
 * filter (the same conditions as listDepartments: sector, level, synthetic, and `search` as a
 * case-insensitive part of the code, the name or an alias). Listing others, even by count,
 * would tell what the token may not read.
 */
export async function ownDepartmentPage(
  ctx: GraphQLContext,
  code: string,
  filter: DepartmentFilter,
  after: DepartmentKey | null,
): Promise<DepartmentPage> {
  const own = await ctx.loaders.department.load(code);
  let matches =
    own !== null &&
    !(filter.includeSynthetic === false && own.synthetic) &&
    (!filter.sector || own.sector === filter.sector) &&
    (!filter.level || own.level === filter.level);
  if (matches && own && filter.search) {
    const part = filter.search.toLowerCase();
    const names = [own.code, own.name, ...(await aliasesOf(ctx.db, own.code))];
    matches = names.some((name) => name.toLowerCase().includes(part));
  }
  if (!matches || !own) return { totalCount: 0, rows: [], hasNextPage: false };
  return {
    totalCount: 1,
    rows: after === null || isAfter(after, own) ? [own] : [],
    hasNextPage: false,
  };
}
