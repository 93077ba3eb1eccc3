import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCanonical } from '../src/ingest/bulk/bulk-export.js';
import { BulkImportError, importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tableCounts, tempDatabase } from './support/temp-database.js';

let source: Awaited<ReturnType<typeof tempDatabase>>;
let target: Awaited<ReturnType<typeof tempDatabase>>;
let dir: string;

beforeEach(async () => {
  source = await tempDatabase();
  target = await tempDatabase();
  dir = mkdtempSync(join(tmpdir(), 'jixiao-bulk-'));
  const text = realReportText();
  await loadReport(source.db.kysely, parseReport(text, REAL_REPORT_FILE), text);
  const older = text.replace('2023年度中国共产党', '2022年度中国共产党');
  await loadReport(source.db.kysely, parseReport(older, 'older.txt'), older);
});
afterEach(async () => {
  await source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every stored row of the report tables, without internal ids, for comparing two databases. */
async function contents(db: typeof source.db): Promise<string> {
  const { rows } = await db.pool.query(
    `SELECT r.department_code, r.year, r.total_score, n.category, n.initial_budget, n.full_year_budget, n.final
     FROM reports r JOIN expenditure_by_nature n ON n.report_id = r.id ORDER BY 1, 2, 4`,
  );
  return JSON.stringify(rows);
}

async function rejected(promise: Promise<unknown>): Promise<BulkImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BulkImportError);
  return error as BulkImportError;
}

function editCsv(table: string, edit: (lines: string[]) => string[]): void {
  const file = join(dir, `${table}.csv`);
  writeFileSync(file, edit(readFileSync(file, 'utf8').trimEnd().split('\n')).join('\n') + '\n');
}

describe('bulk export and import of the canonical tables', () => {
  for (const format of ['parquet', 'csv'] as const) {
    it(`round-trips every table through ${format}`, async () => {
      await exportCanonical(source.db.pool, { dir, format });
      await importCanonical(target.db.pool, { dir, format });
      expect(await tableCounts(target.db)).toEqual(await tableCounts(source.db));
      expect(await contents(target.db)).toBe(await contents(source.db));
    });
  }

  it('imports an export made before the template column existed: its reports are Guangzhou reports', async () => {
    // Exports of that time had column names for titles and no byte order mark.
    await exportCanonical(source.db.pool, { dir, format: 'csv', headers: 'en' });
    editCsv('reports', (lines) => {
      // sql/007 added `template` last, so each line loses its last field.
      expect(lines[0]!.endsWith(',template')).toBe(true);
      return lines
        .map((line) => line.replace(/^\uFEFF/, ''))
        .map((line) => line.slice(0, line.lastIndexOf(',')));
    });
    await importCanonical(target.db.pool, { dir, format: 'csv' });
    const { rows } = await target.db.pool.query('SELECT DISTINCT template FROM reports');
    expect(rows).toEqual([{ template: 'GUANGZHOU' }]);
  });

  it('exports a year range only', async () => {
    const files = await exportCanonical(source.db.pool, {
      dir,
      format: 'parquet',
      fromYear: 2023,
      toYear: 2023,
    });
    expect(files.find((f) => f.table === 'reports')?.rows).toBe(1);
    expect(files.find((f) => f.table === 'indicators')?.rows).toBe(15);
  });

  it('refuses a report already stored unless asked to replace it, and replaces it when asked', async () => {
    await exportCanonical(source.db.pool, { dir, format: 'parquet' });
    await importCanonical(target.db.pool, { dir, format: 'parquet' });
    const before = await tableCounts(target.db);
    const error = await rejected(importCanonical(target.db.pool, { dir, format: 'parquet' }));
    expect(error.message).toMatch(
      /reports\.parquet, row 1, column department_code\+year: report gz-zfw 2022 is already stored/,
    );
    await importCanonical(target.db.pool, { dir, format: 'parquet', replace: true });
    expect(await tableCounts(target.db)).toEqual(before);
  });
});

describe('a bad row fails the whole import, names file, row and column, and changes nothing', () => {
  beforeEach(async () => {
    // Column names for titles, so that the edits below can find their column by name.
    await exportCanonical(source.db.pool, { dir, format: 'csv', headers: 'en' });
  });

  it('text in an amount', async () => {
    editCsv('expenditure_by_nature', (lines) => {
      // No field of this table holds a comma: the columns can be split naively.
      const at = lines[0]!.split(',').indexOf('final');
      return lines.map((l, i) =>
        i === 3
          ? l
              .split(',')
              .map((f, k) => (k === at ? '六千' : f))
              .join(',')
          : l,
      );
    });
    const before = await tableCounts(target.db);
    const error = await rejected(importCanonical(target.db.pool, { dir, format: 'csv' }));
    expect(error).toMatchObject({ row: 3, column: 'final' });
    expect(error.message).toContain(
      'expenditure_by_nature.csv, row 3, column final: "六千" is not a DECIMAL(18,2)',
    );
    expect(await tableCounts(target.db)).toEqual(before);
  });

  it('an unknown department', async () => {
    editCsv('reports', (lines) =>
      lines.map((l, i) => (i === 2 ? l.replace(/^gz-zfw,/, 'no-such-dept,') : l)),
    );
    const before = await tableCounts(target.db);
    const error = await rejected(importCanonical(target.db.pool, { dir, format: 'csv' }));
    expect(error).toMatchObject({ row: 2, column: 'department_code' });
    expect(error.message).toContain('unknown department "no-such-dept"');
    expect(await tableCounts(target.db)).toEqual(before);
  });

  it('a duplicate key', async () => {
    editCsv('indicators', (lines) => [...lines, lines[1]!]);
    const before = await tableCounts(target.db);
    const error = await rejected(importCanonical(target.db.pool, { dir, format: 'csv' }));
    expect(error.message).toMatch(
      /indicators\.csv, row 31, column department_code\+year\+seq: duplicate key \(gz-zfw, 2022, 1\)/,
    );
    expect(await tableCounts(target.db)).toEqual(before);
  });

  it('a part of a report that is not in the reports file', async () => {
    editCsv('problems', (lines) =>
      lines.map((l, i) => (i === 1 ? l.replace(/^gz-zfw,2022,/, 'gz-zfw,2019,') : l)),
    );
    const error = await rejected(importCanonical(target.db.pool, { dir, format: 'csv' }));
    expect(error.message).toContain(
      'problems.csv, row 1, column department_code+year: no report gz-zfw 2019 in reports file',
    );
  });
});

describe('NDJSON, the format generated corpora are written in', () => {
  it('round-trips every table, keeping empty strings apart from NULL', async () => {
    await exportCanonical(source.db.pool, { dir, format: 'ndjson' });
    await importCanonical(target.db.pool, { dir, format: 'ndjson' });
    expect(await tableCounts(target.db)).toEqual(await tableCounts(source.db));
    expect(await contents(target.db)).toBe(await contents(source.db));
    const { rows } = await target.db.pool.query(
      "SELECT count(*) AS n FROM reports WHERE performance_text = '' OR duties_text IS NULL",
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('derived report facts after an import', () => {
  it('hold one row per imported report, equal to their definition', async () => {
    await exportCanonical(source.db.pool, { dir, format: 'parquet' });
    await importCanonical(target.db.pool, { dir, format: 'parquet' });
    await importCanonical(target.db.pool, { dir, format: 'parquet', replace: true });
    const { rows } = await target.db.pool.query(
      'SELECT (SELECT count(*) FROM report_facts) AS stored, (SELECT count(*) FROM (SELECT * FROM report_facts EXCEPT SELECT * FROM report_facts_source)) AS differing',
    );
    expect(rows[0]).toEqual({ stored: 2, differing: 0 });
  });
});
