/**
 * A SYNTHETIC corpus database for benchmarks: built once per set of options and reused, so that a
 * run measures queries, not generation. The file holds the generated corpus and nothing else (no
 * seed departments, no real report, no demo corpus).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openWriter } from '../src/db/prepare-database.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { writeCorpus } from '../src/synthetic/corpus-writer.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';

/** A benchmark database and how it came to be. */
export interface BenchDatabase {
  path: string;
  /** True when an existing file for the same options was reused. */
  reused: boolean;
  reports: number;
  departments: number;
  bytes: number;
  /** Seconds spent generating and importing (0 when reused). */
  buildSeconds: number;
}

/**
 * Where benchmark databases are kept: the system's temp folder, outside the working tree, where
 * other work in the checkout (which may reset data/) does not touch them.
 */
export const BENCH_DB_DIR = join(tmpdir(), 'jixiao-bench');

/** The file a corpus of these options lives in. */
export function benchDatabasePath(options: CorpusOptions, dir = BENCH_DB_DIR): string {
  return join(
    dir,
    `bench-d${options.departments}-y${options.fromYear}-${options.toYear}-s${options.seed}.duckdb`,
  );
}

/**
 * Returns the database for `options`, building it when absent (or when `rebuild`): writeCorpus
 * to canonical NDJSON in a temporary folder, then one importCanonical transaction. The file is
 * built under a temporary name and renamed at the end, so an interrupted build is never reused.
 */
export async function ensureBenchDatabase(
  options: CorpusOptions,
  log: (line: string) => void,
  rebuild = false,
  dir = BENCH_DB_DIR,
): Promise<BenchDatabase> {
  const path = benchDatabasePath(options, dir);
  const started = performance.now();
  let reused = existsSync(path) && !rebuild;
  if (!reused) {
    await mkdir(dir, { recursive: true });
    const building = `${path}.building`;
    await rm(building, { force: true });
    await rm(`${building}.wal`, { force: true });
    const work = await mkdtemp(join(tmpdir(), 'jixiao-bench-corpus-'));
    try {
      log(
        `building a SYNTHETIC corpus: ${options.departments} departments x ${options.fromYear}-${options.toYear} -> ${path}`,
      );
      const written = await writeCorpus(options, work);
      log(
        `  generated ${written.reports} synthetic reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      const writer = await openWriter({ ...loadConfig({}), databasePath: building });
      try {
        await importCanonical(writer.pool, { dir: work, format: 'ndjson' });
        await writer.pool.query('CHECKPOINT');
      } finally {
        await writer.close();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    await rename(building, path);
    log(`  imported in ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
    reused = false;
  }
  const counts = await countCorpus(path);
  return {
    path,
    reused,
    ...counts,
    bytes: (await stat(path)).size,
    buildSeconds: reused ? 0 : (performance.now() - started) / 1000,
  };
}

/** Departments and reports stored, read with a short-lived writer (nothing else holds the file yet). */
async function countCorpus(path: string): Promise<{ departments: number; reports: number }> {
  const db = await openWriter({ ...loadConfig({}), databasePath: path });
  try {
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*) FROM departments) AS departments,
              (SELECT count(*) FROM reports) AS reports,
              (SELECT count(*) FROM departments WHERE NOT synthetic) AS real_departments`,
    );
    const row = rows[0]!;
    if (Number(row.real_departments) > 0)
      throw new Error(`${path} holds non-synthetic departments: not a benchmark corpus`);
    return { departments: Number(row.departments), reports: Number(row.reports) };
  } finally {
    await db.close();
  }
}
