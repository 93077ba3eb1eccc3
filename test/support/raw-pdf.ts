/**
 * A PDF written object by object, for what PDF libraries do not make: fonts that are not
 * embedded and name a predefined CMap (as older Chinese office software writes them), rotated
 * pages, content drawn in a chosen order. Objects are numbered from 1 in the order given; the
 * first must be the catalog.
 */
export function rawPdf(objects: readonly string[]): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** A content stream object. */
export function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** Text as UTF-16BE hex, how a UCS-2 CMap (UniGB-UCS2-H) expects a string's codes. */
export function ucs2Hex(text: string): string {
  return `<${[...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
}

/**
 * A one-page PDF whose content uses /F1, Helvetica (a standard font), and /F2, STSong-Light
 * through the predefined CMap UniGB-UCS2-H, neither embedded. `pageExtra` is added to the page
 * dictionary (e.g. `/Rotate 90`).
 */
export function onePagePdf(content: string, pageExtra = ''): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> ${pageExtra} >>`,
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [7 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
