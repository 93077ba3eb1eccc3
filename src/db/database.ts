import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { DuckDBDriver } from './kysely-duckdb-driver.js';
import { DuckDBPool, type PoolOptions } from './duckdb-pool.js';
import type { Database } from './tables.js';

/** The pool and a Kysely over it: what the rest of jixiao gets from `src/db`. */
export interface Db {
  pool: DuckDBPool;
  kysely: Kysely<Database>;
  close(): Promise<void>;
}

/** Opens a database file with a Kysely over our DuckDB pool. */
export async function openDatabase(options: PoolOptions): Promise<Db> {
  const pool = await DuckDBPool.open(options);
  const kysely = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DuckDBDriver(pool),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    pool,
    kysely,
    async close() {
      await kysely.destroy();
      await pool.close();
    },
  };
}
