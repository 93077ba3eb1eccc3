/**
 * A SYNTHETIC corpus database for benchmarks: built once per set of options and reused, so that a
 * run measures queries, not generation. The database holds the generated corpus and nothing else
 * (no seed departments, no real report, no demo corpus), as snapshots like any jixiao database.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openReader } from '../src/db/prepare-database.js';
import { openCurrentSnapshot } from '../src/db/snapshot-reader.js';
import { SnapshotStore } from '../src/db/snapshot-store.js';
import { writeSnapshot } from '../src/db/snapshot-writer.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { writeCorpus } from '../src/synthetic/corpus-writer.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';

/** A benchmark database and how it came to be. */
export interface BenchDatabase {
  /** The database (JIXIAO_DB): its snapshots are in the folder beside it. */
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

/** The database (JIXIAO_DB) a corpus of these options lives in. */
export function benchDatabasePath(options: CorpusOptions, dir = BENCH_DB_DIR): string {
  return join(
    dir,
    `bench-d${options.departments}-y${options.fromYear}-${options.toYear}-s${options.seed}.duckdb`,
  );
}

/**
 * Returns the database for `options`, building it when absent (or when `rebuild`): writeCorpus
 * to canonical NDJSON in a temporary folder, then one importCanonical transaction, published as
 * the database's first snapshot, so an interrupted build is never reused.
 */
export async function ensureBenchDatabase(
  options: CorpusOptions,
  log: (line: string) => void,
  rebuild = false,
  dir = BENCH_DB_DIR,
): Promise<BenchDatabase> {
  const path = benchDatabasePath(options, dir);
  const config = { ...loadConfig({}), databasePath: path };
  const store = SnapshotStore.of(config);
  const started = performance.now();
  let reused = (await store.current()) !== null && !rebuild;
  if (!reused) {
    await mkdir(dir, { recursive: true });
    await rm(store.layout.dir, { recursive: true, force: true });
    await rm(path, { force: true });
    const work = await mkdtemp(join(tmpdir(), 'jixiao-bench-corpus-'));
    try {
      log(
        `building a SYNTHETIC corpus: ${options.departments} departments x ${options.fromYear}-${options.toYear} -> ${store.layout.dir}`,
      );
      const written = await writeCorpus(options, work);
      log(
        `  generated ${written.reports} synthetic reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      await writeSnapshot(config, { command: 'bench corpus' }, (writer) =>
        importCanonical(writer.pool, { dir: work, format: 'ndjson' }),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    log(`  imported in ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
    reused = false;
  }
  const counts = await countCorpus(store);
  return {
    path,
    reused,
    departments: counts.departments,
    reports: counts.reports,
    bytes: (await stat(counts.file)).size,
    buildSeconds: reused ? 0 : (performance.now() - started) / 1000,
  };
}

/** Departments and reports stored in the current snapshot, read read-only. */
async function countCorpus(
  store: SnapshotStore,
): Promise<{ departments: number; reports: number; file: string }> {
  const opened = await openCurrentSnapshot(store, (file) =>
    openReader({ ...loadConfig({}), databasePath: file, poolSize: 1 }),
  );
  try {
    const { rows } = await opened.db.pool.query(
      `SELECT (SELECT count(*) FROM departments) AS departments,
              (SELECT count(*) FROM reports) AS reports,
              (SELECT count(*) FROM departments WHERE NOT synthetic) AS real_departments`,
    );
    const row = rows[0]!;
    if (Number(row.real_departments) > 0)
      throw new Error(`${opened.path} holds non-synthetic departments: not a benchmark corpus`);
    return {
      departments: Number(row.departments),
      reports: Number(row.reports),
      file: opened.path,
    };
  } finally {
    await opened.db.close();
  }
}
