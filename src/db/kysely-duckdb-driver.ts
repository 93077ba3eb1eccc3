import type { DuckDBConnection } from '@duckdb/node-api';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { DuckDBPool, Param, StatementOptions } from './duckdb-pool.js';

/**
 * Kysely's driver over our own DuckDB pool. We do not use kysely-duckdb because it opens a new
 * connection per query, cannot cancel a query and leaks DECIMAL objects and local-time DATEs
 * (docs/architecture.md, "DuckDB from Node"); DuckDB speaks PostgreSQL-style SQL, so Kysely's Postgres compiler and adapter
 * fit, and statements share the pool's time limit and value mapper. A driver made for one request
 * passes that request's `StatementOptions` (its signal, heavy or light, row limit) with every
 * statement; the options are read when each statement starts, so they may change in between.
 */
export class DuckDBDriver implements Driver {
  constructor(
    private readonly pool: DuckDBPool,
    private readonly statement: StatementOptions = {},
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new DuckDBKyselyConnection(
      this.pool,
      await this.pool.acquire(this.statement),
      this.statement,
    );
  }

  async beginTransaction(
    connection: DatabaseConnection,
    _settings: TransactionSettings,
  ): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN TRANSACTION'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.pool.release((connection as DuckDBKyselyConnection).connection);
  }

  async destroy(): Promise<void> {}
}

class DuckDBKyselyConnection implements DatabaseConnection {
  constructor(
    private readonly pool: DuckDBPool,
    readonly connection: DuckDBConnection,
    private readonly statement: StatementOptions,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pool.run(
      this.connection,
      compiled.sql,
      compiled.parameters as Param[],
      this.statement,
    );
    return { rows: result.rows as R[], numAffectedRows: BigInt(result.rowsChanged) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported: page in SQL or let DuckDB write the file (COPY)');
  }
}
