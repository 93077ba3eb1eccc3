import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { ignoredFileWarning, writeSnapshot, type WriteOptions } from '../db/snapshot-writer.js';
import { SnapshotStore } from '../db/snapshot-store.js';
import type { CliIo } from './cli-io.js';

/**
 * Runs a command's writes the way every writer does (db/snapshot-writer.ts): on a copy of the
 * current snapshot, published when complete, so a running server keeps serving and picks the
 * new data up by itself. Says which snapshot it published, or that nothing changed. A second
 * writer at the same time is refused (WriterBusyError names the first).
 */
export async function writeForCli<T>(
  config: Config,
  options: WriteOptions<T>,
  io: CliIo,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const store = SnapshotStore.of(config);
  let written;
  try {
    written = await writeSnapshot(config, options, work);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Only the single file of an earlier version is ever opened for writing where another
    // process may hold it: a server of that version, which must stop once for the move.
    if (/Could not set lock on file/i.test(message))
      throw new Error(
        `${store.layout.legacyFile} is in use by another process (a jixiao server of an earlier version?); ` +
          `stop it and try again: this version moves it into ${store.layout.dir} as the first snapshot`,
      );
    throw error;
  }
  if (written.ignoredFile) io.err(ignoredFileWarning(written.ignoredFile, store.layout.dir));
  if (written.adopted)
    io.out(
      `moved ${store.layout.legacyFile} into ${store.layout.dir} as snapshot ${written.adopted.version}`,
    );
  io.out(
    written.published
      ? `published snapshot ${written.published.version} (${store.layout.dir}); a running server serves it within seconds`
      : 'nothing changed: no new snapshot',
  );
  return written.result;
}
