import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeAsset, type EncodedAsset } from './encoded-asset.js';
import { sendAsset } from './send-asset.js';

/**
 * Files served from memory: GraphiQL's, the dashboard's, anything the server ships itself (no
 * CDN).
 *
 * - `createStaticAssets(assets, { prefix })`: scripts, styles, images, fonts. Each is served at
 *   `<prefix><name with its content hash>` (`/assets/graphiql.3f9a0c2d5b7e1a46.js`) with
 *   `Cache-Control: public, max-age=31536000, immutable`: a changed file gets a new URL, so a
 *   browser never needs to ask again. `url(name)` gives the URL to write into a page. With
 *   `hashed: false` the files keep their names (`<prefix><name>`) and are revalidated instead,
 *   for files that others refer to by fixed names (ES modules importing each other).
 * - `createStaticPage(asset)`: a document at a URL of the app's choosing (an HTML page that
 *   names the assets), served with `Cache-Control: no-cache`: the browser asks on every visit and
 *   gets a 304 while the page is unchanged.
 *
 * Both hash and compress their files once, when created (brotli and gzip, each kept if smaller),
 * and then answer GET and HEAD with the best coding the client accepts (`Vary: Accept-Encoding`),
 * a strong ETag per coding, and 304 to a matching `If-None-Match`.
 */

/** A file to serve. */
export interface StaticAsset {
  /** Unique in its set, e.g. `graphiql.js` or `charts/bar.js`; a hash goes before the extension. */
  name: string;
  /** The `Content-Type` header, charset included for text (`text/javascript; charset=utf-8`). */
  contentType: string;
  /** The content; a string is sent as UTF-8. */
  bytes: string | Uint8Array;
}

export interface StaticAssetsOptions {
  /** The prefix of the URLs, starting and ending with `/`; default `/assets/`. */
  prefix?: string;
  /** Content hashes in the names, cached for good (default); `false`: fixed names, revalidated. */
  hashed?: boolean;
}

/** A set of assets under one URL prefix. */
export interface StaticAssets {
  /** The URL of an asset by its name (throws for a name not in the set: a typo in a page). */
  url(name: string): string;
  /**
   * Answers a request if `pathname` is the URL of one of the assets, and says whether it did;
   * a path it does not know is left to the caller (several sets may share a prefix).
   */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

/** A document revalidated on every visit. */
export interface StaticPage {
  serve(req: IncomingMessage, res: ServerResponse): void;
}

/** One year, the longest `max-age` worth stating; safe because a changed file changes its URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Stored, but asked again every time: the ETag makes the answer a 304 while unchanged. */
const REVALIDATE = 'no-cache';

/**
 * The hash goes before the extension (`graphiql.js` → `graphiql.3f9a….js`), or at the end of a
 * name without one.
 */
function hashedName(name: string, hash: string): string {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? `${name.slice(0, dot)}.${hash}${name.slice(dot)}` : `${name}.${hash}`;
}

export async function createStaticAssets(
  assets: readonly StaticAsset[],
  options: StaticAssetsOptions = {},
): Promise<StaticAssets> {
  const prefix = options.prefix ?? '/assets/';
  const hashed = options.hashed ?? true;
  if (!prefix.startsWith('/') || !prefix.endsWith('/'))
    throw new Error(`asset prefix must start and end with "/": ${prefix}`);
  const urls = new Map<string, string>();
  const byUrl = new Map<string, EncodedAsset>();
  const encoded = await Promise.all(assets.map((a) => encodeAsset(a.contentType, a.bytes)));
  assets.forEach((asset, i) => {
    if (urls.has(asset.name)) throw new Error(`asset named twice: ${asset.name}`);
    const hash = encoded[i]!.hash;
    const url = prefix + (hashed ? hashedName(asset.name, hash) : asset.name);
    urls.set(asset.name, url);
    byUrl.set(url, encoded[i]!);
  });
  const cacheControl = hashed ? IMMUTABLE : REVALIDATE;
  return {
    url(name) {
      const url = urls.get(name);
      if (url === undefined) throw new Error(`no asset named ${name}`);
      return url;
    },
    serve(req, res, pathname) {
      const asset = byUrl.get(pathname);
      if (asset === undefined) return false;
      sendAsset(req, res, asset, cacheControl);
      return true;
    },
  };
}

export async function createStaticPage(page: StaticAsset): Promise<StaticPage> {
  const encoded = await encodeAsset(page.contentType, page.bytes);
  return {
    serve(req, res) {
      sendAsset(req, res, encoded, REVALIDATE);
    },
  };
}
