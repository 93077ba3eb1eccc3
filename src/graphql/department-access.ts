import type { GraphQLContext } from './context.js';
import type { Viewer } from './viewer.js';
import { forbiddenDepartments, readsEveryDepartment } from './viewer.js';

/**
 * Who may read what, by department: the rules the object types and the analytic root fields
 * declare (checked by @pothos/plugin-scope-auth, configured in builder.ts), and the narrowing
 * of an analytic's scope to the viewer's own department. Two lines of defence: the root fields
 * never ask the analytics for another department on a DEPARTMENT token's behalf, and any object
 * of another department that is reached all the same is refused, not sent.
 */

/**
 * Type options for an object that belongs to one department (or to none, when `codeOf` gives
 * null): readable by ADMIN and ANALYST, and by that department's own token. The check runs once
 * per object, when a field returns it (`runScopesOnType`), so a refused object is one FORBIDDEN
 * error at the field that reached it, whatever the fields selected inside.
 */
export function ownedByDepartment<Shape>(codeOf: (parent: Shape) => string | null) {
  return {
    runScopesOnType: true,
    authScopes: (parent: Shape, ctx: GraphQLContext) => {
      // Who reads every department reads this object: no scope map to build and evaluate for
      // each of a whole year's 10,000 entries.
      if (readsEveryDepartment(ctx.viewer)) return true;
      const code = codeOf(parent);
      return code === null ? true : { readAll: true, department: code };
    },
  } as const;
}

/** Type options for an object that holds several departments: readable only if all of them are. */
export function ownedByDepartments<Shape>(codesOf: (parent: Shape) => readonly string[]) {
  return {
    runScopesOnType: true,
    authScopes: (parent: Shape) => ({ readAll: true, departments: codesOf(parent) }),
  } as const;
}

type Codes = readonly (string | number)[] | null | undefined;

/**
 * Field rule for a root field whose arguments name departments: every code named must be one
 * the viewer may read, else the field is refused with FORBIDDEN naming the codes.
 */
export function departmentsAsked<Args>(codesOf: (args: Args) => Codes) {
  return (_parent: unknown, args: Args) => ({
    readAll: true,
    askedDepartments: (codesOf(args) ?? []).map(String),
  });
}

/**
 * The departments an analytic reads for this viewer: those asked (all of them, or none named)
 * for ADMIN and ANALYST; for a DEPARTMENT token, its own when none is named. The field's rule
 * has already refused codes of others; they are refused here again rather than trusted.
 */
export function departmentsFor(viewer: Viewer, asked: Codes): string[] | undefined {
  const codes = asked?.map(String);
  if (viewer.role !== 'DEPARTMENT') return codes;
  const foreign = (codes ?? []).filter((code) => code !== viewer.department);
  if (foreign.length > 0) throw forbiddenDepartments(viewer, foreign);
  return codes ?? [viewer.department];
}

/** Rows of an analytic answer a DEPARTMENT token may see: its own department's, in order. */
export function ownRows<Row>(viewer: Viewer, rows: readonly Row[], codeOf: (row: Row) => string) {
  return viewer.role === 'DEPARTMENT'
    ? rows.filter((row) => codeOf(row) === viewer.department)
    : [...rows];
}
