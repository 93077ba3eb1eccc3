import type { Config } from '../config.js';
import { readDepartmentRegistry, registerDepartments } from '../ingest/load/department-registry.js';
import { ingestFile, reportFiles } from '../ingest/load/ingest-files.js';
import type { LoadResult } from '../ingest/load/report-loader.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './cli-io.js';
import { openWriterForCli } from './open-writer.js';
import { progress } from './progress.js';

/**
 * `jixiao ingest <files|dirs> [--replace] [--synthetic] [--departments CSV]`: parses and loads
 * report texts, one transaction each. A file that fails is reported and skipped; the exit code
 * is 1 when any failed.
 */
export async function ingestCommand(
  paths: string[],
  flags: { replace?: boolean; synthetic?: boolean; departments?: string },
  config: Config,
  io: CliIo,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('ingest needs at least one file or folder');
  const files = await reportFiles(paths);
  const db = await openWriterForCli(config);
  const counts: Record<LoadResult['status'] | 'failed', number> = {
    inserted: 0,
    replaced: 0,
    unchanged: 0,
    failed: 0,
  };
  try {
    await registerDepartments(
      db.kysely,
      await readDepartmentRegistry(flags.departments ?? config.departmentsCsv),
    );
    const bar = progress('ingest', files.length);
    for (const file of files) {
      try {
        const result = await ingestFile(db.kysely, file, {
          replace: flags.replace,
          synthetic: flags.synthetic,
        });
        counts[result.status]++;
      } catch (error) {
        counts.failed++;
        io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
      }
      bar.tick();
    }
    bar.done();
  } finally {
    await db.close();
  }
  io.out(
    `${files.length} files: ${counts.inserted} inserted, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.failed} failed`,
  );
  return counts.failed > 0 ? 1 : 0;
}
