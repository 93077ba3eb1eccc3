import type { Config } from '../config.js';
import { readDepartmentRegistry, registerDepartments } from '../ingest/load/department-registry.js';
import { ingestFile, reportFiles } from '../ingest/load/ingest-files.js';
import { registryFingerprint } from '../ingest/load/registry-fingerprint.js';
import type { LoadResult } from '../ingest/load/report-loader.js';
import type { CliIo } from './cli-io.js';
import { UsageError } from './cli-io.js';
import { writeForCli } from './open-writer.js';
import { progress } from './progress.js';

/**
 * `jixiao ingest <files|dirs> [--replace] [--synthetic] [--departments CSV]`: parses and loads
 * report texts, one transaction each, into a new snapshot that is published when all are done
 * (a running server then serves it). A file that fails is reported and skipped; the exit code
 * is 1 when any failed. When nothing was stored, no snapshot is published.
 */
export async function ingestCommand(
  paths: string[],
  flags: { replace?: boolean; synthetic?: boolean; departments?: string },
  config: Config,
  io: CliIo,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('ingest needs at least one file or folder');
  const files = await reportFiles(paths);
  const counts: Record<LoadResult['status'] | 'failed', number> = {
    inserted: 0,
    replaced: 0,
    unchanged: 0,
    failed: 0,
  };
  const summary = () =>
    `${counts.inserted} inserted, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.failed} failed`;
  await writeForCli(
    config,
    {
      command: 'ingest',
      // The reports that loaded are published together; failed files are reported and skipped.
      changed: (registryChanged: boolean) =>
        registryChanged || counts.inserted + counts.replaced > 0,
      summary: () => `ingest of ${files.length} files: ${summary()}`,
    },
    io,
    async (db) => {
      const before = await registryFingerprint(db.kysely);
      await registerDepartments(
        db.kysely,
        await readDepartmentRegistry(flags.departments ?? config.departmentsCsv),
      );
      const registryChanged = (await registryFingerprint(db.kysely)) !== before;
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
      return registryChanged;
    },
  );
  io.out(`${files.length} files: ${summary()}`);
  return counts.failed > 0 ? 1 : 0;
}
