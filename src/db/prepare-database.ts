import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { openDatabase, type Db } from './database.js';
import { migrate, type Migration } from './migrations.js';

/** The `sql/` folder of this checkout, wherever the process was started. */
export const SQL_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));

/**
 * Opens one database file (`config.databasePath`) for writing, creating it and its folder if
 * absent, and migrates it. A single file: a snapshot being built (db/snapshot-writer.ts, which
 * is how jixiao changes its data), a scratch database, or a test's. It never opens the
 * published snapshots of a `JIXIAO_DB`: those are read-only for good.
 */
export async function openWriter(config: Config): Promise<Db> {
  return (await openMigratedWriter(config)).db;
}

/** As openWriter, also saying which migrations it applied (a change to publish). */
export async function openMigratedWriter(
  config: Config,
): Promise<{ db: Db; applied: Migration[] }> {
  if (config.databasePath !== ':memory:')
    await mkdir(dirname(config.databasePath), { recursive: true });
  const db = await openDatabase({
    path: config.databasePath,
    readOnly: false,
    size: 1,
    threads: config.duckdbThreads,
    memoryLimit: config.duckdbMemoryLimit,
    queryTimeoutMs: 0,
  });
  try {
    return { db, applied: await migrate(db.pool, SQL_DIR) };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Opens one database file (`config.databasePath`) read-only and locked down, for the API; the
 * server opens each snapshot it serves with it (db/live-database.ts).
 */
export async function openReader(config: Config): Promise<Db> {
  return openDatabase({
    path: config.databasePath,
    readOnly: true,
    size: config.poolSize,
    threads: config.duckdbThreads,
    memoryLimit: config.duckdbMemoryLimit,
    queryTimeoutMs: config.queryTimeoutMs,
    lightConnections: config.lightConnections,
  });
}
