import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * pdf.js's data folders in the installed pdfjs-dist package. Chinese PDFs often use fonts that
 * are not embedded and name a predefined CMap (UniGB-UCS2-H …): pdf.js decodes their text only
 * with the CMap files.
 */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Reads pdf.js's packed CMaps with node:fs (pdf.js's `CMapReaderFactory` option). pdf.js's own
 * reader for Node needs `process.getBuiltinModule`, which Node 20 has only from 20.16.
 */
export class PackageCMapReader {
  async fetch({
    name,
  }: {
    name: string;
  }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const data = await readFile(join(PDFJS_DIR, 'cmaps', `${name}.bcmap`));
    return { cMapData: new Uint8Array(data), isCompressed: true };
  }
}

/** Reads pdf.js's standard font files with node:fs (its `StandardFontDataFactory` option). */
export class PackageStandardFontReader {
  async fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    return new Uint8Array(await readFile(join(PDFJS_DIR, 'standard_fonts', filename)));
  }
}
