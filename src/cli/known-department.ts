import type { Config } from '../config.js';
import { readDepartmentRegistry } from '../ingest/load/department-registry.js';
import { openReaderForCli } from './open-reader.js';

/** Where a department code was found; or where it was looked for, and what could not be read. */
export type DepartmentLookup =
  | { known: true; where: 'registry' | 'database' }
  | { known: false; searched: string[]; unreadable: string[] };

/**
 * Whether a department code exists, for a DEPARTMENT token about to be created: a token for a
 * mistyped code would open nothing and fail silently. The registry CSV is read first: it is
 * always readable, also while a server holds the database. The database is asked next, read-only,
 * because it also holds departments that never were in the registry (the synthetic demo, imports,
 * ingests with another registry); when it cannot be opened (absent, or held by a writer) the
 * registry's answer stands, and the caller is told what could not be read. The database is the
 * current snapshot, read as `export` reads it, so this runs while a server serves.
 */
export async function lookUpDepartment(
  code: string,
  config: Config,
  registryCsv: string,
): Promise<DepartmentLookup> {
  const searched: string[] = [];
  const unreadable: string[] = [];
  const firstLine = (error: unknown) => (error as Error).message.split('\n')[0];
  try {
    const registry = await readDepartmentRegistry(registryCsv);
    if (registry.some((d) => d.code === code)) return { known: true, where: 'registry' };
    searched.push(`the registry ${registryCsv}`);
  } catch (error) {
    unreadable.push(`the registry: ${firstLine(error)}`);
  }
  let opened;
  try {
    opened = await openReaderForCli(config);
  } catch (error) {
    unreadable.push(`the database: ${firstLine(error)}`);
    return { known: false, searched, unreadable };
  }
  try {
    const row = await opened.db.kysely
      .selectFrom('departments')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    if (row) return { known: true, where: 'database' };
    searched.push(`the database ${opened.path}`);
    return { known: false, searched, unreadable };
  } finally {
    await opened.db.close();
  }
}
