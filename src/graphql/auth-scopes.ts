import {
  AuthScopeFailureType,
  type AuthFailure,
  type ForbiddenResult,
} from '@pothos/plugin-scope-auth';
import { getNamedType, type GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from './context.js';
import {
  forbidden,
  forbiddenDepartments,
  readsDepartment,
  readsEveryDepartment,
  viewerText,
} from './viewer.js';

/**
 * The scopes of @pothos/plugin-scope-auth, and what a request has of them (from its viewer).
 * Type rules (department-access.ts) require `readAll` or the object's own `department`; root
 * fields that take department codes require `readAll` or `askedDepartments` of the codes.
 */
export interface AuthScopes {
  /** ADMIN: may also change the server's data. */
  admin: boolean;
  /** ADMIN or ANALYST: reads every department. */
  readAll: boolean;
  /** The viewer may read this department (an object reached; its code is not repeated in errors). */
  department: string;
  /** The viewer may read all these departments (an object of several). */
  departments: readonly string[];
  /** The viewer may read every department code the caller named in arguments (named in errors). */
  askedDepartments: readonly string[];
}

/** The scope initializer: run once per request, on the request's viewer. */
export function authScopesOf(ctx: GraphQLContext) {
  const { viewer } = ctx;
  const readsAll = (codes: readonly string[]) => codes.every((c) => readsDepartment(viewer, c));
  return {
    admin: viewer.role === 'ADMIN',
    readAll: readsEveryDepartment(viewer),
    department: (code: string) => readsDepartment(viewer, code),
    departments: readsAll,
    askedDepartments: readsAll,
  };
}

/** The scope checks that failed, with their parameters, through `$any` and `$all`. */
function failedScopes(failure: AuthFailure): { scope: string; parameter: unknown }[] {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return [{ scope: failure.scope, parameter: failure.parameter }];
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return failure.failures.flatMap(failedScopes);
    default:
      return [];
  }
}

/**
 * The error of a refused field or object, code FORBIDDEN. Codes the caller named are repeated
 * (the caller knows them); the department of an object reached through the graph is not, since
 * naming it would give away what the check withholds.
 */
export function forbiddenError(
  _parent: unknown,
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  result: ForbiddenResult,
): GraphQLError {
  const failed = failedScopes(result.failure);
  const asked = failed
    .filter((f) => f.scope === 'askedDepartments')
    .flatMap((f) => f.parameter as readonly string[])
    .filter((code) => !readsDepartment(ctx.viewer, code));
  if (asked.length > 0) return forbiddenDepartments(ctx.viewer, asked);
  if (failed.some((f) => f.scope === 'admin'))
    return forbidden(
      `${info.parentType.name}.${info.fieldName} needs an ADMIN token; the request's token is ${viewerText(ctx.viewer)}`,
    );
  return forbidden(
    `not authorized: this ${getNamedType(info.returnType).name} belongs to another department, ` +
      `and a ${viewerText(ctx.viewer)} token reads only its own`,
  );
}
