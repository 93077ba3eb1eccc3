/**
 * What a GraphQL benchmark needs around the corpus: the real server on the benchmark database
 * (and nothing seeded into it), a raw SQL side on the same file, the scope the workloads ask
 * about, and the shared command-line options.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadConfig, type Config } from '../src/config.js';
import { SnapshotStore } from '../src/db/snapshot-store.js';
import { startServer, type RunningServer } from '../src/server.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import type { SqlRow, Statement, WorkloadScope } from './workloads.js';

/** Options every GraphQL benchmark takes. */
export interface BenchOptions {
  corpus: CorpusOptions;
  runs: number;
  warmup: number;
  rebuild: boolean;
}

function positiveInt(raw: string, name: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`--${name} must be an integer from 1 to ${max}, got "${raw}"`);
  return value;
}

/**
 * Reads --departments, --years A-B, --seed, --runs, --warmup and --rebuild. Upper bounds keep a
 * mistyped flag from running for hours.
 */
export function parseBenchOptions(args: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      departments: { type: 'string', default: '1000' },
      years: { type: 'string', default: '2015-2024' },
      runs: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      seed: { type: 'string', default: String(DEMO_CORPUS.seed) },
      rebuild: { type: 'boolean', default: false },
    },
  });
  const [fromYear, toYear = fromYear] = values.years.split('-').map(Number);
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear! > toYear!)
    throw new Error(`--years must look like 2015-2024, got "${values.years}"`);
  if (!Number.isInteger(Number(values.seed))) throw new Error(`--seed must be an integer`);
  return {
    corpus: {
      seed: Number(values.seed),
      departments: positiveInt(values.departments, 'departments', 200_000),
      fromYear: fromYear!,
      toYear: toYear!,
    },
    runs: positiveInt(values.runs, 'runs', 1000),
    warmup: positiveInt(values.warmup, 'warmup', 100),
    rebuild: values.rebuild,
  };
}

/** The server on a benchmark database; `stop` also removes its empty seed folder. */
export interface BenchServer {
  running: RunningServer;
  config: Config;
  stop(): Promise<void>;
}

/**
 * Starts the real server on `databasePath`. Start-up registers a department registry and ingests
 * a folder of reports: it gets an empty registry and an empty folder, and no demo corpus, so the
 * database keeps the synthetic corpus and nothing else. The response cache is off: a benchmark
 * repeats the same request, and would otherwise time the cache instead of the API. So are the
 * request budget's limits (time, answer size, estimated complexity): a comparison measures what
 * an answer costs however large the corpus, where a deployed server would stop the request.
 */
export async function startBenchServer(
  databasePath: string,
  log: (line: string) => void,
): Promise<BenchServer> {
  const empty = await mkdtemp(join(tmpdir(), 'jixiao-bench-seeds-'));
  const departmentsCsv = join(empty, 'departments.csv');
  await writeFile(departmentsCsv, 'code,name,aliases,sector,level,synthetic\n');
  const config: Config = {
    ...loadConfig({}),
    databasePath,
    port: 0,
    host: '127.0.0.1',
    loadDemo: false,
    seedReportsDir: empty,
    departmentsCsv,
    responseCacheMb: 0,
    queryTimeoutMs: 0,
    requestTimeoutMs: 0,
    maxResponseObjects: 0,
    maxResponseBytes: 0,
    maxComplexity: Number.MAX_SAFE_INTEGER,
  };
  try {
    const running = await startServer(config, log);
    return {
      running,
      config,
      async stop() {
        await running.stop();
        await rm(empty, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(empty, { recursive: true, force: true });
    throw error;
  }
}

/** Runs a workload's statements in order on one connection, materialising every row. */
export interface SqlRunner {
  /** How the SQL side reaches the file (reported, since it matters for fairness). */
  description: string;
  run(statements: readonly Statement[]): Promise<SqlRow[][]>;
  close(): void;
}

/**
 * A second DuckDB instance on the snapshot the server serves, read-only like the API's and with
 * the same threads and memory limit. If DuckDB refused it while the server holds the file, fall
 * back to the server's own pool (and say so in the results).
 */
export async function openSqlRunner(server: BenchServer): Promise<SqlRunner> {
  const { config, running } = server;
  const text = (statement: Statement, results: SqlRow[][]) =>
    typeof statement === 'string' ? statement : statement(results);
  try {
    const store = SnapshotStore.of(config);
    const instance = await DuckDBInstance.create(store.path((await store.current())!), {
      access_mode: 'READ_ONLY',
      threads: String(config.duckdbThreads),
      memory_limit: config.duckdbMemoryLimit,
    });
    const connection: DuckDBConnection = await instance.connect();
    return {
      description: `separate read-only DuckDBInstance of the same file (threads=${config.duckdbThreads}, memory_limit=${config.duckdbMemoryLimit}), one connection, getRowObjectsJson()`,
      async run(statements) {
        const results: SqlRow[][] = [];
        for (const statement of statements) {
          const reader = await connection.runAndReadAll(text(statement, results));
          results.push(reader.getRowObjectsJson() as SqlRow[]);
        }
        return results;
      },
      close() {
        connection.closeSync();
        instance.closeSync();
      },
    };
  } catch (error) {
    console.warn(
      `a second read-only instance was refused (${error instanceof Error ? error.message : String(error)}); running SQL through the server's pool`,
    );
    return {
      description: "the server's own pool (running.db.pool.query): a second instance was refused",
      async run(statements) {
        const results: SqlRow[][] = [];
        for (const statement of statements)
          results.push((await running.db.pool.query(text(statement, results))).rows);
        return results;
      },
      close() {},
    };
  }
}

/** Picks the year, the report and the departments the workloads ask about. */
export async function chooseScope(sql: SqlRunner, corpus: CorpusOptions): Promise<WorkloadScope> {
  const year = corpus.toYear > corpus.fromYear ? corpus.toYear - 1 : corpus.toYear;
  const [reportRows = [], codeRows = []] = await sql.run([
    // The report with most flagged measures, then most measures: the fullest answer to check.
    `SELECT r.department_code FROM reports r JOIN indicator_measures m ON m.report_id = r.id
     WHERE r.year = ${year} GROUP BY r.department_code
     ORDER BY count(*) FILTER (WHERE m.evidence AND (m.attainment >= 1.2 OR m.ceiling)) DESC, count(*) DESC,
              r.department_code
     LIMIT 1`,
    `SELECT code FROM departments ORDER BY code LIMIT 50`,
  ]);
  const reportDepartment = reportRows[0]?.department_code;
  if (typeof reportDepartment !== 'string') throw new Error(`no report with indicators in ${year}`);
  return { year, reportDepartment, seriesDepartments: codeRows.map((r) => String(r.code)) };
}
