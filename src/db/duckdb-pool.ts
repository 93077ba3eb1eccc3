import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBConnection,
  DuckDBInstance,
  HUGEINT,
  INTEGER,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { mapRow, type RowValue } from './value-mapper.js';

/** A bound parameter. Lists bind as DuckDB LISTs (`list_contains($1, x)`, `x IN (SELECT unnest($1))`). */
export type Param =
  string | number | boolean | null | bigint | readonly string[] | readonly number[];

function scalarType(value: string | number | boolean | bigint | null): DuckDBType {
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? INTEGER : DOUBLE;
  if (typeof value === 'boolean') return BOOLEAN;
  if (typeof value === 'bigint') return HUGEINT;
  return VARCHAR; // strings, and NULL: a typed NULL casts to whatever the SQL needs
}

/**
 * Binds parameters with explicit types: the client infers types from values but cannot bind a
 * NULL or an array whose type it must guess ("Cannot create values of type ANY").
 */
function bindings(params: readonly Param[]): { values: DuckDBValue[]; types: DuckDBType[] } {
  const values: DuckDBValue[] = [];
  const types: DuckDBType[] = [];
  for (const param of params) {
    if (Array.isArray(param)) {
      const items = param as readonly (string | number)[];
      const itemType =
        items.every((i) => typeof i === 'number') && items.length > 0
          ? items.every((i) => Number.isInteger(i))
            ? BIGINT
            : DOUBLE
          : VARCHAR;
      values.push(listValue(items.map((i) => (itemType === BIGINT ? BigInt(i) : i))));
      types.push(LIST(itemType));
    } else {
      const scalar = param as string | number | boolean | bigint | null;
      values.push(scalar);
      types.push(scalarType(scalar));
    }
  }
  return { values, types };
}

export interface QueryResult {
  rows: Record<string, RowValue>[];
  rowsChanged: number;
}

export interface PoolOptions {
  path: string;
  /** Open read-only with external access off and configuration locked (the API's lockdown). */
  readOnly: boolean;
  size: number;
  threads: number;
  memoryLimit: string;
  /** Interrupt a statement that runs longer than this (0: never). */
  queryTimeoutMs: number;
}

/** Raised to whoever asks a closed pool for a connection, or was still waiting when it closed. */
export class PoolClosedError extends Error {
  constructor() {
    super('the database pool is closed');
    this.name = 'PoolClosedError';
  }
}

/** Raised when a statement ran past the pool's time limit and was interrupted. */
export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`query interrupted after ${timeoutMs} ms (time limit)`);
    this.name = 'QueryTimeoutError';
  }
}

/** A connection lent by the pool; queries on it run in order. */
export interface PooledConnection {
  query(sql: string, params?: readonly Param[]): Promise<QueryResult>;
}

type Listener = (sql: string) => void;

/**
 * The DuckDB instance and a fixed set of connections. Each connection runs one statement at a
 * time, so the pool size bounds concurrency; waiters queue in order. Statements past the time
 * limit are stopped with `interrupt()`, which leaves the connection usable (docs/architecture.md, "DuckDB from Node").
 */
export class DuckDBPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: {
    resolve: (c: DuckDBConnection) => void;
    reject: (error: PoolClosedError) => void;
  }[] = [];
  private readonly listeners = new Set<Listener>();
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly options: PoolOptions,
    connections: DuckDBConnection[],
  ) {
    this.idle.push(...connections);
  }

  /** Opens the database file and the pool's connections. */
  static async open(options: PoolOptions): Promise<DuckDBPool> {
    const settings: Record<string, string> = {
      threads: String(options.threads),
      memory_limit: options.memoryLimit,
    };
    if (options.readOnly) {
      // READ_ONLY alone still lets SQL read and write arbitrary files; the full set closes that.
      Object.assign(settings, {
        access_mode: 'READ_ONLY',
        enable_external_access: 'false',
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        lock_configuration: 'true',
      });
    }
    const instance = await DuckDBInstance.create(options.path, settings);
    const connections: DuckDBConnection[] = [];
    for (let i = 0; i < options.size; i++) connections.push(await instance.connect());
    return new DuckDBPool(instance, options, connections);
  }

  /** Called with the SQL of every statement run (tests count statements with it). */
  onQuery(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one statement on any free connection. */
  async query(sql: string, params: readonly Param[] = []): Promise<QueryResult> {
    return this.withConnection((c) => c.query(sql, params));
  }

  /** Lends one connection for a sequence of statements (a transaction needs one connection). */
  async withConnection<T>(work: (connection: PooledConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work({ query: (sql, params = []) => this.run(connection, sql, params) });
    } finally {
      this.release(connection);
    }
  }

  /** Lends a connection that the caller must give back with `release` (Kysely's driver). */
  async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new PoolClosedError();
    const connection = this.idle.pop();
    if (connection) return connection;
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Gives a connection back to the pool; after close, the connection is closed instead. */
  release(connection: DuckDBConnection): void {
    if (this.closed) {
      connection.closeSync();
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(connection);
    else this.idle.push(connection);
  }

  /** Runs a statement on a lent connection, enforcing the time limit. */
  async run(
    connection: DuckDBConnection,
    sql: string,
    params: readonly Param[],
  ): Promise<QueryResult> {
    for (const listener of this.listeners) listener(sql);
    const timeoutMs = this.options.queryTimeoutMs;
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            connection.interrupt();
          }, timeoutMs)
        : undefined;
    try {
      const bound = params.length > 0 ? bindings(params) : undefined;
      const reader = await connection.runAndReadAll(sql, bound?.values, bound?.types);
      return { rows: reader.getRowObjects().map(mapRow), rowsChanged: reader.rowsChanged };
    } catch (error) {
      if (timedOut) throw new QueryTimeoutError(timeoutMs);
      throw error;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * Closes the idle connections and the instance, and rejects every waiter with
   * PoolClosedError; a connection still lent out is closed when it is released.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new PoolClosedError());
    for (const connection of this.idle.splice(0)) connection.closeSync();
    this.instance.closeSync();
  }
}
