import { sql } from 'kysely';
import type { Reader } from '../analytics/reader.js';
import { migrationMismatch, readMigrations, type AppliedMigration } from '../db/migrations.js';

/** Whether the app may be sent requests, as `GET /readyz` says it. */
export interface Readiness {
  ready: boolean;
  /** Why not, when not ready. */
  reason: string | null;
  /** Migrations the served database has applied, and the ones this code has. */
  migrations: { applied: number; expected: number };
}

/**
 * Reads the served database's migrations and compares them with the code's (`sqlDir`): ready
 * when they are the same, with the same checksums. Run at start and after each data swap, not
 * per request: a snapshot never changes once served.
 */
export async function checkReadiness(db: Reader, sqlDir: string): Promise<Readiness> {
  const migrations = await readMigrations(sqlDir);
  let applied: AppliedMigration[];
  try {
    const { rows } = await sql<{ version: unknown; name: unknown; checksum: unknown }>`
      SELECT version, name, checksum FROM schema_migrations`.execute(db);
    applied = rows.map((r) => ({
      version: Number(r.version),
      name: String(r.name),
      checksum: String(r.checksum),
    }));
  } catch (error) {
    return {
      ready: false,
      reason: `the database cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      migrations: { applied: 0, expected: migrations.length },
    };
  }
  const mismatch = migrationMismatch(applied, migrations);
  return {
    ready: mismatch === null,
    reason: mismatch ? `migrations not current: ${mismatch.message}` : null,
    migrations: { applied: applied.length, expected: migrations.length },
  };
}

/** What `/readyz` says once the app is stopping: it answers the requests it has, takes no more. */
export function shuttingDown(readiness: Readiness): Readiness {
  return { ...readiness, ready: false, reason: 'shutting down' };
}
