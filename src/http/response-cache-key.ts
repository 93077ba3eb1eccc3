import { createHash } from 'node:crypto';
import { viewerText, type Viewer } from '../graphql/viewer.js';

/** Everything an answer depends on besides the request body itself. */
export interface CacheKeyParts {
  /** The data version (snapshot) the answer is computed from; null for data that never changes. */
  dataVersion: string | null;
  /** Who asks: a DEPARTMENT viewer sees other answers than an ANALYST. */
  viewer: Viewer;
  /** The client's Accept header: it chooses the answer's content type. */
  accept: string;
  /** The content coding the answer is sent in (br, gzip, identity). */
  coding: string;
  /** The request body as received: the document, operation name, variables and extensions. */
  body: string;
}

/**
 * The cache key of a GraphQL request. The body is taken as sent, byte for byte: a dashboard
 * repeats its requests exactly, and two bodies that differ only in spacing or the order of their
 * variables are merely two entries, never a wrong answer.
 */
export function responseCacheKey(parts: CacheKeyParts): string {
  const scope = viewerText(parts.viewer);
  const hash = createHash('sha256');
  for (const part of [parts.dataVersion ?? '', scope, parts.accept, parts.coding, parts.body])
    hash.update(part).update('\0');
  return hash.digest('base64url');
}
