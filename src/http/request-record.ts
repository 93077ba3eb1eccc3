import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a request's id comes in (from a proxy or the client) and goes back out in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a client may choose: a short token, nothing that could forge or break a log line. */
const SANE_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

/** The request's id: the `x-request-id` it came with when that is a sane short token, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}

/**
 * What one request did, gathered while it runs (by the access check, the request guard, the
 * GraphQL plugin) and read once its answer is done, for its log line and the metrics.
 */
export class RequestRecord {
  readonly startedAt = performance.now();
  /** The operation's name: the request's operationName, or its document's first operation's. */
  operation: string | null = null;
  /** The viewer's role (`ANALYST`, `DEPARTMENT:gz-zfw`); null before or without a valid token. */
  role: string | null = null;
  /** The data version the request read. */
  dataVersion: string | null = null;
  /** SQL statements the request ran, and the rows they returned. */
  statements = 0;
  rows = 0;
  /** Milliseconds its statements took in DuckDB, together. */
  statementMs = 0;
  /** Whether its answer came from the response cache; null when the cache was not asked. */
  cache: 'hit' | 'miss' | null = null;
  /** The codes of the errors of its answer, or of its refusal. */
  readonly errorCodes: string[] = [];

  constructor(
    readonly id: string,
    readonly method: string,
    /** The path only: a query string may hold variables' values, which are never logged. */
    readonly path: string,
  ) {}
}
