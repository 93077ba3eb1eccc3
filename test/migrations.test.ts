import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { migrate, readMigrations } from '../src/db/migrations.js';
import { SQL_DIR } from '../src/db/prepare-database.js';
import { tempConfig } from './support/temp-database.js';

const configs: ReturnType<typeof tempConfig>[] = [];
afterEach(() => configs.splice(0).forEach((c) => c.cleanup()));

async function freshPool() {
  const config = tempConfig();
  configs.push(config);
  return openDatabase({
    path: config.databasePath,
    readOnly: false,
    size: 1,
    threads: 1,
    memoryLimit: '1GB',
    queryTimeoutMs: 0,
  });
}

describe('migrations', () => {
  it('applies every numbered file of sql/ once and records it', async () => {
    const db = await freshPool();
    const applied = await migrate(db.pool, SQL_DIR);
    const files = await readMigrations(SQL_DIR);
    expect(applied.map((m) => m.version)).toEqual(files.map((m) => m.version));
    const { rows } = await db.pool.query(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(files.map((m) => m.version));
    await db.close();
  });

  it('is safe to run twice: the second run applies nothing', async () => {
    const db = await freshPool();
    await migrate(db.pool, SQL_DIR);
    expect(await migrate(db.pool, SQL_DIR)).toEqual([]);
    await db.close();
  });

  it('refuses a database whose applied migration was edited since', async () => {
    const db = await freshPool();
    await migrate(db.pool, SQL_DIR);
    await db.pool.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
    await expect(migrate(db.pool, SQL_DIR)).rejects.toThrowError(
      /migration 1 \(core\) changed after it was applied/,
    );
    await db.close();
  });
});
