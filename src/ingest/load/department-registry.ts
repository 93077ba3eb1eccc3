import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database, DepartmentLevel } from '../../db/tables.js';
import { parseCsv } from './csv.js';

/** One registered department (seeds/departments.csv). */
export interface DepartmentEntry {
  code: string;
  name: string;
  aliases: string[];
  sector: string | null;
  level: DepartmentLevel;
  synthetic: boolean;
}

const LEVELS: readonly DepartmentLevel[] = ['PROVINCIAL', 'MUNICIPAL', 'DISTRICT', 'COUNTY'];
const COLUMNS = ['code', 'name', 'aliases', 'sector', 'level', 'synthetic'] as const;

/** Raised for a registry row that cannot be used; names the file, row and column. */
export class RegistryError extends Error {
  constructor(file: string, row: number, column: string, detail: string) {
    super(`${file}: row ${row}, column ${column}: ${detail}`);
    this.name = 'RegistryError';
  }
}

/** Reads and validates the department registry CSV (code,name,aliases,sector,level,synthetic). */
export async function readDepartmentRegistry(file: string): Promise<DepartmentEntry[]> {
  const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
  if (!header || COLUMNS.some((c, i) => header[i]?.trim() !== c)) {
    throw new RegistryError(file, 1, 'header', `expected "${COLUMNS.join(',')}"`);
  }
  const codes = new Set<string>();
  return rows.map((cells, index) => {
    const row = index + 2;
    const [code = '', name = '', aliases = '', sector = '', level = '', synthetic = ''] = cells.map(
      (c) => c.trim(),
    );
    if (!/^[a-z0-9][a-z0-9-]*$/.test(code))
      throw new RegistryError(file, row, 'code', `"${code}" is not a lower-case code`);
    if (codes.has(code)) throw new RegistryError(file, row, 'code', `"${code}" appears twice`);
    codes.add(code);
    if (!name) throw new RegistryError(file, row, 'name', 'empty');
    if (!LEVELS.includes(level as DepartmentLevel)) {
      throw new RegistryError(file, row, 'level', `"${level}" is not one of ${LEVELS.join(', ')}`);
    }
    if (!['true', 'false', ''].includes(synthetic)) {
      throw new RegistryError(file, row, 'synthetic', `"${synthetic}" is not true or false`);
    }
    return {
      code,
      name,
      aliases: aliases
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
      sector: sector || null,
      level: level as DepartmentLevel,
      synthetic: synthetic === 'true',
    };
  });
}

/**
 * Writes registry entries in one transaction: new departments are added, known ones updated
 * (name, sector, level), aliases replaced. Running it twice changes nothing.
 */
export async function registerDepartments(
  db: Kysely<Database>,
  entries: readonly DepartmentEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      await trx
        .insertInto('departments')
        .values(
          chunk.map((e) => ({
            code: e.code,
            name: e.name,
            sector: e.sector,
            level: e.level,
            synthetic: e.synthetic,
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            sector: eb.ref('excluded.sector'),
            level: eb.ref('excluded.level'),
            synthetic: eb.ref('excluded.synthetic'),
          })),
        )
        .execute();
    }
    const codes = entries.map((e) => e.code);
    await trx.deleteFrom('department_aliases').where('department_code', 'in', codes).execute();
    const aliases = entries.flatMap((e) =>
      e.aliases.map((alias) => ({ alias, department_code: e.code })),
    );
    if (aliases.length > 0) await trx.insertInto('department_aliases').values(aliases).execute();
  });
}

/** The code of the department a report title names, by name or alias, or null. */
export async function resolveDepartment(
  db: Kysely<Database>,
  name: string,
): Promise<string | null> {
  const byName = await db
    .selectFrom('departments')
    .select('code')
    .where('name', '=', name)
    .executeTakeFirst();
  if (byName) return byName.code;
  const byAlias = await db
    .selectFrom('department_aliases')
    .select('department_code')
    .where('alias', '=', name)
    .executeTakeFirst();
  return byAlias?.department_code ?? null;
}
