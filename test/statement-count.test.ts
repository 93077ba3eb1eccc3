import { afterEach, describe, expect, it } from 'vitest';
import { openWriter } from '../src/db/prepare-database.js';
import { registerDepartments } from '../src/ingest/load/department-registry.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { startServer, type RunningServer } from '../src/server.js';
import { syntheticCopies } from './support/synthetic-copies.js';
import { tempConfig } from './support/temp-database.js';
import { postGraphQL } from './support/test-server.js';

const NESTED =
  '{ departments(first: 100) { nodes { code reports { year indicators { seq name } managementScores { level3 weight } } } } }';

const running: { server: RunningServer; cleanup(): void }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.server.stop();
    r.cleanup();
  }
});

/** A server over the real report plus `extra` synthetic copies under other department names. */
async function serverWith(extra: number): Promise<RunningServer> {
  const config = tempConfig();
  const writer = await openWriter(config);
  const { departments, reports } = syntheticCopies(extra);
  await registerDepartments(writer.kysely, departments);
  for (const r of reports)
    await loadReport(writer.kysely, parseReport(r.text, r.file), r.text, { synthetic: true });
  await writer.close();
  const server = await startServer(config, () => {});
  running.push({ server, cleanup: config.cleanup });
  return server;
}

/** Runs an operation and returns how many SQL statements it issued, with its data. */
async function countStatements(
  server: RunningServer,
  query: string,
): Promise<{ statements: number; departments: number }> {
  let statements = 0;
  const stop = server.db.pool.onQuery(() => statements++);
  const response = await postGraphQL<{
    departments: { nodes: { reports: { indicators: unknown[] }[] }[] };
  }>(server.url, query);
  stop();
  expect(response.errors?.[0]?.message).toBeUndefined();
  const nodes = response.data!.departments.nodes;
  for (const node of nodes) expect(node.reports[0]!.indicators).toHaveLength(15);
  return { statements, departments: nodes.length };
}

describe('nested fields are batched (no N+1)', () => {
  it('issues the same number of statements for 2 and for 9 departments', async () => {
    const few = await countStatements(await serverWith(1), NESTED);
    const many = await countStatements(await serverWith(8), NESTED);
    expect(few.departments).toBe(2);
    expect(many.departments).toBe(9);
    expect(many.statements).toBe(few.statements);
  });

  it('issues one statement per nested level: page, count, reports, indicators, management rows', async () => {
    const { statements } = await countStatements(await serverWith(3), NESTED);
    expect(statements).toBe(5);
  });

  it('labels the copies synthetic and leaves the real report real', async () => {
    const server = await serverWith(2);
    const response = await postGraphQL<{
      departments: {
        nodes: { code: string; synthetic: boolean; reports: { synthetic: boolean }[] }[];
      };
    }>(server.url, '{ departments { nodes { code synthetic reports { synthetic } } } }');
    const flags = response.data!.departments.nodes.map((n) => [
      n.code,
      n.synthetic,
      n.reports[0]!.synthetic,
    ]);
    expect(flags).toEqual([
      ['gz-zfw', false, false],
      ['syn-1', true, true],
      ['syn-2', true, true],
    ]);
  });
});

describe('analytics resolve nested departments in one batch', () => {
  it("issues the same number of statements for benchmark entries and their departments' reports, for 2 and 9 departments", async () => {
    const query =
      '{ benchmark(metric: BASIC_SHARE, year: 2023) { entries { department { code reports { year } } } } }';
    const count = async (server: RunningServer) => {
      let statements = 0;
      const stop = server.db.pool.onQuery(() => statements++);
      const response = await postGraphQL<{ benchmark: { entries: unknown[] } }>(server.url, query);
      stop();
      expect(response.errors).toBeUndefined();
      return { statements, entries: response.data!.benchmark.entries.length };
    };
    const few = await count(await serverWith(1));
    const many = await count(await serverWith(8));
    expect([few.entries, many.entries]).toEqual([2, 9]);
    expect(many.statements).toBe(few.statements);
  });

  it('resolves overshoot findings with their measures and departments in a bounded number of statements', async () => {
    const query =
      '{ overshootIndicators(fromYear: 2023, toYear: 2023, first: 1000) { department { name } indicator { name } measure { flags } } }';
    const counts: number[] = [];
    for (const extra of [1, 8]) {
      const server = await serverWith(extra);
      let statements = 0;
      const stop = server.db.pool.onQuery(() => statements++);
      const response = await postGraphQL<{ overshootIndicators: unknown[] }>(server.url, query);
      stop();
      expect(response.data!.overshootIndicators).toHaveLength(8 * (extra + 1));
      counts.push(statements);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
