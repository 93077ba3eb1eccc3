/**
 * The benchmark at one of three scales (bench/README.md, "run-scale.ts"):
 *
 *   npm run bench -- --scale S|M|L [--runs R] [--warmup W] [--duration D] [--rebuild]
 *
 * Builds (or reuses) the SYNTHETIC corpus of the scale, runs every workload of workloads.ts
 * against its raw SQL in the same run (workload-comparison.ts), then the concurrency run of
 * load.ts (32 clients for a bounded time against a server process on the same corpus), and
 * writes bench/results/<scale>.json and <scale>.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_SYNTHETIC_DEPARTMENTS } from '../src/synthetic/department-catalog.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { ensureBenchDatabase, type BenchDatabase, type Replication } from './bench-corpus.js';
import { runLoad, type LoadResult } from './load.js';
import { ms } from './timing.js';
import {
  compareWorkloads,
  loadAverage,
  phaseTable,
  workloadTable,
  type WorkloadComparison,
} from './workload-comparison.js';

/** A scale: departments over ten years, and how many timed rounds suit it by default. */
interface Scale {
  departments: number;
  /** Timed rounds per workload unless --runs says otherwise: fewer where a round is slow. */
  runs: number;
  /** Warm-up rounds per workload unless --warmup says otherwise. */
  warmup: number;
  /** Set where the catalogue cannot name so many departments: copies of a generated corpus. */
  replication?: Replication;
  /** Workloads left out at this scale, each with the reason the results give. */
  skipped?: Record<string, string>;
}

/** The three scales of the benchmark: ten years of reports of 100, 10,000 and 200,000 departments. */
const SCALES: Record<string, Scale> = {
  S: { departments: 100, runs: 15, warmup: 3 },
  M: { departments: 10_000, runs: 9, warmup: 3 },
  L: {
    departments: 200_000,
    runs: 3,
    warmup: 1,
    replication: { baseDepartments: 10_000, copies: 20 },
    skipped: {
      LowTargetRisk:
        "its whole answer would be about 1 GB of JSON (20 times M's 53 MB), more than one JavaScript string holds; LowTargetRiskPage asks for the same ranking a page at a time",
    },
  },
};
const FROM_YEAR = 2015;
const TO_YEAR = 2024;
/** The concurrency run's clients (20 % of them sending the named analytics). */
const CLIENTS = 32;
const HEAVY_SHARE = 0.2;

const RESULTS_DIR = new URL('./results/', import.meta.url);

interface RunOptions {
  scale: string;
  corpus: CorpusOptions;
  runs: number;
  warmup: number;
  durationS: number;
  rebuild: boolean;
}

function readOptions(args: string[] = process.argv.slice(2)): RunOptions {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string', default: '20' },
      rebuild: { type: 'boolean', default: false },
    },
  });
  const name = values.scale?.toUpperCase() ?? '';
  const scale = SCALES[name];
  if (!scale) throw new Error(`--scale must be S, M or L, got "${values.scale ?? ''}"`);
  if (!scale.replication && scale.departments > MAX_SYNTHETIC_DEPARTMENTS)
    throw new Error(
      `scale ${name} needs ${scale.departments} departments, but the synthetic catalogue names at most ${MAX_SYNTHETIC_DEPARTMENTS}`,
    );
  const int = (raw: string, flag: string, max: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new Error(`--${flag} must be an integer from 1 to ${max}, got "${raw}"`);
    return value;
  };
  return {
    scale: name,
    corpus: {
      seed: DEMO_CORPUS.seed,
      departments: scale.departments,
      fromYear: FROM_YEAR,
      toYear: TO_YEAR,
    },
    runs: values.runs === undefined ? scale.runs : int(values.runs, 'runs', 1000),
    warmup: values.warmup === undefined ? scale.warmup : int(values.warmup, 'warmup', 100),
    durationS: int(values.duration, 'duration', 600),
    rebuild: values.rebuild,
  };
}

async function main(): Promise<number> {
  const options = readOptions();
  const { corpus } = options;
  const log = (line: string) => console.log(line);
  const loads: Record<string, number[]> = { start: loadAverage() };
  const scale = SCALES[options.scale]!;
  const database = await ensureBenchDatabase(
    corpus,
    log,
    options.rebuild,
    undefined,
    scale.replication,
  );
  loads.afterCorpus = loadAverage();
  log(
    `SYNTHETIC corpus: ${database.departments} departments, ${database.reports} reports, ${(database.bytes / 2 ** 20).toFixed(1)} MiB${database.reused ? ' (reused)' : ''}`,
  );

  const comparison = await compareWorkloads(database.path, corpus, {
    warmup: options.warmup,
    runs: options.runs,
    log,
    except: Object.keys(scale.skipped ?? {}),
  });
  loads.afterComparison = loadAverage();

  // The concurrency run measures the API's work: with the response cache on, every repeated
  // analytic would be a cache hit. A JIXIAO_RESPONSE_CACHE_MB of the environment still wins.
  process.env.JIXIAO_RESPONSE_CACHE_MB ??= '0';
  log(`\nconcurrency: ${CLIENTS} clients for ${options.durationS} s`);
  const concurrency = await runLoad(
    {
      clients: CLIENTS,
      durationS: options.durationS,
      heavyShare: HEAVY_SHARE,
      hostileShare: 0,
      departments: corpus.departments,
      replication: scale.replication,
      years: [corpus.fromYear, corpus.toYear],
      seed: corpus.seed,
      out: '',
    },
    log,
  );
  loads.end = loadAverage();

  const command = `npm run bench -- --scale ${options.scale}${options.runs !== SCALES[options.scale]!.runs ? ` --runs ${options.runs}` : ''}${options.warmup !== scale.warmup ? ` --warmup ${options.warmup}` : ''}${options.durationS !== 20 ? ` --duration ${options.durationS}` : ''}`;
  const report: ScaleReport = {
    benchmark: 'scale',
    scale: options.scale,
    note: 'SYNTHETIC corpus (generated, fictitious departments of 示例市). Compare ratios within this run; absolute milliseconds vary between runs on this shared machine.',
    date: new Date().toISOString(),
    command,
    machine: { ...comparison.machine, loadAverage1m5m15m: loads },
    corpus: corpusRecord(corpus, database),
    comparison: {
      server: comparison.server,
      sqlSide: comparison.sqlSide,
      scope: comparison.scope,
      warmup: comparison.warmup,
      runs: comparison.runs,
      allAgree: comparison.allAgree,
      workloads: comparison.workloads,
    },
    skipped: scale.skipped ?? {},
    concurrency,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(
    new URL(`${options.scale}.json`, RESULTS_DIR),
    JSON.stringify(report, null, 2) + '\n',
  );
  await writeFile(
    new URL(`${options.scale}.md`, RESULTS_DIR),
    markdownReport(report, comparison, concurrency),
  );
  log(`\n${workloadTable(comparison.workloads)}\n\n${concurrencyTable(concurrency)}`);
  log(`wrote bench/results/${options.scale}.json and bench/results/${options.scale}.md`);
  const failed = comparison.workloads.filter((r) => !r.agree);
  if (failed.length) {
    console.error(
      `answers disagree for: ${failed.map((r) => r.operation).join(', ')} (see problems in the JSON)`,
    );
    return 1;
  }
  return 0;
}

/** The corpus as the results describe it: size, file, and how (and how fast) it was built. */
function corpusRecord(corpus: CorpusOptions, database: BenchDatabase) {
  return {
    synthetic: true,
    seed: corpus.seed,
    departments: database.departments,
    years: `${corpus.fromYear}-${corpus.toYear}`,
    reports: database.reports,
    dbFile: basename(database.path),
    dbBytes: database.bytes,
    dbMiB: Number((database.bytes / 2 ** 20).toFixed(1)),
    builtThisRun: !database.reused,
    build: database.build,
  };
}

/** What <scale>.json holds. */
interface ScaleReport {
  benchmark: 'scale';
  scale: string;
  note: string;
  date: string;
  command: string;
  machine: Omit<WorkloadComparison['machine'], 'loadAverage1m5m15m'> & {
    /** At the start, after the corpus, after the comparison and at the end. */
    loadAverage1m5m15m: Record<string, number[]>;
  };
  corpus: ReturnType<typeof corpusRecord>;
  comparison: Omit<WorkloadComparison, 'machine'>;
  /** Workloads left out at this scale, with the reason. */
  skipped: Record<string, string>;
  concurrency: LoadResult;
}

/** One line per kind of request of the concurrency run (Markdown). */
function concurrencyTable(load: LoadResult): string {
  const lines = [
    '| requests | count | req/s | p50 ms | p99 ms | max ms | errors | outcomes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [kind, s] of Object.entries(load.byKind)) {
    const outcomes = Object.entries(load.outcomes[kind] ?? {})
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    lines.push(
      `| ${kind} | ${s.requests} | ${s.perSecond} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.requests - s.ok} | ${outcomes} |`,
    );
  }
  return lines.join('\n');
}

function markdownReport(
  report: ScaleReport,
  comparison: WorkloadComparison,
  load: LoadResult,
): string {
  const { machine, corpus: c } = report;
  const loads = machine.loadAverage1m5m15m;
  const when =
    c.build && (c.builtThisRun ? 'in this run' : `on ${c.build.date.slice(0, 10)} and reused`);
  const made = c.build?.replication
    ? `${c.build.replication.copies} copies of the generated corpus ${c.build.replication.baseDatabase} (${c.build.replication.baseDepartments} departments) under new department codes and names, written by DuckDB in ${c.build.generateSeconds} s (bench/replicate-corpus.ts: the copies repeat the original's figures), imported from Parquet in ${c.build.importSeconds} s`
    : `generated on ${c.build?.workers} worker threads in ${c.build?.generateSeconds} s (${c.build?.reportsPerSecond} reports/s), imported in ${c.build?.importSeconds} s`;
  const build = c.build
    ? `built ${when}: ${made} (1-minute load average ${c.build.loadAverage[0]} at the end of the build)`
    : 'reused; how it was built was not recorded';
  const skipped = Object.entries(report.skipped);
  const left = skipped.length
    ? `\nLeft out at this scale: ${skipped.map(([operation, why]) => `${operation}, because ${why}`).join('; ')}.\n`
    : '';
  const memory = load.serverMemoryMB;
  const rss = memory
    ? `Server RSS (MB, ${memory.processes ?? 1} process${(memory.processes ?? 1) === 1 ? '' : 'es'}): ${fixed(memory.before)} before, ${fixed(memory.maxSampled)} at most while sampled every 250 ms, ${fixed(memory.after)} after; peak (VmHWM) ${fixed(memory.peak)}.`
    : 'Server RSS: not readable on this system.';
  return `# Benchmark at scale ${report.scale} (SYNTHETIC corpus)

Measured by \`${report.command}\` on ${report.date.slice(0, 10)}: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.totalMemoryGiB} GiB, Node ${machine.node}, DuckDB ${machine.duckdb}.
1-minute load average ${loads.start?.[0]} at the start, ${loads.afterCorpus?.[0]} after the corpus, ${loads.afterComparison?.[0]} after the comparison and ${loads.end?.[0]} at the end: other work shared the 2 cores, so read ratios within the run, not milliseconds across runs.

**SYNTHETIC corpus** (generated, fictitious departments of 示例市; seed ${c.seed}): ${c.departments} departments x ${c.years} = ${c.reports} reports, database file ${c.dbMiB} MiB; ${build}.

## GraphQL against raw SQL

${comparison.warmup} warm-up and ${comparison.runs} timed rounds per workload, GraphQL and SQL interleaved. GraphQL: the named operation of
\`schema/operations/\` over HTTP POST to the real server (body read and parsed), its response cache off. SQL: hand-written DuckDB SQL for the same
answer on a separate read-only instance of the same file, rows materialised with \`getRowObjectsJson()\`. Both answers agree on every figure
the workload checks (column "agree"). Year asked about: ${comparison.scope.year}.

${workloadTable(comparison.workloads)}
${left}
${phaseTable(comparison.workloads)}

## Concurrency

${load.clients} clients for ${load.seconds} s against a server process on the same file (${Math.round(load.heavyShare * load.clients)} of them sending the named analytics of
\`schema/operations/\`, the others point lookups of random reports), each one request after another, plus a prober of \`/healthz\` every
100 ms; the response cache off. The load generator runs on the same 2 cores as the server.

${concurrencyTable(load)}

${rss}
`;
}

function fixed(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(0);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
