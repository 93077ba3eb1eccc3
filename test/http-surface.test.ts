import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { postGraphQL, startTestServer } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanup());

describe('HTTP surface', () => {
  it('answers /healthz', async () => {
    const response = await fetch(server.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves GraphiQL to a browser at /graphql with no script, style or font from another host', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('jixiao');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
    expect(html).not.toMatch(/@import\s+url\(["']?https?:/);
  });

  it('preloads every example operation as a GraphiQL tab', async () => {
    const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    for (const op of readExampleOperations())
      expect(html).toContain(JSON.stringify(op.query).slice(1, 60));
  });

  it('runs every example operation without errors', async () => {
    for (const op of readExampleOperations()) {
      const response = await postGraphQL(server.url, op.query);
      expect({ file: op.file, status: response.status, errors: response.errors }).toEqual({
        file: op.file,
        status: 200,
        errors: undefined,
      });
    }
  });

  it('compresses a GraphQL answer for a client that accepts brotli or gzip, to the same JSON', async () => {
    const query = readExampleOperations().find((op) => op.name === 'ReportFigures')!.query;
    const ask = (encoding: string) =>
      new Promise<{ coding: string | undefined; vary: string | undefined; bytes: Buffer }>(
        (resolve, reject) => {
          const body = JSON.stringify({ query });
          const req = request(
            server.url,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({
                  coding: res.headers['content-encoding'],
                  vary: res.headers.vary,
                  bytes: Buffer.concat(chunks),
                }),
              );
            },
          );
          req.on('error', reject);
          req.end(body);
        },
      );
    const plain = await ask('identity');
    const br = await ask('br, gzip');
    const gz = await ask('gzip');
    expect([plain.coding, br.coding, gz.coding]).toEqual([undefined, 'br', 'gzip']);
    expect(br.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.bytes).toString()).toBe(plain.bytes.toString());
    expect(gunzipSync(gz.bytes).toString()).toBe(plain.bytes.toString());
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(JSON.parse(plain.bytes.toString()).data.report.expenditure.total.final).toBe(10105.79);
  });

  it('answers an unknown path with 404', async () => {
    const response = await fetch(server.url.replace('/graphql', '/nope'));
    expect(response.status).toBe(404);
    await response.text();
  });
});

describe('limits on untrusted operations', () => {
  it('rejects an operation deeper than the limit with a 400 naming the limit', async () => {
    let selection = 'year';
    for (let i = 0; i < 7; i++) selection = `department { report(year: 2023) { ${selection} } }`;
    const deep = `{ report(department: "gz-zfw", year: 2023) { ${selection} } }`;
    const response = await postGraphQL(server.url, deep);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects an operation with too many aliases', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: years`).join(' ');
    const response = await postGraphQL(server.url, `{ ${fields} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toBe(
      'operation uses 40 aliases, more than the limit of 30',
    );
  });

  it('rejects a page size over the maximum', async () => {
    const response = await postGraphQL(server.url, '{ departments(first: 100000) { totalCount } }');
    expect(response.errors?.[0]?.message).toMatch(/complexity|first must be between 1 and 500/);
  });

  it('answers a malformed JSON body with 400', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(response.status).toBe(400);
    await response.text();
  });

  it('rejects an unknown department with null, not an error', async () => {
    const response = await postGraphQL<{ report: null }>(
      server.url,
      '{ report(department: "nope", year: 2023) { id } }',
    );
    expect(response).toMatchObject({ status: 200, data: { report: null } });
  });
});
