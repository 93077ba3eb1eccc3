import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { openWriter } from '../db/prepare-database.js';

/**
 * Opens the database for writing, with a clear message when another process holds it: DuckDB
 * lets one writer or several readers at a time, so a running server must stop first.
 */
export async function openWriterForCli(config: Config): Promise<Db> {
  try {
    return await openWriter(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message)) {
      throw new Error(
        `${config.databasePath} is in use by another process (a running jixiao server?); stop it and try again`,
      );
    }
    throw error;
  }
}
