/**
 * A SYNTHETIC corpus database for benchmarks: built once per set of options and reused, so that a
 * run measures queries, not generation. The database holds the generated corpus and nothing else
 * (no seed departments, no real report, no demo corpus), as snapshots like any jixiao database.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openReader } from '../src/db/prepare-database.js';
import { openCurrentSnapshot } from '../src/db/snapshot-reader.js';
import { SnapshotStore } from '../src/db/snapshot-store.js';
import { writeSnapshot } from '../src/db/snapshot-writer.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { writeCorpusInParallel } from '../src/synthetic/parallel-corpus-writer.js';
import { exportCanonical } from '../src/ingest/bulk/bulk-export.js';
import { openReaderForCli } from '../src/cli/open-reader.js';
import { replicateCorpus } from './replicate-corpus.js';

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

/**
 * A corpus too large to generate report by report (scale L): a generated corpus of
 * `baseDepartments` copied `copies` times under new department names (replicate-corpus.ts).
 */
export interface Replication {
  baseDepartments: number;
  copies: number;
}

/** How a benchmark database was built: kept beside it, so a run that reuses it can say. */
export interface BenchBuild {
  /** When the build finished (ISO 8601). */
  date: string;
  /** Worker threads that generated the corpus (of the base corpus, for a replicated one). */
  workers: number;
  reports: number;
  /** Generating the canonical files: NDJSON by the generator, or Parquet copies of a base corpus. */
  generateSeconds: number;
  /** Importing them in one transaction and publishing the snapshot. */
  importSeconds: number;
  /** DuckDB's memory limit during the import. */
  memoryLimit?: string;
  /** The format imported: the generator's NDJSON, or Parquet for a replicated corpus. */
  importFormat?: 'ndjson' | 'parquet';
  /** Set for a replicated corpus: the generated corpus it copies, and how many times. */
  replication?: Replication & { baseDatabase: string };
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
export function benchDatabasePath(
  options: CorpusOptions,
  dir = BENCH_DB_DIR,
  replication?: Replication,
): string {
  const departments = replication
    ? `${replication.baseDepartments}x${replication.copies}`
    : `${options.departments}`;
  return join(
    dir,
    `bench-d${departments}-y${options.fromYear}-${options.toYear}-s${options.seed}.duckdb`,
  );
}

/**
 * DuckDB's memory limit while a corpus is imported: most of the machine's memory, since one
 * transaction builds every table's keys (at scale L, 2 million reports and their parts did
 * not fit in the server's default of 4GB). The servers the benchmark starts keep the default.
 */
const BUILD_MEMORY_LIMIT = `${Math.max(4, Math.floor((totalmem() * 0.6) / 2 ** 30))}GB`;

/** The file beside a benchmark database that records how it was built. */
function buildRecordPath(path: string): string {
  return path.replace(/\.duckdb$/, '') + '.build.json';
}

/**
 * Returns the database for `options`, building it when absent (or when `rebuild`): the corpus
 * written as canonical files in a temporary folder (generated as NDJSON by worker threads, one
 * per core, or, with `replication`, Parquet copies of a generated base corpus), then one
 * importCanonical transaction, published as the database's first snapshot, so an interrupted
 * build is never reused.
 */
export async function ensureBenchDatabase(
  options: CorpusOptions,
  log: (line: string) => void,
  rebuild = false,
  dir = BENCH_DB_DIR,
  replication?: Replication,
): Promise<BenchDatabase> {
  const path = benchDatabasePath(options, dir, replication);
  const config = { ...loadConfig({}), databasePath: path, duckdbMemoryLimit: BUILD_MEMORY_LIMIT };
  const store = SnapshotStore.of(config);
  const started = performance.now();
  let reused = (await store.current()) !== null && !rebuild;
  if (!reused) {
    await mkdir(dir, { recursive: true });
    await rm(store.layout.dir, { recursive: true, force: true });
    await rm(path, { force: true });
    await rm(buildRecordPath(path), { force: true });
    const work = await mkdtemp(join(tmpdir(), 'jixiao-bench-corpus-'));
    try {
      const files = replication
        ? await replicateFiles(options, replication, work, log, dir)
        : await generateFiles(options, work, log);
      const generateSeconds = seconds(started);
      const importStarted = performance.now();
      log(`  importing ${files.reports} reports from ${files.format}`);
      await writeSnapshot(config, { command: 'bench corpus' }, (writer) =>
        importCanonical(writer.pool, { dir: files.dir, format: files.format }, (t) =>
          log(`    ${t.table}: ${t.rows} rows, ${seconds(importStarted).toFixed(0)} s`),
        ),
      );
      const importSeconds = seconds(importStarted);
      log(`  imported in ${importSeconds.toFixed(1)} s (${seconds(started).toFixed(1)} s in all)`);
      const build: BenchBuild = {
        date: new Date().toISOString(),
        workers: files.workers,
        reports: files.reports,
        generateSeconds: round1(generateSeconds),
        importSeconds: round1(importSeconds),
        importFormat: files.format,
        memoryLimit: BUILD_MEMORY_LIMIT,
        ...(files.replication ? { replication: files.replication } : {}),
        reportsPerSecond: Math.round(files.reports / generateSeconds),
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

/** Canonical files written for an import, and how. */
interface CorpusFiles {
  dir: string;
  format: 'ndjson' | 'parquet';
  reports: number;
  workers: number;
  replication?: BenchBuild['replication'];
}

/** The corpus generated report by report as NDJSON, by one worker thread per core. */
async function generateFiles(
  options: CorpusOptions,
  work: string,
  log: (line: string) => void,
): Promise<CorpusFiles> {
  const started = performance.now();
  const workers = availableParallelism();
  log(
    `building a SYNTHETIC corpus: ${options.departments} departments x ${options.fromYear}-${options.toYear} on ${workers} worker threads in ${work}`,
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
  return { dir: work, format: 'ndjson', reports: written.reports, workers };
}

/**
 * The corpus as copies of a generated base corpus (built first if absent): the base exported as
 * canonical Parquet, then copied under new department names by DuckDB (replicate-corpus.ts).
 */
async function replicateFiles(
  options: CorpusOptions,
  replication: Replication,
  work: string,
  log: (line: string) => void,
  dir: string,
): Promise<CorpusFiles> {
  const { baseDepartments, copies } = replication;
  if (baseDepartments * copies !== options.departments)
    throw new RangeError(
      `${copies} copies of ${baseDepartments} departments are not ${options.departments}`,
    );
  const base = await ensureBenchDatabase(
    { ...options, departments: baseDepartments },
    log,
    false,
    dir,
  );
  const started = performance.now();
  log(
    `building a SYNTHETIC corpus: ${copies} copies of the ${base.departments} departments of ${base.path}`,
  );
  const exported = join(work, 'base');
  const opened = await openReaderForCli({ ...loadConfig({}), databasePath: base.path });
  try {
    await exportCanonical(opened.db.pool, { dir: exported, format: 'parquet' });
  } finally {
    await opened.db.close();
  }
  const copied = join(work, 'copies');
  const tables = await replicateCorpus(exported, copied, copies);
  await rm(exported, { recursive: true, force: true });
  const reports = tables.find((t) => t.table === 'reports')!.rows;
  log(`  copied ${reports} synthetic reports in ${seconds(started).toFixed(1)} s`);
  return {
    dir: copied,
    format: 'parquet',
    reports,
    workers: base.build?.workers ?? 1,
    replication: { ...replication, baseDatabase: basename(base.path) },
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
