import { chmod, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { syncPath, writeFileAtomic } from './durable-file.js';
import {
  isBuildingLeftover,
  parseSnapshotName,
  sequenceOf,
  snapshotLayout,
  snapshotName,
  type SnapshotLayout,
  type SnapshotName,
} from './snapshot-layout.js';

/** What the pointer file says: the snapshot served, since when, and who made it current. */
export interface Pointer {
  snapshot: string;
  since: string;
  by: string;
}

/** Written beside each snapshot when it is published: where it came from, for `snapshot list`. */
export interface SnapshotNote {
  createdAt: string;
  /** The command that wrote it: `ingest`, `import`, `generate`, `start-up`, `adopt`. */
  by: string;
  /** The snapshot it was copied from (null for the first). */
  base: string | null;
  /** What changed, in the command's words (`2 inserted, 0 replaced`). */
  summary: string;
}

/** One snapshot of the folder, newest first in listings. */
export interface SnapshotEntry {
  name: SnapshotName;
  path: string;
  bytes: number;
  current: boolean;
  note: SnapshotNote | null;
}

/** Raised when the pointer file cannot be read as one: the folder needs a person's look. */
export class SnapshotStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotStoreError';
  }
}

const noteFile = (layout: SnapshotLayout, name: SnapshotName) =>
  join(layout.dir, `${name.version}.json`);

/**
 * The snapshot folder of one database: immutable DuckDB files, each a complete consistent
 * database, and a pointer naming the one the API serves. Readers only read the pointer and open
 * the file it names; everything that changes the folder (publish, repoint, prune, clean up)
 * runs under the writer lock (writer-lock.ts), which the caller holds.
 */
export class SnapshotStore {
  constructor(
    readonly layout: SnapshotLayout,
    /** Snapshots kept besides the current one when pruning. */
    readonly kept: number,
  ) {}

  static of(config: { databasePath: string; snapshotsKept: number }): SnapshotStore {
    return new SnapshotStore(snapshotLayout(config.databasePath), config.snapshotsKept);
  }

  path(name: SnapshotName): string {
    return join(this.layout.dir, name.file);
  }

  async ensureFolder(): Promise<void> {
    await mkdir(this.layout.dir, { recursive: true });
  }

  /** The pointer, or null when nothing has been published yet. */
  async pointer(): Promise<Pointer | null> {
    let text: string;
    try {
      text = await readFile(this.layout.pointer, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let pointer: Pointer;
    try {
      pointer = JSON.parse(text) as Pointer;
    } catch {
      throw new SnapshotStoreError(`${this.layout.pointer} is not JSON: ${text.slice(0, 80)}`);
    }
    if (typeof pointer?.snapshot !== 'string' || !parseSnapshotName(pointer.snapshot))
      throw new SnapshotStoreError(
        `${this.layout.pointer} does not name a snapshot file: ${text.slice(0, 80)}`,
      );
    return pointer;
  }

  /** The snapshot the API serves, or null when nothing has been published yet. */
  async current(): Promise<SnapshotName | null> {
    const pointer = await this.pointer();
    return pointer ? parseSnapshotName(pointer.snapshot) : null;
  }

  /** Every published snapshot, newest (highest sequence number) first. */
  async list(): Promise<SnapshotEntry[]> {
    let files: string[];
    try {
      files = await readdir(this.layout.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const current = await this.current();
    const names = files
      .map(parseSnapshotName)
      .filter((n): n is SnapshotName => n !== null)
      .sort((a, b) => b.seq - a.seq);
    const entries: SnapshotEntry[] = [];
    for (const name of names) {
      const path = this.path(name);
      // A writer may prune while this lists without the lock: a file gone is left out.
      const bytes = await stat(path).then(
        (s) => s.size,
        () => null,
      );
      if (bytes === null) continue;
      const note = await readFile(noteFile(this.layout, name), 'utf8').then(
        (t) => JSON.parse(t) as SnapshotNote,
        () => null,
      );
      entries.push({ name, path, bytes, current: name.file === current?.file, note });
    }
    return entries;
  }

  /** The name for the next snapshot: one past the highest number ever used in the folder. */
  async nextName(at: Date = new Date()): Promise<SnapshotName> {
    const seqs = (await readdir(this.layout.dir)).map(sequenceOf);
    const current = await this.current();
    return snapshotName(Math.max(0, current?.seq ?? 0, ...seqs) + 1, at);
  }

  /**
   * Publishes a finished, closed database file as snapshot `name`: moved to its name, made
   * read-only, its note written, then the pointer swapped to it, each step synced to disk first.
   * Readers see the old snapshot or the new one, never a part of one.
   */
  async publish(file: string, name: SnapshotName, note: SnapshotNote): Promise<void> {
    const path = this.path(name);
    await syncPath(file);
    await rename(file, path);
    // Published snapshots are never written again; the mode says so to any other program.
    await chmod(path, 0o444);
    await writeFileAtomic(
      noteFile(this.layout, name),
      JSON.stringify(note, null, 2),
      this.layout.dir,
    );
    await this.repoint(name, note.by);
  }

  /** Points the API at a published snapshot (a publish, or a rollback). */
  async repoint(name: SnapshotName, by: string): Promise<void> {
    const pointer: Pointer = { snapshot: name.file, since: new Date().toISOString(), by };
    await writeFileAtomic(
      this.layout.pointer,
      JSON.stringify(pointer, null, 2) + '\n',
      this.layout.dir,
    );
  }

  /**
   * Deletes snapshots beyond the current one and the `kept` newest others, with their notes. A
   * server still reading a deleted file keeps reading it (the system frees it when the last
   * reader closes it); where the system refuses to delete an open file, the next prune retries.
   */
  async prune(): Promise<SnapshotName[]> {
    // Pruning is housekeeping after a publish: it never fails the writer that published.
    const entries = await this.list().catch(() => []);
    const others = entries.filter((e) => !e.current);
    const removed: SnapshotName[] = [];
    for (const entry of others.slice(this.kept)) {
      try {
        await chmod(entry.path, 0o644);
        await rm(entry.path);
        await rm(noteFile(this.layout, entry.name), { force: true });
        removed.push(entry.name);
      } catch {
        // in use where open files cannot be deleted: tried again at the next publish
      }
    }
    return removed;
  }

  /** Removes what writers that died left half built (only while holding the writer lock). */
  async clearLeftovers(): Promise<void> {
    for (const file of await readdir(this.layout.dir))
      if (isBuildingLeftover(file)) await rm(join(this.layout.dir, file), { force: true });
  }
}
