import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { DuckDBDriver } from './kysely-duckdb-driver.js';
import { DuckDBPool, type PoolOptions, type StatementOptions } from './duckdb-pool.js';
import type { Database } from './tables.js';

/** The pool and a Kysely over it: what the rest of jixiao gets from `src/db`. */
export interface Db {
  pool: DuckDBPool;
  kysely: Kysely<Database>;
  /**
   * A Kysely over the same pool whose every statement carries `statement` (one request's
   * signal, priority and row limit). Cheap: nothing to close.
   */
  readerFor(statement: StatementOptions): Kysely<Database>;
  close(): Promise<void>;
}

function kyselyOver(pool: DuckDBPool, statement?: StatementOptions): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DuckDBDriver(pool, statement),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** Opens a database file with a Kysely over our DuckDB pool. */
export async function openDatabase(options: PoolOptions): Promise<Db> {
  const pool = await DuckDBPool.open(options);
  const kysely = kyselyOver(pool);
  return {
    pool,
    kysely,
    readerFor: (statement) => kyselyOver(pool, statement),
    async close() {
      await kysely.destroy();
      await pool.close();
    },
  };
}
