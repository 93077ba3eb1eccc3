import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBPool } from './duckdb-pool.js';

/** One numbered SQL file of `sql/`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Raised when an applied migration's file has changed since: the database and code disagree. */
export class MigrationChecksumError extends Error {
  constructor(migration: Migration) {
    super(
      `migration ${migration.version} (${migration.name}) changed after it was applied; ` +
        'add a new numbered migration instead of editing an applied one',
    );
    this.name = 'MigrationChecksumError';
  }
}

/** Reads `NNN_name.sql` files from a folder, in version order. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+_.+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const sql = await readFile(join(dir, file), 'utf8');
    migrations.push({
      version: Number.parseInt(file, 10),
      name: file.replace(/^\d+_/, '').replace(/\.sql$/, ''),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  return migrations;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
 * Safe to run twice: applied versions are skipped after their checksum is verified.
 */
export async function migrate(pool: DuckDBPool, dir: string): Promise<Migration[]> {
  const migrations = await readMigrations(dir);
  return pool.withConnection(async (connection) => {
    await connection.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL,
      applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
    const { rows } = await connection.query('SELECT version, checksum FROM schema_migrations');
    const applied = new Map(rows.map((r) => [Number(r.version), String(r.checksum)]));
    const done: Migration[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) throw new MigrationChecksumError(migration);
        continue;
      }
      await connection.query('BEGIN TRANSACTION');
      try {
        await connection.query(migration.sql);
        await connection.query(
          'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
          [migration.version, migration.name, migration.checksum],
        );
        await connection.query('COMMIT');
      } catch (error) {
        await connection.query('ROLLBACK');
        throw new Error(
          `migration ${migration.version} (${migration.name}) failed: ${String(error)}`,
        );
      }
      done.push(migration);
    }
    return done;
  });
}

/** Raised when a database is not at the code's migrations, so that it cannot be served as it is. */
export class MigrationMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationMismatchError';
  }
}

/** A migration as a database records it in `schema_migrations`. */
export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/**
 * What keeps a database with these applied migrations from being served by code with
 * `migrations`: one it does not know (a newer version wrote it), one it lacks (an older version
 * wrote it), or one changed since it was applied; null when they agree.
 */
export function migrationMismatch(
  applied: readonly AppliedMigration[],
  migrations: readonly Migration[],
): MigrationMismatchError | MigrationChecksumError | null {
  const byVersion = new Map(applied.map((r) => [r.version, r]));
  const known = new Set(migrations.map((m) => m.version));
  const unknown = applied.filter((r) => !known.has(r.version));
  if (unknown.length > 0)
    return new MigrationMismatchError(
      `it has migration ${unknown.map((r) => `${r.version} (${r.name})`).join(', ')} ` +
        'that this jixiao does not know: it was written by a newer version; upgrade the server',
    );
  const missing = migrations.filter((m) => !byVersion.has(m.version));
  if (missing.length > 0)
    return new MigrationMismatchError(
      `it lacks migration ${missing.map((m) => `${m.version} (${m.name})`).join(', ')}: ` +
        'it was written by an older version; any writing command of this version (or a restart) applies them',
    );
  const changed = migrations.find((m) => byVersion.get(m.version)!.checksum !== m.checksum);
  return changed ? new MigrationChecksumError(changed) : null;
}

/**
 * Checks, without writing, that a database has exactly the migrations of `dir` applied, with
 * the same checksums: what a read-only server needs before it serves a snapshot that another
 * process wrote (perhaps a CLI of another jixiao version).
 */
export async function checkMigrations(pool: DuckDBPool, dir: string): Promise<void> {
  const migrations = await readMigrations(dir);
  let rows;
  try {
    ({ rows } = await pool.query('SELECT version, name, checksum FROM schema_migrations'));
  } catch {
    throw new MigrationMismatchError('not a jixiao database: it has no schema_migrations table');
  }
  const applied = rows.map((r) => ({
    version: Number(r.version),
    name: String(r.name),
    checksum: String(r.checksum),
  }));
  const mismatch = migrationMismatch(applied, migrations);
  if (mismatch) throw mismatch;
}
