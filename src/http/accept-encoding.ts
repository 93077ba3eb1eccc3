/** A content coding the static assets are stored in. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** The order of preference: brotli is about 10 % smaller than gzip on GraphiQL's bundle. */
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/** The quality values of an `Accept-Encoding` header, by lower-cased coding (`*` included). */
function qualities(header: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    found.set(coding, Number.isFinite(quality) ? quality : 0);
  }
  return found;
}

/**
 * The coding to send, among those an asset is stored in: the first of brotli, gzip, identity
 * that the client accepts (quality above 0, named or through `*`). The server's order wins over
 * the client's quality values, as browsers send no preference between br and gzip that matters.
 * Identity is the fallback even when refused (`identity;q=0`): an uncompressed answer is more
 * useful than a 406.
 */
export function chooseCoding(
  header: string | undefined,
  available: ReadonlySet<ContentCoding>,
): ContentCoding {
  const accepted = qualities(header ?? '');
  const wildcard = accepted.get('*');
  for (const coding of PREFERENCE) {
    if (coding === 'identity' || !available.has(coding)) continue;
    if ((accepted.get(coding) ?? wildcard ?? 0) > 0) return coding;
  }
  return 'identity';
}
