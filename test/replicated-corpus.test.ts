import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBenchDatabase, type BenchDatabase } from '../bench/bench-corpus.js';
import { replicateCorpus } from '../bench/replicate-corpus.js';
import { openReaderForCli } from '../src/cli/open-reader.js';
import { loadConfig } from '../src/config.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';

/**
 * The benchmark's largest SYNTHETIC corpus is copies of a generated one (bench/replicate-corpus.ts):
 * a small one is copied three times here, imported from Parquet like scale L, and read back.
 */
const base: CorpusOptions = { seed: 20240601, departments: 4, fromYear: 2023, toYear: 2024 };
const COPIES = 3;

type Row = Record<string, unknown>;

async function rowsOf(database: BenchDatabase, sql: string): Promise<Row[]> {
  const opened = await openReaderForCli({ ...loadConfig({}), databasePath: database.path });
  try {
    return (await opened.db.pool.query(sql)).rows;
  } finally {
    await opened.db.close();
  }
}

/** Each report's department name and the figures that reconciliation and the analytics read. */
const FIGURES = `SELECT r.department_code AS code, d.name, r.year, r.title, f.total_final, f.basic_final,
         f.project_final, f.total_score,
         (SELECT count(*) FROM indicator_measures m WHERE m.report_id = r.id) AS measures,
         (SELECT count(*) FROM data_quality_issues q WHERE q.report_id = r.id) AS findings
  FROM reports r JOIN departments d ON d.code = r.department_code
  JOIN report_facts f ON f.report_id = r.id
  ORDER BY r.department_code, r.year`;

describe('a SYNTHETIC corpus made of copies of a generated one', () => {
  let dir: string;
  let original: BenchDatabase;
  let copied: BenchDatabase;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-replicated-'));
    original = await ensureBenchDatabase(base, () => {}, false, dir);
    copied = await ensureBenchDatabase(
      { ...base, departments: base.departments * COPIES },
      () => {},
      false,
      dir,
      { baseDepartments: base.departments, copies: COPIES },
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds every department and report once per copy', () => {
    expect(copied.departments).toBe(original.departments * COPIES);
    expect(copied.reports).toBe(original.reports * COPIES);
    expect(copied.build?.importFormat).toBe('parquet');
    expect(copied.build?.replication).toMatchObject({ baseDepartments: 4, copies: COPIES });
  });

  it("gives copy k's departments their own code and a city name of their own", async () => {
    const rows = await rowsOf(copied, FIGURES);
    const [first] = await rowsOf(original, FIGURES);
    const second = rows.find((r) => r.code === `${String(first!.code)}-r02`)!;
    expect(second.name).toBe(String(first!.name).replace('示例市', '示例2号市'));
    expect(second.title).toBe(String(first!.title).replace(/示例市/g, '示例2号市'));
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length / 2);
  });

  it("states the original's figures, measures and findings in every copy", async () => {
    const originals = await rowsOf(original, FIGURES);
    const rows = await rowsOf(copied, FIGURES);
    const figures = ({ code: _code, name: _name, title: _title, ...rest }: Row) => rest;
    const copyOf = (r: Row) => /-r(\d\d)$/.exec(String(r.code))?.[1] ?? '00';
    for (const copy of ['00', '01', '02']) {
      const ofCopy = rows.filter((r) => copyOf(r) === copy);
      expect(ofCopy.map(figures)).toEqual(originals.map(figures));
    }
    expect(originals.some((r) => Number(r.measures) > 0)).toBe(true);
  });

  it('refuses a number of copies it cannot name', async () => {
    await expect(replicateCorpus(dir, join(dir, 'none'), 0)).rejects.toThrow(
      /copies must be an integer from 1 to 99/,
    );
  });
});
