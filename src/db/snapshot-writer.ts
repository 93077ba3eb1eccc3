import { chmod, constants, copyFile, rm, stat } from 'node:fs/promises';
import type { Config } from '../config.js';
import type { Db } from './database.js';
import type { Migration } from './migrations.js';
import { openMigratedWriter } from './prepare-database.js';
import { buildingFile, snapshotOwner, type SnapshotName } from './snapshot-layout.js';
import { SnapshotStore, type SnapshotNote } from './snapshot-store.js';
import { takeWriterLock } from './writer-lock.js';

/** How a writer's work is published. */
export interface WriteOptions<T> {
  /** What is writing, for the lock and the snapshot's note: `ingest`, `import`, `start-up` … */
  command: string;
  /**
   * Whether the work changed the data (default: it did). When it did not, and no migration was
   * applied, nothing is published: an idempotent start-up or a re-ingest makes no snapshot.
   */
  changed?: (result: T) => boolean;
  /** One line saying what changed, kept in the snapshot's note. */
  summary?: (result: T) => string;
}

/** What a writer did. */
export interface Written<T> {
  result: T;
  /** The snapshot published, or null when nothing changed. */
  published: SnapshotName | null;
  /** The snapshot the work started from (null: an empty database). */
  base: SnapshotName | null;
  /** A database file of an earlier version adopted as the first snapshot on the way. */
  adopted: SnapshotName | null;
  /**
   * A single database file found at `JIXIAO_DB` beside a folder that has snapshots: ignored (the
   * snapshots are the data), worth a warning, since someone may have meant it to be used.
   */
  ignoredFile: string | null;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Refuses to publish a file DuckDB has not fully written back (a WAL beside it). */
async function checkNoWal(file: string): Promise<void> {
  if (await exists(`${file}.wal`))
    throw new Error(`${file}.wal remains after closing: the database was not checkpointed`);
}

/** Checkpoints and closes a writer: its file then holds everything, with no WAL beside it. */
async function closeCheckpointed(db: Db, file: string): Promise<void> {
  try {
    await db.pool.query('CHECKPOINT');
  } finally {
    await db.close();
  }
  await checkNoWal(file);
}

/** What to tell an operator about a file that `Written.ignoredFile` names. */
export function ignoredFileWarning(file: string, dir: string): string {
  return (
    `warning: ignoring ${file}: the data is the snapshots in ${dir}; to use that file instead, ` +
    'move the folder away and run again (docs/operations.md, "Backups")'
  );
}

/** The migrations a writer applied, in a few words for the snapshot's note. */
function migrationsLine(applied: readonly Migration[]): string {
  if (applied.length === 0) return '';
  if (applied.length === 1) return `migration ${applied[0]!.version} (${applied[0]!.name})`;
  return `migrations ${applied[0]!.version}-${applied.at(-1)!.version}`;
}

/**
 * Makes the single database file of an earlier version (`JIXIAO_DB` itself) the first snapshot,
 * when the folder has none: migrated and checkpointed in place (it is not published yet), then
 * moved into the folder, so no stale copy stays behind to be edited or backed up by mistake.
 */
async function adoptLegacyFile(store: SnapshotStore, config: Config): Promise<SnapshotName | null> {
  const legacy = store.layout.legacyFile;
  if (!(await exists(legacy))) return null;
  const { db } = await openMigratedWriter(config);
  await closeCheckpointed(db, legacy);
  const name = await store.nextName();
  await store.publish(legacy, name, {
    createdAt: new Date().toISOString(),
    by: 'adopt',
    base: null,
    summary: `the database file ${legacy} of an earlier version, adopted as the first snapshot`,
  });
  return name;
}

/**
 * Changes the data the only way jixiao does: on a copy. Under the writer lock, copies the
 * current snapshot (a closed, checkpointed file no one writes, so a byte copy is a consistent
 * database) to a new file, opens the copy as the one writer, migrates it, runs `work`, and when
 * that changed something, checkpoints, closes and publishes it as the next snapshot by swapping
 * the pointer. The API's read-only connections never see the copy until it is complete. If
 * `work` throws, the copy is deleted and nothing is published.
 */
export async function writeSnapshot<T>(
  config: Config,
  options: WriteOptions<T>,
  work: (db: Db) => Promise<T>,
): Promise<Written<T>> {
  const owner = snapshotOwner(config.databasePath);
  if (owner)
    // Adopting it would move it out of its folder, and that folder's pointer would name a file
    // that is gone.
    throw new Error(
      `the database ${config.databasePath} is a snapshot of ${owner}; name that database instead (JIXIAO_DB=${owner})`,
    );
  const store = SnapshotStore.of(config);
  await store.ensureFolder();
  const lock = await takeWriterLock(store.layout.lock, options.command);
  try {
    await store.clearLeftovers();
    let base = await store.current();
    const ignoredFile =
      base && (await exists(store.layout.legacyFile)) ? store.layout.legacyFile : null;
    const adopted = base ? null : await adoptLegacyFile(store, config);
    base ??= adopted;
    const name = await store.nextName();
    const file = buildingFile(store.layout, name);
    let db: Db | null = null;
    try {
      if (base) {
        // A reflink where the file system has them (instant), a byte copy otherwise.
        await copyFile(store.path(base), file, constants.COPYFILE_FICLONE);
        await chmod(file, 0o644);
      }
      const opened = await openMigratedWriter({ ...config, databasePath: file });
      db = opened.db;
      const result = await work(db);
      const changed = opened.applied.length > 0 || !base || (options.changed?.(result) ?? true);
      if (!changed) {
        await db.close();
        db = null;
        await rm(file, { force: true });
        return { result, published: null, base, adopted, ignoredFile };
      }
      const closing = db;
      db = null;
      await closeCheckpointed(closing, file);
      const summary = [migrationsLine(opened.applied), options.summary?.(result) ?? '']
        .filter(Boolean)
        .join('; ');
      const note: SnapshotNote = {
        createdAt: new Date().toISOString(),
        by: options.command,
        base: base?.file ?? null,
        summary,
      };
      await store.publish(file, name, note);
      await store.prune();
      return { result, published: name, base, adopted, ignoredFile };
    } catch (error) {
      await db?.close().catch(() => {});
      await rm(file, { force: true });
      await rm(`${file}.wal`, { force: true });
      throw error;
    }
  } finally {
    await lock.release();
  }
}
