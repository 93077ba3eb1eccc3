import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { ResponseCache } from '../src/http/response-cache.js';
import { responseCacheKey } from '../src/http/response-cache-key.js';
import { LOCAL_VIEWER, type Viewer } from '../src/graphql/viewer.js';
import { startAccessServer, postAs, type AccessServer } from './support/access-server.js';
import { syntheticCopies } from './support/synthetic-copies.js';
import { startTestServer } from './support/test-server.js';
import { testIo } from './support/test-io.js';

/**
 * Identical GraphQL requests are answered from memory (http/response-cache.ts), keyed by the data
 * version, the viewer, the client's Accept and content coding, and the request body. An import
 * publishes a new data version, so the next request computes its answer again: the cache is
 * correct by construction, not by remembering to invalidate it.
 */

const REPORT = `query Report($department: ID!) {
  report(department: $department, year: 2023) { year expenditure { total { final } } basicShareText }
}`;

interface Answer {
  cache: string | null;
  version: string | null;
  text: string;
  body: { data?: { report: unknown } | null; errors?: { extensions?: { code?: string } }[] };
}

async function post(url: string, body: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    ...init,
  });
  const text = await response.text();
  return {
    cache: response.headers.get('jixiao-cache'),
    version: response.headers.get('jixiao-data-version'),
    text,
    body: JSON.parse(text) as Answer['body'],
  };
}

const reportRequest = (department: string) =>
  JSON.stringify({ query: REPORT, variables: { department } });

describe('the response cache of a running server', () => {
  const COPIES = syntheticCopies(1);
  let dir: string;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-cache-'));
    const registry = [
      readFileSync('seeds/departments.csv', 'utf8').trimEnd(),
      ...COPIES.departments.map((d) => `${d.code},${d.name},,${d.sector},${d.level},true`),
    ];
    writeFileSync(join(dir, 'departments.csv'), registry.join('\n') + '\n');
    for (const report of COPIES.reports) writeFileSync(join(dir, report.file), report.text);
    server = await startTestServer({ departmentsCsv: join(dir, 'departments.csv') });
  });
  afterAll(async () => {
    await server.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated identical request from the cache, byte for byte', async () => {
    const first = await post(server.url, reportRequest('gz-zfw'));
    const second = await post(server.url, reportRequest('gz-zfw'));
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.body.data?.report).toMatchObject({ year: 2023, basicShareText: '66.86%' });
  });

  it('counts hits and misses', async () => {
    const before = server.app.responseCache!.stats();
    await post(server.url, reportRequest('gz-zfw'));
    const after = server.app.responseCache!.stats();
    expect(after.hits).toBe(before.hits + 1);
    expect(after.misses).toBe(before.misses);
    expect(after.entries).toBeGreaterThan(0);
    expect(after.bytes).toBeGreaterThan(0);
  });

  it('reports its hits, misses and size on /metrics', async () => {
    await post(server.url, reportRequest('gz-zfw'));
    const stats = server.app.responseCache!.stats();
    const text = await (await fetch(server.url.replace('/graphql', '/metrics'))).text();
    const value = (name: string) =>
      Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    expect(value('jixiao_response_cache_hits_total')).toBe(stats.hits);
    expect(value('jixiao_response_cache_misses_total')).toBe(stats.misses);
    expect(value('jixiao_response_cache_entries')).toBe(stats.entries);
    expect(value('jixiao_response_cache_bytes')).toBe(stats.bytes);
  });

  it('keeps compressed and uncompressed answers apart', async () => {
    const big = JSON.stringify({
      query: `{ report(department: "gz-zfw", year: 2023) { indicators { seq name targetText actualText } } }`,
    });
    const plain = await post(server.url, big, {
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
    });
    const brotli = await post(server.url, big, {
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
    });
    const plainAgain = await post(server.url, big, {
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
    });
    expect([plain.cache, brotli.cache, plainAgain.cache]).toEqual(['miss', 'miss', 'hit']);
    // fetch decodes brotli: the same answer either way.
    expect(brotli.text).toBe(plain.text);
    expect(plainAgain.text).toBe(plain.text);
  });

  it('does not keep an answer with an error', async () => {
    const tooMany = JSON.stringify({ query: '{ departments(first: 100000) { nodes { code } } }' });
    const first = await post(server.url, tooMany);
    const second = await post(server.url, tooMany);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect([first.cache, second.cache]).toEqual(['miss', 'miss']);
  });

  it('leaves GET requests to Apollo, uncached', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ departments(first: 1) { nodes { code } } }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('jixiao-cache')).toBeNull();
  });

  it('computes the answer again after an import publishes new data', async () => {
    const department = COPIES.departments[0]!.code;
    const before = await post(server.url, reportRequest(department));
    const cachedBefore = await post(server.url, reportRequest(department));
    expect(before.body.data?.report).toBeNull();
    expect(cachedBefore.cache).toBe('hit');

    const io = testIo();
    const code = await main(
      ['ingest', join(dir, COPIES.reports[0]!.file), '--synthetic'],
      io,
      server.config,
    );
    expect(code).toBe(0);
    await server.data.refresh({ force: true });

    const after = await post(server.url, reportRequest(department));
    expect(after.version).not.toBe(before.version);
    expect(after.cache).toBe('miss');
    expect(after.body.data?.report).toMatchObject({ year: 2023, basicShareText: '66.86%' });
    expect((await post(server.url, reportRequest(department))).cache).toBe('hit');
  });
});

describe('the response cache and access control', () => {
  let server: AccessServer;
  beforeAll(async () => {
    server = await startAccessServer(['ANALYST', 'DEPARTMENT:gz-zfw']);
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it("never serves one viewer's cached answer to another", async () => {
    const query = '{ departments(first: 100) { nodes { code } } }';
    await postAs(server.url, server.tokens['ANALYST']!, query);
    const analyst = await postAs(server.url, server.tokens['ANALYST']!, query);
    const department = await postAs(server.url, server.tokens['DEPARTMENT:gz-zfw']!, query);
    expect(analyst.headers.get('jixiao-cache')).toBe('hit');
    expect(department.headers.get('jixiao-cache')).toBe('miss');
    expect(department.text).not.toBe(analyst.text);
  });

  it('answers an unauthenticated request with 401 even when its body is cached', async () => {
    const query = '{ departments(first: 3) { nodes { code } } }';
    await postAs(server.url, server.tokens['ANALYST']!, query);
    const anonymous = await postAs(server.url, null, query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('jixiao-cache')).toBeNull();
  });
});

describe('the response cache on its own', () => {
  const viewer: Viewer = LOCAL_VIEWER;
  const key = (dataVersion: string, v: Viewer = viewer) =>
    responseCacheKey({ dataVersion, viewer: v, accept: '', coding: 'br', body: '{"query":"{x}"}' });

  it('gives another key for another data version or another viewer', () => {
    const department: Viewer = { role: 'DEPARTMENT', department: 'gz-zfw', tokenId: 't1' };
    expect(key('v1')).toBe(key('v1'));
    expect(key('v2')).not.toBe(key('v1'));
    expect(key('v1', department)).not.toBe(key('v1'));
  });

  it('evicts the least recently used answer when full', () => {
    const cache = new ResponseCache(8 * 2048);
    const answer = () => ({
      operation: null,
      headers: [],
      coding: 'identity' as const,
      body: Buffer.alloc(1024),
    });
    for (let i = 0; i < 12; i++) cache.set(`k${i}`, answer());
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k11')).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(8 * 2048);
  });

  it('does not keep an answer larger than an eighth of the cache', () => {
    const cache = new ResponseCache(8 * 1024);
    cache.set('big', {
      operation: null,
      headers: [],
      coding: 'identity',
      body: Buffer.alloc(2048),
    });
    expect(cache.get('big')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 0, misses: 1 });
  });
});
