import { stat } from 'node:fs/promises';
import type { Db } from './database.js';
import type { SnapshotName } from './snapshot-layout.js';
import { SnapshotStore, SnapshotStoreError } from './snapshot-store.js';

/** A database opened on a snapshot, and which one. */
export interface OpenedSnapshot {
  db: Db;
  /** The snapshot, or null for the single file of an earlier version read as it is. */
  name: SnapshotName | null;
  path: string;
}

/**
 * Opens the snapshot the pointer names, with `open` (read-only: the API's locked-down pool, or a
 * CLI command's). A snapshot pruned between reading the pointer and opening it means a newer
 * one was published meanwhile: the pointer is read again. A folder without snapshots but with
 * the database file of an earlier version reads that file, without adopting it (adopting is a
 * writer's job).
 */
export async function openCurrentSnapshot(
  store: SnapshotStore,
  open: (path: string) => Promise<Db>,
): Promise<OpenedSnapshot> {
  for (let attempt = 0; ; attempt++) {
    const name = await store.current();
    if (!name) {
      const legacy = store.layout.legacyFile;
      if (
        await stat(legacy).then(
          () => true,
          () => false,
        )
      )
        return { db: await open(legacy), name: null, path: legacy };
      throw new SnapshotStoreError(
        `no data yet: ${store.layout.dir} holds no snapshot; start the server or run ingest, import or generate first`,
      );
    }
    const path = store.path(name);
    try {
      return { db: await open(path), name, path };
    } catch (error) {
      const moved = (await store.current())?.file !== name.file;
      if (!moved || attempt >= 2) throw error;
    }
  }
}
