/**
 * A SYNTHETIC corpus database for benchmarks: built once per set of options and reused, so that a
 * run measures queries, not generation. The database holds the generated corpus and nothing else
 * (no seed departments, no real report, no demo corpus), as snapshots like any jixiao database.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openReader } from '../src/db/prepare-database.js';
import { openCurrentSnapshot } from '../src/db/snapshot-reader.js';
import { SnapshotStore } from '../src/db/snapshot-store.js';
import { writeSnapshot } from '../src/db/snapshot-writer.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { writeCorpusInParallel } from '../src/synthetic/parallel-corpus-writer.js';

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
  /** How the database was built, this time or when it was first built (null if unrecorded). */
  build: BenchBuild | null;
}

/** How a benchmark database was built: kept beside it, so a run that reuses it can say. */
export interface BenchBuild {
  /** When the build finished (ISO 8601). */
  date: string;
  /** Worker threads that generated the corpus. */
  workers: number;
  reports: number;
  /** Generating the canonical NDJSON tables. */
  generateSeconds: number;
  /** Importing them in one transaction and publishing the snapshot. */
  importSeconds: number;
  /** Generation's rate: reports per second of wall time. */
  reportsPerSecond: number;
  /** The 1-, 5- and 15-minute load averages when the build finished: how shared the machine was. */
  loadAverage: number[];
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

/** The file beside a benchmark database that records how it was built. */
function buildRecordPath(path: string): string {
  return path.replace(/\.duckdb$/, '') + '.build.json';
}

/**
 * Returns the database for `options`, building it when absent (or when `rebuild`): the corpus
 * written as canonical NDJSON in a temporary folder by worker threads (writeCorpusInParallel,
 * one per core), then one importCanonical transaction, published as the database's first
 * snapshot, so an interrupted build is never reused.
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
    await rm(buildRecordPath(path), { force: true });
    const work = await mkdtemp(join(tmpdir(), 'jixiao-bench-corpus-'));
    const workers = availableParallelism();
    try {
      log(
        `building a SYNTHETIC corpus: ${options.departments} departments x ${options.fromYear}-${options.toYear} on ${workers} worker threads -> ${store.layout.dir}`,
      );
      const total = options.departments * (options.toYear - options.fromYear + 1);
      let done = 0;
      let shown = 0;
      const written = await writeCorpusInParallel(options, work, {
        workers,
        onReports: (n) => {
          done += n;
          // A line per tenth: a build at a province's scale runs for many minutes.
          if (done - shown >= total / 10 && done < total) {
            shown = done;
            log(`  ${done} of ${total} reports, ${seconds(started).toFixed(0)} s`);
          }
        },
      });
      const generateSeconds = seconds(started);
      log(
        `  generated ${written.reports} synthetic reports in ${generateSeconds.toFixed(1)} s (${(written.reports / generateSeconds).toFixed(0)} reports/s)`,
      );
      await writeSnapshot(config, { command: 'bench corpus' }, (writer) =>
        importCanonical(writer.pool, { dir: work, format: 'ndjson' }),
      );
      const importSeconds = seconds(started) - generateSeconds;
      log(`  imported in ${importSeconds.toFixed(1)} s (${seconds(started).toFixed(1)} s in all)`);
      const build: BenchBuild = {
        date: new Date().toISOString(),
        workers,
        reports: written.reports,
        generateSeconds: round1(generateSeconds),
        importSeconds: round1(importSeconds),
        reportsPerSecond: Math.round(written.reports / generateSeconds),
        loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      };
      await writeFile(buildRecordPath(path), JSON.stringify(build, null, 2) + '\n');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    reused = false;
  }
  const counts = await countCorpus(store);
  return {
    path,
    reused,
    departments: counts.departments,
    reports: counts.reports,
    bytes: (await stat(counts.file)).size,
    buildSeconds: reused ? 0 : seconds(started),
    build: await readBuildRecord(path),
  };
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

function round1(value: number): number {
  return Number(value.toFixed(1));
}

/** The build record of a database, or null for one built before builds were recorded. */
async function readBuildRecord(path: string): Promise<BenchBuild | null> {
  try {
    return JSON.parse(await readFile(buildRecordPath(path), 'utf8')) as BenchBuild;
  } catch {
    return null;
  }
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
