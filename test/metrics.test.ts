import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, labelValue, MAX_OPERATION_LABELS } from '../src/http/metrics.js';
import { startAccessServer, type AccessServer } from './support/access-server.js';

/**
 * `GET /metrics` (docs/operations.md, "Logs, metrics and readiness"): Prometheus's text format
 * from the app's own registry, for an ADMIN token; requests by operation and status, errors by
 * code, DuckDB statements, the heavy-work queue and the data version. On the fixture server with
 * a tokens file.
 */

let server: AccessServer;
let base: string;
beforeAll(async () => {
  server = await startAccessServer(['ADMIN', 'ANALYST']);
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => server?.cleanup());

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/g;
const COMMENT = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/;

/** A sample's value: a float, or Inf and NaN in any case (Go's ParseFloat, which Prometheus uses). */
function numberOf(text: string): number | undefined {
  if (/^nan$/i.test(text)) return NaN;
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  const value = Number(text);
  return text.trim() === '' || Number.isNaN(value) ? undefined : value;
}

/** Reads Prometheus's text format; throws on a line that is none of its forms. */
function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const helped = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = COMMENT.exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') types.set(comment[2]!, comment[3]!);
      else helped.add(comment[2]!);
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(LABEL)) labels[key!] = value!;
    const value = numberOf(sample[3]!);
    if (value === undefined) throw new Error(`not a number: ${line}`);
    samples.push({ name: sample[1]!, labels, value });
  }
  for (const name of types.keys())
    if (!helped.has(name)) throw new Error(`${name} has a TYPE but no HELP`);
  return { samples, types };
}

/** The metric family a sample belongs to: a histogram's buckets, sum and count are its own. */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return types.get(base) === 'histogram' ? base : undefined;
}

/** Waits until the app has closed every response: it counts a request when it does. */
async function settled(): Promise<void> {
  while (server.app.requestsInFlight() > 0) await new Promise((r) => setImmediate(r));
}

async function scrape(): Promise<Sample[]> {
  await settled();
  const response = await fetch(`${base}/metrics`, {
    headers: { authorization: `Bearer ${server.tokens.ADMIN}` },
  });
  expect(response.status).toBe(200);
  return parsePrometheus(await response.text()).samples;
}

/** The value of one series, 0 when it does not exist yet. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.find(
    (s) =>
      s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  return found?.value ?? 0;
}

async function post(query: string, token: string | null = server.tokens.ANALYST!) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.text() };
}

describe('GET /metrics', () => {
  it('refuses a request without a token (401) and an ANALYST token (403 FORBIDDEN)', async () => {
    const anonymous = await fetch(`${base}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const analyst = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${server.tokens.ANALYST}` },
    });
    expect(analyst.status).toBe(403);
    expect(await analyst.json()).toEqual({
      errors: [
        {
          message: "this needs an ADMIN token; the request's token is ANALYST",
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it('answers an ADMIN token in Prometheus text format, every sample in a family with HELP and TYPE', async () => {
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${server.tokens.ADMIN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const { samples, types } = parsePrometheus(await response.text());
    expect(samples.filter((s) => familyOf(s.name, types) === undefined)).toEqual([]);
    expect(Object.fromEntries([...types].filter(([name]) => !/process|nodejs/.test(name)))).toEqual(
      {
        jixiao_graphql_request_duration_seconds: 'histogram',
        jixiao_graphql_errors_total: 'counter',
        jixiao_duckdb_statement_seconds: 'histogram',
        jixiao_duckdb_statements_total: 'counter',
        jixiao_duckdb_rows_total: 'counter',
        jixiao_response_cache_hits_total: 'counter',
        jixiao_response_cache_misses_total: 'counter',
        jixiao_response_cache_entries: 'gauge',
        jixiao_response_cache_bytes: 'gauge',
        jixiao_heavy_queue_running: 'gauge',
        jixiao_heavy_queue_waiting: 'gauge',
        jixiao_data_version_info: 'gauge',
      },
    );
    // Node's process metrics, under the same prefix.
    expect(types.get('jixiao_process_cpu_seconds_total')).toBe('counter');
    expect(types.get('jixiao_nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(types.get('jixiao_process_resident_memory_bytes')).toBe('gauge');
  });

  it('counts a request under its operation name and status', async () => {
    const series = { operation: 'MetricsProbe', status: '200' };
    const count = 'jixiao_graphql_request_duration_seconds_count';
    const before = valueOf(await scrape(), count, series);
    // Two documents: the same one again would be answered from the response cache.
    expect((await post('query MetricsProbe { years }')).status).toBe(200);
    expect((await post('query MetricsProbe { years __typename }')).status).toBe(200);
    const after = await scrape();
    expect(valueOf(after, count, series) - before).toBe(2);
    expect(
      valueOf(after, 'jixiao_graphql_request_duration_seconds_bucket', { ...series, le: '+Inf' }),
    ).toBe(valueOf(after, count, series));
  });

  it('counts errors under their code, and the refused request under its status', async () => {
    const errors = 'jixiao_graphql_errors_total';
    const count = 'jixiao_graphql_request_duration_seconds_count';
    const invalid = { code: 'GRAPHQL_VALIDATION_FAILED' };
    const unauthenticated = { code: 'UNAUTHENTICATED' };
    const before = await scrape();
    expect((await post('{ nope }')).status).toBe(400);
    expect((await post('{ years }', null)).status).toBe(401);
    const after = await scrape();
    expect(valueOf(after, errors, invalid) - valueOf(before, errors, invalid)).toBe(1);
    expect(valueOf(after, errors, unauthenticated) - valueOf(before, errors, unauthenticated)).toBe(
      1,
    );
    const refused = { operation: 'anonymous', status: '401' };
    expect(valueOf(after, count, refused) - valueOf(before, count, refused)).toBe(1);
  });

  it('times each SQL statement of a request and counts its rows', async () => {
    const before = await scrape();
    let statements = 0;
    const stop = server.db.pool.onQuery(() => statements++);
    const answer = await post('{ departments(first: 100) { nodes { code } } }');
    await settled();
    stop();
    expect(answer.status).toBe(200);
    expect(statements).toBeGreaterThan(0);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(delta('jixiao_duckdb_statement_seconds_count')).toBe(statements);
    expect(delta('jixiao_duckdb_statements_total', { outcome: 'ok' })).toBe(statements);
    expect(delta('jixiao_duckdb_statements_total', { outcome: 'failed' })).toBe(0);
    expect(delta('jixiao_duckdb_rows_total')).toBeGreaterThanOrEqual(6);
  });

  it('reports the heavy-work queue as it is when scraped', async () => {
    const running = server.app.heavyWork.admit();
    const waiting = server.app.heavyWork.admit();
    try {
      await running.ready;
      const busy = await scrape();
      expect(valueOf(busy, 'jixiao_heavy_queue_running')).toBe(1);
      expect(valueOf(busy, 'jixiao_heavy_queue_waiting')).toBe(1);
    } finally {
      waiting.release();
      running.release();
    }
    const idle = await scrape();
    expect(valueOf(idle, 'jixiao_heavy_queue_running')).toBe(0);
    expect(valueOf(idle, 'jixiao_heavy_queue_waiting')).toBe(0);
  });

  it('names the data version served, in one series', async () => {
    const versions = (await scrape()).filter((s) => s.name === 'jixiao_data_version_info');
    expect(versions).toEqual([
      { name: 'jixiao_data_version_info', labels: { version: server.data.version }, value: 1 },
    ]);
  });

  it('counts what the response cache reports: hits, misses, entries and bytes', async () => {
    const before = await scrape();
    server.app.metrics.cacheHit();
    server.app.metrics.cacheHit();
    server.app.metrics.cacheMiss();
    server.app.metrics.cacheEntries(5);
    server.app.metrics.cacheBytes(4096);
    const after = await scrape();
    const delta = (name: string) => valueOf(after, name) - valueOf(before, name);
    expect(delta('jixiao_response_cache_hits_total')).toBe(2);
    expect(delta('jixiao_response_cache_misses_total')).toBe(1);
    expect(valueOf(after, 'jixiao_response_cache_entries')).toBe(5);
    expect(valueOf(after, 'jixiao_response_cache_bytes')).toBe(4096);
  });
});

describe('operation labels', () => {
  it('are the name, "anonymous" without one, "other" past 64 characters or not a GraphQL name', () => {
    expect(labelValue('Benchmark')).toBe('Benchmark');
    expect(labelValue('_private2')).toBe('_private2');
    expect(labelValue(null)).toBe('anonymous');
    expect(labelValue('')).toBe('anonymous');
    expect(labelValue('a'.repeat(64))).toBe('a'.repeat(64));
    expect(labelValue('a'.repeat(65))).toBe('other');
    expect(labelValue('not-a-name')).toBe('other');
    expect(labelValue('2fast')).toBe('other');
  });

  it('stay a bounded set: names after the first MAX_OPERATION_LABELS count as "other"', async () => {
    const metrics = createMetrics({
      heavyWork: () => ({ running: 0, queued: 0 }),
      dataVersion: () => null,
    });
    for (let i = 0; i < MAX_OPERATION_LABELS + 50; i++) metrics.requestDone(`Op${i}`, 200, 0.01);
    const histogram = await metrics.registry
      .getSingleMetric('jixiao_graphql_request_duration_seconds')!
      .get();
    const labels = new Set(histogram.values.map((v) => v.labels.operation));
    expect(labels.size).toBe(MAX_OPERATION_LABELS + 1);
    expect(labels.has(`Op${MAX_OPERATION_LABELS - 1}`)).toBe(true);
    expect(labels.has(`Op${MAX_OPERATION_LABELS}`)).toBe(false);
    // A histogram's values carry the sample's name (bucket, sum, count), which the types omit.
    const values = histogram.values as { metricName?: string; labels: object; value: number }[];
    const other = values.find(
      (v) =>
        v.metricName === 'jixiao_graphql_request_duration_seconds_count' &&
        (v.labels as { operation?: string }).operation === 'other',
    );
    expect(other?.value).toBe(50);
  });
});
