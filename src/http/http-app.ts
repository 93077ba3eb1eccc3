import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Reader } from '../analytics/reader.js';
import { createContext, type GraphQLContext } from '../graphql/context.js';
import { emptyAnswerNoticesPlugin } from '../graphql/empty-answer-notices.js';
import { formatError } from '../graphql/format-error.js';
import { readExampleOperations } from '../graphql/example-operations.js';
import {
  defaultQueryLimits,
  queryLimitsPlugin,
  type QueryLimits,
} from '../graphql/query-limits.js';
import { corpusStatistics, type CorpusStatistics } from '../analytics/corpus-statistics.js';
import type { StatementOptions } from '../db/duckdb-pool.js';
import { HeavyWorkQueue } from '../graphql/heavy-work-queue.js';
import { createRequestGuard } from './request-guard.js';
import type { LiveData } from '../db/live-database.js';
import { ADMIN_RELOAD_PATH, reloadData, sendReadiness } from './live-data-routes.js';
import { defaultRequestLimits, type RequestLimits } from './request-limits.js';
import { EXPORT_PREFIX } from './export-request.js';
import { createExportRoute } from './export-route.js';
import { createGraphiQL } from './graphiql.js';
import {
  createDashboard,
  dashboardAssets,
  isDashboardPath,
  serveDashboard,
} from './dashboard-assets.js';
import { encodeBody, endWithBody, endWithEncoded, preferredCoding } from './compressed-body.js';
import { cacheableAnswers } from './cacheable-answers.js';
import { ResponseCache } from './response-cache.js';
import { responseCacheKey } from './response-cache-key.js';
import { checkDocumentShape } from '../graphql/document-shape.js';
import { authenticateOrRefuse, localAccessControl, type AccessControl } from './access-control.js';
import { SQL_DIR } from '../db/prepare-database.js';
import { silentLogger, type Logger } from './logger.js';
import { createMetrics, type AppMetrics } from './metrics.js';
import { METRICS_PATH, sendMetrics } from './metrics-route.js';
import { checkReadiness, shuttingDown, type Readiness } from './readiness.js';
import { createRequestLog } from './request-log.js';
import type { RequestRecord } from './request-record.js';

/** Largest request body accepted (a GraphQL document with variables). */
const MAX_BODY_BYTES = 1_000_000;

/**
 * How long a stop waits for the requests in flight before closing their connections: the
 * request deadline, which stops each of them by itself, and a second for the refusal of one
 * stopped at its deadline to be written; Apollo's 10 s when requests have no deadline.
 */
function stopGracePeriodMs(limits: RequestLimits): number {
  return limits.requestTimeoutMs > 0 ? limits.requestTimeoutMs + 1_000 : 10_000;
}

/** Answers kept for identical requests unless configured otherwise: 64 MiB. */
export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

/** Whether an answer came from the response cache (`hit`) or was computed (`miss`). */
export const CACHE_HEADER = 'jixiao-cache';

export interface HttpApp {
  server: Server;
  apollo: ApolloServer<GraphQLContext>;
  /** The queue heavy analytic operations wait in (its stats: running, queued). */
  heavyWork: HeavyWorkQueue;
  /** The answers kept for identical requests (null when the cache is off): hits, misses, size. */
  responseCache: ResponseCache | null;
  /** Recomputes the corpus statistics the cost estimate reads: call it after the data changed. */
  refreshStatistics(): Promise<CorpusStatistics>;
  /** The app's metrics (`GET /metrics`); the response cache reports its lookups to them. */
  metrics: AppMetrics;
  /** Re-reads the served data's migrations for `/readyz`: call it after the data changed. */
  refreshReadiness(): Promise<Readiness>;
  /** Requests arrived and not yet answered: what a stop waits for. */
  requestsInFlight(): number;
  /**
   * Stops accepting connections, answers `/readyz` with 503 on the connections still open, waits
   * for requests in flight (closing their connections after stopGracePeriodMs), stops Apollo.
   */
  stop(): Promise<void>;
}

export interface HttpAppOptions {
  schema: GraphQLSchema;
  db: Reader;
  limits?: QueryLimits;
  /** Rows one download under /export/ may hold (default DEFAULT_MAX_EXPORT_ROWS). */
  maxExportRows?: number;
  /** Who may ask what (access-control.ts); local mode (every request ADMIN) when absent. */
  access?: AccessControl;
  /**
   * `db` bound to one request (Db.readerFor), so that its statements stop with the request;
   * without it statements are not cancelled, only the resolvers stop.
   */
  readerFor?: (statement: StatementOptions) => Reader;
  /** Deadline, answer caps and heavy-work queue (default defaultRequestLimits). */
  requestLimits?: Partial<RequestLimits>;
  /**
   * Bytes of answers kept for identical requests (response-cache.ts; default
   * DEFAULT_RESPONSE_CACHE_BYTES, 0: no cache).
   */
  responseCacheBytes?: number;
  /** The corpus statistics costs are estimated from; read from `db` at start when absent. */
  statistics?: CorpusStatistics;
  /**
   * Data that changes at run time (db/live-database.ts): each request reads the snapshot current
   * when it began, through its own pool, until its answer is sent; `db` and `readerFor` then
   * serve only as the data was at start. Answers carry the version (`jixiao-data-version`),
   * `/readyz` names it and `POST /admin/reload` (ADMIN) swaps to a newly published one at once.
   */
  data?: LiveData;
  /** Where a JSON line per request goes (logger.ts, request-log.ts); none when absent. */
  logger?: Logger;
  /**
   * What `GET /metrics` answers with, in Prometheus's text format; this app's own metrics when
   * absent. A worker process answers with every worker's, summed (cluster/worker-metrics.ts).
   */
  metricsText?: () => Promise<string>;
  /** Called after `POST /admin/reload` refreshed the data (a worker has the others reload too). */
  afterReload?: () => void;
  /** The code's migrations, which `/readyz` compares the served data's with (default SQL_DIR). */
  migrationsDir?: string;
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The GraphQL document of a request: `query` of a JSON body, or of the URL for a GET. */
function queryText(body: unknown, url: URL): string {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query === 'string') return query;
  return url.searchParams.get('query') ?? '';
}

function wantsHtml(req: IncomingMessage): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

/**
 * The HTTP surface: `/graphql` (GraphQL over HTTP through Apollo, or GraphiQL's page for a
 * browser), `/assets/<name>.<hash>.<ext>` (GraphiQL's scripts, styles and workers, cached for
 * good), `/dashboard` (the charts, src/dashboard/), `/export/<OperationName>.csv|.xlsx` (a named
 * operation as a file), `/healthz`, `/readyz` (the data version served) and `POST /admin/reload`
 * (live-data-routes.ts), `/metrics` (metrics-route.ts). GraphQL answers are compressed when the
 * client accepts it. Each request is logged as one JSON line when its response closes
 * (request-log.ts).
 * Apollo's own landing page is off: it loads Apollo Sandbox from a CDN.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const server = createServer();
  const requestLimits = { ...defaultRequestLimits, ...options.requestLimits };
  // The data as it is now: the current snapshot's when it changes at run time.
  const currentDb = (): Reader => options.data?.db.kysely ?? options.db;
  let statistics = options.statistics ?? (await corpusStatistics(currentDb()));
  const heavyWork = new HeavyWorkQueue(requestLimits.heavyConcurrency, requestLimits.heavyQueue);
  const metrics = createMetrics({
    heavyWork: () => heavyWork.stats(),
    dataVersion: () => options.data?.version ?? null,
  });
  const requestLog = createRequestLog(options.logger ?? silentLogger(), metrics);
  // Each access check also notes the viewer's role on the request's log line.
  const access = requestLog.withRoles(options.access ?? localAccessControl());
  const guard = createRequestGuard(
    options.db,
    options.readerFor,
    requestLimits,
    options.data,
    requestLog,
  );
  const migrationsDir = options.migrationsDir ?? SQL_DIR;
  let readiness = await checkReadiness(currentDb(), migrationsDir);
  let stopping = false;
  const cacheBytes = options.responseCacheBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  const responseCache = cacheBytes > 0 ? new ResponseCache(cacheBytes, metrics) : null;
  const cacheable = cacheableAnswers();
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: access.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Apollo's own handlers would stop it on SIGINT and SIGTERM and then kill the process with
    // the signal again, before the database is closed: the server stops it (server.ts).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer: server,
        stopGracePeriodMillis: stopGracePeriodMs(requestLimits),
      }),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin wraps every field resolution to read hints the schema
      // has none of: a tenth of the time of a large answer, for nothing.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(options.schema, options.limits ?? defaultQueryLimits, {
        statistics: () => statistics,
        heavyWork,
      }),
      emptyAnswerNoticesPlugin(options.schema),
      requestLog.plugin,
      cacheable.plugin,
    ],
  });
  await apollo.start();
  const operations = readExampleOperations();
  // GraphiQL's files are hashed and compressed at start-up: only when it is served.
  const graphiql = access.graphiql ? await createGraphiQL(operations) : null;
  const dashboard = await createDashboard(dashboardAssets(operations));
  const exportRoute = createExportRoute({
    apollo,
    db: options.db,
    operations,
    maxRows: options.maxExportRows,
    begin: guard.begin,
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const record = requestLog.begin(req, res);
    void handle(req, res, record).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      // A client that went away mid-request (or whose connection a stop closed) is no fault
      // of the server's: its request's log line says 499.
      if (!tooLarge && !req.destroyed) console.error(error);
      if (!res.headersSent) {
        send(
          res,
          tooLarge ? 413 : 500,
          'application/json',
          JSON.stringify({
            errors: [
              {
                message: tooLarge
                  ? `request body over ${MAX_BODY_BYTES} bytes`
                  : 'internal server error',
              },
            ],
          }),
        );
      } else res.end();
    });
  });

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    record: RequestRecord,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return send(res, 200, 'application/json', '{"status":"ok"}');
    if (url.pathname === '/readyz')
      return sendReadiness(res, options.data, stopping ? shuttingDown(readiness) : readiness);
    if (url.pathname === METRICS_PATH)
      return sendMetrics(req, res, access, metrics, options.metricsText);
    if (url.pathname === ADMIN_RELOAD_PATH) {
      const viewer = await authenticateOrRefuse(access, req, res);
      return viewer ? reloadData(req, res, viewer, options.data, options.afterReload) : undefined;
    }
    // Downloads run the named operations through the same Apollo server (same limits, same
    // error masking); Apollo's CSRF prevention stays on /graphql, where any query can be sent.
    if (url.pathname.startsWith(EXPORT_PREFIX)) {
      const viewer = await authenticateOrRefuse(access, req, res);
      return viewer ? exportRoute(req, res, url, viewer) : undefined;
    }
    if (graphiql?.assets.serve(req, res, url.pathname)) return;
    if (isDashboardPath(url.pathname)) return serveDashboard(dashboard, req, res, url);
    if (url.pathname !== '/graphql')
      return send(
        res,
        404,
        'text/plain; charset=utf-8',
        'not found: try /graphql, /dashboard, or /export/<OperationName>.csv or .xlsx',
      );
    if (wantsHtml(req) && !url.searchParams.has('query'))
      return graphiql
        ? graphiql.page.serve(req, res)
        : send(
            res,
            404,
            'text/plain; charset=utf-8',
            'GraphiQL is off on this server (JIXIAO_GRAPHIQL=1 turns it on): send GraphQL requests to POST /graphql, with a bearer token if the server asks for one',
          );
    // The page is public (it holds no data); what is asked of the data needs a viewer.
    const viewer = await authenticateOrRefuse(access, req, res);
    if (!viewer) return;
    // From here the request runs under its budget (deadline, caps, cancelled if the client goes).
    const { budget, db, dataVersion, departments } = guard.begin(req, res);

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const raw = req.method === 'POST' ? await readBody(req) : '';
    const json = (headers.get('content-type') ?? '').includes('application/json');
    // Only JSON POSTs are cached: what Apollo's CSRF prevention lets through unchanged.
    const cacheKey =
      responseCache && raw && json
        ? responseCacheKey({
            dataVersion,
            viewer,
            accept: headers.get('accept') ?? '',
            coding: preferredCoding(req),
            body: raw,
          })
        : null;
    const cached = cacheKey ? responseCache?.get(cacheKey) : undefined;
    if (cached) {
      for (const [key, value] of cached.headers) res.setHeader(key, value);
      res.setHeader(CACHE_HEADER, 'hit');
      record.operation = cached.operation;
      record.cache = 'hit';
      return endWithEncoded(res, { coding: cached.coding, body: cached.body });
    }
    let body: unknown = raw;
    if (raw && json) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(
          res,
          400,
          'application/json',
          JSON.stringify({ errors: [{ message: 'request body is not valid JSON' }] }),
        );
      }
    }
    // graphql-js parses and validates by recursion: a document nested thousands deep, or a
    // chain of thousands of fragments, would overflow its stack. Refuse it before parsing.
    const refusal = checkDocumentShape(queryText(body, url));
    if (refusal)
      return send(
        res,
        400,
        'application/json',
        JSON.stringify({
          errors: [{ message: refusal.message, extensions: { code: refusal.code } }],
        }),
      );
    const context = createContext(db, viewer, budget, dataVersion, departments);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.search,
        body,
      },
      context: async () => context,
    });
    if (result.body.kind === 'complete') {
      const replaced = guard.check(budget, result.body.string);
      if (replaced) return send(res, replaced.status, 'application/json', replaced.body);
    }
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete' && cacheKey && responseCache) {
      res.setHeader(CACHE_HEADER, 'miss');
      record.cache = 'miss';
      const encoded = await encodeBody(req, result.body.string);
      if (res.statusCode === 200 && cacheable.has(context))
        responseCache.set(cacheKey, {
          operation: record.operation,
          headers: [...result.headers],
          ...encoded,
        });
      return endWithEncoded(res, encoded);
    }
    if (result.body.kind === 'complete') return endWithBody(req, res, result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    server,
    apollo,
    heavyWork,
    responseCache,
    async refreshStatistics() {
      statistics = await corpusStatistics(currentDb());
      return statistics;
    },
    metrics,
    async refreshReadiness() {
      readiness = await checkReadiness(currentDb(), migrationsDir);
      return readiness;
    },
    requestsInFlight: () => requestLog.inFlight(),
    async stop() {
      stopping = true;
      await apollo.stop();
    },
  };
}
