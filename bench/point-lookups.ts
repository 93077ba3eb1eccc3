/**
 * Point lookups at two corpus sizes, in one run (bench/README.md):
 *
 *   npx tsx bench/point-lookups.ts [--small 1000] [--large 10000] [--years 2015-2024]
 *                                  [--runs 15] [--warmup 3] [--seed 20240601]
 *
 * One report (ReportFigures), the departments page with nested reports, and the series of 50
 * departments, each against its raw SQL (workload-comparison.ts), first on a SYNTHETIC corpus of
 * `--small` departments and then on one of `--large` (10,000 and 100,000 reports by default).
 * A point lookup should cost about the same at both: the table puts each workload's medians side
 * by side with their ratio. Writes bench/results/point-lookups.json and .md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { ensureBenchDatabase } from './bench-corpus.js';
import { ms } from './timing.js';
import {
  compareWorkloads,
  loadAverage,
  type WorkloadComparison,
  type WorkloadResult,
} from './workload-comparison.js';

/** The operations that look up one report, one page or a few series. */
const POINT_LOOKUPS = ['ReportFigures', 'Departments', 'MetricSeries'] as const;

const RESULTS_DIR = new URL('./results/', import.meta.url);

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '1000' },
    large: { type: 'string', default: '10000' },
    years: { type: 'string', default: '2015-2024' },
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(DEMO_CORPUS.seed) },
  },
});

function whole(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

interface ScaleRun {
  departments: number;
  reports: number;
  dbMiB: number;
  comparison: WorkloadComparison;
}

async function main(): Promise<number> {
  const log = (line: string) => console.log(line);
  const [fromYear, toYear] = values.years.split('-').map(Number) as [number, number];
  const runs = whole(values.runs, 'runs');
  const warmup = whole(values.warmup, 'warmup');
  const scales: ScaleRun[] = [];
  const loadBefore = loadAverage();
  for (const departments of [whole(values.small, 'small'), whole(values.large, 'large')]) {
    const corpus: CorpusOptions = { seed: Number(values.seed), departments, fromYear, toYear };
    const database = await ensureBenchDatabase(corpus, log);
    log(`\nSYNTHETIC corpus: ${database.departments} departments, ${database.reports} reports`);
    const comparison = await compareWorkloads(database.path, corpus, {
      warmup,
      runs,
      log,
      only: POINT_LOOKUPS,
    });
    scales.push({
      departments: database.departments,
      reports: database.reports,
      dbMiB: Number((database.bytes / 2 ** 20).toFixed(1)),
      comparison,
    });
  }
  const report = {
    benchmark: 'point-lookups',
    note: 'SYNTHETIC corpora (generated, fictitious departments of 示例市). Compare within this run; absolute milliseconds vary between runs on this machine.',
    date: new Date().toISOString(),
    command: `npx tsx bench/point-lookups.ts --small ${values.small} --large ${values.large} --years ${values.years} --runs ${runs}`,
    loadAverage1m5m15m: { before: loadBefore, after: loadAverage() },
    machine: scales[0]!.comparison.machine,
    server: scales[0]!.comparison.server,
    scales: scales.map((s) => ({
      departments: s.departments,
      reports: s.reports,
      dbMiB: s.dbMiB,
      scope: s.comparison.scope,
      workloads: s.comparison.workloads,
    })),
    allAgree: scales.every((s) => s.comparison.allAgree),
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(
    new URL('point-lookups.json', RESULTS_DIR),
    JSON.stringify(report, null, 2) + '\n',
  );
  const markdown = markdownReport(report.date, report.command, scales);
  await writeFile(new URL('point-lookups.md', RESULTS_DIR), markdown);
  log(`\n${markdown}\nwrote bench/results/point-lookups.json and bench/results/point-lookups.md`);
  return report.allAgree ? 0 : 1;
}

function markdownReport(date: string, command: string, scales: readonly ScaleRun[]): string {
  const [small, large] = scales as [ScaleRun, ScaleRun];
  const rows = POINT_LOOKUPS.map((operation) => {
    const a = small.comparison.workloads.find((w) => w.operation === operation)!;
    const b = large.comparison.workloads.find((w) => w.operation === operation)!;
    return `| ${b.label} | ${ms(a.graphql.median)} | ${ms(b.graphql.median)} | ${(b.graphql.median / a.graphql.median).toFixed(2)}x | ${ms(a.sql.median)} | ${ms(b.sql.median)} | ${b.ratio.toFixed(1)}x | ${statements(a)} / ${statements(b)} | ${a.agree && b.agree ? 'yes' : 'NO'} |`;
  });
  const machine = small.comparison.machine;
  return `# Point lookups at two corpus sizes (SYNTHETIC corpora)

Measured by \`${command}\` on ${date.slice(0, 10)}: ${machine.cpus} CPUs, Node ${machine.node}, ${machine.duckdb}.
1-minute load average ${machine.loadAverage1m5m15m.before[0]} at the start: read the ratios, not the milliseconds.

Each workload through GraphQL (HTTP POST to the real server, response cache off) and through
its raw SQL on a second read-only DuckDB instance of the same file, ${small.comparison.runs} timed rounds after ${small.comparison.warmup} warm-up
rounds, interleaved; medians in ms. Corpora: ${small.reports.toLocaleString('en')} reports (${small.departments.toLocaleString('en')} departments, ${small.dbMiB} MiB) and
${large.reports.toLocaleString('en')} reports (${large.departments.toLocaleString('en')} departments, ${large.dbMiB} MiB). The report looked up is, in each corpus,
the one with most flagged measures.

| workload (at ${large.reports.toLocaleString('en')} reports) | GraphQL at ${small.reports.toLocaleString('en')} | GraphQL at ${large.reports.toLocaleString('en')} | growth | SQL at ${small.reports.toLocaleString('en')} | SQL at ${large.reports.toLocaleString('en')} | GraphQL / SQL at ${large.reports.toLocaleString('en')} | statements | agree |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}
`;
}

function statements(result: WorkloadResult): number {
  return result.profile.statements;
}

process.exitCode = await main();
