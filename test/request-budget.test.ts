import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CorpusStatistics } from '../src/analytics/corpus-statistics.js';
import { graphql } from 'graphql';
import { createContext } from '../src/graphql/context.js';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { RequestBudget } from '../src/graphql/request-budget.js';
import { LOCAL_VIEWER } from '../src/graphql/viewer.js';
import { schema } from '../src/graphql/schema.js';
import type { QueryLimits } from '../src/graphql/query-limits.js';
import { createHttpApp, type HttpApp, type HttpAppOptions } from '../src/http/http-app.js';
import { localAccessControl } from '../src/http/access-control.js';
import { postGraphQL, startTestServer } from './support/test-server.js';

/**
 * The request budget over HTTP (docs/operations.md, "Query limits and timeouts"): the deadline,
 * cancellation when the client goes away, the caps on the answer, the cost estimate, and heavy
 * work in its bounded queue apart from point lookups. Work is held up by holding the pool's
 * connections, so that nothing here depends on how fast the machine is.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let demo: CorpusStatistics;
beforeAll(async () => {
  server = await startTestServer({ loadDemo: true });
  demo = await server.app.refreshStatistics();
});
const apps: HttpApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop();
  await server?.cleanup();
});

/** Another app over the server's database and pool, with other limits; its /graphql URL. */
async function appWith(
  options: Partial<HttpAppOptions> = {},
): Promise<{ url: string; app: HttpApp }> {
  const app = await createHttpApp({
    schema,
    db: server.db.kysely,
    readerFor: (statement) => server.db.readerFor(statement),
    // No GraphiQL: its assets are compressed at start, which these apps do not need.
    access: localAccessControl({ graphiql: false }),
    statistics: demo,
    ...options,
  });
  apps.push(app);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/graphql`, app };
}

/** Holds pool connections until released: heavy ones use up heavy work's share of the pool. */
async function hold(count: number, heavy: boolean): Promise<() => void> {
  const held: DuckDBConnection[] = [];
  for (let i = 0; i < count; i++) held.push(await server.db.pool.acquire({ heavy }));
  return () => held.splice(0).forEach((c) => server.db.pool.release(c));
}

const REPORT = '{ report(department: "gz-zfw", year: 2023) { title executionRate } }';
/** Heavy: an analytic over every department of a year. */
const HEAVY = '{ lowTargetRisk(year: 2023) { rank riskScore department { code } } }';

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.code;

describe('the deadline of a request', () => {
  it('stops a request still waiting for the database with REQUEST_TIMEOUT naming the limit', async () => {
    const { url } = await appWith({ requestLimits: { requestTimeoutMs: 300 } });
    const release = await hold(server.db.pool.stats().size, false);
    try {
      const response = await postGraphQL(url, REPORT);
      expect(response.status).toBe(503);
      expect(codeOf(response)).toBe('REQUEST_TIMEOUT');
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0]?.message).toMatch(/300 ms.*JIXIAO_REQUEST_TIMEOUT_MS/);
      expect(response.data).toBeNull();
      // The statement left the pool's queue with its request.
      expect(server.db.pool.stats().waiting).toBe(0);
    } finally {
      release();
    }
  });

  it('stops the resolvers once the deadline has passed, without waiting for a timer', async () => {
    // Started a second ago with a 10 ms limit: past its deadline before the first field.
    const budget = new RequestBudget(
      { requestTimeoutMs: 10, maxResponseObjects: 0 },
      performance.now() - 1_000,
    );
    let statements = 0;
    const stop = server.db.pool.onQuery(() => statements++);
    const result = await graphql({
      schema,
      source: '{ report(department: "gz-zfw", year: 2023) { title } metrics { name } }',
      contextValue: createContext(server.db.readerFor(budget), LOCAL_VIEWER, budget),
    });
    stop();
    expect(result.errors?.map((e) => e.extensions.code)).toEqual([
      'REQUEST_TIMEOUT',
      'REQUEST_TIMEOUT',
    ]);
    expect(statements).toBe(0);
  });
});

describe('a client that goes away', () => {
  it('abandons the work: its statement leaves the queue and never runs', async () => {
    const { url } = await appWith();
    const release = await hold(server.db.pool.stats().size, false);
    let statements = 0;
    const stop = server.db.pool.onQuery(() => statements++);
    try {
      const client = new AbortController();
      const request = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REPORT }),
        signal: client.signal,
      }).catch((error: unknown) => error);
      // The request is being executed: its resolver waits for a connection.
      await vi.waitFor(() => expect(server.db.pool.stats().waiting).toBe(1));
      client.abort();
      expect(await request).toBeInstanceOf(Error);
      await vi.waitFor(() => expect(server.db.pool.stats().waiting).toBe(0));
      release();
      // With connections free again, the abandoned statement does not run.
      const after = await postGraphQL(url, '{ years }');
      expect(after.status).toBe(200);
      expect(statements).toBe(1);
    } finally {
      stop();
      release();
    }
  });
});

describe('the caps on an answer', () => {
  const open = { maxComplexity: 1_000_000, maxDepth: 12, maxBreadth: 600, maxAliases: 30 };

  it('stops an answer of more objects than the cap with RESPONSE_TOO_LARGE', async () => {
    const { url } = await appWith({ limits: open, requestLimits: { maxResponseObjects: 20 } });
    const response = await postGraphQL(
      url,
      '{ report(department: "gz-zfw", year: 2023) { indicators { name measures { unit } } } }',
    );
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('RESPONSE_TOO_LARGE');
    expect(response.errors?.[0]?.message).toMatch(
      /more than 20 objects.*JIXIAO_MAX_RESPONSE_OBJECTS/,
    );
    expect(response.data).toBeNull();
  });

  it('refuses a serialised answer over the byte cap with RESPONSE_TOO_LARGE', async () => {
    const { url } = await appWith({ requestLimits: { maxResponseBytes: 2_000 } });
    const ReportFigures = readExampleOperations().find((o) => o.name === 'ReportFigures')!;
    const response = await postGraphQL(url, ReportFigures.query);
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('RESPONSE_TOO_LARGE');
    expect(response.errors?.[0]?.message).toMatch(
      /over the limit of 2000 bytes.*JIXIAO_MAX_RESPONSE_BYTES/,
    );
  });

  it('lets answers under the caps through whole', async () => {
    const { url } = await appWith({ requestLimits: { maxResponseObjects: 1_000 } });
    const response = await postGraphQL<{ report: { title: string } }>(url, REPORT);
    expect(response.status).toBe(200);
    expect(response.data?.report.title).toMatch(/政法委员会/);
  });
});

/**
 * targetRatchet 30 times, each with its own fields and those of its department, indicators and
 * measure (19 fields, 570 in all: under the breadth limit of 600): the request of the security
 * review, 4.4 KB.
 */
const RATCHET_30 = `{ ${Array.from(
  { length: 30 },
  (_, i) =>
    `r${i}: targetRatchet { year previousActual target matchedBy department { code name synthetic } indicator { seq name targetText actualText } previous { seq name } measure { unit direction } }`,
).join(' ')} }`;

/**
 * The statistics of a corpus of `departments` departments over 2015-2024 with the demo's rates
 * per report (the same generator): what the server would read from such a database.
 */
function scaled(demo: CorpusStatistics, departments: number): CorpusStatistics {
  const rate = (pick: (y: CorpusStatistics['years'][number]) => number) =>
    demo.years.reduce((n, y) => n + pick(y), 0) / demo.years.reduce((n, y) => n + y.reports, 0);
  return {
    ...demo,
    departments,
    realDepartments: 0,
    years: Array.from({ length: 10 }, (_, i) => ({
      year: 2015 + i,
      reports: departments,
      realReports: 0,
      ratchetFailures: i === 0 ? 0 : departments * rate((y) => y.ratchetFailures),
      overshootFindings: departments * rate((y) => y.overshootFindings),
      dataQualityIssues: departments * rate((y) => y.dataQualityIssues),
    })),
  };
}

describe('the cost estimated before an operation runs', () => {
  it('refuses the 30-alias targetRatchet request over a 2,000-department corpus, saying why and how to stay under', async () => {
    const { url } = await appWith({ statistics: scaled(demo, 2_000) });
    let statements = 0;
    const stop = server.db.pool.onQuery(() => statements++);
    const response = await postGraphQL(url, RATCHET_30);
    stop();
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('QUERY_TOO_COMPLEX');
    const message = response.errors?.[0]?.message ?? '';
    expect(message).toMatch(
      /estimated complexity of [\d,]+ objects and list items is over the limit of 200,000 \(JIXIAO_MAX_COMPLEXITY\)/,
    );
    expect(message).toMatch(/largest: targetRatchet ×30 about [\d,]+/);
    expect(message).toMatch(/fromYear\/toYear.*departments.*`first`.*fewer aliases/);
    expect(statements).toBe(0);
  });

  it('accepts every named operation with its default variables on the demo corpus', async () => {
    for (const operation of readExampleOperations()) {
      const response = await postGraphQL(server.url, operation.query);
      expect({
        operation: operation.name,
        status: response.status,
        errors: response.errors,
      }).toEqual({ operation: operation.name, status: 200, errors: undefined });
    }
  });
});

describe('heavy analytics in a bounded queue apart from point lookups', () => {
  /** One heavy operation at a time; heavy work's share of the pool held, so it waits there. */
  async function busyApp(heavyQueue: number) {
    const limits: QueryLimits = {
      maxComplexity: 200_000,
      maxDepth: 12,
      maxBreadth: 600,
      maxAliases: 30,
    };
    const { url, app } = await appWith({
      limits,
      requestLimits: { heavyConcurrency: 1, heavyQueue },
    });
    const { size } = server.db.pool.stats();
    // Heavy work may hold size - 1 connections (JIXIAO_LIGHT_CONNECTIONS = 1): hold them all.
    const release = await hold(size - 1, true);
    const first = postGraphQL(url, HEAVY);
    await vi.waitFor(() => {
      expect(app.heavyWork.stats().running).toBe(1);
      expect(server.db.pool.stats().waiting).toBeGreaterThan(0);
    });
    return { url, app, release, first };
  }

  it('refuses heavy work with 503 SERVER_BUSY and Retry-After when the queue is full', async () => {
    const { url, release, first } = await busyApp(0);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: HEAVY }),
      });
      const body = (await response.json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(body.errors[0]?.extensions.code).toBe('SERVER_BUSY');
      expect(body.errors[0]?.message).toMatch(/JIXIAO_HEAVY_QUEUE/);
    } finally {
      release();
    }
    expect((await first).status).toBe(200);
  });

  it('queues heavy work up to the bound, then runs it in turn', async () => {
    const { url, app, release, first } = await busyApp(1);
    const queued = postGraphQL(url, HEAVY);
    await vi.waitFor(() => expect(app.heavyWork.stats().queued).toBe(1));
    const refused = await postGraphQL(url, HEAVY);
    expect(codeOf(refused)).toBe('SERVER_BUSY');
    release();
    expect((await first).status).toBe(200);
    expect((await queued).status).toBe(200);
  });

  it('answers /healthz and a report lookup while heavy work holds the queue and its connections', async () => {
    const { url, app, release, first } = await busyApp(1);
    const done: string[] = [];
    const heavy = first.then((r) => {
      done.push('heavy');
      return r;
    });
    try {
      const health = fetch(url.replace('/graphql', '/healthz')).then(async (r) => {
        done.push('healthz');
        return r.json();
      });
      const report = postGraphQL<{ report: { title: string } }>(url, REPORT).then((r) => {
        done.push('report');
        return r;
      });
      expect(await health).toEqual({ status: 'ok' });
      expect((await report).data?.report.title).toMatch(/政法委员会/);
      expect(app.heavyWork.stats().running).toBe(1);
    } finally {
      release();
    }
    expect((await heavy).status).toBe(200);
    expect(done.indexOf('heavy')).toBe(2);
  });
});
