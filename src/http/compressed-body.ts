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

/** An answer's body as it goes out, in the coding it goes out in. */
export interface EncodedBody {
  coding: ContentCoding;
  body: Buffer;
}

/** The coding a client gets for a body worth compressing: brotli, else gzip, else none. */
export function preferredCoding(req: IncomingMessage): ContentCoding {
  return chooseCoding(req.headers['accept-encoding'], CODINGS);
}

/**
 * Encodes a dynamic body (a GraphQL answer) with brotli or gzip when the client accepts one and
 * the body is worth it. GraphQL answers are JSON and shrink well: the schema introspection
 * GraphiQL fetches on every visit, 116 KB, becomes about 12 KB with brotli. The compression runs
 * off the main thread (zlib's thread pool).
 */
export async function encodeBody(req: IncomingMessage, text: string): Promise<EncodedBody> {
  const body = Buffer.from(text, 'utf8');
  if (body.length < MIN_COMPRESSED_BYTES) return { coding: 'identity', body };
  const coding = preferredCoding(req);
  return coding === 'identity' ? { coding, body } : { coding, body: await compress(body, coding) };
}

/** Ends a response with an encoded body, naming its coding. */
export function endWithEncoded(res: ServerResponse, encoded: EncodedBody): void {
  res.setHeader('vary', 'accept-encoding');
  if (encoded.coding !== 'identity') res.setHeader('content-encoding', encoded.coding);
  res.setHeader('content-length', encoded.body.length);
  res.end(encoded.body);
}

/** Ends a response with a dynamic body, compressed when the client accepts it (encodeBody). */
export async function endWithBody(
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
): Promise<void> {
  endWithEncoded(res, await encodeBody(req, text));
}
