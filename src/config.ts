/**
 * Every setting of jixiao, read once from the environment. Defaults are documented here and in
 * the README; nothing else in the code reads `process.env`.
 */
export interface Config {
  /** HTTP port (PORT, default 4000). */
  port: number;
  /** Interface to listen on (HOST, default 127.0.0.1; set 0.0.0.0 to serve a network). */
  host: string;
  /**
   * The database (JIXIAO_DB, default data/jixiao.duckdb): its snapshots live in the folder beside
   * it named after it, data/jixiao.snapshots/ (db/snapshot-layout.ts); a single file at this path,
   * of an earlier version, is adopted as the first snapshot.
   */
  databasePath: string;
  /** Folder of report texts ingested at start-up (JIXIAO_SEED_REPORTS, default seeds/reports). */
  seedReportsDir: string;
  /** Department registry CSV (JIXIAO_DEPARTMENTS, default seeds/departments.csv). */
  departmentsCsv: string;
  /** Load the synthetic demo corpus at start-up (JIXIAO_DEMO, default true; "0" or "false" skips it). */
  loadDemo: boolean;
  /** Read connections the API keeps open (JIXIAO_POOL_SIZE, default 3; docs/architecture.md: 3-4 saturate 2 cores). */
  poolSize: number;
  /** DuckDB worker threads (JIXIAO_DUCKDB_THREADS, default 2): the server's, divided among its worker processes. */
  duckdbThreads: number;
  /** DuckDB memory limit (JIXIAO_DUCKDB_MEMORY, default 4GB): the server's, divided among its worker processes. */
  duckdbMemoryLimit: string;
  /** A single SQL statement is interrupted after this many milliseconds (JIXIAO_QUERY_TIMEOUT_MS, default 15000). */
  queryTimeoutMs: number;
  /**
   * Snapshots kept besides the current one, for `jixiao snapshot rollback` (JIXIAO_SNAPSHOTS_KEEP,
   * default 2); older ones are deleted when a writer publishes (db/snapshot-store.ts).
   */
  snapshotsKept: number;
  /**
   * How often the server checks the current-snapshot pointer, besides watching it (JIXIAO_SNAPSHOT_POLL_MS,
   * default 2000; 0: watch only). The poll is the fallback where file events do not arrive.
   */
  snapshotPollMs: number;
  /**
   * Tokens file (JIXIAO_TOKENS, default data/tokens.json). When it exists every request needs a
   * bearer token of it; when it does not, the server is in local mode (loopback only, ADMIN).
   */
  tokensPath: string;
  /** Serve GraphiQL (JIXIAO_GRAPHIQL); null: on in local mode, off with tokens. */
  graphiql: boolean | null;
  /** Answer introspection (JIXIAO_INTROSPECTION); null: on in local mode, off with tokens. */
  introspection: boolean | null;
  /** A whole API request (SQL, resolvers, serialisation) is stopped after this many milliseconds (JIXIAO_REQUEST_TIMEOUT_MS, default 20000; 0: none). */
  requestTimeoutMs: number;
  /** Objects and list items one answer may hold (JIXIAO_MAX_RESPONSE_OBJECTS, default 200000; 0: none). */
  maxResponseObjects: number;
  /** Bytes of one serialised GraphQL answer (JIXIAO_MAX_RESPONSE_BYTES, default 32000000; 0: none). */
  maxResponseBytes: number;
  /** Objects an operation is estimated to return, checked before it runs (JIXIAO_MAX_COMPLEXITY, default 200000). */
  maxComplexity: number;
  /** Heavy analytic operations running at once (JIXIAO_HEAVY_CONCURRENCY, default 1). */
  heavyConcurrency: number;
  /** Heavy operations waiting for their turn; one more is refused with 503 (JIXIAO_HEAVY_QUEUE, default 8). */
  heavyQueue: number;
  /** Read connections heavy work never takes, kept for point lookups (JIXIAO_LIGHT_CONNECTIONS, default 1). */
  lightConnections: number;
  /**
   * The least level of the server's JSON log lines on stdout, one per API request
   * (JIXIAO_LOG_LEVEL, default info; debug adds /metrics scrapes, warn keeps only failures,
   * silent none). The start-up lines are printed whatever it is.
   */
  logLevel: LogLevel;
  /**
   * Mebibytes of GraphQL answers kept for identical requests, per server process
   * (JIXIAO_RESPONSE_CACHE_MB, default 64; 0: no cache). Keys name the data version, so an
   * import never lets an old answer through (http/response-cache.ts).
   */
  responseCacheMb: number;
  /**
   * Server processes behind the one port (JIXIAO_WORKERS or `jixiao serve --workers N`, default
   * 1; at least 1). With more than one, start-up seeds once and N worker processes serve the
   * current snapshot read-only, sharing DuckDB's threads and memory (cluster/worker-config.ts).
   */
  workers: number;
}

/** Levels of the server's log, least verbose last (pino's names). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevelSetting(env: NodeJS.ProcessEnv, name: string, fallback: LogLevel): LogLevel {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) throw new Error(`${name} must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
}

/** A switch that is unset (null) unless given: its default depends on other settings. */
function optionalBoolSetting(env: NodeJS.ProcessEnv, name: string): boolean | null {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : boolSetting(env, name, true);
}

/** Reads the configuration from an environment (the process's by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intSetting(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    databasePath: env.JIXIAO_DB || 'data/jixiao.duckdb',
    seedReportsDir: env.JIXIAO_SEED_REPORTS || 'seeds/reports',
    departmentsCsv: env.JIXIAO_DEPARTMENTS || 'seeds/departments.csv',
    loadDemo: boolSetting(env, 'JIXIAO_DEMO', true),
    poolSize: Math.max(1, intSetting(env, 'JIXIAO_POOL_SIZE', 3)),
    duckdbThreads: Math.max(1, intSetting(env, 'JIXIAO_DUCKDB_THREADS', 2)),
    duckdbMemoryLimit: env.JIXIAO_DUCKDB_MEMORY || '4GB',
    queryTimeoutMs: intSetting(env, 'JIXIAO_QUERY_TIMEOUT_MS', 15_000),
    snapshotsKept: intSetting(env, 'JIXIAO_SNAPSHOTS_KEEP', 2),
    snapshotPollMs: intSetting(env, 'JIXIAO_SNAPSHOT_POLL_MS', 2_000),
    tokensPath: env.JIXIAO_TOKENS || 'data/tokens.json',
    graphiql: optionalBoolSetting(env, 'JIXIAO_GRAPHIQL'),
    introspection: optionalBoolSetting(env, 'JIXIAO_INTROSPECTION'),
    requestTimeoutMs: intSetting(env, 'JIXIAO_REQUEST_TIMEOUT_MS', 20_000),
    maxResponseObjects: intSetting(env, 'JIXIAO_MAX_RESPONSE_OBJECTS', 200_000),
    maxResponseBytes: intSetting(env, 'JIXIAO_MAX_RESPONSE_BYTES', 32_000_000),
    maxComplexity: intSetting(env, 'JIXIAO_MAX_COMPLEXITY', 200_000),
    heavyConcurrency: Math.max(1, intSetting(env, 'JIXIAO_HEAVY_CONCURRENCY', 1)),
    heavyQueue: intSetting(env, 'JIXIAO_HEAVY_QUEUE', 8),
    lightConnections: intSetting(env, 'JIXIAO_LIGHT_CONNECTIONS', 1),
    logLevel: logLevelSetting(env, 'JIXIAO_LOG_LEVEL', 'info'),
    responseCacheMb: intSetting(env, 'JIXIAO_RESPONSE_CACHE_MB', 64),
    workers: Math.max(1, intSetting(env, 'JIXIAO_WORKERS', 1)),
  };
}
