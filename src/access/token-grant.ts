/**
 * What a token may read. ADMIN and ANALYST read every department; ADMIN may also refresh data.
 * A DEPARTMENT token reads its own department in full and its peers only as anonymous
 * distributions (docs/operations.md, "Access control").
 */
export type Role = 'ADMIN' | 'ANALYST' | 'DEPARTMENT';

export const ROLES: readonly Role[] = ['ADMIN', 'ANALYST', 'DEPARTMENT'];

/** A role, with the department it is bound to when it is DEPARTMENT (and only then). */
export type Grant =
  { role: 'ADMIN' | 'ANALYST'; department: null } | { role: 'DEPARTMENT'; department: string };

/** The department registry's code format (seeds/departments.csv). */
export const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]*$/;

/** A role text that cannot be a grant: the message says what would be. */
export class GrantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GrantError';
  }
}

/** Reads `ADMIN`, `ANALYST` or `DEPARTMENT:<code>` (the role word in any case). */
export function parseGrant(text: string): Grant {
  const [word = '', code, ...rest] = text.trim().split(':');
  const role = word.toUpperCase();
  const expected = 'expected ADMIN, ANALYST or DEPARTMENT:<code>, e.g. DEPARTMENT:gz-zfw';
  if (rest.length > 0) throw new GrantError(`role "${text}": ${expected}`);
  if (role === 'ADMIN' || role === 'ANALYST') {
    if (code !== undefined) throw new GrantError(`role ${role} takes no department: ${expected}`);
    return { role, department: null };
  }
  if (role === 'DEPARTMENT') {
    if (!code) throw new GrantError(`role DEPARTMENT needs its department: ${expected}`);
    if (!DEPARTMENT_CODE.test(code))
      throw new GrantError(`"${code}" is not a department code (lower-case letters, digits, -)`);
    return { role, department: code };
  }
  throw new GrantError(`unknown role "${text}": ${expected}`);
}

/** A grant as it is written on the command line and in messages: `DEPARTMENT:gz-zfw`. */
export function grantText(grant: Grant): string {
  return grant.role === 'DEPARTMENT' ? `DEPARTMENT:${grant.department}` : grant.role;
}
