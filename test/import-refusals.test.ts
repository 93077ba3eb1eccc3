import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCanonical } from '../src/ingest/bulk/bulk-export.js';
import { BulkImportError, importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { withCellChanged } from './support/csv-mutations.js';
import { databaseChecksum } from './support/database-checksum.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tempDatabase } from './support/temp-database.js';

/**
 * What a canonical CSV (or Parquet) import refuses, and where it says the fault is: a line that cannot be
 * split into the title row's fields (by its line), a value the schema would refuse or store
 * as another number, a fiscal year no report has, and a total the files state twice and
 * differently (by row and column). Each is refused as a BulkImportError and writes nothing.
 * The files are the real 2023 report exported with Chinese titles.
 */

type TempDatabase = Awaited<ReturnType<typeof tempDatabase>>;

let exported: string;
let exportedParquet: string;
let target: TempDatabase;
const temps: string[] = [];

beforeAll(async () => {
  const source = await tempDatabase();
  try {
    const text = realReportText();
    await loadReport(source.db.kysely, parseReport(text, REAL_REPORT_FILE), text);
    exported = mkdtempSync(join(tmpdir(), 'jixiao-refusals-'));
    temps.push(exported);
    await exportCanonical(source.db.pool, { dir: exported, format: 'csv' });
    exportedParquet = mkdtempSync(join(tmpdir(), 'jixiao-refusals-parquet-'));
    temps.push(exportedParquet);
    await exportCanonical(source.db.pool, { dir: exportedParquet, format: 'parquet' });
  } finally {
    await source.close();
  }
  target = await tempDatabase();
});
afterAll(async () => {
  await target.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the export with some files edited. */
function copyWith(edits: Record<string, (file: Buffer) => Buffer | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-refusals-copy-'));
  temps.push(dir);
  cpSync(exported, dir, { recursive: true });
  for (const [name, edit] of Object.entries(edits))
    writeFileSync(join(dir, name), edit(readFileSync(join(dir, name))));
  return dir;
}

/** A file's text with one line replaced (1-based, the title row being line 1). */
const lineEdited = (line: number, edit: (text: string) => string) => (file: Buffer) => {
  const lines = file.toString('utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1]!);
  return lines.join('\n');
};

/**
 * A copy of the Parquet export with one table's file written again by DuckDB from `select`, a
 * query over `source` (the exported file): how another program could type its columns.
 */
async function parquetWith(table: string, select: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-refusals-parquet-copy-'));
  temps.push(dir);
  cpSync(exportedParquet, dir, { recursive: true });
  const file = join(dir, `${table}.parquet`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE source AS SELECT * FROM read_parquet('${file}');
       COPY (${select}) TO '${file}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return dir;
}

/** The content checksum of a fresh database that imported `dir`. */
async function importedContent(dir: string, format: 'csv' | 'parquet') {
  const copy = await tempDatabase();
  try {
    await importCanonical(copy.db.pool, { dir, format });
    return await databaseChecksum(copy.db.pool, 'content');
  } finally {
    await copy.close();
  }
}

/** Imports a copy that must be refused; returns the error, having checked nothing was written. */
async function refusal(dir: string, format: 'csv' | 'parquet' = 'csv'): Promise<BulkImportError> {
  const before = await databaseChecksum(target.db.pool);
  const error = await importCanonical(target.db.pool, { dir, format }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BulkImportError);
  expect(await databaseChecksum(target.db.pool)).toEqual(before);
  return error as BulkImportError;
}

const NATURE = 'expenditure_by_nature.csv';

describe('a canonical CSV file that cannot be read as one', () => {
  it('is refused at the line with a field missing, not for a column a guessed dialect lacks', async () => {
    const dir = copyWith({ [NATURE]: lineEdited(3, (l) => l.replace(',6226.67', '')) });
    const error = await refusal(dir);
    expect(error).toMatchObject({ line: 3, row: null, column: null });
    expect(error.message).toBe(
      `${join(dir, NATURE)}, line 3: has 7 fields where the title row has 8`,
    );
  });

  it('is refused at the line where a quote is left open', async () => {
    const dir = copyWith({ [NATURE]: lineEdited(4, (l) => l.replace('3505.90', '"3505.90')) });
    const error = await refusal(dir);
    expect(error).toMatchObject({ line: 4, detail: 'Value with unterminated quote found.' });
  });

  it('is refused at the line that is not UTF-8', async () => {
    const dir = copyWith({
      [NATURE]: (file) => {
        const at = file.indexOf('PUBLIC');
        return Buffer.concat([file.subarray(0, at), Buffer.from([0xff]), file.subarray(at)]);
      },
    });
    const error = await refusal(dir);
    expect(error.line).toBe(5);
    expect(error.detail).toContain('not utf-8 encoded');
  });

  it('is refused as having no title row when it is empty', async () => {
    const dir = copyWith({ 'goals.csv': () => '' });
    expect((await refusal(dir)).message).toBe(
      `${join(dir, 'goals.csv')}, line 1: the file is empty: it has no title row`,
    );
  });
});

describe('a value the database would refuse or change', () => {
  it('is refused at its row and column when outside the list its column allows', async () => {
    const dir = copyWith({
      [NATURE]: (f) => withCellChanged(f, { 支出类别: 'PUBLIC' }, '支出类别', 'OTHER'),
    });
    const error = await refusal(dir);
    expect(error).toMatchObject({ file: join(dir, NATURE), row: 4, column: '支出类别' });
    expect(error.detail).toMatch(/^"OTHER" is not allowed: the column must satisfy \(category IN/);
  });

  it("is refused at its row when a department name is another department's", async () => {
    const dir = copyWith({
      'departments.csv': (f) =>
        `${f.toString('utf8')}gz-other,中国共产党广州市委员会政法委员会,政法,MUNICIPAL,false\n`,
    });
    const error = await refusal(dir);
    expect(error).toMatchObject({ row: 2, column: '部门名称' });
    expect(error.detail).toBe('duplicate name "中国共产党广州市委员会政法委员会"');
  });

  it('is refused, not stored rounded, when a whole number has a fraction', async () => {
    const dir = copyWith({
      [NATURE]: (f) => withCellChanged(f, { 支出类别: 'TOTAL' }, '行号', '435.4'),
    });
    const error = await refusal(dir);
    expect(error).toMatchObject({ row: 5, column: '行号' });
    expect(error.detail).toBe(
      '"435.4" would be stored rounded: a INTEGER does not hold it exactly',
    );
  });

  it('is refused, not stored rounded, when an amount has more decimals than it keeps', async () => {
    const dir = copyWith({
      [NATURE]: (f) => withCellChanged(f, { 支出类别: 'TOTAL' }, '决算数（万元）', '10105.794'),
    });
    const error = await refusal(dir);
    expect(error).toMatchObject({ row: 5, column: '决算数（万元）' });
    expect(error.detail).toMatch(/^"10105.794" would be stored rounded/);
  });
});

describe('a canonical Parquet file whose columns another program typed', () => {
  it('is refused, not stored rounded, when an amount is a float with more decimals than it keeps', async () => {
    const dir = await parquetWith(
      'expenditure_by_nature',
      `SELECT * REPLACE (CASE WHEN category = 'TOTAL' THEN CAST(10105.794 AS DOUBLE) ELSE CAST(final AS DOUBLE) END AS final) FROM source`,
    );
    const error = await refusal(dir, 'parquet');
    expect(error).toMatchObject({ column: 'final' });
    expect(error.detail).toMatch(/^"10105.794" would be stored rounded/);
  });

  it('is refused at its row when a number column holds text', async () => {
    const dir = await parquetWith(
      'expenditure_by_nature',
      `SELECT * REPLACE (CASE WHEN category = 'PROJECT' THEN 'n/a' ELSE CAST(final AS VARCHAR) END AS final) FROM source ORDER BY category`,
    );
    const error = await refusal(dir, 'parquet');
    expect(error).toMatchObject({ row: 3, column: 'final' });
    expect(error.detail).toBe('"n/a" is not a DECIMAL(18,2)');
  });

  it("is imported as exported when every column has its table's type", async () => {
    expect(await importedContent(exportedParquet, 'parquet')).toEqual(
      await importedContent(exported, 'csv'),
    );
  });
});

describe('a report the files misstate', () => {
  it('is refused when its year is outside the fiscal years, even if every file says so', async () => {
    // The report's key in every file: `gz-zfw,2023,…`, or `2023,gz-zfw,…` in data_quality_issues.
    const year2101 = (file: Buffer) =>
      file
        .toString('utf8')
        .replace(/^gz-zfw,2023,/gm, 'gz-zfw,2101,')
        .replace(/^2023,gz-zfw,/gm, '2101,gz-zfw,');
    const files = readdirSync(exported).filter((f) => f.endsWith('.csv'));
    const dir = copyWith(Object.fromEntries(files.map((f) => [f, year2101])));
    const error = await refusal(dir);
    expect(error).toMatchObject({ file: join(dir, 'reports.csv'), row: 1, column: '年度' });
    expect(error.detail).toBe('the fiscal year 2101 is outside 2000–2100');
  });

  it('is refused when the reports file and stated_figures state one total differently', async () => {
    const dir = copyWith({
      'reports.csv': (f) =>
        withCellChanged(f, { 部门编码: 'gz-zfw' }, '决算支出（万元）', '10205.79'),
    });
    const error = await refusal(dir);
    expect(error).toMatchObject({ file: join(dir, 'stated_figures.csv'), column: '数值' });
    expect(error.detail).toBe(
      'final_total of report gz-zfw 2023 is 10105.7900 here but 10205.7900 in reports.csv, row 1: a figure stated twice must agree',
    );
  });
});

describe('a file as Excel saves it', () => {
  it('is read with CRLF line ends and quoted titles, as the export wrote it', async () => {
    const crlf = (file: Buffer) =>
      file
        .toString('utf8')
        .replace(/\n/g, '\r\n')
        .replace(
          /^\uFEFF([^\r]*)/,
          (_, titles: string) =>
            '\uFEFF' +
            titles
              .split(',')
              .map((t) => `"${t}"`)
              .join(','),
        );
    const files = readdirSync(exported).filter((f) => f.endsWith('.csv'));
    const dir = copyWith(Object.fromEntries(files.map((f) => [f, crlf])));
    expect(await importedContent(dir, 'csv')).toEqual(await importedContent(exported, 'csv'));
  });
});
