import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * A digest of the stored department registry (departments and aliases, in any order): compared
 * before and after registering, it says whether registering changed anything, which the
 * registry's upsert cannot tell. A writer that changed nothing publishes no new snapshot.
 */
export async function registryFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`
    SELECT concat_ws('/',
      (SELECT count(*) FROM departments),
      (SELECT coalesce(sum(hash(code, name, sector, level, synthetic)), 0) FROM departments),
      (SELECT count(*) FROM department_aliases),
      (SELECT coalesce(sum(hash(alias, department_code)), 0) FROM department_aliases)
    ) AS fingerprint`.execute(db);
  return rows[0]!.fingerprint;
}
