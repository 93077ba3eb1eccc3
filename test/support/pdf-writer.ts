import { existsSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/**
 * A TrueType CJK font with Latin letters and digits, from the Debian package fonts-wqy-microhei
 * (a font collection; the face is named below). TrueType, not CFF/OpenType: PDF writers subset
 * CFF CJK fonts badly. Droid Sans Fallback, the other small candidate, has no digits.
 */
export const CJK_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const CJK_FONT_FACE = 'WenQuanYiMicroHei';
const FONT = 'cjk';

/** A column of a table: its share of the table's width and how its cells align. */
export interface PdfTableColumn {
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A table cell; a cell spanning rows is left out of the rows below it, as in HTML. */
export interface PdfTableCell {
  text: string;
  rowSpan?: number;
}

/** What a test report is made of, top to bottom. */
export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' }
  | {
      kind: 'table';
      columns: PdfTableColumn[];
      header?: string[];
      rows: (string | PdfTableCell)[][];
      /** Print the header again at the top of each page the table continues on. */
      repeatHeader?: boolean;
    }
  /** A grey raster picture, as a scanner makes: no text in it for a PDF reader. */
  | { kind: 'image'; width: number; height: number }
  /** Lines and shapes drawn as vectors. */
  | { kind: 'drawing' }
  | { kind: 'pageBreak' };

export interface PdfWriteOptions {
  /** The footer of each page; null for none. Default `- n -`, as Chinese reports number pages. */
  footer?: ((page: number, pages: number) => string) | null;
  /** Encrypts the file: it opens only with this password. */
  userPassword?: string;
  /** Encrypts the file with an owner password only: it opens, but forbids copying its text. */
  ownerPassword?: string;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 72, left: 80, right: 80 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LIMIT = PAGE.height - MARGIN.bottom;
const BODY = { size: 12, lineHeight: 20 };
const TITLE = { size: 18, lineHeight: 28 };
const CELL = { size: 10.5, lineHeight: 14, padding: 4 };
const FOOTER_Y = PAGE.height - 48;

/** Characters that may not begin a line (Chinese line-breaking rules). */
const NO_LINE_START = /^[，。、；：？！）》」』”’%,.;:?!)\]]/;
const WORD_CHAR = /[\x21-\x7e]/;

type Doc = PDFKit.PDFDocument;

/**
 * Breaks text into lines no wider than `width` at `size`: between any two Chinese characters,
 * never inside a Latin word or number, and never before closing punctuation.
 */
function wrap(doc: Doc, text: string, width: number, size: number, indent = 0): string[] {
  doc.fontSize(size);
  const chars = [...text];
  const lines: string[] = [];
  let pieces: string[] = [];
  let lineWidth = indent;
  const widthOf = (parts: readonly string[]) => doc.widthOfString(parts.join(''));
  let i = 0;
  while (i < chars.length) {
    // The next unbreakable piece: one character, or a run of Latin word characters.
    let j = i + 1;
    if (WORD_CHAR.test(chars[i]!)) while (j < chars.length && WORD_CHAR.test(chars[j]!)) j++;
    const piece = chars.slice(i, j).join('');
    i = j;
    const pieceWidth = doc.widthOfString(piece);
    const limit = lines.length === 0 ? width - indent : width;
    if (pieces.length > 0 && lineWidth + pieceWidth > limit - 0.5) {
      // Closing punctuation may not start a line: the piece before it moves down with it.
      const carry = NO_LINE_START.test(piece) && pieces.length > 1 ? pieces.splice(-1) : [];
      lines.push(pieces.join('').trimEnd());
      pieces = carry;
      lineWidth = widthOf(pieces);
      if (piece === ' ' && pieces.length === 0) continue;
    }
    pieces.push(piece);
    lineWidth += pieceWidth;
  }
  if (pieces.join('').trim() !== '') lines.push(pieces.join('').trimEnd());
  return lines;
}

/** A grey gradient picture as PNG bytes (8-bit greyscale, unfiltered rows). */
function greyPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * 7 + y * 13) % 256;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One cell of a laid-out table: where it starts, how many rows it spans, its wrapped lines. */
interface PlacedCell {
  column: number;
  row: number;
  span: number;
  lines: string[];
}

class Writer {
  y = MARGIN.top;

  constructor(readonly doc: Doc) {}

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  atPageTop(): boolean {
    return this.y === MARGIN.top;
  }

  /** Draws one line of text with its top at `top`. */
  textAt(text: string, x: number, top: number, size: number): void {
    this.doc.fontSize(size).text(text, x, top, { lineBreak: false });
  }

  lines(lines: readonly string[], size: number, lineHeight: number, x: (line: string) => number) {
    for (const line of lines) {
      if (this.y + lineHeight > LIMIT) this.newPage();
      this.textAt(line, x(line), this.y + (lineHeight - size) / 2, size);
      this.y += lineHeight;
    }
  }

  title(text: string): void {
    const lines = wrap(this.doc, text, CONTENT_WIDTH * 0.8, TITLE.size);
    this.lines(lines, TITLE.size, TITLE.lineHeight, (l) => this.centered(l, TITLE.size));
    this.y += TITLE.lineHeight / 2;
  }

  centered(line: string, size: number): number {
    return MARGIN.left + (CONTENT_WIDTH - this.doc.fontSize(size).widthOfString(line)) / 2;
  }

  paragraph(text: string, align: 'left' | 'center', indent: number): void {
    const lines = wrap(this.doc, text, CONTENT_WIDTH, BODY.size, indent);
    let first = true;
    this.lines(lines, BODY.size, BODY.lineHeight, (l) => {
      const x =
        align === 'center' ? this.centered(l, BODY.size) : MARGIN.left + (first ? indent : 0);
      first = false;
      return x;
    });
  }

  table(block: Extract<PdfBlock, { kind: 'table' }>): void {
    const total = block.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = block.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
    const lefts = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const inner = (column: number) => widths[column]! - 2 * CELL.padding;

    const header: PlacedCell[] = (block.header ?? []).map((text, column) => ({
      column,
      row: 0,
      span: 1,
      lines: wrap(this.doc, text, inner(column), CELL.size),
    }));
    const headerHeight =
      header.length === 0
        ? 0
        : Math.max(...header.map((c) => c.lines.length)) * CELL.lineHeight + 2 * CELL.padding;

    // Place the body cells on the grid, skipping positions that a cell above spans.
    const covered = new Set<string>();
    const cells: PlacedCell[] = [];
    block.rows.forEach((row, r) => {
      let column = 0;
      for (const raw of row) {
        while (covered.has(`${r}:${column}`)) column++;
        const cell = typeof raw === 'string' ? { text: raw } : raw;
        const span = cell.rowSpan ?? 1;
        for (let k = 1; k < span; k++) covered.add(`${r + k}:${column}`);
        cells.push({
          column,
          row: r,
          span,
          lines: wrap(this.doc, cell.text, inner(column), CELL.size),
        });
        column++;
      }
    });
    const need = (c: PlacedCell) =>
      Math.max(1, c.lines.length) * CELL.lineHeight + 2 * CELL.padding;
    const heights = block.rows.map((_, r) =>
      Math.max(
        CELL.lineHeight + 2 * CELL.padding,
        ...cells.filter((c) => c.row === r && c.span === 1).map(need),
      ),
    );
    for (const c of cells.filter((c) => c.span > 1)) {
      const have = heights.slice(c.row, c.row + c.span).reduce((a, b) => a + b, 0);
      if (have < need(c)) heights[c.row + c.span - 1]! += need(c) - have;
    }

    const drawHeader = () => {
      for (const c of header)
        this.cell(
          c.lines,
          lefts[c.column]!,
          this.y,
          widths[c.column]!,
          headerHeight,
          'middle',
          'center',
        );
      this.y += headerHeight;
    };
    const startPage = () => {
      this.newPage();
      if (block.repeatHeader) drawHeader();
    };
    // The header with at least the first lines of the first row, or a new page.
    const firstLines = Math.min(heights[0]!, 2 * CELL.lineHeight + 2 * CELL.padding);
    if (this.y + headerHeight + firstLines > LIMIT && !this.atPageTop()) this.newPage();
    drawHeader();

    let r = 0;
    while (r < block.rows.length) {
      // A group: rows tied together by cells spanning them, kept on one page.
      let end = r + 1;
      for (let k = r; k < end; k++) {
        for (const c of cells.filter((c) => c.row === k)) end = Math.max(end, c.row + c.span);
      }
      const groupHeight = heights.slice(r, end).reduce((a, b) => a + b, 0);
      const room = LIMIT - this.y;
      if (groupHeight <= room) {
        for (let k = r; k < end; k++) {
          for (const c of cells.filter((c) => c.row === k)) {
            const height = heights.slice(k, k + c.span).reduce((a, b) => a + b, 0);
            this.cell(
              c.lines,
              lefts[c.column]!,
              this.y,
              widths[c.column]!,
              height,
              'middle',
              block.columns[c.column]!.align ?? 'left',
            );
          }
          this.y += heights[k]!;
        }
        r = end;
      } else if (end === r + 1 && room >= 2 * CELL.lineHeight + 2 * CELL.padding) {
        // One row taller than the room left: split it across the page break, as word processors
        // do, each cell's lines continuing at the top of its column on the next page.
        const fit = Math.floor((room - 2 * CELL.padding) / CELL.lineHeight);
        const rowCells = cells.filter((c) => c.row === r);
        const height = fit * CELL.lineHeight + 2 * CELL.padding;
        for (const c of rowCells)
          this.cell(
            c.lines.slice(0, fit),
            lefts[c.column]!,
            this.y,
            widths[c.column]!,
            height,
            'top',
            block.columns[c.column]!.align ?? 'left',
          );
        for (const c of rowCells) c.lines = c.lines.slice(fit);
        heights[r] = Math.max(CELL.lineHeight + 2 * CELL.padding, ...rowCells.map(need));
        startPage();
      } else if (
        !this.atPageTop() &&
        !(block.repeatHeader && this.y === MARGIN.top + headerHeight)
      ) {
        startPage();
      } else {
        throw new Error(
          `table rows ${r + 1}-${end} do not fit on one page: the test writer cannot split merged cells`,
        );
      }
    }
    this.y += BODY.lineHeight / 2;
  }

  cell(
    lines: readonly string[],
    left: number,
    top: number,
    width: number,
    height: number,
    vertical: 'top' | 'middle',
    align: 'left' | 'center' | 'right',
  ): void {
    this.doc.lineWidth(0.5).rect(left, top, width, height).stroke();
    const textHeight = lines.length * CELL.lineHeight;
    let y = vertical === 'middle' ? top + (height - textHeight) / 2 : top + CELL.padding;
    for (const line of lines) {
      const lineWidth = this.doc.fontSize(CELL.size).widthOfString(line);
      const x =
        align === 'left'
          ? left + CELL.padding
          : align === 'right'
            ? left + width - CELL.padding - lineWidth
            : left + (width - lineWidth) / 2;
      this.textAt(line, x, y + (CELL.lineHeight - CELL.size) / 2, CELL.size);
      y += CELL.lineHeight;
    }
  }

  image(width: number, height: number): void {
    if (this.y + height > LIMIT && !this.atPageTop()) this.newPage();
    this.doc.image(greyPng(Math.round(width / 2), Math.round(height / 2)), MARGIN.left, this.y, {
      width,
      height,
    });
    this.y += height + BODY.lineHeight;
  }

  drawing(): void {
    if (this.y + 120 > LIMIT && !this.atPageTop()) this.newPage();
    const { doc } = this;
    doc.lineWidth(1).rect(MARGIN.left, this.y, 200, 100).stroke();
    doc.circle(MARGIN.left + 300, this.y + 50, 40).fill('#999999');
    doc
      .moveTo(MARGIN.left, this.y + 110)
      .lineTo(MARGIN.left + CONTENT_WIDTH, this.y + 110)
      .stroke();
    doc.fillColor('black');
    this.y += 120;
  }
}

/**
 * Writes a report as a PDF the way word processors do: prose as wrapped paragraphs, tables as
 * ruled cells with each cell's text wrapped inside it (merged cells, rows split across a page
 * break, the header repeated), and a page number in the footer of every page.
 */
export function writePdf(
  blocks: readonly PdfBlock[],
  options: PdfWriteOptions = {},
): Promise<Uint8Array> {
  if (!existsSync(CJK_FONT_FILE)) {
    throw new Error(`${CJK_FONT_FILE} is missing: install the Debian package fonts-wqy-microhei`);
  }
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    ...(options.userPassword || options.ownerPassword
      ? {
          pdfVersion: '1.7' as const,
          ...(options.userPassword ? { userPassword: options.userPassword } : {}),
          ...(options.ownerPassword
            ? { ownerPassword: options.ownerPassword, permissions: { copying: false } }
            : {}),
        }
      : {}),
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, CJK_FONT_FILE, CJK_FONT_FACE);
  doc.font(FONT);
  const writer = new Writer(doc);
  for (const block of blocks) {
    if (block.kind === 'title') writer.title(block.text);
    else if (block.kind === 'heading') writer.paragraph(block.text, 'left', 0);
    else if (block.kind === 'paragraph') {
      writer.paragraph(
        block.text,
        block.align ?? 'left',
        block.align === 'center' ? 0 : 2 * BODY.size,
      );
    } else if (block.kind === 'table') writer.table(block);
    else if (block.kind === 'image') writer.image(block.width, block.height);
    else if (block.kind === 'drawing') writer.drawing();
    else if (!writer.atPageTop()) writer.newPage();
  }
  const footer = options.footer === undefined ? (page: number) => `- ${page} -` : options.footer;
  if (footer) {
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const text = footer(i + 1, count);
      writer.textAt(text, writer.centered(text, CELL.size), FOOTER_Y, CELL.size);
    }
  }
  doc.end();
  return done;
}
