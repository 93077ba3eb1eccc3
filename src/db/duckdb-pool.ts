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
  /**
   * With `readOnly`: keep external access on and the configuration open, for a CLI command that
   * reads a published snapshot and writes files with COPY (`jixiao export`). Never for the API.
   */
  withoutLockdown?: boolean;
  size: number;
  threads: number;
  memoryLimit: string;
  /** Interrupt a statement that runs longer than this (0: never). */
  queryTimeoutMs: number;
  /**
   * Connections kept for light work: heavy statements hold at most `size - lightConnections` of
   * them (at least one), so a point lookup never waits for a connection behind heavy analytics.
   */
  lightConnections?: number;
}

/** What one statement's caller asks of the pool beyond the SQL (all optional). */
export interface StatementOptions {
  /**
   * Gives up when aborted: a caller waiting for a connection leaves the queue, a running
   * statement is interrupted, and the promise rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
  /** Heavy work: on at most `size - lightConnections` connections, taking turns with light work. */
  readonly heavy?: boolean;
  /** Refuse a result of more rows than this, before converting any (RowLimitError). */
  readonly maxRows?: number;
  /**
   * Told of each statement once it has run or failed: how one request tallies its statements,
   * rows and DuckDB time for its log line and the metrics, without a listener on the whole pool.
   */
  readonly onStatement?: (statement: StatementDone) => void;
}

/** One statement as its caller's `onStatement` hears of it. */
export interface StatementDone {
  /** Rows the statement returned (0 when it failed). */
  rows: number;
  /** Time from the start of the statement to its last row converted, in milliseconds. */
  durationMs: number;
  /** It raised an error: its own, the time limit, or the caller's signal. */
  failed: boolean;
}

/** What the pool is doing, for tests and load reports. */
export interface PoolStats {
  size: number;
  idle: number;
  /** Connections lent to heavy work. */
  heavy: number;
  /** Callers waiting for a connection. */
  waiting: number;
  /** Statements stopped by their caller's signal since the pool opened. */
  interrupted: number;
  /** Statements stopped by the time limit since the pool opened. */
  timedOut: number;
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

/** Raised when a statement's result has more rows than its caller accepts. */
export class RowLimitError extends Error {
  constructor(
    readonly maxRows: number,
    readonly rows: number,
  ) {
    super(`a statement returned ${rows} rows, more than the limit of ${maxRows}`);
    this.name = 'RowLimitError';
  }
}

/** A connection lent by the pool; queries on it run in order. */
export interface PooledConnection {
  query(sql: string, params?: readonly Param[]): Promise<QueryResult>;
}

type Listener = (sql: string) => void;

interface Waiter {
  heavy: boolean;
  resolve: (connection: DuckDBConnection) => void;
  reject: (error: unknown) => void;
}

/**
 * The DuckDB instance and a fixed set of connections. Each connection runs one statement at a
 * time, so the pool size bounds concurrency. Waiters are served in order; heavy work never holds
 * the connections kept for light work, and takes turns with light work for the others. Statements past
 * the time limit, or whose caller's signal aborts, are stopped with `interrupt()`, which leaves
 * the connection usable (docs/architecture.md, "DuckDB from Node"). Results are converted one
 * chunk (2,048 rows) at a time, each fetched asynchronously, so a large result never holds the
 * event loop for long.
 */
export class DuckDBPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: Waiter[] = [];
  private readonly lentToHeavy = new Set<DuckDBConnection>();
  private readonly listeners = new Set<Listener>();
  private readonly maxHeavy: number;
  private interrupted = 0;
  private timedOut = 0;
  /** Whether heavy work has the next connection that light and heavy work both wait for. */
  private heavyTurn = false;
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly options: PoolOptions,
    connections: DuckDBConnection[],
  ) {
    this.idle.push(...connections);
    this.maxHeavy = Math.max(1, options.size - (options.lightConnections ?? 0));
  }

  /** Opens the database file and the pool's connections. */
  static async open(options: PoolOptions): Promise<DuckDBPool> {
    const settings: Record<string, string> = {
      threads: String(options.threads),
      memory_limit: options.memoryLimit,
    };
    if (options.readOnly && options.withoutLockdown) settings.access_mode = 'READ_ONLY';
    else if (options.readOnly) {
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

  /** What the pool is doing now, and how many statements it has stopped. */
  stats(): PoolStats {
    return {
      size: this.options.size,
      idle: this.idle.length,
      heavy: this.lentToHeavy.size,
      waiting: this.waiting.length,
      interrupted: this.interrupted,
      timedOut: this.timedOut,
    };
  }

  /** Runs one statement on any free connection. */
  async query(
    sql: string,
    params: readonly Param[] = [],
    options: StatementOptions = {},
  ): Promise<QueryResult> {
    return this.withConnection((c) => c.query(sql, params), options);
  }

  /** Lends one connection for a sequence of statements (a transaction needs one connection). */
  async withConnection<T>(
    work: (connection: PooledConnection) => Promise<T>,
    options: StatementOptions = {},
  ): Promise<T> {
    const connection = await this.acquire(options);
    try {
      return await work({
        query: (sql, params = []) => this.run(connection, sql, params, options),
      });
    } finally {
      this.release(connection);
    }
  }

  /**
   * Lends a connection that the caller must give back with `release` (Kysely's driver). Waits
   * while none is free to this kind of work; an aborted signal takes the caller out of the queue.
   */
  async acquire(options: StatementOptions = {}): Promise<DuckDBConnection> {
    if (this.closed) throw new PoolClosedError();
    const { signal } = options;
    signal?.throwIfAborted();
    const heavy = options.heavy ?? false;
    if (this.idle.length > 0 && (!heavy || this.lentToHeavy.size < this.maxHeavy))
      return this.lend(this.idle.pop()!, heavy);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        heavy,
        resolve: (connection) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(connection);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Gives a connection back to the pool; after close, the connection is closed instead. */
  release(connection: DuckDBConnection): void {
    this.lentToHeavy.delete(connection);
    if (this.closed) {
      connection.closeSync();
      return;
    }
    this.idle.push(connection);
    this.dispatch();
  }

  private lend(connection: DuckDBConnection, heavy: boolean): DuckDBConnection {
    if (heavy) this.lentToHeavy.add(connection);
    return connection;
  }

  /**
   * Hands idle connections to waiters, each class in order. Heavy work past its share waits for
   * light work only; when both may take a connection they take turns, so that neither a stream of
   * point lookups starves heavy work nor heavy work's many statements hold up a point lookup.
   */
  private dispatch(): void {
    while (this.idle.length > 0) {
      const light = this.waiting.findIndex((w) => !w.heavy);
      const heavy =
        this.lentToHeavy.size < this.maxHeavy ? this.waiting.findIndex((w) => w.heavy) : -1;
      if (light < 0 && heavy < 0) return;
      let index = light < 0 ? heavy : light;
      if (light >= 0 && heavy >= 0) {
        index = this.heavyTurn ? heavy : light;
        this.heavyTurn = !this.heavyTurn;
      }
      const waiter = this.waiting.splice(index, 1)[0]!;
      waiter.resolve(this.lend(this.idle.pop()!, waiter.heavy));
    }
  }

  /**
   * Runs a statement on a lent connection, enforcing the time limit, the caller's signal and row
   * limit. The result is converted chunk by chunk, checking the signal between chunks.
   */
  async run(
    connection: DuckDBConnection,
    sql: string,
    params: readonly Param[],
    options: StatementOptions = {},
  ): Promise<QueryResult> {
    const { signal, maxRows, onStatement } = options;
    signal?.throwIfAborted();
    for (const listener of this.listeners) listener(sql);
    const startedAt = performance.now();
    let returned: number | undefined;
    const timeoutMs = this.options.queryTimeoutMs;
    let running = false;
    let stoppedBy: 'time' | 'signal' | undefined;
    const stop = (by: 'time' | 'signal') => () => {
      stoppedBy ??= by;
      // Only while DuckDB executes: converting a finished result checks the signal itself.
      if (running) connection.interrupt();
    };
    const onAbort = stop('signal');
    const timer = timeoutMs > 0 ? setTimeout(stop('time'), timeoutMs) : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const bound = params.length > 0 ? bindings(params) : undefined;
      running = true;
      const result = await connection.run(sql, bound?.values, bound?.types);
      running = false;
      if (stoppedBy) throw new Error('stopped');
      if (maxRows !== undefined && result.rowCount > maxRows)
        throw new RowLimitError(maxRows, result.rowCount);
      const rows: Record<string, RowValue>[] = [];
      for await (const chunk of result.yieldRowObjects()) {
        if (stoppedBy) throw new Error('stopped');
        for (const row of chunk) rows.push(mapRow(row));
      }
      returned = rows.length;
      return { rows, rowsChanged: result.rowsChanged };
    } catch (error) {
      if (stoppedBy === 'signal') {
        this.interrupted++;
        throw signal!.reason;
      }
      if (stoppedBy === 'time') {
        this.timedOut++;
        throw new QueryTimeoutError(timeoutMs);
      }
      throw error;
    } finally {
      running = false;
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      onStatement?.({
        rows: returned ?? 0,
        durationMs: performance.now() - startedAt,
        failed: returned === undefined,
      });
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
