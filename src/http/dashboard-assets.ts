import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readExampleOperations, type ExampleOperation } from '../graphql/example-operations.js';
import {
  createStaticAssets,
  createStaticPage,
  type StaticAsset,
  type StaticAssets,
  type StaticPage,
} from './static-assets.js';

/** Where the dashboard is served: the page at `/dashboard`, its files under `/dashboard/`. */
export const DASHBOARD_PATH = '/dashboard';
const PREFIX = `${DASHBOARD_PATH}/`;

/** The dashboard's client files: HTML, CSS and plain ES modules, no build step. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../dashboard/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The page itself, served at `/dashboard` and `/dashboard/`. */
export const PAGE_NAME = 'index.html';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() && extname(entry.name) in CONTENT_TYPES ? [path] : [];
    })
    .sort();
}

/** Apache ECharts' prebuilt bundle from node_modules: the page loads it from this server. */
function echartsBundle(): Buffer {
  const main = createRequire(import.meta.url).resolve('echarts'); // …/echarts/dist/echarts.js
  return readFileSync(join(dirname(main), 'echarts.min.js'));
}

/**
 * The named operations the dashboard sends, as `{ operations: [{ name, file, query }] }`: the
 * documents of schema/operations/, so that the dashboard asks exactly what GraphiQL's tabs and
 * the downloads ask, by operation name with variables.
 */
export function operationsDocument(operations: readonly ExampleOperation[]): string {
  return JSON.stringify({ operations });
}

/**
 * Every file of the dashboard: those of src/dashboard/ (the page, its style sheet, its ES
 * modules), ECharts' bundle (`vendor/echarts.min.js`) and the operation documents
 * (`operations.json`). Names are paths under `/dashboard/`.
 */
export function dashboardAssets(
  operations: readonly ExampleOperation[] = readExampleOperations(),
): StaticAsset[] {
  const files = filesUnder(DASHBOARD_DIR).map((path) => ({
    name: relative(DASHBOARD_DIR, path).split(sep).join('/'),
    contentType: CONTENT_TYPES[extname(path)]!,
    bytes: readFileSync(path),
  }));
  return [
    ...files,
    { name: 'vendor/echarts.min.js', contentType: CONTENT_TYPES['.js']!, bytes: echartsBundle() },
    {
      name: 'operations.json',
      contentType: CONTENT_TYPES['.json']!,
      bytes: operationsDocument(operations),
    },
  ];
}

/**
 * Files the page names directly get content hashes and are cached for good (ECharts is 1.1 MB);
 * ES modules import each other by fixed names, and operations.json is fetched by name, so they
 * keep their names and are revalidated (ETag, 304).
 */
function isHashed(name: string): boolean {
  return name === 'vendor/echarts.min.js' || name.endsWith('.css');
}

/** The dashboard as served: its page and its two sets of files. */
export interface Dashboard {
  page: StaticPage;
  hashed: StaticAssets;
  named: StaticAssets;
}

/**
 * Builds the dashboard's assets (hashed and compressed once): the page's `src="/dashboard/…"`
 * and `href="/dashboard/…"` attributes are rewritten to the URLs the files are served at.
 */
export async function createDashboard(assets: readonly StaticAsset[]): Promise<Dashboard> {
  const page = assets.find((a) => a.name === PAGE_NAME);
  if (!page) throw new Error(`the dashboard has no ${PAGE_NAME}`);
  const files = assets.filter((a) => a !== page);
  const hashed = await createStaticAssets(
    files.filter((a) => isHashed(a.name)),
    { prefix: PREFIX },
  );
  const named = await createStaticAssets(
    files.filter((a) => !isHashed(a.name)),
    { prefix: PREFIX, hashed: false },
  );
  const url = (name: string) => (isHashed(name) ? hashed.url(name) : named.url(name));
  const html = Buffer.from(page.bytes)
    .toString('utf8')
    .replace(
      /\b(src|href)="\/dashboard\/([^"]+)"/g,
      (_all, attribute: string, name: string) => `${attribute}="${url(name)}"`,
    );
  return {
    page: await createStaticPage({ ...page, bytes: html }),
    hashed,
    named,
  };
}

/** True for the paths the dashboard answers: `/dashboard`, `/dashboard/` and its files. */
export function isDashboardPath(pathname: string): boolean {
  return pathname === DASHBOARD_PATH || pathname.startsWith(PREFIX);
}

/**
 * Answers `/dashboard[/…]`: the page at `/dashboard` and `/dashboard/`, each file at its URL,
 * 404 otherwise.
 */
export function serveDashboard(
  dashboard: Dashboard,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  if (url.pathname === DASHBOARD_PATH || url.pathname === PREFIX)
    return dashboard.page.serve(req, res);
  if (dashboard.hashed.serve(req, res, url.pathname)) return;
  if (dashboard.named.serve(req, res, url.pathname)) return;
  const body = `not found: ${url.pathname}; the dashboard is at ${DASHBOARD_PATH}`;
  res.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
