/**
 * GraphQL against raw DuckDB SQL for the same answers, in the same run (bench/README.md).
 *
 *   npx tsx bench/graphql-vs-sql.ts [--departments 1000] [--years 2015-2024] [--runs 15]
 *                                   [--warmup 3] [--seed 20240601] [--rebuild]
 *
 * Builds (or reuses) a database holding only a SYNTHETIC corpus, starts the real server on it,
 * and for each named operation of schema/operations/ times (a) the operation over HTTP POST and
 * (b) hand-written SQL giving the same answer on a separate read-only DuckDB instance of the same
 * file, interleaved run by run. Both answers must agree on their figures, or the run fails.
 * Writes bench/results/graphql-vs-sql.json and .md.
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import type { RunningServer } from '../src/server.js';
import { ensureBenchDatabase, type BenchDatabase } from './bench-corpus.js';
import {
  chooseScope,
  openSqlRunner,
  parseBenchOptions,
  startBenchServer,
  type SqlRunner,
} from './bench-server.js';
import { GraphQLClient } from './http-client.js';
import { interleaved, ms, stats, type Stats } from './timing.js';
import { compareFigures, workloads, type Figures, type Workload } from './workloads.js';

const { corpus, runs, warmup, rebuild } = parseBenchOptions();
/** Profiling rounds per workload (statement counts and SQL time inside the server). */
const PROFILE_ROUNDS = 5;

const RESULTS_DIR = new URL('./results/', import.meta.url);

/** What the server did for one operation: statements and where the time went. */
interface Profile {
  /** SQL statements per request (running.db.pool.onQuery). */
  statements: number;
  /** Median milliseconds from sending the request to the first statement starting. */
  beforeFirstStatement: number;
  /** Median milliseconds during which at least one statement ran (union of intervals). */
  sqlBusy: number;
  /** Median milliseconds summed over statements (exceeds sqlBusy when they overlap). */
  sqlSum: number;
  /** Median milliseconds from the last statement ending to the response parsed by the client. */
  /** Median milliseconds between the first statement starting and the last ending with none running. */
  betweenStatements: number;
  afterLastStatement: number;
  /** Median milliseconds of the whole request in the profiling rounds. */
  total: number;
  /**
   * The statements of the last profiling round in start order: milliseconds (inflated when they
   * ran concurrently on the 2 cores), rows, and the start of their SQL.
   */
  lastRound: { ms: number; rows: number; sql: string }[];
}

interface WorkloadResult {
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

async function main(): Promise<number> {
  const log = (line: string) => console.log(line);
  // Other work on this machine shows in the load average: recorded before and after.
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  const database: BenchDatabase = await ensureBenchDatabase(corpus, log, rebuild);
  log(
    `SYNTHETIC corpus: ${database.departments} departments, ${database.reports} reports, ${(database.bytes / 2 ** 20).toFixed(1)} MiB${database.reused ? ' (reused)' : ''}`,
  );

  const server = await startBenchServer(database.path, log);
  const { running, config } = server;
  const client = new GraphQLClient(running.url);
  const sql = await openSqlRunner(server);
  const results: WorkloadResult[] = [];
  try {
    const [[versionRow] = []] = await sql.run([`SELECT version() AS version`]);
    const scope = await chooseScope(sql, corpus);
    const operations = new Map(readExampleOperations().map((o) => [o.name, o]));
    log(
      `server ${running.url}; SQL on ${sql.description}\n${warmup} warm-up and ${runs} timed rounds per workload, GraphQL and SQL interleaved\n`,
    );

    for (const workload of workloads(scope)) {
      const operation = operations.get(workload.operation);
      if (!operation) throw new Error(`no operation ${workload.operation} in schema/operations/`);
      const graphqlRequest = () =>
        client.post(operation.query, workload.operation, workload.variables);
      const result = await measure(workload, graphqlRequest, sql, running);
      results.push(result);
      log(
        `${result.agree ? 'ok  ' : 'FAIL'} ${workload.label}: GraphQL ${ms(result.graphql.median)} ms, SQL ${ms(result.sql.median)} ms, ratio ${result.ratio.toFixed(1)}x, ${result.profile.statements} statements${result.agree ? '' : `\n     ${result.problems.join('\n     ')}`}`,
      );
    }

    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      totalMemoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      platform: `${platform()} ${release()}`,
      node: process.version,
      duckdb: String(versionRow?.version ?? 'unknown'),
      uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
      loadAverage1m5m15m: { before: loadBefore, after: loadavg().map((l) => Number(l.toFixed(2))) },
    };
    const report = {
      benchmark: 'graphql-vs-sql',
      note: 'SYNTHETIC corpus (generated, fictitious departments of 示例市). Compare ratios within this run; absolute milliseconds vary between runs on this machine.',
      date: new Date().toISOString(),
      command: `npx tsx bench/graphql-vs-sql.ts --departments ${corpus.departments} --years ${corpus.fromYear}-${corpus.toYear} --runs ${runs}${warmup !== 3 ? ` --warmup ${warmup}` : ''}`,
      machine,
      server: {
        poolSize: config.poolSize,
        duckdbThreads: config.duckdbThreads,
        duckdbMemoryLimit: config.duckdbMemoryLimit,
        transport: 'HTTP POST to 127.0.0.1, one kept-alive connection, body read and JSON-parsed',
      },
      sqlSide: sql.description,
      corpus: {
        synthetic: true,
        seed: corpus.seed,
        departments: database.departments,
        years: `${corpus.fromYear}-${corpus.toYear}`,
        reports: database.reports,
        dbFile: basename(database.path),
        dbBytes: database.bytes,
        dbMiB: Number((database.bytes / 2 ** 20).toFixed(1)),
        buildSeconds: Number(database.buildSeconds.toFixed(1)),
      },
      scope,
      warmup,
      runs,
      workloads: results,
      allAgree: results.every((r) => r.agree),
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(
      new URL('graphql-vs-sql.json', RESULTS_DIR),
      JSON.stringify(report, null, 2) + '\n',
    );
    const table = markdownTable(results);
    await writeFile(new URL('graphql-vs-sql.md', RESULTS_DIR), markdownReport(report, table));
    log(`\n${table}`);
    log('wrote bench/results/graphql-vs-sql.json and bench/results/graphql-vs-sql.md');
    const failed = results.filter((r) => !r.agree);
    if (failed.length) {
      console.error(
        `answers disagree for: ${failed.map((r) => r.operation).join(', ')} (see problems in the JSON)`,
      );
      return 1;
    }
    return 0;
  } finally {
    client.close();
    sql.close();
    await server.stop();
  }
}

/** Checks agreement once, then times GraphQL and SQL interleaved, then profiles the server. */
async function measure(
  workload: Workload,
  graphqlRequest: () => Promise<Awaited<ReturnType<GraphQLClient['post']>>>,
  sql: SqlRunner,
  running: RunningServer,
): Promise<WorkloadResult> {
  const response = await graphqlRequest();
  const sqlResults = await sql.run(workload.sql);
  const problems: string[] = [];
  if (response.status !== 200 || response.body.errors?.length) {
    problems.push(
      `GraphQL HTTP ${response.status}: ${(response.body.errors ?? []).map((e) => e.message).join('; ')}`,
    );
  }
  let graphqlFigures: Figures = {};
  try {
    graphqlFigures = workload.graphqlFigures(response.body.data);
  } catch (error) {
    problems.push(`GraphQL answer unreadable: ${String(error)}`);
  }
  const sqlFigures = workload.sqlFigures(sqlResults);
  problems.push(...compareFigures(graphqlFigures, sqlFigures));
  // An empty answer agrees with an empty answer, and proves nothing.
  const rows = sqlResults.reduce((total, r) => total + r.length, 0);
  if (rows === 0) problems.push('the SQL answer is empty: the workload measures nothing');

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
    agree: problems.length === 0,
    problems,
    figures: { graphql: graphqlFigures, sql: sqlFigures },
    responseBytes: response.bytes,
    sqlResultRows: rows,
    graphql,
    sql: direct,
    ratio: graphql.median / direct.median,
    profile: await profile(running, graphqlRequest, PROFILE_ROUNDS),
  };
}

function markdownTable(results: readonly WorkloadResult[]): string {
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

function markdownReport(
  report: {
    date: string;
    command: string;
    machine: {
      cpus: number;
      node: string;
      duckdb: string;
      loadAverage1m5m15m: { before: number[]; after: number[] };
    };
    corpus: { departments: number; years: string; reports: number; dbMiB: number; seed: number };
    warmup: number;
    runs: number;
    workloads: WorkloadResult[];
  },
  table: string,
): string {
  const { machine, corpus: c } = report;
  const phases = report.workloads
    .map(
      (r) =>
        `| ${r.operation} | ${ms(r.profile.total)} | ${ms(r.profile.beforeFirstStatement)} | ${ms(r.profile.sqlBusy)} | ${ms(r.profile.betweenStatements)} | ${ms(r.profile.afterLastStatement)} | ${r.profile.statements} |`,
    )
    .join('\n');
  return `# GraphQL vs raw DuckDB SQL (SYNTHETIC corpus)

Measured by \`${report.command}\` on ${report.date.slice(0, 10)}: ${machine.cpus} CPUs, Node ${machine.node}, DuckDB ${machine.duckdb};
1-minute load average ${machine.loadAverage1m5m15m.before[0]} before and ${machine.loadAverage1m5m15m.after[0]} after (other work shared the machine).
Corpus: **synthetic** (generated, fictitious departments; seed ${c.seed}), ${c.departments} departments x ${c.years} = ${c.reports} reports, database file ${c.dbMiB} MiB.
${report.warmup} warm-up and ${report.runs} timed rounds per workload, GraphQL and SQL interleaved. GraphQL: the named operation of
\`schema/operations/\` over HTTP POST (body read and parsed). SQL: hand-written DuckDB SQL for the same answer on a separate
read-only instance of the same file, rows materialised with \`getRowObjectsJson()\`. Read the ratios; absolute milliseconds
vary between runs on this machine.

${table}

Where a GraphQL request's time goes (medians of ${PROFILE_ROUNDS} instrumented requests, ms). "SQL" is wall time during which at
least one statement ran in the server's pool (including turning rows into JS objects); "before" is HTTP, parsing, validation,
the complexity check and resolvers up to the first statement; "between" is resolver time between statements (DataLoader
batching, one level after another); "after" is resolving the rest, serialising, HTTP and the client's JSON parse:

| operation | total | before first statement | SQL | between | after last statement | statements |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${phases}
`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
