import { padDecimals } from '../../src/ingest/decimal.js';
import type { ReportDocument } from '../../src/ingest/report-document.js';
import { parseReport } from '../../src/ingest/report/report-parser.js';
import { compact, splitLines, type SourceLine } from '../../src/ingest/report/source-text.js';
import { writePdf, type PdfBlock, type PdfTableCell } from './pdf-writer.js';
import { REAL_REPORT_FILE, realReportText } from './real-report.js';

/**
 * The real report's four tables in the seeded text: the caption line and the lines of the body
 * (cells broken across lines by the PDF-to-text conversion the seed came from).
 */
const TABLES = [
  { caption: 34, body: [36, 370] },
  { caption: 420, body: [422, 443] },
  { caption: 525, body: [527, 745] },
  { caption: 759, body: [761, 818] },
] as const;

/** Where a paragraph starts: a numbered heading or item, or a table caption. */
const PARAGRAPH_START =
  /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.(?!\d)|表\s*\d)/;
/** An amount or a dash in 表2. */
const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?|[-－—]+)`;
const EXPENDITURE_ROW = new RegExp(String.raw`^(.*?)\s+${AMOUNT}\s+${AMOUNT}\s+${AMOUNT}$`);

/** A heading alone on its line: numbered, short, no sentence after it. */
function isHeading(line: SourceLine): boolean {
  const text = compact(line.text);
  return /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/.test(text) && !/。/.test(text);
}

/** The prose lines of the seed as blocks: headings alone, paragraphs joined from their lines. */
function proseBlocks(lines: readonly SourceLine[]): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('') });
    paragraph = [];
  };
  for (const line of lines) {
    if (isHeading(line)) {
      flush();
      blocks.push({ kind: 'heading', text: line.text });
    } else {
      if (PARAGRAPH_START.test(line.text)) flush();
      paragraph.push(line.text);
    }
  }
  flush();
  return blocks;
}

/** 表4 with its level-1 and level-2 names in cells merged over their rows, as printed. */
function managementRows(doc: ReportDocument): (string | PdfTableCell)[][] {
  const rows = doc.managementScores;
  const runLength = (from: number, same: (a: (typeof rows)[number]) => boolean) => {
    let end = from;
    while (end < rows.length && same(rows[end]!)) end++;
    return end - from;
  };
  return rows.map((row, i) => {
    const cells: (string | PdfTableCell)[] = [];
    const previous = rows[i - 1];
    if (!previous || previous.level1 !== row.level1) {
      cells.push({ text: row.level1, rowSpan: runLength(i, (r) => r.level1 === row.level1) });
    }
    if (!previous || previous.level2 !== row.level2 || previous.level1 !== row.level1) {
      cells.push({
        text: row.level2,
        rowSpan: runLength(i, (r) => r.level2 === row.level2 && r.level1 === row.level1),
      });
    }
    // Decimals are canonical (`3`, `0.5`, `33.33`): printed as they are, the rate with its %
    // and the decimals the seed prints it with (`98.00%`).
    cells.push(
      row.level3,
      row.weight,
      row.score,
      row.scoreRate === null ? '' : `${padDecimals(row.scoreRate, row.scoreRateDecimals ?? 0)}%`,
    );
    return cells;
  });
}

/** The four tables as real tables, from the seed: their cells as the text parser read them. */
function tableBlocks(doc: ReportDocument, lines: readonly SourceLine[]): PdfBlock[] {
  const body = (n: number) =>
    lines.filter((l) => l.no >= TABLES[n]!.body[0] && l.no <= TABLES[n]!.body[1]);
  const expenditure = body(1).flatMap((line) => {
    const match = EXPENDITURE_ROW.exec(line.text);
    return match ? [[compact(match[1]!), match[2]!, match[3]!, match[4]!]] : [];
  });
  return [
    {
      kind: 'table',
      columns: [{ width: 2 }, { width: 4 }, { width: 5 }],
      header: ['年度重点工作任务', '任务绩效目标', '实际完成情况'],
      rows: doc.keyTasks.map((t) => [t.name, t.targetText, t.actualText]),
      repeatHeader: true,
    },
    {
      kind: 'table',
      columns: [
        { width: 3 },
        { width: 2, align: 'right' },
        { width: 2, align: 'right' },
        { width: 2, align: 'right' },
      ],
      header: ['按支出性质分类', '年初预算数（万元）', '全年预算数（万元）', '决算数（万元）'],
      rows: expenditure,
    },
    {
      kind: 'table',
      columns: [{ width: 1, align: 'center' }, { width: 3 }, { width: 4 }, { width: 4 }],
      header: ['序号', '指标名称', '预期实现值', '实际完成值'],
      rows: doc.indicators.map((r) => [String(r.seq), r.name, r.targetText, r.actualText]),
      repeatHeader: true,
    },
    {
      kind: 'table',
      columns: [
        { width: 2, align: 'center' },
        { width: 2, align: 'center' },
        { width: 5 },
        { width: 1.2, align: 'center' },
        { width: 1.2, align: 'center' },
        { width: 1.5, align: 'center' },
      ],
      header: ['一级指标', '二级指标', '三级指标', '分值', '得分', '得分率'],
      rows: managementRows(doc),
      repeatHeader: true,
    },
  ];
}

/**
 * The real report (seeds/reports/000_541c9492cc78057a.txt) laid out as its PDF would be: the title,
 * its prose as paragraphs under their headings, and its four tables as ruled tables in place,
 * their cells filled from what the text parser read. Prose comes from the seed's lines, so the
 * PDF's text says what the seed says, re-wrapped at the PDF's line width.
 */
export function realReportBlocks(): PdfBlock[] {
  const text = realReportText();
  const lines = splitLines(text);
  const doc = parseReport(text, REAL_REPORT_FILE);
  for (const [n, table] of TABLES.entries()) {
    const caption = lines.find((l) => l.no === table.caption);
    if (!caption || !new RegExp(`^表\\s*${n + 1}`).test(caption.text)) {
      throw new Error(`line ${table.caption} of the seed is not the caption of 表${n + 1}`);
    }
  }
  const tables = tableBlocks(doc, lines);
  const inTable = (l: SourceLine) => TABLES.some((t) => l.no >= t.body[0] && l.no <= t.body[1]);
  const titleLines = lines.filter((l) => l.no <= 2);
  const blocks: PdfBlock[] = [{ kind: 'title', text: titleLines.map((l) => l.text).join('') }];
  let run: SourceLine[] = [];
  for (const line of lines.filter((l) => l.no > 2 && !inTable(l))) {
    const table = TABLES.findIndex((t) => t.caption === line.no);
    if (table < 0) {
      run.push(line);
      continue;
    }
    blocks.push(...proseBlocks(run), { kind: 'paragraph', text: line.text, align: 'center' });
    blocks.push(tables[table]!);
    run = [];
  }
  blocks.push(...proseBlocks(run));
  return blocks;
}

/** The real report as a PDF (see realReportBlocks). */
export function realReportPdf(): Promise<Uint8Array> {
  return writePdf(realReportBlocks());
}
