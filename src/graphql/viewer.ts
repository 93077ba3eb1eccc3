import { GraphQLError } from 'graphql';

/**
 * Who asks: the role of the request's bearer token, or ADMIN for every request of a server in
 * local mode (no tokens file, loopback only). ADMIN and ANALYST read every department; ADMIN may
 * also refresh data. DEPARTMENT reads its own department, reports and findings in full, and
 * other departments only as anonymous distributions.
 */
export type Viewer =
  | { role: 'ADMIN' | 'ANALYST'; department: null; tokenId: string | null }
  | { role: 'DEPARTMENT'; department: string; tokenId: string };

/** The viewer of every request of a server in local mode. */
export const LOCAL_VIEWER: Viewer = { role: 'ADMIN', department: null, tokenId: null };

/** ADMIN and ANALYST: every department, by name, code and value. */
export function readsEveryDepartment(viewer: Viewer): boolean {
  return viewer.role !== 'DEPARTMENT';
}

/** Whether the viewer may see this department by name, code and values. */
export function readsDepartment(viewer: Viewer, code: string): boolean {
  return viewer.role !== 'DEPARTMENT' || viewer.department === code;
}

/** The viewer's role as tokens are created with it: `ANALYST`, `DEPARTMENT:gz-zfw`. */
export function viewerText(viewer: Viewer): string {
  return viewer.role === 'DEPARTMENT' ? `DEPARTMENT:${viewer.department}` : viewer.role;
}

/** An authorization error: code FORBIDDEN, the message saying what the token does not allow. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Refuses department codes a caller asked for but may not read, naming them. */
export function forbiddenDepartments(viewer: Viewer, codes: readonly string[]): GraphQLError {
  const list = [...new Set(codes)].join(', ');
  return forbidden(
    `department${codes.length > 1 ? 's' : ''} ${list}: not readable with a ${viewerText(viewer)} token, ` +
      'which reads its own department in full and other departments only as anonymous distributions',
  );
}

/**
 * For whatever changes the server's data (reloading it, later): throws FORBIDDEN unless the
 * request carries an ADMIN token (or the server is in local mode, where every request is ADMIN).
 */
export function requireAdmin(ctx: { viewer: Viewer }): void {
  if (ctx.viewer.role !== 'ADMIN')
    throw forbidden(`this needs an ADMIN token; the request's token is ${viewerText(ctx.viewer)}`);
}
