import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database.js';
import { exportCanonical } from '../src/ingest/bulk/bulk-export.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { writeCorpus } from '../src/synthetic/corpus-writer.js';
import { registerDepartments } from '../src/ingest/load/department-registry.js';
import { parseNationalReport } from '../src/ingest/report/national/parse-national-report.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { NATIONAL_DEMO, nationalDemoDepartments } from '../src/synthetic/national/national-demo.js';
import { renderNationalReport } from '../src/synthetic/national/render-national-report.js';
import { withCellChanged } from './support/csv-mutations.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tempDatabase } from './support/temp-database.js';

/**
 * An import reconciles what it stores as ingest reconciles a report text (reconcile.ts): a
 * canonical file states each figure of a report again, and a figure changed in one file but not
 * where the report states it a second time is named in a finding, like any figure a report
 * states twice and differently. The findings that came with the files are kept. The source
 * holds the real 2023 report, a small synthetic corpus and national-framework demo reports.
 */

type TempDatabase = Awaited<ReturnType<typeof tempDatabase>>;

/** Two national-framework demo departments' reports of 2022-2023, read from their texts. */
async function loadNationalReports(db: Db): Promise<void> {
  const departments = nationalDemoDepartments().slice(0, 2);
  await registerDepartments(db.kysely, departments);
  for (const { name } of departments)
    for (const year of [2022, 2023]) {
      const report = renderNationalReport({ seed: NATIONAL_DEMO.seed, departmentName: name, year });
      const file = report.expected.document.sourceFile;
      const doc = parseNationalReport(file, splitLines(report.text));
      await loadReport(db.kysely, doc, report.text, { synthetic: true });
    }
}

let exported: string;
let source: TempDatabase;
let target: TempDatabase;
const temps: string[] = [];

beforeAll(async () => {
  source = await tempDatabase();
  const text = realReportText();
  await loadReport(source.db.kysely, parseReport(text, REAL_REPORT_FILE), text);
  const corpus = mkdtempSync(join(tmpdir(), 'jixiao-reconcile-corpus-'));
  temps.push(corpus);
  await writeCorpus({ seed: 7, departments: 3, fromYear: 2022, toYear: 2023 }, corpus);
  await importCanonical(source.db.pool, { dir: corpus, format: 'ndjson' });
  await loadNationalReports(source.db);
  exported = mkdtempSync(join(tmpdir(), 'jixiao-reconcile-'));
  temps.push(exported);
  await exportCanonical(source.db.pool, { dir: exported, format: 'csv' });
});
afterAll(async () => {
  await source.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  target = await tempDatabase();
});
afterEach(async () => {
  await target.close();
});

/** A copy of the export with one file edited. */
function copyWith(file: string, edit: (bytes: Buffer) => Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-reconcile-copy-'));
  temps.push(dir);
  cpSync(exported, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file))));
  return dir;
}

interface Finding {
  department: string;
  year: number;
  seq: number;
  check: string;
  severity: string;
  message: string;
}

async function findings(db: Db, department?: string): Promise<Finding[]> {
  const { rows } = await db.pool.query(
    `SELECT r.department_code AS department, r.year, d.seq, d.check_name AS "check", d.severity, d.message
     FROM data_quality_issues d JOIN reports r ON r.id = d.report_id
     WHERE $1 IS NULL OR r.department_code = $1 ORDER BY ALL`,
    [department ?? null],
  );
  return rows as unknown as Finding[];
}

/** The real report's findings after importing `dir`, beyond the three it was stored with. */
async function added(dir: string): Promise<Finding[]> {
  await importCanonical(target.db.pool, { dir, format: 'csv' });
  return (await findings(target.db, 'gz-zfw')).filter((f) => f.seq > 3);
}

describe('importing canonical files', () => {
  it('adds no finding to reports exported as stored, of either template', async () => {
    await importCanonical(target.db.pool, { dir: exported, format: 'csv' });
    const stored = await findings(target.db);
    expect(stored).toEqual(await findings(source.db));
    const { rows } = await target.db.pool.query(
      'SELECT DISTINCT template FROM reports ORDER BY template',
    );
    expect(rows.map((r) => r.template)).toEqual(['GUANGZHOU', 'NATIONAL_53']);
  });

  it('names a part of 表2 changed so that it no longer adds up to its total', async () => {
    const dir = copyWith('expenditure_by_nature.csv', (f) =>
      withCellChanged(
        f,
        { 部门编码: 'gz-zfw', 支出类别: 'PERSONNEL' },
        '决算数（万元）',
        '6325.01',
      ),
    );
    expect(await added(dir)).toEqual([
      expect.objectContaining({
        seq: 4,
        check: 'nature.basic_parts.final',
        severity: 'ERROR',
        message: expect.stringContaining(
          '人员经费 6,325.01 万元与公用经费 531.70 万元合计 6,856.71 万元',
        ),
      }),
    ]);
  });

  it('names a stated share changed so that it is no longer the ratio of its amounts', async () => {
    const dir = copyWith('stated_figures.csv', (f) =>
      withCellChanged(f, { 部门编码: 'gz-zfw', 名称: 'basic_share' }, '数值', '76.8600'),
    );
    expect(await added(dir)).toEqual([
      expect.objectContaining({
        check: 'ratio.basic_share',
        severity: 'WARNING',
        message: expect.stringContaining('「基本支出占比」（第 418 行）：报告所列 76.86%'),
      }),
    ]);
  });

  it('names a self-score changed so that its parts no longer add up to it', async () => {
    const dir = copyWith('reports.csv', (f) =>
      withCellChanged(f, { 部门编码: 'gz-zfw' }, '综合自评得分', '97.97'),
    );
    const checks = (await added(dir)).map((f) => [f.check, f.severity]);
    expect(checks).toEqual([
      ['score.parts', 'ERROR'],
      ['score.deductions', 'ERROR'],
    ]);
  });

  it('names an amount made negative, which no amount can be', async () => {
    const dir = copyWith('revenue_by_function.csv', (f) =>
      withCellChanged(f, { 部门编码: 'gz-zfw', 序号: '2' }, '金额（万元）', '-274.64'),
    );
    const negative = (await added(dir)).filter((f) => f.check === 'range.negative_amount');
    expect(negative).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        message: expect.stringContaining(
          '「公共安全」年初预算收入（第 397 行）：报告所列 -274.64 万元',
        ),
      }),
    ]);
  });

  it('keeps the findings the files brought, numbering the new ones after them', async () => {
    const dir = copyWith('reports.csv', (f) =>
      withCellChanged(f, { 部门编码: 'gz-zfw' }, '综合自评得分', '97.97'),
    );
    await importCanonical(target.db.pool, { dir, format: 'csv' });
    const stored = await findings(target.db, 'gz-zfw');
    expect(stored.slice(0, 3)).toEqual((await findings(source.db, 'gz-zfw')).slice(0, 3));
    expect(stored.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});
