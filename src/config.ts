/**
 * Every setting of jixiao, read once from the environment. Defaults are documented here and in
 * the README; nothing else in the code reads `process.env`.
 */
export interface Config {
  /** HTTP port (PORT, default 4000). */
  port: number;
  /** Interface to listen on (HOST, default 127.0.0.1; set 0.0.0.0 to serve a network). */
  host: string;
  /** DuckDB database file (JIXIAO_DB, default data/jixiao.duckdb). */
  databasePath: string;
  /** Folder of report texts ingested at start-up (JIXIAO_SEED_REPORTS, default seeds/reports). */
  seedReportsDir: string;
  /** Department registry CSV (JIXIAO_DEPARTMENTS, default seeds/departments.csv). */
  departmentsCsv: string;
  /** Load the synthetic demo corpus at start-up (JIXIAO_DEMO, default true; "0" or "false" skips it). */
  loadDemo: boolean;
  /** Read connections the API keeps open (JIXIAO_POOL_SIZE, default 3; docs/architecture.md: 3-4 saturate 2 cores). */
  poolSize: number;
  /** DuckDB worker threads (JIXIAO_DUCKDB_THREADS, default 2). */
  duckdbThreads: number;
  /** DuckDB memory limit (JIXIAO_DUCKDB_MEMORY, default 4GB). */
  duckdbMemoryLimit: string;
  /** A single SQL statement is interrupted after this many milliseconds (JIXIAO_QUERY_TIMEOUT_MS, default 15000). */
  queryTimeoutMs: number;
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
  };
}
