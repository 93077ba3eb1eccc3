/**
 * GraphQL against raw DuckDB SQL for the same answers, in the same run (bench/README.md).
 *
 *   npx tsx bench/graphql-vs-sql.ts [--departments 1000] [--years 2015-2024] [--runs 15]
 *                                   [--warmup 3] [--seed 20240601] [--rebuild]
 *
 * Builds (or reuses) a database holding only a SYNTHETIC corpus, starts the real server on it,
 * and for each named operation of schema/operations/ times (a) the operation over HTTP POST and
 * (b) hand-written SQL giving the same answer on a separate read-only DuckDB instance of the same
 * file, interleaved run by run (workload-comparison.ts). Both answers must agree on their
 * figures, or the run fails. Writes bench/results/graphql-vs-sql.json and .md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ensureBenchDatabase, type BenchDatabase } from './bench-corpus.js';
import { parseBenchOptions } from './bench-server.js';
import {
  compareWorkloads,
  phaseTable,
  workloadTable,
  type WorkloadComparison,
} from './workload-comparison.js';

const { corpus, runs, warmup, rebuild } = parseBenchOptions();

const RESULTS_DIR = new URL('./results/', import.meta.url);

async function main(): Promise<number> {
  const log = (line: string) => console.log(line);
  const database: BenchDatabase = await ensureBenchDatabase(corpus, log, rebuild);
  log(
    `SYNTHETIC corpus: ${database.departments} departments, ${database.reports} reports, ${(database.bytes / 2 ** 20).toFixed(1)} MiB${database.reused ? ' (reused)' : ''}`,
  );
  const comparison = await compareWorkloads(database.path, corpus, { warmup, runs, log });
  const report = {
    benchmark: 'graphql-vs-sql',
    note: 'SYNTHETIC corpus (generated, fictitious departments of 示例市). Compare ratios within this run; absolute milliseconds vary between runs on this machine.',
    date: new Date().toISOString(),
    command: `npx tsx bench/graphql-vs-sql.ts --departments ${corpus.departments} --years ${corpus.fromYear}-${corpus.toYear} --runs ${runs}${warmup !== 3 ? ` --warmup ${warmup}` : ''}`,
    machine: comparison.machine,
    server: comparison.server,
    sqlSide: comparison.sqlSide,
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
    scope: comparison.scope,
    warmup,
    runs,
    workloads: comparison.workloads,
    allAgree: comparison.allAgree,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(
    new URL('graphql-vs-sql.json', RESULTS_DIR),
    JSON.stringify(report, null, 2) + '\n',
  );
  await writeFile(new URL('graphql-vs-sql.md', RESULTS_DIR), markdownReport(report, comparison));
  log(`\n${workloadTable(comparison.workloads)}`);
  log('wrote bench/results/graphql-vs-sql.json and bench/results/graphql-vs-sql.md');
  const failed = comparison.workloads.filter((r) => !r.agree);
  if (failed.length) {
    console.error(
      `answers disagree for: ${failed.map((r) => r.operation).join(', ')} (see problems in the JSON)`,
    );
    return 1;
  }
  return 0;
}

function markdownReport(
  report: {
    date: string;
    command: string;
    corpus: { departments: number; years: string; reports: number; dbMiB: number; seed: number };
  },
  comparison: WorkloadComparison,
): string {
  const { machine } = comparison;
  const c = report.corpus;
  return `# GraphQL vs raw DuckDB SQL (SYNTHETIC corpus)

Measured by \`${report.command}\` on ${report.date.slice(0, 10)}: ${machine.cpus} CPUs, Node ${machine.node}, DuckDB ${machine.duckdb};
1-minute load average ${machine.loadAverage1m5m15m.before[0]} before and ${machine.loadAverage1m5m15m.after[0]} after (other work shared the machine).
Corpus: **synthetic** (generated, fictitious departments; seed ${c.seed}), ${c.departments} departments x ${c.years} = ${c.reports} reports, database file ${c.dbMiB} MiB.
${comparison.warmup} warm-up and ${comparison.runs} timed rounds per workload, GraphQL and SQL interleaved. GraphQL: the named operation of
\`schema/operations/\` over HTTP POST (body read and parsed), the server's response cache off. SQL: hand-written DuckDB SQL for the same answer on a separate
read-only instance of the same file, rows materialised with \`getRowObjectsJson()\`. Read the ratios; absolute milliseconds
vary between runs on this machine.

${workloadTable(comparison.workloads)}

${phaseTable(comparison.workloads)}
`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
