import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { chooseCoding, type ContentCoding } from './accept-encoding.js';

/** Smaller bodies go as they are: compressing them saves less than the headers cost. */
const MIN_COMPRESSED_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli quality 4 and gzip level 6: answers are compressed on every request, so speed counts
 * more than the last per cent (quality 11 takes ten times as long for a few per cent less).
 */
function compress(body: Buffer, coding: Exclude<ContentCoding, 'identity'>): Promise<Buffer> {
  return coding === 'br'
    ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
    : gzipAsync(body, { level: 6 });
}

const CODINGS: ReadonlySet<ContentCoding> = new Set(['br', 'gzip']);

/**
 * Ends a response with a dynamic body (a GraphQL answer), compressed with brotli or gzip when the
 * client accepts one and the body is worth it. GraphQL answers are JSON and shrink well: the
 * schema introspection GraphiQL fetches on every visit, 116 KB, becomes about 12 KB with brotli.
 * The compression runs off the main thread (zlib's thread pool).
 */
export async function endWithBody(
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
): Promise<void> {
  const body = Buffer.from(text, 'utf8');
  res.setHeader('vary', 'accept-encoding');
  const coding =
    body.length >= MIN_COMPRESSED_BYTES
      ? chooseCoding(req.headers['accept-encoding'], CODINGS)
      : 'identity';
  if (coding === 'identity') {
    res.setHeader('content-length', body.length);
    res.end(body);
    return;
  }
  const compressed = await compress(body, coding);
  res.setHeader('content-encoding', coding);
  res.setHeader('content-length', compressed.length);
  res.end(compressed);
}
