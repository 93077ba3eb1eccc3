import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { openWriter } from '../db/prepare-database.js';
import { exportCanonical } from '../ingest/bulk/bulk-export.js';
import { importCanonical } from '../ingest/bulk/bulk-import.js';
import { TRUTH_FILE, writeCorpus } from '../synthetic/corpus-writer.js';
import { generateDepartments } from '../synthetic/generate-corpus.js';
import { writeCorpusInParallel } from '../synthetic/parallel-corpus-writer.js';
import { renderReport } from '../synthetic/render-report.js';
import { intOption, UsageError, yearRange, type CliIo } from './cli-io.js';
import { writeForCli } from './open-writer.js';
import { progress } from './progress.js';

export interface GenerateFlags {
  departments?: string;
  years?: string;
  seed?: string;
  out?: string;
  replace?: boolean;
  'render-text'?: string;
}

/** A registry CSV of the generated departments, so rendered texts can be ingested on their own. */
function registryCsv(departments: ReturnType<typeof generateDepartments>): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = departments.map((d) =>
    [d.code, d.name, d.aliases.join('|'), d.sector ?? '', d.level, 'true'].map(quote).join(','),
  );
  return ['code,name,aliases,sector,level,synthetic', ...lines].join('\n') + '\n';
}

/**
 * `jixiao generate --departments N --years A-B [--seed S] [--out DIR] [--render-text DIR]`: a
 * SYNTHETIC corpus (labelled so in every department and report); a large one is generated on a
 * worker thread per core, the same corpus as on one, byte for byte. Without --out it is imported
 * in one transaction into a new snapshot, published like any other write; with --out it is
 * written as canonical Parquet files plus truth.ndjson (the ground truth of the low-target
 * rules), ready for `jixiao import`. With --render-text each report is also written as text in
 * the Guangzhou template, with a departments.csv to ingest them by
 * (`jixiao ingest DIR --departments DIR/departments.csv`).
 */
export async function generateCommand(
  flags: GenerateFlags,
  config: Config,
  io: CliIo,
): Promise<number> {
  const departments = intOption(flags.departments, 'departments');
  if (departments < 1) throw new UsageError('--departments must be at least 1');
  const { fromYear, toYear } = yearRange(flags.years, 'years');
  const options = { seed: intOption(flags.seed, 'seed', 1), departments, fromYear, toYear };
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'jixiao-generate-'));
  try {
    const bar = progress('generate', departments * (toYear - fromYear + 1));
    const textDir = flags['render-text'];
    if (textDir) {
      await mkdir(textDir, { recursive: true });
      await writeFile(join(textDir, 'departments.csv'), registryCsv(generateDepartments(options)));
    }
    // Texts are rendered on this thread, report by report; without them the corpus is written
    // on a worker thread per core (the same files, byte for byte).
    const written = textDir
      ? await writeCorpus(options, work, async (report) => {
          const file = join(textDir, `${report.departmentCode}-${report.document.year}.txt`);
          await writeFile(file, renderReport(report.document, options.seed + report.document.year));
          bar.tick();
        })
      : await writeCorpusInParallel(options, work, { onReports: (n) => bar.tick(n) });
    bar.done();
    io.out(
      `generated ${written.reports} synthetic reports of ${written.departments} synthetic departments in ${seconds(started)}`,
    );
    if (flags.out) {
      // DuckDB converts the NDJSON into typed Parquet by importing it into a scratch database.
      const scratch = await openWriter({ ...loadConfig({}), databasePath: ':memory:' });
      try {
        await importCanonical(scratch.pool, { dir: work, format: 'ndjson' });
        const files = await exportCanonical(scratch.pool, { dir: flags.out, format: 'parquet' });
        await copyFile(written.truthFile, join(flags.out, TRUTH_FILE));
        io.out(
          `wrote ${files.length} Parquet files and ${TRUTH_FILE} to ${flags.out} in ${seconds(started)}`,
        );
      } finally {
        await scratch.close();
      }
      return 0;
    }
    await writeForCli(
      config,
      {
        command: 'generate',
        summary: () => `synthetic corpus: ${written.reports} reports (seed ${options.seed})`,
      },
      io,
      (db) => importCanonical(db.pool, { dir: work, format: 'ndjson', replace: flags.replace }),
    );
    io.out(`imported in ${seconds(started)}`);
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
