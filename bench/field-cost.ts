/**
 * What a field costs: named operations timed as they stand and with fields left out, next to
 * the hand-written SQL for the full answer, interleaved in one run (bench/README.md). It explains
 * the large GraphQL / SQL ratios of graphql-vs-sql.ts by taking them apart. SYNTHETIC corpus.
 *
 *   npx tsx bench/field-cost.ts [--departments 1000] [--years 2015-2024] [--runs 15] [--warmup 3]
 *
 * Writes bench/results/field-cost.json and .md.
 */
import { loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { Kind, parse, print, visit } from 'graphql';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { ensureBenchDatabase } from './bench-corpus.js';
import { chooseScope, openSqlRunner, parseBenchOptions, startBenchServer } from './bench-server.js';
import { GraphQLClient } from './http-client.js';
import { interleaved, ms, stats, type Stats, type Variant } from './timing.js';
import { workloads } from './workloads.js';

/** Fields to leave out of a named operation, one variant each (cumulative lists, by name). */
const VARIANTS: Record<string, string[][]> = {
  ReportFigures: [[], ['basicShare', 'projectShare', 'personnelShare', 'executionRate']],
  Departments: [[], ['executionRate', 'basicShare'], ['reports']],
  ExpenditureStructure: [[], ['department'], ['department', 'parts']],
  TargetRatchet: [
    [],
    ['measure'],
    ['measure', 'department'],
    ['measure', 'department', 'indicator', 'previous'],
  ],
};

/** The operation's document without the named fields (wherever they are selected). */
function without(query: string, fields: readonly string[]): string {
  if (fields.length === 0) return query;
  const leftOut = new Set(fields);
  return print(
    visit(parse(query), {
      [Kind.FIELD](node) {
        return leftOut.has(node.name.value) ? null : undefined;
      },
    }),
  );
}

interface VariantResult {
  variant: string;
  statements: number;
  responseBytes: number;
  stats: Stats;
  /** Median / the SQL side's median. */
  ratioToSql: number;
}

async function main(): Promise<number> {
  const { corpus, runs, warmup, rebuild } = parseBenchOptions();
  const log = (line: string) => console.log(line);
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  const database = await ensureBenchDatabase(corpus, log, rebuild);
  const server = await startBenchServer(database.path, log);
  const client = new GraphQLClient(server.running.url);
  const sql = await openSqlRunner(server);
  const results: Record<string, VariantResult[]> = {};
  try {
    const scope = await chooseScope(sql, corpus);
    const operations = new Map(readExampleOperations().map((o) => [o.name, o]));
    for (const workload of workloads(scope)) {
      const variants = VARIANTS[workload.operation];
      const operation = operations.get(workload.operation);
      if (!variants || !operation) continue;
      const named = variants.map((fields) => ({
        name: fields.length ? `without ${fields.join(', ')}` : 'as named',
        query: without(operation.query, fields),
      }));
      // Statements and size of each variant's answer, from one request each before timing.
      const statements = new Map<string, number>();
      const bytes = new Map<string, number>();
      for (const v of named) {
        let count = 0;
        const unsubscribe = server.running.db.pool.onQuery(() => count++);
        const response = await client.post(v.query, workload.operation, workload.variables);
        unsubscribe();
        if (response.body.errors?.length)
          throw new Error(`${workload.operation} ${v.name}: ${response.body.errors[0]!.message}`);
        statements.set(v.name, count);
        bytes.set(v.name, response.bytes);
      }
      const timed: Variant[] = [
        ...named.map((v) => ({
          name: v.name,
          run: () => client.post(v.query, workload.operation, workload.variables),
        })),
        { name: 'SQL (full answer)', run: () => sql.run(workload.sql) },
      ];
      const samples = await interleaved(timed, warmup, runs);
      const sqlStats = stats(samples.get('SQL (full answer)')!);
      results[workload.operation] = timed.map((v) => {
        const s = stats(samples.get(v.name)!);
        return {
          variant: v.name,
          statements: statements.get(v.name) ?? workload.sql.length,
          responseBytes: bytes.get(v.name) ?? 0,
          stats: s,
          ratioToSql: s.median / sqlStats.median,
        };
      });
      log(`${workload.operation}:`);
      for (const r of results[workload.operation]!)
        log(
          `  ${r.variant.padEnd(58)} ${ms(r.stats.median).padStart(6)} ms  ${r.ratioToSql.toFixed(1)}x  ${r.statements} statements`,
        );
    }
  } finally {
    client.close();
    sql.close();
    await server.stop();
  }

  const resultsDir = new URL('./results/', import.meta.url);
  await mkdir(resultsDir, { recursive: true });
  const report = {
    benchmark: 'field-cost',
    note: 'SYNTHETIC corpus. Variants of one operation and the SQL side ran interleaved; compare within an operation.',
    date: new Date().toISOString(),
    command: `npx tsx bench/field-cost.ts --departments ${corpus.departments} --years ${corpus.fromYear}-${corpus.toYear} --runs ${runs}`,
    corpus: {
      synthetic: true,
      ...corpus,
      reports: database.reports,
      dbMiB: +(database.bytes / 2 ** 20).toFixed(1),
    },
    loadAverage1m5m15m: { before: loadBefore, after: loadavg().map((l) => Number(l.toFixed(2))) },
    warmup,
    runs,
    operations: results,
  };
  await writeFile(new URL('field-cost.json', resultsDir), JSON.stringify(report, null, 2) + '\n');
  const lines = [
    `# What fields cost (SYNTHETIC corpus)`,
    '',
    `Measured by \`${report.command}\` on ${report.date.slice(0, 10)}: ${corpus.departments} synthetic departments x ${corpus.fromYear}-${corpus.toYear} (${database.reports} reports).`,
    `Each operation's variants and the hand-written SQL for its full answer ran interleaved, ${runs} rounds after ${warmup} warm-up rounds.`,
    '',
    '| operation | variant | median ms | p90 ms | x SQL | statements | response KiB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(results).flatMap(([operation, rows]) =>
      rows.map(
        (r) =>
          `| ${operation} | ${r.variant} | ${ms(r.stats.median)} | ${ms(r.stats.p90)} | ${r.ratioToSql.toFixed(1)} | ${r.statements} | ${r.variant.startsWith('SQL') ? '' : (r.responseBytes / 1024).toFixed(1)} |`,
      ),
    ),
    '',
  ];
  await writeFile(new URL('field-cost.md', resultsDir), lines.join('\n'));
  log('wrote bench/results/field-cost.json and bench/results/field-cost.md');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
