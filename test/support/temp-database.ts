import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import { openWriter } from '../../src/db/prepare-database.js';
import {
  readDepartmentRegistry,
  registerDepartments,
} from '../../src/ingest/load/department-registry.js';

/**
 * A configuration pointing at a fresh database file in its own temporary folder. Its tokens file
 * is in that folder too, absent unless a test creates it: local mode, whatever data/ holds.
 */
export function tempConfig(overrides: Partial<Config> = {}): Config & { cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  return {
    ...loadConfig({}),
    databasePath: join(dir, 'test.duckdb'),
    port: 0,
    loadDemo: false,
    tokensPath: join(dir, 'tokens.json'),
    ...overrides,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A migrated writable database with the seed departments registered. */
export async function tempDatabase(): Promise<{ db: Db; config: Config; close(): Promise<void> }> {
  const config = tempConfig();
  const db = await openWriter(config);
  await registerDepartments(db.kysely, await readDepartmentRegistry(config.departmentsCsv));
  return {
    db,
    config,
    async close() {
      await db.close();
      config.cleanup();
    },
  };
}

/** Row counts of every table: to show a failed load left the database as it was. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.pool.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const result = await db.pool.query(`SELECT count(*) AS n FROM "${String(table_name)}"`);
    counts[String(table_name)] = Number(result.rows[0]!.n);
  }
  return counts;
}
