import type { DepartmentRow } from '../analytics/departments.js';
import type { GraphQLContext } from './context.js';

/** The department of a row through the request's loader; a missing one is a broken reference. */
export async function departmentOf(ctx: GraphQLContext, code: string): Promise<DepartmentRow> {
  const department = await ctx.loaders.department.load(code);
  if (!department) throw new Error(`department ${code} is referenced but not registered`);
  return department;
}
