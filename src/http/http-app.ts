import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Reader } from '../analytics/reader.js';
import { createContext, type GraphQLContext } from '../graphql/context.js';
import { emptyAnswerNoticesPlugin } from '../graphql/empty-answer-notices.js';
import { formatError } from '../graphql/format-error.js';
import { readExampleOperations } from '../graphql/example-operations.js';
import { queryLimitsPlugin, type QueryLimits } from '../graphql/query-limits.js';
import { EXPORT_PREFIX } from './export-request.js';
import { createExportRoute } from './export-route.js';
import { createGraphiQL } from './graphiql.js';
import {
  createDashboard,
  dashboardAssets,
  isDashboardPath,
  serveDashboard,
} from './dashboard-assets.js';
import { endWithBody } from './compressed-body.js';
import { checkDocumentShape } from '../graphql/document-shape.js';

/** Largest request body accepted (a GraphQL document with variables). */
const MAX_BODY_BYTES = 1_000_000;

export interface HttpApp {
  server: Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Stops accepting connections, waits for requests in flight, stops Apollo. */
  stop(): Promise<void>;
}

export interface HttpAppOptions {
  schema: GraphQLSchema;
  db: Reader;
  limits?: QueryLimits;
  /** Rows one download under /export/ may hold (default DEFAULT_MAX_EXPORT_ROWS). */
  maxExportRows?: number;
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
 * operation as a file), `/healthz`. GraphQL answers are compressed when the client accepts it.
 * Apollo's own landing page is off: it loads Apollo Sandbox from a CDN.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const server = createServer();
  const apollo = new ApolloServer<GraphQLContext>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin(options.schema, options.limits),
      emptyAnswerNoticesPlugin(options.schema),
    ],
  });
  await apollo.start();
  const operations = readExampleOperations();
  const graphiql = await createGraphiQL(operations);
  const dashboard = await createDashboard(dashboardAssets(operations));
  const exportRoute = createExportRoute({
    apollo,
    db: options.db,
    operations,
    maxRows: options.maxExportRows,
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) console.error(error);
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return send(res, 200, 'application/json', '{"status":"ok"}');
    // Downloads run the named operations through the same Apollo server (same limits, same
    // error masking); Apollo's CSRF prevention stays on /graphql, where any query can be sent.
    if (url.pathname.startsWith(EXPORT_PREFIX)) return exportRoute(req, res, url);
    if (graphiql.assets.serve(req, res, url.pathname)) return;
    if (isDashboardPath(url.pathname)) return serveDashboard(dashboard, req, res, url);
    if (url.pathname !== '/graphql')
      return send(
        res,
        404,
        'text/plain; charset=utf-8',
        'not found: try /graphql, /dashboard, or /export/<OperationName>.csv or .xlsx',
      );
    if (wantsHtml(req) && !url.searchParams.has('query')) return graphiql.page.serve(req, res);

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = raw;
    if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
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
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.search,
        body,
      },
      context: async () => createContext(options.db),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return endWithBody(req, res, result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    server,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}
