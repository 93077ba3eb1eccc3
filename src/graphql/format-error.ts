import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AnalyticsInputError } from '../analytics/analytics-error.js';
import { QueryTimeoutError } from '../db/duckdb-pool.js';

/**
 * What a client sees of an error: user mistakes and time limits with their message and a code;
 * anything unexpected as a generic message (the server log keeps the detail), never a stack.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AnalyticsInputError) {
    return { ...formatted, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (original instanceof QueryTimeoutError) {
    return { ...formatted, message: original.message, extensions: { code: 'QUERY_TIMEOUT' } };
  }
  const code = formatted.extensions?.code;
  if ((code === undefined || code === 'INTERNAL_SERVER_ERROR') && isRequestError(original)) {
    return { ...formatted, extensions: { code: 'BAD_REQUEST' } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    console.error(original);
    return {
      message: 'internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}

/**
 * An error Apollo raises about the request itself with a 4xx status but no code (for example
 * "provided sha does not match query" for a persisted query): the client's to fix, so its
 * message is kept.
 */
function isRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
