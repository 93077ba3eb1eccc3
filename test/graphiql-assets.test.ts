import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { createStaticAssets } from '../src/http/static-assets.js';
import { startTestServer } from './support/test-server.js';

/**
 * GraphiQL as a browser fetches it: a small page at /graphql and content-hashed assets under
 * /assets/, compressed, cached for good, revalidated by ETag. Requests go through node:http, not
 * fetch, so that the bytes counted are the bytes sent (fetch decompresses).
 */

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** What crossed the wire: status line, headers and body as sent. */
  wireBytes: number;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n\r\n`.length;
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`.length;
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body,
          wireBytes: head + body.length,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER = { accept: 'text/html', 'accept-encoding': 'br, gzip' };
const MB = 1_000_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let origin: string;
beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
});
afterAll(async () => server.cleanup());

/** The page as a browser without encodings gets it, and the asset URLs it names. */
async function pageAndAssets(): Promise<{ html: string; assets: string[] }> {
  const page = await get(server.url, { accept: 'text/html' });
  const html = page.body.toString('utf8');
  return { html, assets: [...new Set(html.match(/\/assets\/[\w.-]+/g) ?? [])] };
}

/** The first visit: the page and every asset, each with its wire size and ETag. */
async function firstVisit(): Promise<{ url: string; received: Received }[]> {
  const { assets } = await pageAndAssets();
  const urls = [server.url, ...assets.map((path) => origin + path)];
  return Promise.all(urls.map(async (url) => ({ url, received: await get(url, BROWSER) })));
}

const total = (visit: { received: Received }[]) =>
  visit.reduce((sum, { received }) => sum + received.wireBytes, 0);

describe('GraphiQL page', () => {
  it('is a few KB that names its scripts, styles, workers and icon under /assets/', async () => {
    const { html, assets } = await pageAndAssets();
    // The page carries one tab per example operation: a few KB besides their text.
    const tabs = readExampleOperations().reduce(
      (bytes, op) => bytes + Buffer.byteLength(JSON.stringify(op.query)),
      0,
    );
    expect(Buffer.byteLength(html) - tabs).toBeLessThan(5_000);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/data:/);
    expect(assets.map((path) => path.replace(/\.[0-9a-f]{16}\./, '.')).sort()).toEqual([
      '/assets/editor.worker.js',
      '/assets/favicon.ico',
      '/assets/graphiql-start.js',
      '/assets/graphiql-tabs.css',
      '/assets/graphiql.css',
      '/assets/graphiql.js',
      '/assets/graphql.worker.js',
      '/assets/json.worker.js',
    ]);
  });

  it('has no inline script: every script element has a src or holds JSON data', async () => {
    const { html } = await pageAndAssets();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/ src="\/assets\/|type="application\/json"/);
  });
});

describe('GraphiQL transfer', () => {
  it('transfers under 3 MB on a first load with br and gzip, page and every asset', async () => {
    const visit = await firstVisit();
    for (const { url, received } of visit)
      expect({ url, status: received.status }).toEqual({ url, status: 200 });
    expect(total(visit)).toBeLessThan(3 * MB);
  });

  it('transfers under 100 KB on a second load that sends the ETags back, all 304', async () => {
    const first = await firstVisit();
    const second = await Promise.all(
      first.map(async ({ url, received }) => ({
        url,
        received: await get(url, { ...BROWSER, 'if-none-match': received.headers.etag! }),
      })),
    );
    for (const { url, received } of second) {
      expect({ url, status: received.status, body: received.body.length }).toEqual({
        url,
        status: 304,
        body: 0,
      });
    }
    expect(total(second)).toBeLessThan(100_000);
  });
});

describe('GraphiQL assets over HTTP', () => {
  const script = async () => {
    const { assets } = await pageAndAssets();
    return origin + assets.find((path) => /\/graphiql\.[0-9a-f]{16}\.js$/.test(path))!;
  };

  it('caches hashed assets for a year as immutable', async () => {
    const asset = await get(await script(), BROWSER);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes the browser revalidate the page on every visit (no-cache) by its ETag', async () => {
    const page = await get(server.url, BROWSER);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toMatch(/^"[0-9a-f]{16}-br"$/);
  });

  it('answers an asset name it does not hold with 404', async () => {
    for (const path of ['/assets/graphiql.0000000000000000.js', '/assets/graphiql.js']) {
      const response = await get(origin + path, BROWSER);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const identity = await get(await script());
    const gzip = await get(await script(), { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.length).toBeLessThan(identity.body.length / 2);
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
  });

  it('sends a client without Accept-Encoding the identity bytes, equal to decompressed brotli', async () => {
    const identity = await get(await script());
    const br = await get(await script(), { 'accept-encoding': 'br' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
  });

  it('sends gzip to a client that refuses br with q=0', async () => {
    const response = await get(await script(), { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('varies on Accept-Encoding and gives each coding its own ETag', async () => {
    const url = await script();
    const tags = await Promise.all(
      ['br', 'gzip', 'identity'].map(async (coding) => {
        const response = await get(url, { 'accept-encoding': coding });
        expect(response.headers.vary).toBe('Accept-Encoding');
        return response.headers.etag;
      }),
    );
    expect(new Set(tags).size).toBe(3);
  });

  it('does not take the ETag of one coding for another', async () => {
    const url = await script();
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    const br = await get(url, { 'accept-encoding': 'br', 'if-none-match': gzip.headers.etag! });
    expect(br.status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const url = await script();
    const getResponse = await get(url, BROWSER);
    const head = await get(url, BROWSER, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(getResponse.body.length));
    expect(head.headers.etag).toBe(getResponse.headers.etag);
  });

  it('answers other methods with 405 and the methods it allows', async () => {
    const response = await get(await script(), {}, 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });
});

describe('static assets with fixed names (hashed: false)', () => {
  let plain: Server;
  let base: string;
  beforeAll(async () => {
    const assets = await createStaticAssets(
      [{ name: 'charts/bar.js', contentType: 'text/javascript', bytes: 'export const bar = 1;' }],
      { prefix: '/dashboard/', hashed: false },
    );
    plain = createServer((req, res) => {
      if (!assets.serve(req, res, req.url ?? '')) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())));

  it('serves a file at its own name, revalidated on every use', async () => {
    const response = await get(`${base}/dashboard/charts/bar.js`);
    expect(response.body.toString()).toBe('export const bar = 1;');
    expect(response.headers['cache-control']).toBe('no-cache');
    const again = await get(`${base}/dashboard/charts/bar.js`, {
      'if-none-match': response.headers.etag!,
    });
    expect(again.status).toBe(304);
  });

  it('keeps a file too small to gain from compression in identity only, without Vary', async () => {
    const response = await get(`${base}/dashboard/charts/bar.js`, { 'accept-encoding': 'br' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toBeUndefined();
  });
});
