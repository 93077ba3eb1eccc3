import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseCoding, type ContentCoding } from './accept-encoding.js';
import type { EncodedAsset } from './encoded-asset.js';

/** `If-None-Match` lists entity tags compared weakly (RFC 9110, 13.1.2): `W/` is ignored. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends an encoded asset for GET or HEAD (anything else is 405): the coding the client accepts
 * best, its ETag, `cacheControl`, and `Vary: Accept-Encoding` when there is a choice of codings;
 * 304 without a body when `If-None-Match` already names the chosen form.
 */
export function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: EncodedAsset,
  cacheControl: string,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('method not allowed: GET or HEAD');
    return;
  }
  const coding = chooseCoding(
    req.headers['accept-encoding'],
    new Set<ContentCoding>(asset.representations.keys()),
  );
  const chosen = asset.representations.get(coding)!;
  const headers: Record<string, string | number> = {
    etag: chosen.etag,
    'cache-control': cacheControl,
  };
  if (asset.representations.size > 1) headers.vary = 'Accept-Encoding';
  if (matchesIfNoneMatch(req.headers['if-none-match'], chosen.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['content-type'] = asset.contentType;
  headers['content-length'] = chosen.body.length;
  headers['x-content-type-options'] = 'nosniff';
  if (coding !== 'identity') headers['content-encoding'] = coding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : chosen.body);
}
