/**
 * Bulk import at province scale (issue 3): generates a SYNTHETIC corpus as canonical Parquet
 * (not timed as import), then times `importCanonical` of it into a fresh database file, in one
 * transaction, and records the database size. Also times a few analytic queries on the result.
 *
 *   npx tsx bench/import-scale.ts [--departments 10000] [--years 2015-2024] [--seed 42]
 */
import { cpus } from 'node:os';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openWriter } from '../src/db/prepare-database.js';
import { exportCanonical } from '../src/ingest/bulk/bulk-export.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { writeCorpus } from '../src/synthetic/corpus-writer.js';

const { values } = parseArgs({
  options: { departments: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' } },
});
const [fromYear, toYear] = (values.years ?? '2015-2024').split('-').map(Number);
const options = {
  seed: Number(values.seed ?? 42),
  departments: Number(values.departments ?? 10_000),
  fromYear: fromYear!,
  toYear: toYear ?? fromYear!,
};
const label = `${options.departments}x${options.fromYear}-${options.toYear}-seed${options.seed}`;
const work = join('data', `bench-import-${label}`);
const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(1));

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

await mkdir(work, { recursive: true });
const parquetDir = join(work, 'parquet');
let generateSeconds: number | null = null;
let convertSeconds: number | null = null;
if (!(await stat(join(parquetDir, 'reports.parquet')).catch(() => null))) {
  let t = performance.now();
  const written = await writeCorpus(options, join(work, 'ndjson'));
  generateSeconds = seconds(t);
  console.log(`generated ${written.reports} synthetic reports as NDJSON in ${generateSeconds} s`);
  t = performance.now();
  const scratch = await openWriter({
    ...loadConfig({}),
    databasePath: join(work, 'scratch.duckdb'),
  });
  await importCanonical(scratch.pool, { dir: join(work, 'ndjson'), format: 'ndjson' });
  await exportCanonical(scratch.pool, { dir: parquetDir, format: 'parquet' });
  await scratch.close();
  await rm(join(work, 'scratch.duckdb'), { force: true });
  await rm(join(work, 'ndjson'), { recursive: true, force: true });
  convertSeconds = seconds(t);
  console.log(`converted to Parquet in ${convertSeconds} s`);
}

const target = join(work, 'import.duckdb');
await rm(target, { force: true });
await rm(`${target}.wal`, { force: true });
const db = await openWriter({ ...loadConfig({}), databasePath: target });
const started = performance.now();
const tables = await importCanonical(db.pool, { dir: parquetDir, format: 'parquet' });
const importSeconds = seconds(started);
await db.pool.query('CHECKPOINT');
const reports = tables.find((t) => t.table === 'reports')!.rows;
const rows = tables.reduce((a, t) => a + t.rows, 0);
const { rows: version } = await db.pool.query('SELECT version() AS v');
await db.close();
const result = {
  corpus: { ...options, synthetic: true, reports, rows },
  machine: { cpus: cpus().length, node: process.version, duckdb: String(version[0]!.v) },
  parquetBytes: await folderBytes(parquetDir),
  generateSeconds,
  convertSeconds,
  importSeconds,
  databaseBytes: (await stat(target)).size,
  tables,
};
console.log(
  `imported ${reports} reports (${rows} rows) from Parquet in ${importSeconds} s; database ${(result.databaseBytes / 2 ** 20).toFixed(0)} MiB (Parquet ${(result.parquetBytes / 2 ** 20).toFixed(0)} MiB)`,
);
await writeFile(
  new URL(`./results/import-scale-${label}.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
