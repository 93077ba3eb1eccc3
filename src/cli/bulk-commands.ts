import { join } from 'node:path';
import type { Config } from '../config.js';
import { exportCanonical, type BulkFormat } from '../ingest/bulk/bulk-export.js';
import { importCanonical } from '../ingest/bulk/bulk-import.js';
import { HEADER_LANGUAGES, type HeaderLanguage } from '../ingest/bulk/canonical-headers.js';
import { CSV_MANIFEST_FILE } from '../ingest/bulk/csv-manifest.js';
import { CANONICAL_TABLES } from '../ingest/canonical-tables.js';
import { UsageError, yearRange, type CliIo } from './cli-io.js';
import { openReaderForCli } from './open-reader.js';
import { writeForCli } from './open-writer.js';
import { progress } from './progress.js';

const FORMATS: readonly BulkFormat[] = ['parquet', 'csv', 'ndjson'];

function format(value: string | undefined): BulkFormat {
  const chosen = (value ?? 'parquet') as BulkFormat;
  if (!FORMATS.includes(chosen))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  return chosen;
}

/**
 * The titles of an exported CSV: Chinese unless asked otherwise, because the CSV is the format a
 * finance analyst opens in Excel, and Chinese titles are the report's own words (决算数, not
 * final). Parquet and NDJSON carry column names only, so --headers with them is a mistake.
 */
function headers(value: string | undefined, chosen: BulkFormat): HeaderLanguage {
  if (value === undefined) return 'zh';
  if (chosen !== 'csv') throw new UsageError('--headers applies to --format csv only');
  if (!HEADER_LANGUAGES.includes(value as HeaderLanguage))
    throw new UsageError(`--headers must be one of ${HEADER_LANGUAGES.join(', ')}`);
  return value as HeaderLanguage;
}

/**
 * `jixiao import <dir> [--format parquet|csv|ndjson] [--replace]`: one transaction for the whole
 * folder, in a new snapshot published when it is complete.
 */
export async function importCommand(
  dir: string | undefined,
  flags: { format?: string; replace?: boolean },
  config: Config,
  io: CliIo,
): Promise<number> {
  if (!dir) throw new UsageError('import needs a folder of canonical files');
  const started = Date.now();
  const chosen = format(flags.format);
  let reports = 0;
  await writeForCli(
    config,
    { command: 'import', summary: () => `import of ${dir}: ${reports} reports` },
    io,
    async (db) => {
      const bar = progress('import', CANONICAL_TABLES.length);
      const imported = await importCanonical(
        db.pool,
        { dir, format: chosen, replace: flags.replace },
        () => bar.tick(),
      );
      bar.done();
      reports = imported.find((t) => t.table === 'reports')?.rows ?? 0;
      const rows = imported.reduce((a, t) => a + t.rows, 0);
      io.out(
        `imported ${reports} reports (${rows} rows in ${imported.length} tables) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    },
  );
  return 0;
}

/**
 * `jixiao export <dir> [--format parquet|csv|ndjson] [--headers zh|en] [--years 2019-2024]`: reads
 * the current snapshot read-only.
 */
export async function exportCommand(
  dir: string | undefined,
  flags: { format?: string; headers?: string; years?: string },
  config: Config,
  io: CliIo,
): Promise<number> {
  if (!dir) throw new UsageError('export needs a folder to write to');
  const range = flags.years ? yearRange(flags.years, 'years') : { fromYear: null, toYear: null };
  const chosen = format(flags.format);
  const titles = headers(flags.headers, chosen);
  // Read-only: runs while a server serves the same snapshot.
  const { db } = await openReaderForCli(config);
  try {
    const bar = progress('export', CANONICAL_TABLES.length);
    const files = await exportCanonical(
      db.pool,
      { dir, format: chosen, headers: titles, ...range },
      () => bar.tick(),
    );
    bar.done();
    for (const f of files) io.out(`${f.file}\t${f.rows} rows`);
    if (chosen === 'csv')
      io.out(`${join(dir, CSV_MANIFEST_FILE)}\tcolumn types and DuckDB queries`);
    return 0;
  } finally {
    await db.close();
  }
}
