import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StatementDone } from '../db/duckdb-pool.js';

/** What the response cache reports: each lookup's outcome and how many answers it holds. */
export interface CacheMetrics {
  cacheHit(): void;
  cacheMiss(): void;
  /** The answers the cache holds now. */
  cacheEntries(entries: number): void;
  /** The bytes those answers take. */
  cacheBytes(bytes: number): void;
}

/** The metrics of one app, served at `GET /metrics` in Prometheus's text format. */
export interface AppMetrics extends CacheMetrics {
  /** The app's own registry: several apps in one process (tests) never share a metric. */
  readonly registry: Registry;
  /** A GraphQL request or download answered: its operation name, HTTP status and duration. */
  requestDone(operation: string | null, status: number, seconds: number): void;
  /** The codes (`extensions.code`) of the errors of one answer, one count each. */
  errors(codes: readonly string[]): void;
  /** One SQL statement of an API request, run or failed. */
  statementDone(statement: StatementDone): void;
}

/** What the metrics read at scrape time. */
export interface MetricsSources {
  /** Heavy operations running and waiting (graphql/heavy-work-queue.ts). */
  heavyWork(): { running: number; queued: number };
  /** The data version served, or null when the data is fixed. */
  dataVersion(): string | null;
}

/** Longest operation name or error code kept as a label value. */
const MAX_LABEL_LENGTH = 64;

/**
 * Distinct operation names one app labels its requests with; later new names count as "other".
 * Clients choose operation names, and each label value is a time series kept for good.
 */
export const MAX_OPERATION_LABELS = 200;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An operation name or error code as a label value: "anonymous" when there is none, "other"
 * when it is longer than 64 characters or not a GraphQL name, itself otherwise.
 */
export function labelValue(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return name.length <= MAX_LABEL_LENGTH && NAME.test(name) ? name : 'other';
}

/** Request durations, in seconds: from a cached answer to the 20 s request deadline. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];

/** Statement durations, in seconds: from a point lookup to the 15 s statement limit. */
const STATEMENT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

/**
 * The app's metrics over a registry of its own, with Node's process metrics (CPU, memory, event
 * loop lag, garbage collection), all named `jixiao_…` (docs/operations.md, "Logs, metrics and
 * readiness"). Queue depth and data version are read when scraped, not kept up to date.
 */
export function createMetrics(sources: MetricsSources): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'jixiao_' });

  const requestSeconds = new Histogram({
    name: 'jixiao_graphql_request_duration_seconds',
    help: 'Time from the arrival of a GraphQL request or download to its last byte, by operation name and HTTP status.',
    labelNames: ['operation', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const errorsTotal = new Counter({
    name: 'jixiao_graphql_errors_total',
    help: 'Errors in answers, by their code (extensions.code).',
    labelNames: ['code'] as const,
    registers,
  });
  const statementSeconds = new Histogram({
    name: 'jixiao_duckdb_statement_seconds',
    help: 'Time DuckDB took for each SQL statement of an API request, converting its rows included.',
    buckets: STATEMENT_BUCKETS,
    registers,
  });
  const statementsTotal = new Counter({
    name: 'jixiao_duckdb_statements_total',
    help: 'SQL statements of API requests, by outcome (ok, or failed: an error, the time limit, or the request stopped).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const rowsTotal = new Counter({
    name: 'jixiao_duckdb_rows_total',
    help: 'Rows the SQL statements of API requests returned.',
    registers,
  });
  const cacheHits = new Counter({
    name: 'jixiao_response_cache_hits_total',
    help: 'GraphQL answers sent from the response cache.',
    registers,
  });
  const cacheMisses = new Counter({
    name: 'jixiao_response_cache_misses_total',
    help: 'GraphQL requests the response cache did not hold an answer for.',
    registers,
  });
  const cacheEntries = new Gauge({
    name: 'jixiao_response_cache_entries',
    help: 'Answers the response cache holds.',
    registers,
  });
  const cacheBytes = new Gauge({
    name: 'jixiao_response_cache_bytes',
    help: 'Bytes the answers the response cache holds take.',
    registers,
  });
  new Gauge({
    name: 'jixiao_heavy_queue_running',
    help: 'Heavy analytic operations running now (JIXIAO_HEAVY_CONCURRENCY at most).',
    registers,
    collect() {
      this.set(sources.heavyWork().running);
    },
  });
  new Gauge({
    name: 'jixiao_heavy_queue_waiting',
    help: 'Heavy analytic operations waiting for their turn (JIXIAO_HEAVY_QUEUE at most).',
    registers,
    collect() {
      this.set(sources.heavyWork().queued);
    },
  });
  new Gauge({
    name: 'jixiao_data_version_info',
    help: 'The data version (snapshot) served: 1 for its version label.',
    labelNames: ['version'] as const,
    registers,
    collect() {
      // One series at a time: the version served now, not every version served since start.
      this.reset();
      const version = sources.dataVersion();
      if (version) this.set({ version }, 1);
    },
  });

  const operations = new Set<string>();
  const operationLabel = (name: string | null): string => {
    const label = labelValue(name);
    if (operations.has(label)) return label;
    if (operations.size >= MAX_OPERATION_LABELS) return 'other';
    operations.add(label);
    return label;
  };

  return {
    registry,
    requestDone(operation, status, seconds) {
      requestSeconds.observe(
        { operation: operationLabel(operation), status: String(status) },
        seconds,
      );
    },
    errors(codes) {
      for (const code of codes) errorsTotal.inc({ code: labelValue(code) });
    },
    statementDone(statement) {
      statementSeconds.observe(statement.durationMs / 1000);
      statementsTotal.inc({ outcome: statement.failed ? 'failed' : 'ok' });
      rowsTotal.inc(statement.rows);
    },
    cacheHit: () => cacheHits.inc(),
    cacheMiss: () => cacheMisses.inc(),
    cacheEntries: (entries) => cacheEntries.set(entries),
    cacheBytes: (bytes) => cacheBytes.set(bytes),
  };
}
