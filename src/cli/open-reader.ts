import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { checkMigrations } from '../db/migrations.js';
import { SQL_DIR } from '../db/prepare-database.js';
import { openCurrentSnapshot, type OpenedSnapshot } from '../db/snapshot-reader.js';
import { SnapshotStore } from '../db/snapshot-store.js';

/**
 * Opens the current snapshot READ-ONLY for a command that only reads (`export`), so it runs
 * while a server serves the same snapshot. External access stays on (export writes its files
 * with DuckDB's COPY); the API's pool is the locked-down one. The snapshot must be at this
 * version's migrations: a read-only command cannot apply them.
 */
export async function openReaderForCli(config: Config): Promise<OpenedSnapshot> {
  const opened = await openCurrentSnapshot(SnapshotStore.of(config), (path) =>
    openDatabase({
      path,
      readOnly: true,
      withoutLockdown: true,
      size: 1,
      threads: config.duckdbThreads,
      memoryLimit: config.duckdbMemoryLimit,
      queryTimeoutMs: 0,
    }),
  );
  try {
    await checkMigrations(opened.db.pool, SQL_DIR);
  } catch (error) {
    await opened.db.close();
    throw new Error(
      `${opened.path} cannot be read by this version: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return opened;
}
