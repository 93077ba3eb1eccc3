import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../src/ingest/pdf/pdf-text.js';
import { PdfReadError, type PdfReadErrorCode } from '../src/ingest/pdf/pdf-read-error.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { writePdf, type PdfBlock } from './support/pdf-writer.js';
import { onePagePdf, ucs2Hex } from './support/raw-pdf.js';

/** The extracted text's lines, without the page-starting form feeds. */
const linesOf = (text: string) => text.split('\n').map((l) => l.replace(/\f/g, ''));

/** Awaits a refusal and returns the PdfReadError (fails the test on any other outcome). */
async function refusal(promise: Promise<unknown>): Promise<PdfReadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PdfReadError);
  return error as PdfReadError;
}

const expectRefused = async (
  promise: Promise<unknown>,
  code: PdfReadErrorCode,
  file: string,
  says: RegExp,
) => {
  const error = await refusal(promise);
  expect(error.code).toBe(code);
  expect(error.file).toBe(file);
  expect(error.message.startsWith(`${file}: `)).toBe(true);
  expect(error.message).toMatch(says);
  expect(error.message).not.toMatch(/\n\s+at /);
};

const NATURE_TABLE: PdfBlock = {
  kind: 'table',
  columns: [
    { width: 3 },
    { width: 2, align: 'right' },
    { width: 2, align: 'right' },
    { width: 2, align: 'right' },
  ],
  header: ['按支出性质分类', '年初预算数（万元）', '全年预算数（万元）', '决算数（万元）'],
  rows: [
    ['本年支出合计', '10,283.32', '10,192.48', '10,105.79'],
    ['一、基本支出', '6,777.42', '6,759.56', '6,756.71'],
    ['人员经费', '6,373.21', '6,226.67', '6,225.01'],
  ],
};

const PARAGRAPH =
  '本部门 2023 年度部门决算支出10,105.79万元，其中：基本支出决算数 6,756.71万元，占比66.86%；项目支出决算数 3,349.08万元，占比 33.14%。';

/** A numbered indicator row whose value cells wrap over several lines inside their cells. */
const WRAPPING_TABLE: PdfBlock = {
  kind: 'table',
  columns: [{ width: 1, align: 'center' }, { width: 3 }, { width: 4 }, { width: 4 }],
  header: ['序号', '指标名称', '预期实现值', '实际完成值'],
  rows: [
    [
      '12',
      '刑事案件网上提捕、移送审查起诉率',
      '公安机关通过跨部门办案平台实现网上提捕、移送审查起诉认罪认罚盗窃案件达90%。',
      '公安机关通过跨部门办案平台实现网上提捕案件率95.22%、移送审查95.02%。',
    ],
  ],
};

/** A page of prose that fills `n` pages. */
const pages = (n: number): PdfBlock[] =>
  Array.from({ length: n }, (_, i) => [
    { kind: 'heading' as const, text: `第${i + 1}部分 标题` },
    {
      kind: 'paragraph' as const,
      text: `第${i + 1}部分的正文。` + '政法工作紧紧围绕部门职责。'.repeat(20),
    },
    { kind: 'pageBreak' as const },
  ]).flat();

describe('extractPdfText', () => {
  it('puts each row of a ruled table on one line with its cells in order', async () => {
    const text = await extractPdfText(
      await writePdf([{ kind: 'paragraph', text: PARAGRAPH }, NATURE_TABLE]),
      'nature.pdf',
    );
    const lines = linesOf(text);
    expect(lines).toContain(
      '按支出性质分类\t年初预算数（万元）\t全年预算数（万元）\t决算数（万元）',
    );
    expect(lines).toContain('本年支出合计\t10,283.32\t10,192.48\t10,105.79');
    expect(lines).toContain('一、基本支出\t6,777.42\t6,759.56\t6,756.71');
    expect(lines).toContain('人员经费\t6,373.21\t6,226.67\t6,225.01');
    expect(lines.indexOf('本年支出合计\t10,283.32\t10,192.48\t10,105.79')).toBeLessThan(
      lines.indexOf('人员经费\t6,373.21\t6,226.67\t6,225.01'),
    );
  });

  it('keeps prose as printed lines, in reading order, before the table below it', async () => {
    const text = await extractPdfText(
      await writePdf([{ kind: 'paragraph', text: PARAGRAPH }, NATURE_TABLE]),
      'nature.pdf',
    );
    const lines = linesOf(text);
    const header = lines.findIndex((l) => l.startsWith('按支出性质分类'));
    expect(lines.slice(0, header).join('').replace(/\s/g, '')).toBe(PARAGRAPH.replace(/\s/g, ''));
    expect(header).toBeGreaterThan(1);
  });

  it('joins a cell that wraps inside its cell into one readable cell of its row', async () => {
    const text = await extractPdfText(await writePdf([WRAPPING_TABLE]), 'wrap.pdf');
    expect(linesOf(text)).toContain(
      '12\t刑事案件网上提捕、移送审查起诉率\t公安机关通过跨部门办案平台实现网上提捕、移送审查起诉认罪认罚盗窃案件达90%。\t公安机关通过跨部门办案平台实现网上提捕案件率95.22%、移送审查95.02%。',
    );
  });

  it('gives a merged cell with the first row it spans', async () => {
    const text = await extractPdfText(
      await writePdf([
        {
          kind: 'table',
          columns: [
            { width: 2 },
            { width: 2 },
            { width: 4 },
            { width: 1 },
            { width: 1 },
            { width: 1 },
          ],
          header: ['一级指标', '二级指标', '三级指标', '分值', '得分', '得分率'],
          rows: [
            [
              { text: '管理效率', rowSpan: 3 },
              '预算编制',
              '新增预算项目事前绩效评估',
              '3',
              '3',
              '100%',
            ],
            [{ text: '预算执行', rowSpan: 2 }, '结转结余率', '2', '2', '100%'],
            ['财务管理合规性', '2', '2', '100%'],
          ],
        },
      ]),
      'merged.pdf',
    );
    expect(linesOf(text)).toEqual([
      '一级指标\t二级指标\t三级指标\t分值\t得分\t得分率',
      '管理效率\t预算编制\t新增预算项目事前绩效评估\t3\t3\t100%',
      '预算执行\t结转结余率\t2\t2\t100%',
      '财务管理合规性\t2\t2\t100%',
    ]);
  });

  it('starts each page after the first with a form feed, which splitLines reads as its page', async () => {
    const text = await extractPdfText(await writePdf(pages(3)), 'pages.pdf');
    expect(text.split('\f')).toHaveLength(3);
    const lines = splitLines(text);
    const pageOf = (start: string) => lines.find((l) => l.text.startsWith(start))?.page;
    expect([pageOf('第1部分 标题'), pageOf('第2部分 标题'), pageOf('第3部分 标题')]).toEqual([
      1, 2, 3,
    ]);
    expect(lines.filter((l) => l.pageStart).map((l) => l.page)).toEqual([2, 3]);
  });

  it('counts a page without text, so the pages after it keep their numbers', async () => {
    const text = await extractPdfText(
      await writePdf([...pages(1), { kind: 'drawing' }, { kind: 'pageBreak' }, ...pages(1)], {
        footer: null,
      }),
      'blank-page.pdf',
    );
    expect(splitLines(text).at(-1)?.page).toBe(3);
  });

  it('leaves out the page-number footer of every page', async () => {
    const numbered = await extractPdfText(await writePdf(pages(3)), 'pages.pdf');
    const plain = await extractPdfText(await writePdf(pages(3), { footer: null }), 'pages.pdf');
    expect(numbered).not.toMatch(/- \d+ -/);
    expect(numbered).toBe(plain);
  });

  it.each([
    ['— n —', (n: number) => `— ${n} —`],
    ['第n页', (n: number) => `第${n}页`],
    ['第 n 页 共 m 页', (n: number, of: number) => `第 ${n} 页 共 ${of} 页`],
    ['a bare number', (n: number) => String(n)],
  ])('leaves out page numbers printed as %s', async (_, footer) => {
    const numbered = await extractPdfText(await writePdf(pages(2), { footer }), 'footer.pdf');
    const plain = await extractPdfText(await writePdf(pages(2), { footer: null }), 'footer.pdf');
    expect(numbered).toBe(plain);
  });

  it('keeps a number alone in a table cell', async () => {
    const text = await extractPdfText(
      await writePdf([
        {
          kind: 'table',
          columns: [{ width: 1 }, { width: 3 }],
          header: ['序号', '指标名称'],
          rows: [['3', '期刊发行情况']],
        },
      ]),
      'cell.pdf',
    );
    expect(linesOf(text)).toContain('3\t期刊发行情况');
  });

  it('reads a table whose borders are thin filled bars, as word processors draw them', async () => {
    const bars = [
      ...[700, 680, 660].map((y) => `70 ${y} 300 0.5 re f`),
      ...[70, 170, 270, 370].map((x) => `${x} 660 0.5 40.5 re f`),
    ].join(' ');
    const cell = (x: number, y: number, text: string) =>
      /^[\x20-\x7e]+$/.test(text)
        ? `BT /F1 10 Tf ${x} ${y} Td (${text}) Tj ET`
        : `BT /F2 10 Tf ${x} ${y} Td ${ucs2Hex(text)} Tj ET`;
    const content = [
      bars,
      cell(75, 686, '采购政策效能'),
      cell(175, 686, '0.98'),
      cell(275, 686, '98%'),
      cell(75, 666, '合计'),
      cell(175, 666, '46.98'),
      cell(275, 666, '93.96%'),
    ].join('\n');
    expect(await extractPdfText(onePagePdf(content), 'bars.pdf')).toBe(
      '采购政策效能\t0.98\t98%\n合计\t46.98\t93.96%',
    );
  });

  it('reads Chinese set in a font that is not embedded, through its predefined CMap', async () => {
    const pdf = onePagePdf(`BT /F2 12 Tf 72 700 Td ${ucs2Hex('部门整体支出绩效自评报告')} Tj ET`);
    expect(await extractPdfText(pdf, 'cmap.pdf')).toBe('部门整体支出绩效自评报告');
  });

  it('reads a page turned by /Rotate in its reading order', async () => {
    const content = `BT /F2 12 Tf 72 700 Td ${ucs2Hex('第一行')} Tj ET BT /F1 12 Tf 72 680 Td (Second line) Tj ET`;
    expect(await extractPdfText(onePagePdf(content, '/Rotate 90'), 'rotated.pdf')).toBe(
      '第一行\nSecond line',
    );
  });

  it('reads text set sideways on the page (a landscape table on a portrait page) in its reading order', async () => {
    const content = `q 0 1 -1 0 500 100 cm BT /F2 12 Tf 0 0 Td ${ucs2Hex('横向表格第一行')} Tj ET BT /F2 12 Tf 0 -20 Td ${ucs2Hex('第二行')} Tj ET Q`;
    expect(await extractPdfText(onePagePdf(content), 'sideways.pdf')).toBe(
      '横向表格第一行\n第二行',
    );
  });

  it('reads a run drawn twice over itself (simulated bold) once', async () => {
    const content = `BT /F2 12 Tf 72 700 Td ${ucs2Hex('管理效率')} Tj ET BT /F2 12 Tf 72.3 700 Td ${ucs2Hex('管理效率')} Tj ET BT /F1 12 Tf 140 700 Td (3) Tj ET`;
    expect(await extractPdfText(onePagePdf(content), 'bold.pdf')).toBe('管理效率 3');
  });

  it('leaves out a diagonal watermark', async () => {
    const content = `BT /F2 12 Tf 72 700 Td ${ucs2Hex('正文')} Tj ET q 0.7071 0.7071 -0.7071 0.7071 200 300 cm BT /F2 40 Tf 0 0 Td ${ucs2Hex('内部资料')} Tj ET Q`;
    expect(await extractPdfText(onePagePdf(content), 'watermark.pdf')).toBe('正文');
  });

  it('refuses a PDF with pictures and drawings but no text: it has no text layer and must be OCRed', async () => {
    const scan = await writePdf(
      [{ kind: 'image', width: 400, height: 560 }, { kind: 'pageBreak' }, { kind: 'drawing' }],
      { footer: null },
    );
    await expectRefused(
      extractPdfText(scan, 'scan.pdf'),
      'NO_TEXT_LAYER',
      'scan.pdf',
      /no text layer.*2 pages.*OCR/,
    );
  });

  it('refuses a scan whose only text is its page numbers as having no text layer', async () => {
    const scan = await writePdf([{ kind: 'image', width: 400, height: 560 }]);
    await expectRefused(
      extractPdfText(scan, 'numbered-scan.pdf'),
      'NO_TEXT_LAYER',
      'numbered-scan.pdf',
      /OCR/,
    );
  });

  it('refuses a truncated PDF as damaged', async () => {
    const whole = await writePdf([{ kind: 'paragraph', text: PARAGRAPH }, NATURE_TABLE]);
    await expectRefused(
      extractPdfText(whole.slice(0, Math.floor(whole.length * 0.6)), 'truncated.pdf'),
      'DAMAGED',
      'truncated.pdf',
      /damaged/,
    );
  });

  it('refuses a .pdf file that holds plain text as not a PDF', async () => {
    const text = new TextEncoder().encode(
      '2023年度中国共产党广州市委员会政法委员会部门整体支出绩效自评报告\n',
    );
    await expectRefused(extractPdfText(text, 'report.pdf'), 'DAMAGED', 'report.pdf', /not a PDF/);
  });

  it('refuses an empty file as not a PDF', async () => {
    await expectRefused(
      extractPdfText(new Uint8Array(0), 'empty.pdf'),
      'DAMAGED',
      'empty.pdf',
      /empty/,
    );
  });

  it('refuses a password-protected PDF as encrypted', async () => {
    const locked = await writePdf([{ kind: 'paragraph', text: PARAGRAPH }], {
      userPassword: 'secret',
    });
    await expectRefused(
      extractPdfText(locked, 'locked.pdf'),
      'ENCRYPTED',
      'locked.pdf',
      /encrypted \(password-protected\)/,
    );
  });

  it('reads a PDF that only restricts copying (an owner password, no password to open it)', async () => {
    const restricted = await writePdf([{ kind: 'paragraph', text: '本部门主要职责。' }], {
      ownerPassword: 'owner',
    });
    expect(await extractPdfText(restricted, 'restricted.pdf')).toBe('本部门主要职责。');
  });

  it('does not detach or change the bytes it is given', async () => {
    const data = await writePdf([{ kind: 'paragraph', text: PARAGRAPH }]);
    const copy = data.slice();
    await extractPdfText(data, 'bytes.pdf');
    expect(data).toEqual(copy);
  });
});
