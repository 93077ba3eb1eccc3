import type { Reader } from './reader.js';

/** The aliases of one department: other names its reports' titles may use, by name. */
export async function aliasesOf(db: Reader, code: string): Promise<string[]> {
  const rows = await db
    .selectFrom('department_aliases')
    .select('alias')
    .where('department_code', '=', code)
    .orderBy('alias')
    .execute();
  return rows.map((r) => r.alias);
}
