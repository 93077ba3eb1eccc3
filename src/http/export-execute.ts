import type { DepartmentSource } from '../analytics/department-directory.js';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Reader } from '../analytics/reader.js';
import { createContext, type GraphQLContext } from '../graphql/context.js';
import type { Viewer } from '../graphql/viewer.js';
import type { RequestBudget } from '../graphql/request-budget.js';
import { ExportError } from './export-error.js';
import type { ExportPlan } from './export-plan.js';

/** The status of a download whose operation failed: the client's fault unless the server's. */
function statusOf(errors: readonly GraphQLFormattedError[]): { status: number; code: string } {
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes('INTERNAL_SERVER_ERROR'))
    return { status: 500, code: 'INTERNAL_SERVER_ERROR' };
  if (codes.includes('QUERY_TIMEOUT')) return { status: 503, code: 'QUERY_TIMEOUT' };
  // The request budget's deadline and the heavy-work queue: a retry later may succeed.
  for (const code of ['REQUEST_TIMEOUT', 'SERVER_BUSY'])
    if (codes.includes(code)) return { status: 503, code };
  if (codes.includes('FORBIDDEN')) return { status: 403, code: 'FORBIDDEN' };
  const first = codes.find((c) => typeof c === 'string');
  return { status: 400, code: typeof first === 'string' ? first : 'GRAPHQL_ERROR' };
}

/**
 * Runs a named operation through the same Apollo server as `/graphql`, with the same context (the
 * request's viewer included: a download shows what its token may read, no more), so
 * that parsing, validation, the query limits plugin, the statement time limit and error masking
 * (formatError) are the ones every GraphQL client gets. Apollo's CSRF prevention guards its own
 * HTTP endpoint; it does not apply here, where only the project's named queries run and a
 * download has no side effect. An answer with any error is refused whole: a partial file would
 * look complete.
 */
export async function executeForExport(
  apollo: ApolloServer<GraphQLContext>,
  db: Reader,
  plan: ExportPlan,
  variables: Record<string, unknown>,
  viewer: Viewer,
  budget?: RequestBudget,
  dataVersion: string | null = null,
  departments?: DepartmentSource,
): Promise<Record<string, unknown>> {
  const unknown = Object.keys(variables).filter((name) => !plan.variables.has(name));
  if (unknown.length > 0) {
    const declared = [...plan.variables.keys()].map((v) => `$${v}`).join(', ');
    throw new ExportError(
      400,
      'BAD_USER_INPUT',
      `unknown variable ${unknown.map((v) => `$${v}`).join(', ')}: ${plan.operation} takes ${declared || 'none'}`,
    );
  }
  const response = await apollo.executeOperation(
    { query: plan.query, operationName: plan.operation, variables },
    { contextValue: createContext(db, viewer, budget, dataVersion, departments) },
  );
  if (response.body.kind !== 'single')
    throw new ExportError(500, 'INTERNAL_SERVER_ERROR', 'incremental delivery cannot be exported');
  const { data, errors } = response.body.singleResult;
  if (errors && errors.length > 0) {
    const { status, code } = statusOf(errors);
    throw new ExportError(status, code, errors.map((e) => e.message).join('; '), errors);
  }
  return data ?? {};
}
