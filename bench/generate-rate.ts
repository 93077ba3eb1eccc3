/**
 * How fast the synthetic corpus is written: on one thread (writeCorpus) against worker threads
 * (writeCorpusInParallel), alternated round by round so that both see the same background load.
 * Every corpus here is SYNTHETIC.
 *
 *   npx tsx bench/generate-rate.ts [--departments 300] [--years 2015-2024] [--rounds 3] [--workers N]
 *
 * Reports per second of wall time, and per second of CPU time (the process's, all threads):
 * on a machine other work shares, the second says what the work costs, the first what a run
 * waits. Writes bench/results/generate-rate.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus, type WrittenCorpus } from '../src/synthetic/corpus-writer.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { writeCorpusInParallel } from '../src/synthetic/parallel-corpus-writer.js';
import { stats } from './timing.js';

const { values } = parseArgs({
  options: {
    departments: { type: 'string', default: '300' },
    years: { type: 'string', default: '2015-2024' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});
const [fromYear, toYear = fromYear] = values.years.split('-').map(Number);
const corpus: CorpusOptions = {
  seed: DEMO_CORPUS.seed,
  departments: Number(values.departments),
  fromYear: fromYear!,
  toYear: toYear!,
};
const rounds = Number(values.rounds);
const workers = Number(values.workers);

/** One write of the corpus: reports per wall second and per CPU second. */
async function timed(write: (dir: string) => Promise<WrittenCorpus>) {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-generate-rate-'));
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const written = await write(dir);
    const wall = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    return {
      reports: written.reports,
      perSecond: written.reports / wall,
      perCpuSecond: written.reports / cpuSeconds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const variants = {
  serial: (dir: string) => writeCorpus(corpus, dir),
  parallel: (dir: string) => writeCorpusInParallel(corpus, dir, { workers }),
};
const loadBefore = loadavg();
const samples: Record<string, { perSecond: number[]; perCpuSecond: number[] }> = {};
for (let round = 0; round < rounds; round++) {
  for (const [name, write] of Object.entries(variants)) {
    const sample = await timed(write);
    const s = (samples[name] ??= { perSecond: [], perCpuSecond: [] });
    s.perSecond.push(sample.perSecond);
    s.perCpuSecond.push(sample.perCpuSecond);
    console.log(
      `round ${round + 1} ${name}: ${sample.reports} reports, ${sample.perSecond.toFixed(0)} reports/s, ${sample.perCpuSecond.toFixed(0)} reports per CPU-second (load ${loadavg()[0]!.toFixed(2)})`,
    );
  }
}
const summary = Object.fromEntries(
  Object.entries(samples).map(([name, s]) => [
    name,
    {
      reportsPerSecond: Math.round(stats(s.perSecond).median),
      reportsPerCpuSecond: Math.round(stats(s.perCpuSecond).median),
      samples: s.perSecond.map(Math.round),
    },
  ]),
);
const result = {
  benchmark: 'generate-rate',
  note: 'SYNTHETIC corpus. Medians of alternated rounds; the machine is shared, see the load average.',
  date: new Date().toISOString(),
  corpus: { ...corpus, synthetic: true },
  workers,
  rounds,
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadBefore: loadBefore.map((l) => Number(l.toFixed(2))),
    loadAfter: loadavg().map((l) => Number(l.toFixed(2))),
  },
  ...summary,
  speedup: Number(
    (summary.parallel!.reportsPerSecond / summary.serial!.reportsPerSecond).toFixed(2),
  ),
};
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(
  new URL('./results/generate-rate.json', import.meta.url),
  JSON.stringify(result, null, 2) + '\n',
);
console.log(
  `serial ${summary.serial!.reportsPerSecond} reports/s, ${workers} workers ${summary.parallel!.reportsPerSecond} reports/s: ${result.speedup}x`,
);
