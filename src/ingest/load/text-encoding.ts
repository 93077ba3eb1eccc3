/**
 * The character encoding of a report text file. Reports come from many offices' tools: UTF-8
 * (with or without a byte-order mark), GB18030 / GBK (what Chinese Windows saves plain text as)
 * and UTF-16 (Windows Notepad's "Unicode", with or without a mark). Each is decoded, so that a
 * report is never refused as having no title because its bytes were read in the wrong encoding;
 * bytes that are none of them are refused with the encodings tried.
 */

/** The encodings a report text may be in, as TextDecoder names them. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A text file decoded, with the encoding it was found to be in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Bytes that are text in none of the encodings jixiao reads. */
export class TextEncodingError extends Error {}

const BOMS: readonly (readonly [TextEncodingName, readonly number[]])[] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/**
 * UTF-16 without a mark: Chinese text in UTF-16 has a zero byte in each ASCII character (digits,
 * spaces, line breaks) on one side of the pair, which UTF-8 and GB18030 text never has. The side
 * with many more zeros says the byte order (a few CJK characters, 一 = U+4E00, have a zero on the
 * other side).
 */
function utf16Order(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (data.length < 4 || data.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < data.length; i += 2) {
    if (data[i] === 0) even += 1;
    if (data[i + 1] === 0) odd += 1;
  }
  const pairs = data.length / 2;
  // A tenth of the pairs is far more than a stray zero byte, far less than a report's ASCII share.
  if (odd > pairs / 10 && even < odd / 4) return 'utf-16le';
  if (even > pairs / 10 && odd < even / 4) return 'utf-16be';
  return null;
}

function decode(encoding: TextEncodingName, data: Uint8Array): string | null {
  try {
    // fatal: a byte sequence that is not valid in the encoding throws instead of becoming U+FFFD.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return null;
  }
}

/**
 * Decodes a report text file: by its byte-order mark where it has one, else as UTF-16 when its
 * zero bytes say so, else as UTF-8 when it is valid UTF-8, else as GB18030 (a superset of GBK and
 * GB2312). Throws TextEncodingError when the bytes are valid in none of them.
 */
export function decodeReportBytes(data: Uint8Array): DecodedText {
  for (const [encoding, bom] of BOMS) {
    if (bom.every((byte, i) => data[i] === byte)) {
      const text = decode(encoding, data);
      if (text !== null) return { text, encoding };
      throw new TextEncodingError(
        `starts with a ${encoding} byte-order mark but is not valid ${encoding} text`,
      );
    }
  }
  const utf16 = utf16Order(data);
  const order: TextEncodingName[] = utf16 ? [utf16] : ['utf-8', 'gb18030'];
  for (const encoding of order) {
    const text = decode(encoding, data);
    if (text !== null) return { text, encoding };
  }
  throw new TextEncodingError(
    `is not text in UTF-8, GB18030/GBK or UTF-16 (${utf16 ?? 'no byte-order mark'}); save it as UTF-8`,
  );
}
