/**
 * The name a download is saved under: the operation, then the values of its naming variables
 * (`Benchmark-BASIC_SHARE-2023.csv`), then the list when it is not the default one.
 */
export function exportFileName(
  operation: string,
  parts: readonly unknown[],
  extension: string,
): string {
  const words = [operation];
  for (const part of parts) {
    if (part === null || part === undefined || part === '') continue;
    words.push(Array.isArray(part) ? part.join('_') : String(part));
  }
  // Characters that a file system or a header cannot take become `_`; Chinese stays.
  const base = words.join('-').replace(/[\\/:*?"<>|\u0000-\u001f\u007f;,]/g, '_');
  return `${base.slice(0, 120)}.${extension}`;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` every client understands,
 * and `filename*` in UTF-8 for those that keep a Chinese variable value (a sector) in the name.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
