import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { localAccessControl } from '../src/http/access-control.js';
import { createHttpApp, type HttpApp, type HttpAppOptions } from '../src/http/http-app.js';
import { startTestServer } from './support/test-server.js';

/**
 * Stopping (docs/operations.md, "Stopping"): no new connections, `/readyz` 503 on the connections
 * still open, the requests in flight answered, then the database closed and exit code 0.
 *
 * A request is held in flight without any timing: it is sent with `Expect: 100-continue`, and
 * its body only once the test has seen what it waits for. The server answers `100 Continue` when
 * it takes the request up, so from then on the request is the server's, in flight.
 */

const YEARS = JSON.stringify({ query: '{ years }' });

/** The head of a POST of `YEARS` that waits for the server's go-ahead before its body. */
const postHead = (requestId: string) =>
  [
    'POST /graphql HTTP/1.1',
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(YEARS)}`,
    'Expect: 100-continue',
    `X-Request-Id: ${requestId}`,
    '',
    '',
  ].join('\r\n');

/** A raw HTTP connection and all it has received. */
interface Connection {
  socket: Socket;
  received(): string;
  /** Resolves once `text` has been received. */
  waitFor(text: string): Promise<void>;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

function open(port: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const waiters: { text: string; resolve(): void }[] = [];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      for (const w of waiters.splice(0)) {
        if (text.includes(w.text)) w.resolve();
        else waiters.push(w);
      }
    });
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => text,
        waitFor: (wanted) =>
          new Promise((done) => {
            if (text.includes(wanted)) done();
            else waiters.push({ text: wanted, resolve: done });
          }),
        closed,
      }),
    );
  });
}

/** The status codes of the responses a connection received, in order. */
const statuses = (received: string) =>
  [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));

/** Whether a new connection to the port is refused (rather than accepted). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('an app that stops', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.cleanup());

  async function appWith(
    options: Partial<HttpAppOptions> = {},
  ): Promise<{ app: HttpApp; port: number }> {
    const app = await createHttpApp({
      schema,
      db: server.db.kysely,
      data: server.data,
      access: localAccessControl({ graphiql: false }),
      ...options,
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    return { app, port: (app.server.address() as { port: number }).port };
  }

  it('answers the request in flight, and /readyz with 503 "shutting down" on its connection', async () => {
    const { app, port } = await appWith();
    const connection = await open(port);
    connection.socket.write(postHead('in-flight-1'));
    await connection.waitFor('100 Continue');
    expect(app.requestsInFlight()).toBe(1);

    const stopped = app.stop();
    // The body, then a second request on the same connection.
    connection.socket.write(`${YEARS}GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await connection.closed;
    await stopped;

    const received = connection.received();
    expect(statuses(received)).toEqual([100, 200, 503]);
    expect(received).toContain('{"data":{"years":[2023]}}');
    expect(received).toContain(
      `{"status":"not ready","reason":"shutting down","dataVersion":"${server.data.version}"`,
    );
  });

  it('stops listening: a new connection is refused while the request in flight is answered', async () => {
    const { app, port } = await appWith();
    const connection = await open(port);
    connection.socket.write(postHead('in-flight-2'));
    await connection.waitFor('100 Continue');

    const stopped = app.stop();
    // The drain closes the listening socket in the turn after the stop began.
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.server.listening).toBe(false);
    expect(await refused(port)).toBe(true);

    connection.socket.write(YEARS);
    await connection.closed;
    await stopped;
    expect(statuses(connection.received())).toEqual([100, 200]);
  });

  it('closes the connection of a request still unanswered past its deadline, and stops', async () => {
    const { app, port } = await appWith({ requestLimits: { requestTimeoutMs: 100 } });
    const connection = await open(port);
    connection.socket.write(postHead('never-finished'));
    await connection.waitFor('100 Continue');

    // The body never comes: the stop waits for the deadline (and a second), then closes.
    await app.stop();
    await connection.closed;
    expect(statuses(connection.received())).toEqual([100]);
    expect(app.requestsInFlight()).toBe(0);
  });
});

describe('a server process that receives SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-shutdown-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the request in flight with its data, refuses new connections, closes the database and exits 0', async () => {
    // As `npm start` runs it, outside a test: NODE_ENV=test would hide Apollo's own signal
    // handlers, which a production server has.
    const { NODE_ENV: _test, ...env } = process.env;
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...env,
        JIXIAO_DB: join(dir, 'jixiao.duckdb'),
        JIXIAO_TOKENS: join(dir, 'tokens.json'),
        JIXIAO_DEMO: '0',
        JIXIAO_GRAPHIQL: '0',
        JIXIAO_LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      server.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const lines: string[] = [];
    const lineWaiters: { test: (line: string) => boolean; resolve(line: string): void }[] = [];
    let partial = '';
    server.stdout!.setEncoding('utf8');
    server.stdout!.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        for (const w of lineWaiters.splice(0)) {
          if (w.test(line)) w.resolve(line);
          else lineWaiters.push(w);
        }
      }
    });
    let stderr = '';
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lineMatching = (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const seen = lines.find((l) => pattern.test(l));
        if (seen) return resolve(seen);
        lineWaiters.push({ test: (l) => pattern.test(l), resolve });
        void exited.then(({ code }) =>
          reject(new Error(`exited (${code}) before ${pattern}:\n${lines.join('\n')}\n${stderr}`)),
        );
      });

    const serving = await lineMatching(/^jixiao serving GraphQL at /);
    const port = Number(/127\.0\.0\.1:(\d+)\/graphql/.exec(serving)![1]);
    // The start-up lines as they always were, none of the JSON log among them.
    expect(lines.map((l) => l.replace(/\d{8}T\d{6}Z-\d+/, 'VERSION'))).toEqual([
      expect.stringMatching(/^seeded \d+ departments; \d+ reports \(\d+ new or replaced\)$/),
      `serving snapshot VERSION of ${join(dir, 'jixiao.snapshots')} (new)`,
      expect.stringMatching(/^local mode: no tokens file, so only this machine may connect/),
      `jixiao serving GraphQL at http://127.0.0.1:${port}/graphql and the dashboard at http://127.0.0.1:${port}/dashboard`,
    ]);

    const connection = await open(port);
    connection.socket.write(postHead('before-sigterm'));
    await connection.waitFor('100 Continue');
    server.kill('SIGTERM');
    await lineMatching(
      /^SIGTERM: stopping: no new connections; waiting for 1 request in flight, then closing the database$/,
    );

    // The listening socket closes in the server's next turn: try until a connection is refused.
    let attempts = 0;
    while (!(await refused(port))) expect(++attempts).toBeLessThan(1000);

    connection.socket.write(YEARS);
    await connection.closed;
    expect(statuses(connection.received())).toEqual([100, 200]);
    expect(connection.received()).toContain('{"data":{"years":[2023]}}');

    expect(await exited).toEqual({ code: 0, signal: null });
    const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as object);
    expect(logged).toContainEqual(
      expect.objectContaining({ reqId: 'before-sigterm', path: '/graphql', status: 200 }),
    );
    expect(stderr).not.toMatch(/error/i);
  });
});
