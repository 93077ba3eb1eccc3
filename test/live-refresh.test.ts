import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/access/token-store.js';
import { main } from '../src/cli.js';
import { SnapshotStore } from '../src/db/snapshot-store.js';
import { syntheticCopies } from './support/synthetic-copies.js';
import { startTestServer } from './support/test-server.js';
import { testIo } from './support/test-io.js';

/**
 * New data reaches a running server without a restart: a writer (`jixiao ingest`, `import`,
 * `generate`, `snapshot rollback`) publishes a new snapshot while the server serves the current
 * one read-only, and the server swaps to it between requests. The reports ingested here are
 * copies of the real report under synthetic department names (syn-1 …), registered beforehand,
 * so that before the ingest the answer is "no report" (null) and after it the real report's
 * figures, complete.
 */

const COPIES = syntheticCopies(4);
let dir: string;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-live-'));
  const registry = [
    readFileSync('seeds/departments.csv', 'utf8').trimEnd(),
    ...COPIES.departments.map((d) => `${d.code},${d.name},,${d.sector},${d.level},true`),
  ];
  writeFileSync(join(dir, 'departments.csv'), registry.join('\n') + '\n');
  for (const report of COPIES.reports) writeFileSync(join(dir, report.file), report.text);
  writeFileSync(join(dir, 'damaged.txt'), '2023年度合成测试部门004部门整体支出绩效自评报告\n');
  server = await startTestServer({ departmentsCsv: join(dir, 'departments.csv') });
});
afterAll(async () => {
  await server.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The figures of a report that a partial load would lack: every table, by count and value. */
const FIGURES = `query Figures($department: ID!) {
  report(department: $department, year: 2023) {
    expenditure { total { initialBudget fullYearBudget final } basic { final } project { final } }
    basicShare executionRate
    score { total duty { score } management { score } }
    keyTasks { seq name }
    indicators { seq name targetText actualText measures { target actual attainment } }
    managementScores { level3 weight score }
    deductions { part item points }
    problems improvements
    dataQuality { check severity expected actual }
  }
}`;

interface Answer {
  version: string | null;
  report: unknown;
}

/** One GraphQL answer with the data version it was computed from (its response header). */
async function figures(department: string): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FIGURES, variables: { department } }),
  });
  const body = (await response.json()) as { data?: { report: unknown }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { version: response.headers.get('jixiao-data-version'), report: body.data!.report };
}

async function readyz(): Promise<{ status: string; dataVersion: string }> {
  return (await (await fetch(server.url.replace('/graphql', '/readyz'))).json()) as {
    status: string;
    dataVersion: string;
  };
}

async function reload(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(server.url.replace('/graphql', '/admin/reload'), {
    method: 'POST',
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Waits until the server serves `version` by itself (pointer watch, or its poll). */
async function servedSoon(version: string): Promise<void> {
  while ((await readyz()).dataVersion !== version)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The version a CLI run published, from what it printed. */
function publishedBy(stdout: string[]): string {
  const line = stdout.find((l) => l.startsWith('published snapshot '));
  if (!line) throw new Error(`nothing published: ${stdout.join('\n')}`);
  return line.split(' ')[2]!;
}

async function ingest(file: string): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const io = testIo();
  const code = await main(['ingest', join(dir, file), '--synthetic'], io, server.config);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('refreshing the data of a running server', () => {
  it('serves a report ingested by `jixiao ingest` in another process, without a restart', async () => {
    const before = await readyz();
    expect(await figures('syn-1')).toEqual({ version: before.dataVersion, report: null });

    const { stdout } = await promisify(execFile)(
      join('node_modules', '.bin', 'tsx'),
      ['src/cli.ts', 'ingest', join(dir, 'synthetic-1.txt'), '--synthetic'],
      {
        env: {
          ...process.env,
          JIXIAO_DB: server.config.databasePath,
          JIXIAO_DEPARTMENTS: server.config.departmentsCsv,
        },
      },
    );
    expect(stdout).toContain('1 files: 1 inserted, 0 replaced, 0 unchanged, 0 failed');
    const published = publishedBy(stdout.split('\n'));

    await servedSoon(published);
    const real = await figures('gz-zfw');
    expect(await figures('syn-1')).toEqual({ version: published, report: real.report });
  });

  it('never shows a request a report in part: each answer has no report or all of it', async () => {
    const before = (await readyz()).dataVersion;
    const complete = (await figures('gz-zfw')).report;
    const answers: Answer[] = [];
    let stop = false;
    const stream = async () => {
      while (!stop) answers.push(await figures('syn-2'));
    };
    const streams = [stream(), stream(), stream()];

    const { code, stdout } = await ingest('synthetic-2.txt');
    expect(code).toBe(0);
    const published = publishedBy(stdout);
    await servedSoon(published);
    while (!answers.some((a) => a.version === published))
      await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    await Promise.all(streams);

    for (const answer of answers) {
      if (answer.version === before) expect(answer.report).toBeNull();
      else expect(answer).toEqual({ version: published, report: complete });
    }
    expect(answers.some((a) => a.version === before)).toBe(true);
  });

  it('publishes nothing when the ingest fails: the server keeps its data', async () => {
    const store = SnapshotStore.of(server.config);
    const before = await readyz();
    const kept = await store.list();

    const { code, stdout, stderr } = await ingest('damaged.txt');
    expect(code).toBe(1);
    expect(stderr[0]).toMatch(/^error: .*damaged\.txt/);
    expect(stdout).toEqual([
      'nothing changed: no new snapshot',
      '1 files: 0 inserted, 0 replaced, 0 unchanged, 1 failed',
    ]);

    expect(await store.list()).toEqual(kept);
    expect(await reload()).toEqual({
      status: 200,
      body: { status: 'unchanged', dataVersion: before.dataVersion },
    });
    expect(await figures('syn-4')).toEqual({ version: before.dataVersion, report: null });
  });

  it('returns to the previous data on `jixiao snapshot rollback`', async () => {
    const before = (await readyz()).dataVersion;
    const published = publishedBy((await ingest('synthetic-3.txt')).stdout);
    expect((await reload()).body.dataVersion).toBe(published);
    expect((await figures('syn-3')).report).not.toBeNull();

    const io = testIo();
    expect(await main(['snapshot', 'rollback'], io, server.config)).toBe(0);
    expect(io.stdout).toEqual([
      `current snapshot is now ${before} (was ${published}); a running server serves it within seconds`,
    ]);
    expect((await reload()).body.dataVersion).toBe(before);
    expect(await figures('syn-3')).toEqual({ version: before, report: null });

    const listed = testIo();
    expect(await main(['snapshot', 'list'], listed, server.config)).toBe(0);
    expect(listed.stdout[0]).toMatch(
      new RegExp(`^current: ${before}\\.duckdb \\(since .*, by rollback\\)$`),
    );
    expect(listed.stdout.slice(1).map((l) => l.split('\t').slice(0, 2))).toContainEqual([
      ' ',
      published,
    ]);
  });

  it('exports the served data while the server runs', async () => {
    const out = join(dir, 'export');
    const io = testIo();
    expect(
      await main(['export', out, '--format', 'csv', '--headers', 'en'], io, server.config),
    ).toBe(0);
    const reports = readFileSync(join(out, 'reports.csv'), 'utf8');
    expect(reports).toContain('gz-zfw');
    expect(reports).toContain('syn-1');
  });

  it('names the data version at /readyz and in every answer', async () => {
    const { dataVersion } = await readyz();
    expect(dataVersion).toEqual(server.data.version);
    expect(dataVersion).toMatch(/^\d{8}T\d{6}Z-\d+$/);
    expect((await figures('gz-zfw')).version).toBe(dataVersion);
  });

  it('reloads on POST /admin/reload only', async () => {
    const response = await fetch(server.url.replace('/graphql', '/admin/reload'));
    expect(response.status).toBe(405);
  });
});

describe('POST /admin/reload with access control', () => {
  it('is for ADMIN tokens: another role is refused, and nothing is reloaded', async () => {
    const tokensPath = join(dir, 'tokens.json');
    const admin = await createToken(tokensPath, { role: 'ADMIN', department: null }, 'operator');
    const analyst = await createToken(tokensPath, { role: 'ANALYST', department: null }, 'reader');
    const guarded = await startTestServer({ tokensPath });
    try {
      const reload = (secret?: string) =>
        fetch(guarded.url.replace('/graphql', '/admin/reload'), {
          method: 'POST',
          headers: secret ? { authorization: `Bearer ${secret}` } : {},
        });
      expect((await reload()).status).toBe(401);
      const refused = await reload(analyst.secret);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({
        errors: [{ extensions: { code: 'FORBIDDEN' } }],
      });
      const allowed = await reload(admin.secret);
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toEqual({
        status: 'unchanged',
        dataVersion: guarded.data.version,
      });
    } finally {
      await guarded.cleanup();
    }
  });
});
