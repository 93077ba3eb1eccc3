import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { openDatabase, type Db } from './database.js';
import { migrate } from './migrations.js';

/** The `sql/` folder of this checkout, wherever the process was started. */
export const SQL_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));

/** Opens the database file for writing (creating it and its folder if absent) and migrates it. */
export async function openWriter(config: Config): Promise<Db> {
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
    await migrate(db.pool, SQL_DIR);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Opens the database file read-only and locked down, for the API. */
export async function openReader(config: Config): Promise<Db> {
  return openDatabase({
    path: config.databasePath,
    readOnly: true,
    size: config.poolSize,
    threads: config.duckdbThreads,
    memoryLimit: config.duckdbMemoryLimit,
    queryTimeoutMs: config.queryTimeoutMs,
  });
}
