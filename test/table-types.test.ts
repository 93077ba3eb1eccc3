import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tempDatabase } from './support/temp-database.js';

/**
 * src/db/tables.ts types the rows Kysely reads and writes; the migrations in sql/ make the
 * tables. Nothing at run time ties the two, so this test reads the interfaces with the
 * TypeScript compiler and compares them with information_schema of a freshly migrated database.
 */

const TABLES_FILE = 'src/db/tables.ts';

/** What a column holds, in the terms both sides can be reduced to. */
type Kind = 'text' | 'number' | 'decimal' | 'boolean' | 'text[]';

interface Column {
  kind: Kind;
  nullable: boolean;
}

type Tables = Record<string, Record<string, Column>>;

/** The tables of the `Database` interface, their columns and kinds, as declared in tables.ts. */
function declaredTables(): Tables {
  const program = ts.createProgram([TABLES_FILE], { strict: true });
  const source = program.getSourceFile(TABLES_FILE)!;
  const aliases = new Map<string, string>();
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type.getText(source));
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const kindOf = (text: string): Kind => {
    if (text === 'Decimal') return 'decimal';
    if (text === 'string') return 'text';
    if (text === 'string[]') return 'text[]';
    if (text === 'number') return 'number';
    const generated = /^Generated<(.+)>$/.exec(text);
    // A column with a default: Kysely may leave it out of an insert.
    if (generated) return kindOf(generated[1]!);
    if (text === 'boolean') return 'boolean';
    // A union of string literals ('DUTY' | 'MANAGEMENT'), named or not, is text with a CHECK.
    const literals = aliases.get(text) ?? text;
    if (/^'[^']*'( \| '[^']*')*$/.test(literals)) return 'text';
    throw new Error(`${TABLES_FILE}: no column kind for type ${text}`);
  };
  const columnsOf = (name: string): Record<string, Column> => {
    const declaration = interfaces.get(name);
    if (!declaration) throw new Error(`${TABLES_FILE}: interface ${name} not found`);
    const columns: Record<string, Column> = {};
    for (const clause of declaration.heritageClauses ?? []) {
      for (const base of clause.types) Object.assign(columns, columnsOf(base.getText(source)));
    }
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const parts = member.type
        .getText(source)
        .split('|')
        .map((p) => p.trim());
      const nullable = parts.includes('null');
      columns[member.name.getText(source)] = {
        kind: kindOf(parts.filter((p) => p !== 'null').join(' | ')),
        nullable,
      };
    }
    return columns;
  };
  const tables: Tables = {};
  for (const member of interfaces.get('Database')!.members) {
    if (ts.isPropertySignature(member) && member.type) {
      tables[member.name.getText(source)] = columnsOf(member.type.getText(source));
    }
  }
  return tables;
}

function kindOfDuckDB(dataType: string): Kind {
  if (dataType === 'VARCHAR') return 'text';
  if (dataType === 'VARCHAR[]') return 'text[]';
  if (dataType === 'BOOLEAN') return 'boolean';
  if (dataType.startsWith('DECIMAL')) return 'decimal';
  // The driver's value mapper returns timestamps as ISO strings.
  if (dataType.startsWith('TIMESTAMP')) return 'text';
  if (['INTEGER', 'BIGINT', 'HUGEINT', 'SMALLINT', 'DOUBLE', 'FLOAT'].includes(dataType))
    return 'number';
  throw new Error(`no column kind for DuckDB type ${dataType}`);
}

let t: Awaited<ReturnType<typeof tempDatabase>>;
let migrated: Tables;
beforeAll(async () => {
  t = await tempDatabase();
  const { rows } = await t.db.pool.query(`
    SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
    FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'main' AND t.table_type = 'BASE TABLE'
      AND c.table_name <> 'schema_migrations'
    ORDER BY c.table_name, c.ordinal_position`);
  migrated = {};
  for (const row of rows) {
    const table = (migrated[String(row.table_name)] ??= {});
    table[String(row.column_name)] = {
      kind: kindOfDuckDB(String(row.data_type)),
      nullable: row.is_nullable === 'YES',
    };
  }
});
afterAll(async () => t.close());

/** Every column of either side that `differs` reports on, as a list of readable lines. */
function mismatches(
  declared: Tables,
  differs: (table: string, column: string, d?: Column, m?: Column) => string | null,
): string[] {
  const found: string[] = [];
  for (const table of Object.keys(migrated)) {
    const names = new Set([
      ...Object.keys(declared[table] ?? {}),
      ...Object.keys(migrated[table]!),
    ]);
    for (const name of names) {
      const line = differs(table, name, declared[table]?.[name], migrated[table]![name]);
      if (line) found.push(line);
    }
  }
  return found;
}

/**
 * `report_facts` is made by CREATE TABLE AS from its definition (sql/005), so DuckDB records
 * every column as nullable; tables.ts says which the definition never leaves NULL (coalesce).
 */
const DERIVED_TABLES = new Set(['report_facts']);

describe('src/db/tables.ts against the migrated schema', () => {
  it('declares exactly the tables the migrations create', () => {
    expect(Object.keys(declaredTables()).sort()).toEqual(Object.keys(migrated).sort());
  });

  it('declares every column of every table, with its kind', () => {
    const declared = declaredTables();
    expect(
      mismatches(declared, (table, name, d, m) =>
        d?.kind === m?.kind ? null : `${table}.${name}: declared ${d?.kind}, migrated ${m?.kind}`,
      ),
    ).toEqual([]);
  });

  it('declares a column nullable exactly where the table allows NULL', () => {
    const declared = declaredTables();
    expect(
      mismatches(declared, (table, name, d, m) =>
        DERIVED_TABLES.has(table) || !d || !m || d.nullable === m.nullable
          ? null
          : `${table}.${name}: declared ${d.nullable ? 'nullable' : 'NOT NULL'}, migrated ${m.nullable ? 'nullable' : 'NOT NULL'}`,
      ),
    ).toEqual([]);
  });

  it('holds no NULL in a derived column declared NOT NULL, for the real report', async () => {
    const text = realReportText();
    await loadReport(t.db.kysely, parseReport(text, REAL_REPORT_FILE), text);
    const declared = declaredTables();
    for (const table of DERIVED_TABLES) {
      const notNull = Object.entries(declared[table]!).filter(([, c]) => !c.nullable);
      expect(notNull.length).toBeGreaterThan(0);
      const counts = notNull.map(
        ([name]) => `count(*) FILTER (WHERE "${name}" IS NULL) AS "${name}"`,
      );
      const { rows } = await t.db.pool.query(
        `SELECT count(*) AS rows, ${counts.join(', ')} FROM ${table}`,
      );
      const { rows: total, ...nulls } = rows[0]!;
      expect(Number(total)).toBe(1);
      expect(Object.values(nulls).map(Number)).toEqual(notNull.map(() => 0));
    }
  });
});
