import type { Config } from '../config.js';
import { checkMigrations } from './migrations.js';
import { openReader, SQL_DIR } from './prepare-database.js';
import type { SnapshotName } from './snapshot-layout.js';
import { SnapshotStore, SnapshotStoreError } from './snapshot-store.js';
import { takeWriterLock } from './writer-lock.js';

/** What a rollback did. */
export interface Rollback {
  from: SnapshotName;
  to: SnapshotName;
}

/**
 * Points the API back at an earlier snapshot: by default the newest one older than the current
 * one, or the one named (by version or file name, which may also be a newer one: rolling
 * forward again). Nothing is copied or deleted; a running server swaps to it as after a publish.
 * The snapshot is checked first to be servable by this version (its migrations), so a rollback
 * never leaves a pointer the server refuses.
 */
export async function rollbackSnapshot(config: Config, target?: string): Promise<Rollback> {
  const store = SnapshotStore.of(config);
  await store.ensureFolder();
  const lock = await takeWriterLock(store.layout.lock, 'rollback');
  try {
    const entries = await store.list();
    const current = entries.find((e) => e.current);
    if (!current) throw new SnapshotStoreError(`${store.layout.dir} has no current snapshot`);
    const wanted = target?.replace(/\.duckdb$/, '');
    const chosen = wanted
      ? entries.find((e) => e.name.version === wanted)
      : entries.find((e) => e.name.seq < current.name.seq);
    if (!chosen)
      throw new SnapshotStoreError(
        wanted
          ? `no snapshot ${wanted} in ${store.layout.dir}; jixiao snapshot list shows those kept`
          : `no snapshot older than ${current.name.version} is kept in ${store.layout.dir}`,
      );
    if (chosen.current)
      throw new SnapshotStoreError(`${chosen.name.version} is already the current snapshot`);
    const db = await openReader({ ...config, databasePath: chosen.path, poolSize: 1 });
    try {
      await checkMigrations(db.pool, SQL_DIR);
    } catch (error) {
      throw new SnapshotStoreError(
        `snapshot ${chosen.name.version} cannot be served by this version: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      await db.close();
    }
    await store.repoint(chosen.name, 'rollback');
    return { from: current.name, to: chosen.name };
  } finally {
    await lock.release();
  }
}
