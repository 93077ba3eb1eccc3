/**
 * A large SYNTHETIC corpus made in minutes from a generated one: the canonical Parquet files of
 * a generated corpus, written again `copies` times under new department codes and names by
 * DuckDB (bench/README.md, "scale L"). Generating 2 million reports one by one would take hours
 * on this machine; copying their rows takes a few minutes, and the copies are reports like any
 * other to the import, the queries and the server.
 *
 * Copy 0 is the generated corpus itself. Copy k (k >= 1) renames every department: code
 * `demo-d01-gaj` becomes `demo-d01-gaj-r07`, name `示例市东湖示范区公安局` becomes
 * `示例7号市东湖示范区公安局` (and so do aliases and report titles). Every other column is copied
 * as it is: the copies' figures equal the original's, so the corpus is as large as L, not as
 * varied; the benchmark measures size, and its answers are still checked against raw SQL.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CANONICAL_TABLES, sqlPath } from '../src/ingest/canonical-tables.js';
import { SYNTHETIC_CITY } from '../src/synthetic/department-catalog.js';

/** SQL: a department code in copy `copy`. */
function copiedCode(column: string): string {
  return `CASE WHEN copy = 0 THEN ${column} ELSE ${column} || '-r' || lpad(CAST(copy AS VARCHAR), 2, '0') END`;
}

/** SQL: a text naming the synthetic city (a name, an alias, a title), in copy `copy`. */
function copiedName(column: string): string {
  const city = `'${SYNTHETIC_CITY}'`;
  const renamed = `'${SYNTHETIC_CITY.replace(/市$/, '')}' || CAST(copy AS VARCHAR) || '号市'`;
  return `CASE WHEN copy = 0 THEN ${column} ELSE replace(${column}, ${city}, ${renamed}) END`;
}

/** The columns of each table that name a department, and how a copy rewrites them. */
function replacements(table: string): string[] {
  if (table === 'departments')
    return [`${copiedCode('code')} AS code`, `${copiedName('name')} AS name`];
  if (table === 'department_aliases')
    return [
      `${copiedName('alias')} AS alias`,
      `${copiedCode('department_code')} AS department_code`,
    ];
  if (table === 'reports')
    return [
      `${copiedCode('department_code')} AS department_code`,
      `${copiedName('title')} AS title`,
    ];
  return [`${copiedCode('department_code')} AS department_code`];
}

export interface ReplicatedTable {
  table: string;
  rows: number;
}

/**
 * Writes `copies` copies of the canonical Parquet files in `from` (as exportCanonical writes them)
 * to `to`, one Parquet file per table. Returns the rows written per table.
 */
export async function replicateCorpus(
  from: string,
  to: string,
  copies: number,
): Promise<ReplicatedTable[]> {
  if (!Number.isInteger(copies) || copies < 1 || copies > 99)
    throw new RangeError(`copies must be an integer from 1 to 99, got ${copies}`);
  await mkdir(to, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const written: ReplicatedTable[] = [];
    for (const table of CANONICAL_TABLES) {
      const source = sqlPath(join(from, `${table}.parquet`));
      const select = `SELECT * EXCLUDE (copy) REPLACE (${replacements(table).join(', ')})
        FROM read_parquet(${source}), range(${copies}) AS copies(copy)`;
      const result = await connection.run(
        `COPY (${select}) TO ${sqlPath(join(to, `${table}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`,
      );
      written.push({ table, rows: Number(result.rowsChanged) });
    }
    return written;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
