import type { Config } from '../config.js';
import { exportCanonical, type BulkFormat } from '../ingest/bulk/bulk-export.js';
import { importCanonical } from '../ingest/bulk/bulk-import.js';
import { CANONICAL_TABLES } from '../ingest/canonical-tables.js';
import { UsageError, yearRange, type CliIo } from './cli-io.js';
import { openWriterForCli } from './open-writer.js';
import { progress } from './progress.js';

const FORMATS: readonly BulkFormat[] = ['parquet', 'csv', 'ndjson'];

function format(value: string | undefined): BulkFormat {
  const chosen = (value ?? 'parquet') as BulkFormat;
  if (!FORMATS.includes(chosen))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  return chosen;
}

/** `jixiao import <dir> [--format parquet|csv|ndjson] [--replace]`: one transaction for the whole folder. */
export async function importCommand(
  dir: string | undefined,
  flags: { format?: string; replace?: boolean },
  config: Config,
  io: CliIo,
): Promise<number> {
  if (!dir) throw new UsageError('import needs a folder of canonical files');
  const started = Date.now();
  const db = await openWriterForCli(config);
  try {
    const bar = progress('import', CANONICAL_TABLES.length);
    const tables = await importCanonical(
      db.pool,
      { dir, format: format(flags.format), replace: flags.replace },
      () => bar.tick(),
    );
    bar.done();
    const reports = tables.find((t) => t.table === 'reports')?.rows ?? 0;
    const rows = tables.reduce((a, t) => a + t.rows, 0);
    io.out(
      `imported ${reports} reports (${rows} rows in ${tables.length} tables) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

/** `jixiao export <dir> [--format parquet|csv|ndjson] [--years 2019-2024]`. */
export async function exportCommand(
  dir: string | undefined,
  flags: { format?: string; years?: string },
  config: Config,
  io: CliIo,
): Promise<number> {
  if (!dir) throw new UsageError('export needs a folder to write to');
  const range = flags.years ? yearRange(flags.years, 'years') : { fromYear: null, toYear: null };
  const db = await openWriterForCli(config);
  try {
    const bar = progress('export', CANONICAL_TABLES.length);
    const files = await exportCanonical(
      db.pool,
      { dir, format: format(flags.format), ...range },
      () => bar.tick(),
    );
    bar.done();
    for (const f of files) io.out(`${f.file}\t${f.rows} rows`);
    return 0;
  } finally {
    await db.close();
  }
}
