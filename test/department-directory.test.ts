import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { syntheticCopies } from './support/synthetic-copies.js';
import { postGraphQL, startTestServer } from './support/test-server.js';
import { testIo } from './support/test-io.js';

/**
 * A published snapshot's departments are read once and then looked up in memory
 * (analytics/department-directory.ts): answers name their departments without a statement per
 * request, and a snapshot published later brings its own directory.
 */

const REPORT = `query Report($department: ID!) {
  report(department: $department, year: 2023) { department { code name sector } basicShareText }
}`;

interface ReportAnswer {
  report: { department: { code: string; name: string; sector: string | null } } | null;
}

describe('the department directory of a published snapshot', () => {
  const [copy] = syntheticCopies(1).departments;
  const [copyReport] = syntheticCopies(1).reports;
  let dir: string;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-directory-'));
    writeFileSync(join(dir, copyReport!.file), copyReport!.text);
    // Without the response cache, which would answer a repeated request with no statement at all.
    server = await startTestServer({ responseCacheMb: 0 });
  });
  afterAll(async () => {
    await server.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The SQL of every statement the served snapshot runs while `work` does. */
  async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    const stop = server.data.db.pool.onQuery((sql) => statements.push(sql));
    try {
      await work();
    } finally {
      stop();
    }
    return statements;
  }

  it('names a report’s department without reading the departments table again', async () => {
    const ask = () => postGraphQL<ReportAnswer>(server.url, REPORT, { department: 'gz-zfw' });
    await ask();
    let answer: Awaited<ReturnType<typeof ask>> | undefined;
    const statements = await statementsDuring(async () => (answer = await ask()));
    expect(answer!.data?.report?.department).toEqual({
      code: 'gz-zfw',
      name: '中国共产党广州市委员会政法委员会',
      sector: '政法',
    });
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((sql) => /from "departments"/i.test(sql))).toEqual([]);
  });

  it('knows a department registered by an import published after it was read', async () => {
    // This snapshot's directory is read, and the department is not in it.
    await postGraphQL<ReportAnswer>(server.url, REPORT, { department: 'gz-zfw' });
    const before = await postGraphQL<ReportAnswer>(server.url, REPORT, { department: copy!.code });
    expect(before.data?.report).toBeNull();

    const registry = [
      readFileSync('seeds/departments.csv', 'utf8').trimEnd(),
      `${copy!.code},${copy!.name},,${copy!.sector},${copy!.level},true`,
    ];
    writeFileSync(join(dir, 'departments.csv'), registry.join('\n') + '\n');
    const code = await main(
      [
        'ingest',
        join(dir, copyReport!.file),
        '--synthetic',
        '--departments',
        join(dir, 'departments.csv'),
      ],
      testIo(),
      server.config,
    );
    expect(code).toBe(0);
    await server.data.refresh({ force: true });

    const after = await postGraphQL<ReportAnswer>(server.url, REPORT, { department: copy!.code });
    expect(after.errors).toBeUndefined();
    expect(after.data?.report?.department).toEqual({
      code: copy!.code,
      name: copy!.name,
      sector: copy!.sector,
    });
  });
});
