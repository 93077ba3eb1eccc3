/**
 * A load test of the request budget (docs/operations.md, "Query limits and timeouts"): N clients
 * for a bounded time, each in one role (point lookups; heavy analytics, the named operations;
 * or the hostile 30-alias request), one request after another, plus a prober of /healthz, against a server this script starts (or one already running). It reports, per kind
 * of request, requests per second, p50, p99 and max; errors by code; and the server's resident
 * memory, read from /proc/<pid>/status. Every corpus here is SYNTHETIC (or the demo corpus with
 * its one real report); no figure describes a real department's performance.
 *
 *   npx tsx bench/load.ts                       # the demo corpus, 32 clients (20 % heavy), 20 s
 *   npx tsx bench/load.ts --departments 1000 --years 2015-2024 --hostile 0.1
 *   npx tsx bench/load.ts --url http://127.0.0.1:4000/graphql [--pid 1234]
 *   npx tsx bench/load.ts --workers 2            # jixiao serve --workers 2 (JIXIAO_WORKERS)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import { ensureBenchDatabase, type Replication } from './bench-corpus.js';
import { GraphQLClient } from './http-client.js';
import { quantile } from './timing.js';

type Kind = 'light' | 'heavy' | 'hostile' | 'healthz';

interface Sample {
  kind: Kind;
  label: string;
  ms: number;
  /** `OK`, the first error's code, `HTTP_<status>` without one, or `NETWORK`. */
  outcome: string;
  bytes: number;
}

interface Options {
  clients: number;
  durationS: number;
  heavyShare: number;
  hostileShare: number;
  url?: string;
  pid?: number;
  departments?: number;
  /** Set when the corpus of `departments` is copies of a smaller one (bench-corpus.ts). */
  replication?: Replication;
  years: [number, number];
  seed: number;
  /** Server processes (JIXIAO_WORKERS); unset: the environment's setting. */
  workers?: number;
  out: string;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '32' },
      duration: { type: 'string', default: '20' },
      heavy: { type: 'string', default: '0.2' },
      hostile: { type: 'string', default: '0' },
      url: { type: 'string' },
      pid: { type: 'string' },
      departments: { type: 'string' },
      years: { type: 'string', default: '2015-2024' },
      seed: { type: 'string', default: String(DEMO_CORPUS.seed) },
      workers: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const number = (raw: string, name: string, min: number, max: number) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  const [from, to = from] = values.years.split('-').map(Number);
  const departments = values.departments
    ? number(values.departments, 'departments', 1, 200_000)
    : undefined;
  const workers = values.workers ? number(values.workers, 'workers', 1, 64) : undefined;
  // Runs with --workers are named after it, so that runs at 1 and 2 workers sit side by side.
  const suffix = workers ? `-w${workers}` : '';
  return {
    clients: number(values.clients, 'clients', 1, 1_000),
    durationS: number(values.duration, 'duration', 1, 600),
    heavyShare: number(values.heavy, 'heavy', 0, 1),
    hostileShare: number(values.hostile, 'hostile', 0, 1),
    url: values.url,
    pid: values.pid ? number(values.pid, 'pid', 1, 2 ** 31) : undefined,
    departments,
    years: [from!, to!],
    seed: number(values.seed, 'seed', 0, 2 ** 31),
    workers,
    out:
      values.out ??
      join(
        'bench',
        'results',
        departments
          ? `load-d${departments}-y${from}-${to}${suffix}.json`
          : `load-demo${suffix}.json`,
      ),
  };
}

/** The server this script runs, as a child process so that its memory can be read. */
interface Started {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `src/server.ts` on a database: the demo corpus (loaded by the server on its first start
 * into a file kept in the system's temp folder), or a generated benchmark corpus with nothing
 * seeded. JIXIAO_* settings of this process's environment are passed on.
 */
async function startServer(options: Options, log: (line: string) => void): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
  if (options.workers) env.JIXIAO_WORKERS = String(options.workers);
  const dir = join(tmpdir(), 'jixiao-load');
  await mkdir(dir, { recursive: true });
  let emptySeeds: string | undefined;
  if (options.departments) {
    const corpus = await ensureBenchDatabase(
      {
        seed: options.seed,
        departments: options.departments,
        fromYear: options.years[0],
        toYear: options.years[1],
      },
      log,
      false,
      undefined,
      options.replication,
    );
    // The benchmark database is a folder of snapshots like any other: the server serves it as
    // it is, and its start-up writer publishes nothing, since it is given nothing to seed.
    emptySeeds = await mkdtemp(join(tmpdir(), 'jixiao-load-seeds-'));
    await writeFile(
      join(emptySeeds, 'departments.csv'),
      'code,name,aliases,sector,level,synthetic\n',
    );
    Object.assign(env, {
      JIXIAO_DB: corpus.path,
      JIXIAO_DEMO: '0',
      JIXIAO_SEED_REPORTS: emptySeeds,
      JIXIAO_DEPARTMENTS: join(emptySeeds, 'departments.csv'),
    });
  } else {
    Object.assign(env, { JIXIAO_DB: join(dir, 'demo.duckdb'), JIXIAO_DEMO: '1' });
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /serving GraphQL.* at (http:\/\/\S+\/graphql)/.exec(text);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${text}`)));
  });
  child.stdout!.resume();
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (emptySeeds) await rm(emptySeeds, { recursive: true, force: true });
    },
  };
}

/** VmRSS and VmHWM (peak) of a process, in MB, or null where /proc is not readable. */
async function memoryOfProcess(pid: number): Promise<{ rss: number; peak: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * A process and its descendants (a server's worker processes, and any helper they run), from
 * /proc; the process alone elsewhere.
 */
async function processTree(pid: number): Promise<number[]> {
  let children: number[] = [];
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(
      tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')),
    );
    children = lists.flatMap((l) => l.trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    // Not Linux, or the process is gone.
  }
  return [pid, ...(await Promise.all(children.map(processTree))).flat()];
}

/** The command line of a process, shortened to its program and script, for the results. */
async function commandOf(pid: number): Promise<string> {
  const argv = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return argv
    .split('\0')
    .filter((a) => a && !a.startsWith('-') && !a.startsWith('file:'))
    .map((a) => a.split('/').at(-1))
    .join(' ');
}

/** Memory of one process of a server's tree: its RSS and peak, and what it runs. */
interface ProcessMemory {
  pid: number;
  command: string;
  rss: number;
  peak: number;
}

/**
 * Memory of a server: its process and its descendants (worker processes with `--workers`),
 * summed, and each. `peak` is the sum of each process's own peak, an upper bound of the peak of
 * the whole.
 */
async function memoryOf(
  pid: number,
): Promise<{ rss: number; peak: number; processes: number; each: ProcessMemory[] } | null> {
  const pids = await processTree(pid);
  const each = (
    await Promise.all(
      pids.map(async (p) => {
        const memory = await memoryOfProcess(p);
        return memory ? { pid: p, command: await commandOf(p), ...memory } : null;
      }),
    )
  ).filter((m) => m !== null);
  if (each.length === 0) return null;
  return {
    rss: each.reduce((sum, m) => sum + m.rss, 0),
    peak: each.reduce((sum, m) => sum + m.peak, 0),
    processes: each.length,
    each,
  };
}

const POINT = `query Point($department: ID!, $year: Int!) {
  report(department: $department, year: $year) {
    basicShare executionRate expenditure { total { initialBudget fullYearBudget final } } score { total }
  }
}`;
const DEPARTMENT = `query Department($code: ID!) {
  department(code: $code) { code name sector reports { year executionRate basicShare } }
}`;
const PAGE = `query Page($after: String) {
  departments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { code reports { year } } }
}`;
/** targetRatchet 30 times over the whole corpus: the request of the security review. */
const HOSTILE = `{ ${Array.from(
  { length: 30 },
  (_, i) =>
    `r${i}: targetRatchet { year previousActual target matchedBy department { code name synthetic } indicator { seq name targetText actualText } previous { seq name } measure { unit direction } }`,
).join(' ')} }`;
const HEAVY_OPERATIONS = [
  'Benchmark',
  'ExpenditureStructure',
  'OvershootIndicators',
  'TargetRatchet',
  'LowTargetRisk',
  'DeductionTrends',
  'DataQuality',
];

/** What each request of the mix sends. */
interface Request {
  kind: Kind;
  label: string;
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
}

/** Reads the departments and their report years, a page of 100 at a time (light requests). */
async function discover(url: string): Promise<{ code: string; year: number }[]> {
  const client = new GraphQLClient(url);
  const reports: { code: string; year: number }[] = [];
  let after: string | null = null;
  try {
    for (;;) {
      const response = await client.post(PAGE, 'Page', { after });
      type Page = {
        departments: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: { code: string; reports: { year: number }[] }[];
        };
      };
      const page = (response.body.data as Page | undefined)?.departments;
      if (!page) throw new Error(`listing departments failed: ${JSON.stringify(response.body)}`);
      for (const node of page.nodes)
        for (const r of node.reports) reports.push({ code: node.code, year: r.year });
      if (!page.pageInfo.hasNextPage) return reports;
      after = page.pageInfo.endCursor;
    }
  } finally {
    client.close();
  }
}

/** What a client of each role sends, one request at a time, picked at random. */
function requestsOf(reports: readonly { code: string; year: number }[]) {
  const operations = new Map(readExampleOperations().map((o) => [o.name, o]));
  const figures = operations.get('ReportFigures')!;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
  return (role: Exclude<Kind, 'healthz'>): Request => {
    if (role === 'hostile')
      return { kind: 'hostile', label: 'TargetRatchet x30', query: HOSTILE, variables: {} };
    if (role === 'heavy') {
      const name = pick(HEAVY_OPERATIONS);
      const operation = operations.get(name)!;
      return {
        kind: 'heavy',
        label: name,
        query: operation.query,
        operationName: name,
        variables: {},
      };
    }
    const report = pick(reports);
    const light = Math.random();
    if (light < 0.6)
      return {
        kind: 'light',
        label: 'report',
        query: POINT,
        operationName: 'Point',
        variables: { department: report.code, year: report.year },
      };
    if (light < 0.8)
      return {
        kind: 'light',
        label: 'department',
        query: DEPARTMENT,
        operationName: 'Department',
        variables: { code: report.code },
      };
    return {
      kind: 'light',
      label: 'ReportFigures',
      query: figures.query,
      operationName: 'ReportFigures',
      variables: { department: report.code, year: report.year },
    };
  };
}

function outcomeOf(status: number, body: { errors?: { message: string }[] }): string {
  const first = body.errors?.[0] as { extensions?: { code?: unknown } } | undefined;
  const code = first?.extensions?.code;
  if (typeof code === 'string') return code;
  return status === 200 ? 'OK' : `HTTP_${status}`;
}

async function client(url: string, until: number, next: () => Request, samples: Sample[]) {
  const http = new GraphQLClient(url);
  try {
    while (performance.now() < until) {
      const request = next();
      const started = performance.now();
      try {
        // An anonymous operation goes without operationName (an empty one names no operation).
        const response = await http.post(
          request.query,
          request.operationName as string,
          request.variables,
        );
        samples.push({
          kind: request.kind,
          label: request.label,
          ms: performance.now() - started,
          outcome: outcomeOf(response.status, response.body),
          bytes: response.bytes,
        });
      } catch {
        samples.push({
          kind: request.kind,
          label: request.label,
          ms: performance.now() - started,
          outcome: 'NETWORK',
          bytes: 0,
        });
      }
    }
  } finally {
    http.close();
  }
}

/** /healthz every 100 ms on its own connection: how long the event loop keeps it waiting. */
async function prober(url: string, until: number, samples: Sample[]) {
  const health = url.replace(/\/graphql$/, '/healthz');
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(health).catch(() => null);
    const ok = response?.status === 200 && (await response.text()).includes('ok');
    samples.push({
      kind: 'healthz',
      label: 'healthz',
      ms: performance.now() - started,
      outcome: ok ? 'OK' : 'NETWORK',
      bytes: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function summary(samples: readonly Sample[], seconds: number) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: samples.length,
    perSecond: round(samples.length / seconds),
    p50: round(quantile(sorted, 0.5)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    ok: samples.filter((s) => s.outcome === 'OK').length,
  };
}

/** What a load run is told: clients, duration, the mix of requests, and the server or corpus. */
export type LoadOptions = Options;

/** What a load run measured: per kind and per operation, outcomes by code, the server's memory. */
export type LoadResult = Awaited<ReturnType<typeof runLoad>>;

/**
 * Runs the load of `options` against the server it names (or one started on its corpus, stopped
 * again at the end) and returns what it measured; load.ts writes it, run-scale.ts records it.
 */
export async function runLoad(options: LoadOptions, log: (line: string) => void = console.log) {
  const started = options.url ? undefined : await startServer(options, log);
  const url = options.url ?? started!.url;
  const pid = started?.pid ?? options.pid;
  try {
    log(`server ${url}${pid ? ` (pid ${pid})` : ''}`);
    const reports = await discover(url);
    log(`${reports.length} reports to look up`);
    const memory: { rss: number; peak: number }[] = [];
    const before = pid ? await memoryOf(pid) : null;
    const samples: Sample[] = [];
    const load = loadavg();
    const t0 = performance.now();
    const until = t0 + options.durationS * 1000;
    const sampler = setInterval(() => {
      if (pid) void memoryOf(pid).then((m) => m && memory.push(m));
    }, 250);
    // Each client has one role: a dashboard of analytics, an attacker, or point lookups.
    const next = requestsOf(reports);
    const hostile = Math.round(options.clients * options.hostileShare);
    const heavy = Math.round(options.clients * options.heavyShare);
    const roles = Array.from({ length: options.clients }, (_, i) =>
      i < hostile ? 'hostile' : i < hostile + heavy ? 'heavy' : 'light',
    ) as Exclude<Kind, 'healthz'>[];
    log(
      `clients: ${roles.filter((r) => r === 'light').length} light, ${heavy} heavy, ${hostile} hostile`,
    );
    await Promise.all([
      ...roles.map((role) => client(url, until, () => next(role), samples)),
      prober(url, until, samples),
    ]);
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const after = pid ? await memoryOf(pid) : null;
    const kinds = (['light', 'heavy', 'hostile', 'healthz'] as const).filter((k) =>
      samples.some((s) => s.kind === k),
    );
    const byKind = Object.fromEntries(
      kinds.map((k) => [
        k,
        summary(
          samples.filter((s) => s.kind === k),
          seconds,
        ),
      ]),
    );
    const outcomes: Record<string, Record<string, number>> = {};
    for (const s of samples) {
      outcomes[s.kind] ??= {};
      outcomes[s.kind]![s.outcome] = (outcomes[s.kind]![s.outcome] ?? 0) + 1;
    }
    const byLabel = Object.fromEntries(
      [...new Set(samples.map((s) => s.label))].map((label) => [
        label,
        summary(
          samples.filter((s) => s.label === label),
          seconds,
        ),
      ]),
    );
    const result = {
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        node: process.version,
        loadBefore: load,
        loadAfter: loadavg(),
      },
      corpus: options.url
        ? `the server at ${options.url}${options.departments ? ` (said to hold ${options.departments} departments)` : ''}`
        : options.departments
          ? `synthetic, ${options.departments} departments, ${options.years.join('-')}, seed ${options.seed}`
          : 'demo corpus (synthetic, plus the one real report)',
      settings: Object.fromEntries(
        Object.entries(process.env).filter(([k]) => k.startsWith('JIXIAO_')),
      ),
      clients: options.clients,
      seconds: Math.round(seconds * 10) / 10,
      heavyShare: options.heavyShare,
      hostileShare: options.hostileShare,
      byKind,
      outcomes,
      byLabel,
      workers: options.workers ?? (Number(process.env.JIXIAO_WORKERS) || 1),
      // Summed over the server's processes: with workers, the primary and each worker.
      serverMemoryMB: pid
        ? {
            processes: after?.processes,
            before: before?.rss,
            maxSampled: Math.max(...memory.map((m) => m.rss)),
            after: after?.rss,
            peak: after?.peak,
            eachAfter: after?.each.map((m) => ({
              pid: m.pid,
              command: m.command,
              rss: Math.round(m.rss),
              peak: Math.round(m.peak),
            })),
          }
        : null,
    };
    return result;
  } finally {
    await started?.stop();
  }
}

/** The console table of a load run: one line per kind of request, then the server's memory. */
export function loadTable(result: LoadResult): string {
  const lines = ['kind      requests   req/s     p50 ms     p99 ms     max ms   outcomes'];
  for (const [k, s] of Object.entries(result.byKind)) {
    lines.push(
      `${k.padEnd(9)} ${String(s.requests).padStart(8)} ${String(s.perSecond).padStart(7)} ${String(s.p50).padStart(10)} ${String(s.p99).padStart(10)} ${String(s.max).padStart(10)}   ${JSON.stringify(result.outcomes[k])}`,
    );
  }
  if (result.serverMemoryMB)
    lines.push(
      `server RSS (MB, ${result.serverMemoryMB.processes} processes): before ${result.serverMemoryMB.before?.toFixed(0)}, max sampled ${result.serverMemoryMB.maxSampled.toFixed(0)}, after ${result.serverMemoryMB.after?.toFixed(0)}, peak (VmHWM) ${result.serverMemoryMB.peak?.toFixed(0)}`,
    );
  return lines.join('\n');
}

async function main() {
  const options = readOptions();
  const result = await runLoad(options);
  await mkdir(join('bench', 'results'), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${loadTable(result)}`);
  console.log(`written to ${options.out}`);
}

// Run as a script; imported (by run-scale.ts), this module only lends runLoad.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  await main();
