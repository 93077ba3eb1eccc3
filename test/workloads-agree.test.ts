import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusOptions } from '../src/synthetic/generate-corpus.js';
import { ensureBenchDatabase } from '../bench/bench-corpus.js';
import {
  chooseScope,
  openSqlRunner,
  startBenchServer,
  type BenchServer,
  type SqlRunner,
} from '../bench/bench-server.js';
import { GraphQLClient } from '../bench/http-client.js';
import { workloadAgreement } from '../bench/workload-agreement.js';
import { workloads, type WorkloadScope } from '../bench/workloads.js';
import { readExampleOperations } from '../src/graphql/example-operations.js';

/**
 * The benchmark's workloads (bench/workloads.ts) on a small SYNTHETIC corpus: each named
 * operation, sent to the real server as the benchmark sends it, gives the figures of the raw SQL
 * the benchmark times it against. Three years, so that the year asked about (the last but one)
 * has a year before it for the ratchet and the changes in share. Nothing here is timed.
 */
const corpus: CorpusOptions = { seed: 20240601, departments: 20, fromYear: 2022, toYear: 2024 };

/** The operations in the order the benchmark runs them (names do not depend on the scope). */
const operations = workloads({ year: 0, reportDepartment: '', seriesDepartments: [] }).map(
  (w) => w.operation,
);

describe('every benchmark workload through GraphQL and through its raw SQL', () => {
  let dir: string;
  let server: BenchServer;
  let sql: SqlRunner;
  let client: GraphQLClient;
  let scope: WorkloadScope;
  const documents = new Map(readExampleOperations().map((o) => [o.name, o.query]));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-workloads-'));
    const database = await ensureBenchDatabase(corpus, () => {}, false, dir);
    server = await startBenchServer(database.path, () => {});
    sql = await openSqlRunner(server);
    client = new GraphQLClient(server.running.url);
    scope = await chooseScope(sql, corpus);
  });

  afterAll(async () => {
    client?.close();
    sql?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(operations)('%s gives the same figures, and some', async (operation) => {
    const workload = workloads(scope).find((w) => w.operation === operation)!;
    const response = await client.post(documents.get(operation)!, operation, workload.variables);
    const agreement = workloadAgreement(workload, response, await sql.run(workload.sql));
    expect(agreement.problems).toEqual([]);
    expect(agreement.sqlRows).toBeGreaterThan(0);
  });
});
