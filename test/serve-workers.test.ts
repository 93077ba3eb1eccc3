import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../src/cli/ingest-command.js';
import { loadConfig, type Config } from '../src/config.js';
import { syntheticCopies } from './support/synthetic-copies.js';
import { testIo } from './support/test-io.js';

/**
 * `jixiao serve --workers 2` (docs/operations.md, "Worker processes"): the primary seeds once,
 * then two worker processes serve the current snapshot read-only behind one port, each naming
 * itself in the `jixiao-worker` header. A report ingested by the CLI meanwhile (a copy of the real
 * report under a synthetic department, syn-1) reaches both; a killed worker is replaced; SIGTERM
 * stops them all once the request in flight is answered.
 *
 * Which worker answers is the primary's choice (round robin over new connections), so each
 * question is asked on new connections until both workers have answered it.
 */

const COPY = syntheticCopies(1);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-workers-'));
const env: NodeJS.ProcessEnv = {
  JIXIAO_DB: join(dir, 'jixiao.duckdb'),
  JIXIAO_TOKENS: join(dir, 'tokens.json'),
  JIXIAO_DEPARTMENTS: join(dir, 'departments.csv'),
  JIXIAO_DEMO: '0',
  JIXIAO_GRAPHIQL: '0',
  JIXIAO_LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
};
/** The settings the CLI runs with beside the server: the same database. */
const cliConfig: Config = loadConfig(env);

let server: ChildProcess;
let exited: Promise<{ code: number | null; signal: string | null }>;
const lines: string[] = [];
let stderr = '';
const waiters: { pattern: RegExp; resolve(line: string): void }[] = [];
let port: number;
/** The pids of the workers that serve now, as the primary's lines say. */
const workers = new Set<number>();

/**
 * Resolves with the first line of the server's output matching `pattern`, among the lines from
 * number `from` on, printed or to come.
 */
function lineMatching(pattern: RegExp, from = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const seen = lines.slice(from).find((l) => pattern.test(l));
    if (seen) return resolve(seen);
    waiters.push({ pattern, resolve });
    void exited.then(({ code }) =>
      reject(new Error(`exited (${code}) before ${pattern}:\n${lines.join('\n')}\n${stderr}`)),
    );
  });
}

interface Answer {
  status: number;
  worker: number;
  dataVersion: string | undefined;
  body: string;
}

/** One request on a new connection (no keep-alive), so that the primary hands it to a worker. */
function ask(path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: body ? 'POST' : 'GET',
        agent: false,
        headers: body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            worker: Number(res.headers['jixiao-worker']),
            dataVersion: res.headers['jixiao-data-version'] as string | undefined,
            body: text,
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

/**
 * Asks until each worker in `pids` has given an answer that `accept` takes, and returns those
 * answers by worker. Bounded: a worker that never answers so fails the test.
 */
async function fromEachWorker(
  pids: ReadonlySet<number>,
  send: () => Promise<Answer>,
  accept: (answer: Answer) => boolean = () => true,
): Promise<Map<number, Answer>> {
  const accepted = new Map<number, Answer>();
  for (let attempt = 0; accepted.size < pids.size; attempt++) {
    if (attempt === 400)
      throw new Error(`answers only from ${[...accepted.keys()]} of ${[...pids]}`);
    const answer = await send();
    if (pids.has(answer.worker) && accept(answer)) accepted.set(answer.worker, answer);
    // A snapshot or a worker still on its way: the pointer is checked every 200 ms.
    else await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return accepted;
}

const FIGURES = JSON.stringify({
  query: `{ copy: report(department: "syn-1", year: 2023) { expenditure { total { final } } score { total } }
            real: report(department: "gz-zfw", year: 2023) { expenditure { total { final } } score { total } } }`,
});

beforeAll(async () => {
  const registry = [
    readFileSync('seeds/departments.csv', 'utf8').trimEnd(),
    ...COPY.departments.map((d) => `${d.code},${d.name},,${d.sector},${d.level},true`),
  ];
  writeFileSync(env.JIXIAO_DEPARTMENTS!, registry.join('\n') + '\n');
  for (const report of COPY.reports) writeFileSync(join(dir, report.file), report.text);
  // As an operator runs it (NODE_ENV=test would change what Apollo does on signals).
  const { NODE_ENV: _test, ...outer } = process.env;
  server = spawn(process.execPath, ['src/bin/jixiao.mjs', 'serve', '--workers', '2'], {
    env: { ...outer, ...env, JIXIAO_SNAPSHOT_POLL_MS: '200' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) =>
    server.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let partial = '';
  server.stdout!.setEncoding('utf8');
  server.stdout!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      const started = /^worker (\d+) started /.exec(line);
      if (started) workers.add(Number(started[1]));
      const ended = /^worker (\d+) (exited|stopped)/.exec(line);
      if (ended) workers.delete(Number(ended[1]));
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const serving = await lineMatching(/^jixiao serving GraphQL at /);
  port = Number(/127\.0\.0\.1:(\d+)\/graphql/.exec(serving)![1]);
});

afterAll(() => {
  // The workers end with the primary: node:cluster stops a worker whose primary is gone.
  if (server?.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('jixiao serve --workers 2', () => {
  it('prints the start-up lines once, the serving line naming its 2 worker processes', () => {
    const shown = lines.map((l) => l.replace(/\d{8}T\d{6}Z-\d+/, 'VERSION'));
    const [first, second] = [...workers].sort((a, b) => a - b);
    expect([shown[0], ...shown.slice(3)]).toEqual([
      'seeded 2 departments; 1 reports (1 new or replaced)',
      `serving snapshot VERSION of ${join(dir, 'jixiao.snapshots')} (new)`,
      expect.stringMatching(/^local mode: no tokens file, so only this machine may connect/),
      `jixiao serving GraphQL at http://127.0.0.1:${port}/graphql and the dashboard at http://127.0.0.1:${port}/dashboard (2 worker processes)`,
    ]);
    // One line per worker, whichever came up first.
    expect(shown.slice(1, 3).sort()).toEqual([
      expect.stringMatching(
        new RegExp(`^worker ${first} started \\([12] of 2\\): serving snapshot VERSION$`),
      ),
      expect.stringMatching(
        new RegExp(`^worker ${second} started \\([12] of 2\\): serving snapshot VERSION$`),
      ),
    ]);
  });

  it('answers from two worker processes, each naming itself in the jixiao-worker header', async () => {
    expect(workers.size).toBe(2);
    const answers = await fromEachWorker(workers, () => ask('/readyz'));
    expect([...answers.keys()].sort()).toEqual([...workers].sort());
    for (const answer of answers.values()) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'ready' });
    }
  });

  it('answers /metrics from any worker with every worker’s counts summed', async () => {
    const probe = JSON.stringify({ query: 'query MetricsProbe { years }' });
    let sent = 0;
    await fromEachWorker(workers, () => {
      sent++;
      return ask('/graphql', probe);
    });
    const count = (text: string) =>
      Number(
        /^jixiao_graphql_request_duration_seconds_count\{operation="MetricsProbe",status="200"\} (\d+)$/m.exec(
          text,
        )?.[1] ?? 0,
      );
    // Both workers answered probes, so each alone counts fewer than were sent.
    expect(sent).toBeGreaterThanOrEqual(2);
    const scrapes = await fromEachWorker(
      workers,
      () => ask('/metrics'),
      (answer) => count(answer.body) === sent,
    );
    for (const scrape of scrapes.values()) {
      expect(scrape.status).toBe(200);
      expect(scrape.body).toMatch(/^jixiao_workers_serving 2$/m);
      expect(scrape.body).toMatch(/^jixiao_workers_scraped 2$/m);
    }
  });

  it('has the other workers reload when one is sent POST /admin/reload', async () => {
    const from = lines.length;
    const answer = await ask('/admin/reload', '{}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'unchanged' });
    const others = [...workers].filter((pid) => pid !== answer.worker);
    expect(others).toHaveLength(1);
    // The primary passes it on as SIGHUP, whose reload says so in the worker's log.
    for (const pid of others)
      await lineMatching(new RegExp(`^worker ${pid}: SIGHUP: still serving snapshot `), from);
    expect(
      lines.slice(from).filter((l) => l.startsWith(`worker ${answer.worker}: SIGHUP`)),
    ).toEqual([]);
  });

  it('serves a report ingested with the CLI meanwhile from every worker, without a restart', async () => {
    const before = await fromEachWorker(workers, () => ask('/graphql', FIGURES));
    for (const answer of before.values()) expect(JSON.parse(answer.body).data.copy).toBeNull();

    // `jixiao ingest --synthetic <file>`, in this process: a writer beside the server's readers.
    const io = testIo();
    const file = join(dir, COPY.reports[0]!.file);
    expect(await ingestCommand([file], { synthetic: true }, cliConfig, io)).toBe(0);
    const published = /^published snapshot (\S+)/m.exec(io.stdout.join('\n'))![1]!;

    const after = await fromEachWorker(
      workers,
      () => ask('/graphql', FIGURES),
      (answer) => answer.dataVersion === published,
    );
    for (const answer of after.values()) {
      const { copy, real } = JSON.parse(answer.body).data;
      expect(copy).not.toBeNull();
      expect(copy).toEqual(real);
    }
  });

  it('replaces a worker process that is killed, with one serving the current snapshot', async () => {
    const [killed, kept] = [...workers];
    const from = lines.length;
    process.kill(killed!, 'SIGKILL');
    await lineMatching(
      new RegExp(
        `^worker ${killed} exited unexpectedly \\(signal SIGKILL\\); starting another in 0\\.5 s$`,
      ),
      from,
    );
    const started = await lineMatching(/^worker \d+ started \([12] of 2\)/, from);
    const replacement = Number(/^worker (\d+)/.exec(started)![1]);
    expect(replacement).not.toBe(killed);
    expect([...workers].sort()).toEqual([kept!, replacement].sort());

    const current = (await ask('/readyz')).body;
    const answers = await fromEachWorker(workers, () => ask('/readyz'));
    for (const answer of answers.values())
      expect(JSON.parse(answer.body).dataVersion).toBe(JSON.parse(current).dataVersion);
  });

  it('stops on SIGTERM once the request in flight is answered, and exits 0', async () => {
    const connection = await open(port);
    // Held in flight without timing: the body is sent only once the worker has said it waits.
    connection.socket.write(
      [
        'POST /graphql HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(YEARS)}`,
        'Expect: 100-continue',
        '',
        '',
      ].join('\r\n'),
    );
    await connection.waitFor('100 Continue');
    const running = [...workers];
    server.kill('SIGTERM');
    await lineMatching(
      /^worker \d+: SIGTERM: stopping: no new connections; waiting for 1 request in flight, then closing the database$/,
    );
    connection.socket.write(YEARS);
    await connection.closed;

    expect([...connection.received().matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => m[1])).toEqual([
      '100',
      '200',
    ]);
    expect(connection.received()).toContain('{"data":{"years":[2023]}}');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(lines).toContain(
      'SIGTERM: stopping 2 worker processes: each answers its requests in flight, then closes its database',
    );
    for (const pid of running) expect(lines).toContain(`worker ${pid} stopped`);
    expect(stderr).toBe('');
  });
});

const YEARS = JSON.stringify({ query: '{ years }' });

/** A raw HTTP connection and all it has received. */
interface Connection {
  socket: Socket;
  received(): string;
  waitFor(text: string): Promise<void>;
  closed: Promise<void>;
}

function open(to: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = connect(to, '127.0.0.1');
    let text = '';
    const pending: { text: string; resolve(): void }[] = [];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      for (const w of pending.splice(0)) {
        if (text.includes(w.text)) w.resolve();
        else pending.push(w);
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
            else pending.push({ text: wanted, resolve: done });
          }),
        closed,
      }),
    );
  });
}
