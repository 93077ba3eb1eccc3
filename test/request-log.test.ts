import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { schema } from '../src/graphql/schema.js';
import { openAccessControl } from '../src/http/access-control.js';
import { createHttpApp, type HttpApp } from '../src/http/http-app.js';
import { createLogger } from '../src/http/logger.js';
import { startAccessServer, type AccessServer } from './support/access-server.js';

/**
 * The JSON request log (docs/operations.md, "Logs, metrics and readiness"): one line per GraphQL
 * request, download and refusal, with the request's id, operation, role, statements, rows,
 * status, data version and error codes; never a token or a variable's value. An app over the
 * fixture server's data (the real report and five fixture departments) with a tokens file,
 * writing its lines to memory.
 */

type LogLine = Record<string, unknown>;

let server: AccessServer;
let app: HttpApp;
let base: string;
const lines: LogLine[] = [];

beforeAll(async () => {
  server = await startAccessServer(['ADMIN', 'ANALYST']);
  const access = await openAccessControl({
    host: '127.0.0.1',
    tokensPath: server.tokensPath,
    graphiql: false,
    introspection: null,
  });
  const logger = createLogger('info', {
    write: (line: string) => void lines.push(JSON.parse(line)),
  });
  app = await createHttpApp({ schema, db: server.db.kysely, data: server.data, access, logger });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await app?.stop();
  await server?.cleanup();
});

/** Sends a GraphQL request with a token (by role) and a request id; reads the whole answer. */
async function post(
  role: string | null,
  body: Record<string, unknown>,
  requestId?: string,
): Promise<{ status: number; requestId: string | null; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (role) headers.authorization = `Bearer ${server.tokens[role] ?? role}`;
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    text: await response.text(),
  };
}

/**
 * The line of a request. It is written when the server closes the response, which may come
 * after the client has read it: wait until no request is in flight.
 */
async function lineOf(requestId: string | null): Promise<LogLine | undefined> {
  while (app.requestsInFlight() > 0) await new Promise((resolve) => setImmediate(resolve));
  return lines.find((l) => l.reqId === requestId);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the line of a GraphQL request', () => {
  it('holds its id, operation, role, statements, rows, status and data version', async () => {
    let statements = 0;
    const stop = server.db.pool.onQuery(() => statements++);
    const answer = await post(
      'ANALYST',
      { query: 'query DepartmentCodes { departments(first: 100) { nodes { code } } }' },
      'log-test-1',
    );
    stop();
    expect(answer.status).toBe(200);
    const codes = (JSON.parse(answer.text) as { data: { departments: { nodes: unknown[] } } }).data
      .departments.nodes;
    expect(codes).toHaveLength(6);
    const line = await lineOf('log-test-1');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      reqId: 'log-test-1',
      method: 'POST',
      path: '/graphql',
      operation: 'DepartmentCodes',
      role: 'ANALYST',
      status: 200,
      statements,
      dataVersion: server.data.version,
      errorCodes: [],
    });
    expect(statements).toBeGreaterThan(0);
    // The page's rows, and the count's.
    expect(line?.rows).toBeGreaterThanOrEqual(codes.length);
    expect(line?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('echoes the request id the client sent in x-request-id', async () => {
    const answer = await post('ANALYST', { query: '{ years }' }, 'client-id.42');
    expect(answer.requestId).toBe('client-id.42');
    expect((await lineOf('client-id.42'))?.status).toBe(200);
  });

  it('gives a request without a sane id a new one, echoed in x-request-id', async () => {
    const answer = await post('ANALYST', { query: '{ years }' }, 'not "sane"\tat all');
    expect(answer.requestId).toMatch(UUID);
    expect((await lineOf(answer.requestId))?.status).toBe(200);
    const none = await post('ANALYST', { query: '{ years }' });
    expect(none.requestId).toMatch(UUID);
    expect(none.requestId).not.toBe(answer.requestId);
  });

  it("never holds the token, the Authorization header or the variables' values", async () => {
    const answer = await post(
      'ADMIN',
      {
        query:
          'query Figures($department: ID!, $year: Int!) { report(department: $department, year: $year) { title } }',
        variables: { department: 'gz-zfw', year: 2023 },
      },
      'log-test-secret',
    );
    expect(answer.status).toBe(200);
    const line = await lineOf('log-test-secret');
    expect(line).toMatchObject({ operation: 'Figures', role: 'ADMIN' });
    const text = JSON.stringify(line);
    expect(text).not.toContain(server.tokens.ADMIN!);
    expect(text).not.toContain('Bearer');
    expect(text).not.toContain('gz-zfw');
  });

  it('names the operation by the request’s operationName, else by its document’s first operation', async () => {
    const document = 'query First { years } query Second { departments { totalCount } }';
    await post('ANALYST', { query: document, operationName: 'Second' }, 'log-test-named');
    expect((await lineOf('log-test-named'))?.operation).toBe('Second');
    // Without operationName Apollo cannot choose, and refuses; the line names the first.
    const refused = await post('ANALYST', { query: document }, 'log-test-first');
    expect(refused.status).toBe(400);
    expect((await lineOf('log-test-first'))?.operation).toBe('First');
  });

  it('calls an operation without a name "anonymous"', async () => {
    await post('ANALYST', { query: '{ years }' }, 'log-test-anonymous');
    expect((await lineOf('log-test-anonymous'))?.operation).toBe('anonymous');
  });

  it('holds the codes of the errors of the answer', async () => {
    const answer = await post('ANALYST', { query: '{ nope }' }, 'log-test-invalid');
    expect(answer.status).toBe(400);
    expect(await lineOf('log-test-invalid')).toMatchObject({
      status: 400,
      statements: 0,
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });
});

describe('the line of a refusal', () => {
  it('holds its status and code, no role, and not the token presented', async () => {
    const answer = await post('jx_not_a_token_of_this_server', { query: '{ years }' }, 'refused-1');
    expect(answer.status).toBe(401);
    const line = await lineOf('refused-1');
    expect(line).toMatchObject({
      status: 401,
      role: null,
      statements: 0,
      errorCodes: ['UNAUTHENTICATED'],
    });
    expect(JSON.stringify(line)).not.toContain('jx_not_a_token_of_this_server');
  });

  it('is written for any path answered with an error, and not for a health check that went well', async () => {
    const headers = { 'x-request-id': 'healthy-1' };
    expect((await fetch(`${base}/healthz`, { headers })).status).toBe(200);
    const missing = await fetch(`${base}/nowhere`, { headers: { 'x-request-id': 'missing-1' } });
    expect(missing.status).toBe(404);
    expect(await lineOf('missing-1')).toMatchObject({ path: '/nowhere', status: 404 });
    expect(lines.filter((l) => l.reqId === 'healthy-1')).toEqual([]);
  });
});

describe('the line of a download', () => {
  it('holds its operation, its path without the query string, and its statements', async () => {
    const url = `${base}/export/Departments.csv?variables=${encodeURIComponent('{"first":3}')}`;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${server.tokens.ANALYST}`, 'x-request-id': 'download-1' },
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const line = await lineOf('download-1');
    expect(line).toMatchObject({
      method: 'GET',
      path: '/export/Departments.csv',
      operation: 'Departments',
      role: 'ANALYST',
      status: 200,
      errorCodes: [],
    });
    expect(line?.statements).toBeGreaterThan(0);
    expect(line?.rows).toBeGreaterThanOrEqual(3);
  });
});

describe('JIXIAO_LOG_LEVEL', () => {
  it('is info unless set, and takes pino’s level names in any case', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ JIXIAO_LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    expect(loadConfig({ JIXIAO_LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
  });

  it('refuses another value, naming the levels', () => {
    expect(() => loadConfig({ JIXIAO_LOG_LEVEL: 'verbose' })).toThrow(
      'JIXIAO_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"',
    );
  });

  it('writes no line at silent', () => {
    const written: string[] = [];
    const logger = createLogger('silent', { write: (line: string) => void written.push(line) });
    logger.warn({ status: 503 }, 'request');
    expect(written).toEqual([]);
  });
});
