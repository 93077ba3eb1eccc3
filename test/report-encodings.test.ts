import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReportText, ReportFileError } from '../src/ingest/load/report-text.js';
import { decodeReportBytes } from '../src/ingest/load/text-encoding.js';
import { realReportText } from './support/real-report.js';

/**
 * Report texts saved by other tools than jixiao's: GB18030 / GBK (plain text saved on Chinese
 * Windows), UTF-16 with or without a byte-order mark (Notepad's "Unicode"), UTF-8 with a mark.
 * Each reads as the same text; bytes that are none of them are refused naming the encodings.
 */

const TEXT = realReportText();
const dir = mkdtempSync(join(tmpdir(), 'jixiao-encodings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * GB18030 bytes of a text, from the decoder itself (Node encodes only UTF-8): every two-byte
 * GBK code decoded once, and each character of the text looked up.
 */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else if (codes.has(ch)) bytes.push(...codes.get(ch)!);
    else throw new Error(`no two-byte GB18030 code for ${ch}`);
  }
  return new Uint8Array(bytes);
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  return new Uint8Array(order === 'le' ? le : Buffer.from(le).swap16());
}

async function read(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return readReportText(file);
}

describe('a report text file', () => {
  it.each([
    ['GB18030 / GBK', 'gb18030', () => gb18030(TEXT)],
    ['UTF-16LE with a byte-order mark', 'utf-16le', () => utf16(TEXT, 'le', true)],
    ['UTF-16LE without one', 'utf-16le', () => utf16(TEXT, 'le', false)],
    ['UTF-16BE with a byte-order mark', 'utf-16be', () => utf16(TEXT, 'be', true)],
    ['UTF-16BE without one', 'utf-16be', () => utf16(TEXT, 'be', false)],
    ['UTF-8 with a byte-order mark', 'utf-8', () => new Uint8Array(Buffer.from(`\ufeff${TEXT}`))],
    ['UTF-8', 'utf-8', () => new Uint8Array(Buffer.from(TEXT))],
  ] as const)('in %s reads as the real report', async (_, encoding, bytes) => {
    expect(decodeReportBytes(bytes()).encoding).toBe(encoding);
    expect(await read(`${encoding}.txt`, bytes())).toBe(TEXT);
  });

  it('in none of them is refused, naming the encodings tried', async () => {
    const error = await read(
      'binary.txt',
      new Uint8Array([0x80, 0xff, 0x30, 0x00, 0xfe, 0x20, 0x81]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFileError);
    expect(String(error)).toMatch(/binary\.txt: is not text in UTF-8, GB18030\/GBK or UTF-16/);
  });
});
