import { basename, dirname, extname, join } from 'node:path';

/**
 * Where one database's files live. `JIXIAO_DB` (`data/jixiao.duckdb`) names the database; its
 * snapshots live in a folder beside it named after it (`data/jixiao.snapshots/`), so that several
 * databases can share a data folder and one folder holds everything to back up or delete.
 */
export interface SnapshotLayout {
  /** The folder of snapshot files, the pointer, the writer lock and files being built. */
  readonly dir: string;
  /** `current.json`: the name of the snapshot the API serves. */
  readonly pointer: string;
  /** `writer.lock`: held by the one writer at work. */
  readonly lock: string;
  /**
   * The single database file of earlier versions (the `JIXIAO_DB` path itself): adopted as the
   * first snapshot when the folder has none.
   */
  readonly legacyFile: string;
}

export function snapshotLayout(databasePath: string): SnapshotLayout {
  const stem = basename(databasePath, extname(databasePath));
  const dir = join(dirname(databasePath), `${stem}.snapshots`);
  return {
    dir,
    pointer: join(dir, 'current.json'),
    lock: join(dir, 'writer.lock'),
    legacyFile: databasePath,
  };
}

/** A published snapshot's file name: when it was begun (UTC) and its sequence number. */
export interface SnapshotName {
  /** `20261130T165244Z-7.duckdb` */
  readonly file: string;
  /** `20261130T165244Z-7`: the data version the API reports. */
  readonly version: string;
  /** Increases with every snapshot of the folder: the order of snapshots, whatever the clock. */
  readonly seq: number;
}

const NAME = /^(\d{8}T\d{6}Z)-(\d+)\.duckdb$/;

/** The name of snapshot number `seq`, begun at `at`. */
export function snapshotName(seq: number, at: Date): SnapshotName {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const version = `${stamp}-${seq}`;
  return { file: `${version}.duckdb`, version, seq };
}

/** Reads a snapshot file name; anything else in the folder (files being built, notes) is null. */
export function parseSnapshotName(file: string): SnapshotName | null {
  const match = NAME.exec(file);
  if (!match) return null;
  return { file, version: file.replace(/\.duckdb$/, ''), seq: Number(match[2]) };
}

/**
 * The sequence number in any file of the folder named after a snapshot (the snapshot, its note,
 * a partial build), or 0. The newest snapshot is never pruned, so numbers only grow.
 */
export function sequenceOf(file: string): number {
  const match = /^\d{8}T\d{6}Z-(\d+)\./.exec(file);
  return match ? Number(match[1]) : 0;
}

/**
 * The file a writer builds a snapshot in before publishing it: a name no listing takes for a
 * snapshot, so an unfinished file can never be served or rolled back to.
 */
export function buildingFile(layout: SnapshotLayout, name: SnapshotName): string {
  return join(layout.dir, `${name.file}.partial`);
}

/**
 * What a writer leaves behind when it dies mid-build: the partial file and its WAL, or a note
 * or pointer half written (durable-file.ts's `<file>.<pid>.tmp`).
 */
export function isBuildingLeftover(file: string): boolean {
  return /\.duckdb\.partial(\.wal)?$/.test(file) || /\.json\.\d+\.tmp$/.test(file);
}

/**
 * The database whose snapshot `path` is (`data/jixiao.duckdb` for
 * `data/jixiao.snapshots/20261130T165244Z-7.duckdb`), or null for any other path: a writer
 * refuses a snapshot named as its database.
 */
export function snapshotOwner(path: string): string | null {
  const dir = dirname(path);
  if (!parseSnapshotName(basename(path)) || !dir.endsWith('.snapshots')) return null;
  return join(dirname(dir), `${basename(dir, '.snapshots')}.duckdb`);
}
