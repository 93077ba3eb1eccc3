import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { operationExports } from '../src/http/export-operations.js';
import { planExports } from '../src/http/export-plan.js';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { toXlsx } from '../src/http/export-xlsx.js';

/**
 * Fraction columns of the downloads (docs/domain.md, "Units and formatted companions"): the maps
 * mark them, and an XLSX writes them with '0.00%' while the cell keeps the exact fraction.
 */

const lists = operationExports.flatMap((op) =>
  op.lists.map((list) => ({ operation: op.operation, list })),
);

describe('fraction marks in the download maps', () => {
  it('name columns of their own list', () => {
    const strays = lists.flatMap(({ operation, list }) =>
      (list.fractions ?? [])
        .filter((path) => !(path in list.columns))
        .map((path) => `${operation}.${list.name}.${path}`),
    );
    expect(strays).toEqual([]);
  });

  it('mark the shares, rates, percentiles and attainments, and no amount or score', () => {
    const marked = (operation: string, name: string) =>
      lists.find((l) => l.operation === operation && l.list.name === name)!.list.fractions;
    expect(marked('ReportFigures', 'report')).toEqual([
      'basicShare',
      'projectShare',
      'personnelShare',
      'executionRate',
    ]);
    expect(marked('Benchmark', 'entries')).toEqual(['percentile']);
    expect(marked('ExpenditureStructure', 'structure')).toEqual([
      'parts.share',
      'parts.shareChange',
    ]);
    expect(marked('OvershootIndicators', 'overshoots')).toEqual(['attainment']);
    // The value of a metric follows the metric: 万元 for TOTAL_EXPENDITURE, 分 for SELF_SCORE.
    expect(marked('MetricSeries', 'series')).not.toContain('points.value');
    expect(marked('Benchmark', 'entries')).not.toContain('value');
  });

  it('give the planned columns of a download their percentage format, and no other column', () => {
    const plans = planExports(readExampleOperations(), operationExports);
    const structure = plans.get('ExpenditureStructure')!.tables[0]!.columns;
    const formatted = structure.filter((c) => c.numberFormat).map((c) => [c.path, c.numberFormat]);
    expect(formatted).toEqual([
      ['parts.share', '0.00%'],
      ['parts.shareChange', '0.00%'],
    ]);
  });
});

describe('an XLSX fraction column', () => {
  it('shows a percentage and keeps the exact fraction; text and amount columns stay as they are', async () => {
    const basicShare = 6756.71 / 10105.79;
    const xlsx = await toXlsx(
      [
        {
          name: '报告',
          header: ['本年支出合计·决算数（万元）', '基本支出占比', '基本支出占比（显示）'],
          rows: [[10105.79, basicShare, '66.86%']],
          numberFormats: [undefined, '0.00%', undefined],
        },
        {
          name: 'report',
          header: ['basicShare', 'basicShareText'],
          numberFormats: ['0.00%', undefined],
          rows: [
            [basicShare, '66.86%'],
            [null, null],
          ],
        },
      ],
      [],
      new Date(),
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs types load() with a Buffer of its own that is an ArrayBuffer.
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    const zh = workbook.getWorksheet('报告')!.getRow(2);
    expect(zh.getCell(2).value).toBe(basicShare);
    expect(zh.getCell(2).numFmt).toBe('0.00%');
    expect(zh.getCell(1).value).toBe(10105.79);
    expect(zh.getCell(1).numFmt).toBeUndefined();
    expect(zh.getCell(3).value).toBe('66.86%');
    const en = workbook.getWorksheet('report')!;
    expect(en.getRow(2).getCell(1).value).toBe(basicShare);
    expect(en.getRow(2).getCell(1).numFmt).toBe('0.00%');
    expect(en.getRow(3).getCell(1).value).toBeNull();
  });
});
