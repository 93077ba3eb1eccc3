/**
 * The response cache against no cache (docs/operations.md, "The response cache"): each dashboard
 * operation of `schema/operations/` is sent one request after another for a bounded time, first
 * to a server with the cache off, then to one with it on, over one kept-alive connection. Each
 * is rated twice: reading each answer whole without parsing it (the server's throughput, as a
 * load generator measures it) and reading and parsing it as a dashboard would (the client's
 * JSON.parse, the same with and without the cache, then counts too). The script prints requests
 * per second of both and their ratios, and writes `results/response-cache-d<N>-y<A>-<B>.json`.
 * Every corpus here is SYNTHETIC.
 *
 *   npx tsx bench/response-cache.ts [--departments 1000] [--years 2015-2024] [--seconds 5]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { startServer } from '../src/server.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import { ensureBenchDatabase } from './bench-corpus.js';
import { GraphQLClient } from './http-client.js';

/** The operations a dashboard polls whose default variables need no particular department. */
const DASHBOARD = [
  'Benchmark',
  'ExpenditureStructure',
  'DeductionTrends',
  'LowTargetRisk',
  'DataQuality',
];

const { values } = parseArgs({
  options: {
    departments: { type: 'string', default: '1000' },
    years: { type: 'string', default: '2015-2024' },
    seconds: { type: 'string', default: '5' },
  },
});
const [fromYear, toYear] = values.years.split('-').map(Number) as [number, number];
const seconds = Number(values.seconds);
const corpus = {
  seed: DEMO_CORPUS.seed,
  departments: Number(values.departments),
  fromYear,
  toYear,
};

/** How one operation was rated against one server. */
interface Rate {
  /** Requests per second, each answer read whole but not parsed. */
  read: number;
  /** Requests per second, each answer read and parsed. */
  parsed: number;
  /** Size of one answer. */
  bytes: number;
}

/** Requests one after another for `seconds`, each through `send`; requests per second. */
async function perSecond(send: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    await send();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

/** Rates one operation, once reading its answers and once parsing them too. */
async function rate(client: GraphQLClient, query: string, name: string): Promise<Rate> {
  const first = await client.post(query, name, {});
  if (first.status !== 200 || first.body.errors)
    throw new Error(`${name}: ${first.status} ${JSON.stringify(first.body.errors)}`);
  const read = await perSecond(async () => {
    const answer = await client.postUnparsed(query, name, {});
    if (answer.status !== 200 || answer.bytes !== first.bytes)
      throw new Error(
        `${name}: ${answer.status}, ${answer.bytes} bytes where the first had ${first.bytes}`,
      );
  });
  const parsed = await perSecond(() => client.post(query, name, {}));
  return { read, parsed, bytes: first.bytes };
}

async function measure(databasePath: string, cacheMb: number): Promise<Record<string, Rate>> {
  const empty = await mkdtemp(join(tmpdir(), 'jixiao-bench-seeds-'));
  const departmentsCsv = join(empty, 'departments.csv');
  await writeFile(departmentsCsv, 'code,name,aliases,sector,level,synthetic\n');
  const running = await startServer(
    {
      ...loadConfig({}),
      databasePath,
      port: 0,
      host: '127.0.0.1',
      loadDemo: false,
      seedReportsDir: empty,
      departmentsCsv,
      responseCacheMb: cacheMb,
      logLevel: 'silent',
    },
    () => {},
  );
  try {
    const client = new GraphQLClient(running.url);
    const rates: Record<string, Rate> = {};
    for (const op of readExampleOperations().filter((o) => DASHBOARD.includes(o.name)))
      rates[op.name] = await rate(client, op.query, op.name);
    return rates;
  } finally {
    await running.stop();
    await rm(empty, { recursive: true, force: true });
  }
}

const database = await ensureBenchDatabase(corpus, console.log);
const loadBefore = loadavg()[0]!;
const off = await measure(database.path, 0);
const on = await measure(database.path, 64);
const round = (value: number) => Math.round(value * 10) / 10;
const rows = DASHBOARD.map((name) => {
  const [uncached, cached] = [off[name]!, on[name]!];
  return {
    operation: name,
    answerKiB: round(cached.bytes / 1024),
    uncachedPerSecond: round(uncached.read),
    cachedPerSecond: round(cached.read),
    ratio: round(cached.read / uncached.read),
    uncachedParsedPerSecond: round(uncached.parsed),
    cachedParsedPerSecond: round(cached.parsed),
    parsedRatio: round(cached.parsed / uncached.parsed),
  };
});
console.table(rows);
const out = join(
  import.meta.dirname,
  'results',
  `response-cache-d${corpus.departments}-y${fromYear}-${toYear}.json`,
);
await writeFile(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      corpus: { ...corpus, synthetic: true, reports: database.reports },
      secondsPerOperation: seconds,
      node: process.version,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      rows,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${out}`);
