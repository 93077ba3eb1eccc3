import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { StatementDone } from '../db/duckdb-pool.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { RequestBudget } from '../graphql/request-budget.js';
import { viewerText } from '../graphql/viewer.js';
import type { AccessControl } from './access-control.js';
import { EXPORT_PREFIX } from './export-request.js';
import type { Logger } from './logger.js';
import { labelValue, type AppMetrics } from './metrics.js';
import { METRICS_PATH } from './metrics-route.js';
import type { RequestObserver } from './request-guard.js';
import { REQUEST_ID_HEADER, RequestRecord, requestIdOf } from './request-record.js';

/**
 * One JSON line per API request (docs/operations.md, "Logs, metrics and readiness"), and the
 * request metrics, from records gathered while each request runs.
 */
export interface RequestLog extends RequestObserver {
  /**
   * Starts the record of a request as it arrives, and gives it its id (echoed in
   * `x-request-id`); its line is written and its metrics counted when the response closes.
   */
  begin(req: IncomingMessage, res: ServerResponse): RequestRecord;
  /** Puts each answer's operation name and error codes on its request's record. */
  plugin: ApolloServerPlugin<GraphQLContext>;
  /** Access control that also notes the viewer's role (never the token) on the record. */
  withRoles(access: AccessControl): AccessControl;
  /** Requests arrived and not yet answered. */
  inFlight(): number;
}

/** Paths whose every request is an operation: a GraphQL request or a download. */
function isOperationPath(path: string): boolean {
  return path === '/graphql' || path.startsWith(EXPORT_PREFIX);
}

/** GraphiQL's page (and its 304s) at GET /graphql: a page load, not an operation. */
function isPage(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const type = String(res.getHeader('content-type') ?? '');
  return res.statusCode === 304 || type.startsWith('text/html');
}

/** The first operation's name of a parsed document. */
function firstOperationName(document: DocumentNode | undefined): string | null {
  for (const definition of document?.definitions ?? [])
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value ?? null;
  return null;
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).flatMap((e) => {
    const code = e.extensions?.code;
    return typeof code === 'string' ? [code] : [];
  });
}

/** Largest refusal body read for its codes; refusals are a few hundred bytes. */
const MAX_REFUSAL_BYTES = 16_384;

/** The error codes of a JSON refusal body as the app writes them (`{"errors":[…]}`), if any. */
function refusalCodes(res: ServerResponse, chunk: unknown): string[] {
  if (res.getHeader('content-encoding')) return [];
  if (!String(res.getHeader('content-type') ?? '').includes('json')) return [];
  if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return [];
  if (chunk.length > MAX_REFUSAL_BYTES) return [];
  try {
    const body = JSON.parse(chunk.toString()) as { errors?: GraphQLFormattedError[] };
    return Array.isArray(body.errors) ? codesOf(body.errors) : [];
  } catch {
    return [];
  }
}

/**
 * Notes the codes of a refusal as it is sent. Refusals are written in several places (access
 * control, the request limits, downloads, reloads) before or instead of GraphQL, all in the
 * shape of GraphQL's errors; reading the small body they end with keeps every one of them in
 * the log without each having to report itself.
 */
function noteRefusalCodes(res: ServerResponse, record: RequestRecord): void {
  const end = res.end;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (res.statusCode >= 400 && record.errorCodes.length === 0)
      record.errorCodes.push(...refusalCodes(res, args[0]));
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.end;
}

type Level = 'debug' | 'info' | 'warn';

/**
 * The level of a request's line, or null for none: failures of the server are warnings, every
 * operation and refusal is info, a scrape of the metrics is debug; the other requests that went
 * well (health checks, static files) are not logged.
 */
function levelOf(record: RequestRecord, status: number): Level | null {
  if (status >= 500) return 'warn';
  if (status >= 400 || isOperationPath(record.path) || record.path.startsWith('/admin/'))
    return 'info';
  return record.path === METRICS_PATH ? 'debug' : null;
}

/** The request log of an app, writing to `logger` and counting into `metrics`. */
export function createRequestLog(logger: Logger, metrics: AppMetrics): RequestLog {
  const records = new WeakMap<IncomingMessage, RequestRecord>();
  const byBudget = new WeakMap<RequestBudget, RequestRecord>();
  let inFlight = 0;

  function done(record: RequestRecord, req: IncomingMessage, res: ServerResponse): void {
    inFlight--;
    const durationMs = performance.now() - record.startedAt;
    // The client went away before the whole answer was sent: nginx's 499.
    const status = res.writableFinished ? res.statusCode : 499;
    if (!res.writableFinished) record.errorCodes.push('CLIENT_CLOSED_REQUEST');
    const operation = isOperationPath(record.path) && !isPage(req, res);
    if (operation) metrics.requestDone(record.operation, status, durationMs / 1000);
    metrics.errors(record.errorCodes);
    const level = levelOf(record, status);
    if (!level || !logger.isLevelEnabled(level)) return;
    logger[level](
      {
        reqId: record.id,
        method: record.method,
        path: record.path,
        operation: operation ? labelValue(record.operation) : null,
        role: record.role,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        statements: record.statements,
        rows: record.rows,
        dbMs: Math.round(record.statementMs * 10) / 10,
        dataVersion: record.dataVersion,
        cache: record.cache,
        errorCodes: record.errorCodes,
      },
      'request',
    );
  }

  return {
    begin(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const record = new RequestRecord(requestIdOf(req), req.method ?? 'GET', path);
      records.set(req, record);
      inFlight++;
      res.setHeader(REQUEST_ID_HEADER, record.id);
      noteRefusalCodes(res, record);
      res.once('close', () => done(record, req, res));
      return record;
    },
    begun(req, budget, dataVersion) {
      const record = records.get(req);
      if (!record) return undefined;
      record.dataVersion = dataVersion;
      byBudget.set(budget, record);
      return (statement: StatementDone) => {
        record.statements++;
        record.rows += statement.rows;
        record.statementMs += statement.durationMs;
        metrics.statementDone(statement);
      };
    },
    plugin: {
      async requestDidStart({ contextValue }) {
        const record = byBudget.get(contextValue.budget);
        if (!record) return;
        return {
          async willSendResponse({ request, operationName, document, response }) {
            record.operation ??=
              request.operationName || operationName || firstOperationName(document);
            if (response.body.kind === 'single')
              record.errorCodes.push(...codesOf(response.body.singleResult.errors));
          },
        };
      },
    },
    withRoles(access) {
      return {
        ...access,
        async authenticate(req) {
          const result = await access.authenticate(req);
          const record = records.get(req);
          if (record && 'role' in result) record.role = viewerText(result);
          return result;
        },
      };
    },
    inFlight: () => inFlight,
  };
}
