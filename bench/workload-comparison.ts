/**
 * Every workload of workloads.ts through GraphQL and through its raw SQL, in the same run, on a
 * benchmark database: the real server started in this process, the SQL on a second read-only
 * DuckDB instance of the same file. Checks that both answers agree, times them interleaved, and
 * profiles where a GraphQL request's time goes. Used by graphql-vs-sql.ts and run-scale.ts.
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import type { RunningServer } from '../src/server.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { chooseScope, openSqlRunner, startBenchServer, type SqlRunner } from './bench-server.js';
import { GraphQLClient, type GraphQLResponse } from './http-client.js';
import { interleaved, ms, stats, type Stats } from './timing.js';
import { workloadAgreement } from './workload-agreement.js';
import { workloads, type Figures, type Workload, type WorkloadScope } from './workloads.js';

/** Profiling rounds per workload (statement counts and SQL time inside the server). */
export const PROFILE_ROUNDS = 5;

/** What the server did for one operation: statements and where the time went. */
export interface Profile {
  /** SQL statements per request (running.db.pool.onQuery). */
  statements: number;
  /** Median milliseconds from sending the request to the first statement starting. */
  beforeFirstStatement: number;
  /** Median milliseconds during which at least one statement ran (union of intervals). */
  sqlBusy: number;
  /** Median milliseconds summed over statements (exceeds sqlBusy when they overlap). */
  sqlSum: number;
  /** Median milliseconds between the first statement starting and the last ending with none running. */
  betweenStatements: number;
  /** Median milliseconds from the last statement ending to the response parsed by the client. */
  afterLastStatement: number;
  /** Median milliseconds of the whole request in the profiling rounds. */
  total: number;
  /**
   * The statements of the last profiling round in start order: milliseconds (inflated when they
   * ran concurrently on the 2 cores), rows, and the start of their SQL.
   */
  lastRound: { ms: number; rows: number; sql: string }[];
}

/** One workload's agreement, timings and profile. */
export interface WorkloadResult {
  label: string;
  operation: string;
  variables: Record<string, unknown>;
  sqlStatements: number;
  agree: boolean;
  problems: string[];
  figures: { graphql: Figures; sql: Figures };
  responseBytes: number;
  sqlResultRows: number;
  graphql: Stats;
  sql: Stats;
  /** GraphQL median / SQL median. */
  ratio: number;
  profile: Profile;
}

/** The machine a run was measured on. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemoryGiB: number;
  platform: string;
  node: string;
  duckdb: string;
  uvThreadpoolSize: string;
  /** Other work on this machine shows in the load average: recorded before and after. */
  loadAverage1m5m15m: { before: number[]; after: number[] };
}

/** Everything one comparison run measured. */
export interface WorkloadComparison {
  machine: Machine;
  server: {
    poolSize: number;
    duckdbThreads: number;
    duckdbMemoryLimit: string;
    responseCacheMb: number;
    /** The request budget's limits, 0 (or no number) where off. */
    limits: {
      queryTimeoutMs: number;
      requestTimeoutMs: number;
      maxResponseObjects: number;
      maxResponseBytes: number;
      maxComplexity: number | null;
    };
    transport: string;
  };
  sqlSide: string;
  scope: WorkloadScope;
  warmup: number;
  runs: number;
  workloads: WorkloadResult[];
  allAgree: boolean;
}

/** How many rounds to run and where to say what is happening. */
export interface ComparisonOptions {
  warmup: number;
  runs: number;
  log: (line: string) => void;
  /** Only the workloads of these operations (all when absent). */
  only?: readonly string[];
  /** Not the workloads of these operations. */
  except?: readonly string[];
}

/** The 1-, 5- and 15-minute load averages, to two decimals. */
export function loadAverage(): number[] {
  return loadavg().map((l) => Number(l.toFixed(2)));
}

/**
 * Runs every workload against its raw SQL on the corpus database at `databasePath` (built
 * with `corpus`'s options, which choose the year asked about), and stops the server again.
 */
export async function compareWorkloads(
  databasePath: string,
  corpus: CorpusOptions,
  { warmup, runs, log, only, except = [] }: ComparisonOptions,
): Promise<WorkloadComparison> {
  const loadBefore = loadAverage();
  const server = await startBenchServer(databasePath, log);
  const { running, config } = server;
  const client = new GraphQLClient(running.url);
  const sql = await openSqlRunner(server);
  try {
    const [[versionRow] = []] = await sql.run([`SELECT version() AS version`]);
    const scope = await chooseScope(sql, corpus);
    const operations = new Map(readExampleOperations().map((o) => [o.name, o]));
    log(
      `server ${running.url}; SQL on ${sql.description}\n${warmup} warm-up and ${runs} timed rounds per workload, GraphQL and SQL interleaved\n`,
    );
    const results: WorkloadResult[] = [];
    const chosen = workloads(scope).filter(
      (w) => (!only || only.includes(w.operation)) && !except.includes(w.operation),
    );
    for (const workload of chosen) {
      const operation = operations.get(workload.operation);
      if (!operation) throw new Error(`no operation ${workload.operation} in schema/operations/`);
      const graphqlRequest = () =>
        client.post(operation.query, workload.operation, workload.variables);
      const result = await measure(workload, graphqlRequest, sql, running, warmup, runs);
      results.push(result);
      log(
        `${result.agree ? 'ok  ' : 'FAIL'} ${workload.label}: GraphQL ${ms(result.graphql.median)} ms, SQL ${ms(result.sql.median)} ms, ratio ${result.ratio.toFixed(1)}x, ${result.profile.statements} statements${result.agree ? '' : `\n     ${result.problems.join('\n     ')}`}`,
      );
    }
    return {
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        totalMemoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
        platform: `${platform()} ${release()}`,
        node: process.version,
        duckdb: String(versionRow?.version ?? 'unknown'),
        uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
        loadAverage1m5m15m: { before: loadBefore, after: loadAverage() },
      },
      server: {
        poolSize: config.poolSize,
        duckdbThreads: config.duckdbThreads,
        duckdbMemoryLimit: config.duckdbMemoryLimit,
        responseCacheMb: config.responseCacheMb,
        limits: {
          queryTimeoutMs: config.queryTimeoutMs,
          requestTimeoutMs: config.requestTimeoutMs,
          maxResponseObjects: config.maxResponseObjects,
          maxResponseBytes: config.maxResponseBytes,
          maxComplexity:
            config.maxComplexity === Number.MAX_SAFE_INTEGER ? null : config.maxComplexity,
        },
        transport: 'HTTP POST to 127.0.0.1, one kept-alive connection, body read and JSON-parsed',
      },
      sqlSide: sql.description,
      scope,
      warmup,
      runs,
      workloads: results,
      allAgree: results.every((r) => r.agree),
    };
  } finally {
    client.close();
    sql.close();
    await server.stop();
  }
}

/** Checks agreement once, then times GraphQL and SQL interleaved, then profiles the server. */
async function measure(
  workload: Workload,
  graphqlRequest: () => Promise<GraphQLResponse>,
  sql: SqlRunner,
  running: RunningServer,
  warmup: number,
  runs: number,
): Promise<WorkloadResult> {
  const response = await graphqlRequest();
  const agreement = workloadAgreement(workload, response, await sql.run(workload.sql));
  const samples = await interleaved(
    [
      { name: 'graphql', run: graphqlRequest },
      { name: 'sql', run: () => sql.run(workload.sql) },
    ],
    warmup,
    runs,
  );
  const graphql = stats(samples.get('graphql')!);
  const direct = stats(samples.get('sql')!);
  return {
    label: workload.label,
    operation: workload.operation,
    variables: workload.variables,
    sqlStatements: workload.sql.length,
    agree: agreement.agree,
    problems: agreement.problems,
    figures: agreement.figures,
    responseBytes: response.bytes,
    sqlResultRows: agreement.sqlRows,
    graphql,
    sql: direct,
    ratio: graphql.median / direct.median,
    profile: await profile(running, graphqlRequest, PROFILE_ROUNDS),
  };
}

/** Union length of [start, end] intervals. */
function busyTime(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    busy += e - Math.max(s, end);
    end = e;
  }
  return busy;
}

/**
 * Runs an operation a few times with the pool instrumented: statement count (onQuery) and
 * timestamps of every statement, to split a request into before SQL, SQL and after SQL.
 */
async function profile(
  running: RunningServer,
  request: () => Promise<unknown>,
  rounds: number,
): Promise<Profile> {
  const pool = running.db.pool;
  const original = pool.run;
  let intervals: [number, number][] = [];
  let detail: { started: number; ms: number; rows: number; sql: string }[] = [];
  let statements = 0;
  pool.run = async function (this: typeof pool, ...args: Parameters<typeof original>) {
    const started = performance.now();
    let rows = 0;
    try {
      const result = await original.apply(this, args);
      rows = result.rows.length;
      return result;
    } finally {
      const ended = performance.now();
      intervals.push([started, ended]);
      const sql = args[1].replace(/\s+/g, ' ').trim().slice(0, 100);
      detail.push({ started, ms: Number((ended - started).toFixed(2)), rows, sql });
    }
  };
  const unsubscribe = pool.onQuery(() => statements++);
  const samples: Omit<Profile, 'statements' | 'lastRound'>[] = [];
  const counts: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      intervals = [];
      detail = [];
      statements = 0;
      const started = performance.now();
      await request();
      const ended = performance.now();
      counts.push(statements);
      const first = Math.min(...intervals.map((i) => i[0]));
      const last = Math.max(...intervals.map((i) => i[1]));
      samples.push({
        beforeFirstStatement: intervals.length ? first - started : Number.NaN,
        sqlBusy: busyTime(intervals),
        sqlSum: intervals.reduce((total, [s, e]) => total + e - s, 0),
        betweenStatements: intervals.length ? last - first - busyTime(intervals) : Number.NaN,
        afterLastStatement: intervals.length ? ended - last : Number.NaN,
        total: ended - started,
      });
    }
  } finally {
    unsubscribe();
    pool.run = original;
  }
  const median = (pick: (s: Omit<Profile, 'statements' | 'lastRound'>) => number) =>
    stats(samples.map(pick)).median;
  return {
    statements: Math.max(...counts),
    beforeFirstStatement: median((s) => s.beforeFirstStatement),
    sqlBusy: median((s) => s.sqlBusy),
    sqlSum: median((s) => s.sqlSum),
    betweenStatements: median((s) => s.betweenStatements),
    afterLastStatement: median((s) => s.afterLastStatement),
    total: median((s) => s.total),
    lastRound: detail
      .sort((a, b) => a.started - b.started)
      .map(({ ms, rows, sql }) => ({ ms, rows, sql })),
  };
}

/** The table of medians, p90s and ratios, one row per workload (Markdown). */
export function workloadTable(results: readonly WorkloadResult[]): string {
  const lines = [
    '| workload | GraphQL median ms | GraphQL p90 ms | SQL median ms | SQL p90 ms | ratio (GraphQL / SQL) | statements (GraphQL / SQL) | response KiB | agree |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${ms(r.graphql.median)} | ${ms(r.graphql.p90)} | ${ms(r.sql.median)} | ${ms(r.sql.p90)} | ${r.ratio.toFixed(1)}x | ${r.profile.statements} / ${r.sqlStatements} | ${(r.responseBytes / 1024).toFixed(1)} | ${r.agree ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}

/** Where a GraphQL request's time goes, one row per workload, with the text that explains it (Markdown). */
export function phaseTable(results: readonly WorkloadResult[]): string {
  const phases = results
    .map(
      (r) =>
        `| ${r.operation} | ${ms(r.profile.total)} | ${ms(r.profile.beforeFirstStatement)} | ${ms(r.profile.sqlBusy)} | ${ms(r.profile.betweenStatements)} | ${ms(r.profile.afterLastStatement)} | ${r.profile.statements} |`,
    )
    .join('\n');
  return `Where a GraphQL request's time goes (medians of ${PROFILE_ROUNDS} instrumented requests, ms). "SQL" is wall time during which at
least one statement ran in the server's pool (including turning rows into JS objects); "before" is HTTP, parsing, validation,
the complexity check and resolvers up to the first statement; "between" is resolver time between statements (DataLoader
batching, one level after another); "after" is resolving the rest, serialising, HTTP and the client's JSON parse:

| operation | total | before first statement | SQL | between | after last statement | statements |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${phases}`;
}
