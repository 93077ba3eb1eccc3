import DataLoader from 'dataloader';
import { execute, parse } from 'graphql';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../src/access/token-store.js';
import { departmentsByCode } from '../src/analytics/departments.js';
import { reportsOfDepartments } from '../src/analytics/report-parts.js';
import { createContext } from '../src/graphql/context.js';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { schema } from '../src/graphql/schema.js';
import type { Viewer } from '../src/graphql/viewer.js';
import { openAccessControl } from '../src/http/access-control.js';
import { createHttpApp } from '../src/http/http-app.js';
import { postAs, startAccessServer, type AccessServer } from './support/access-server.js';
import { FIXTURE_DEPARTMENTS } from './support/fixture-corpus.js';

/**
 * Access control with a tokens file, on the fixture server: the real report of gz-zfw and five
 * synthetic fixture departments (fx-a … fx-e). An ANALYST token reads everything; a
 * DEPARTMENT:gz-zfw token reads gz-zfw in full and the five others only as anonymous
 * distributions; a request without a valid token reads nothing.
 */

const OWN = 'DEPARTMENT:gz-zfw';
const OTHERS = FIXTURE_DEPARTMENTS.map((d) => ({ code: d.code, name: d.name }));

let server: AccessServer;
let base: string;
beforeAll(async () => {
  server = await startAccessServer(['ADMIN', 'ANALYST', OWN]);
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => server.cleanup());

const ask = (role: string | null, query: string, variables: Record<string, unknown> = {}) =>
  postAs(server.url, role === null ? null : server.tokens[role]!, query, variables);

const operations = new Map(readExampleOperations().map((op) => [op.name, op.query]));
const operation = (name: string) => operations.get(name)!;

/** Fails naming any other department whose code or name the text holds. */
function expectNoOtherDepartment(text: string): void {
  const named = OTHERS.filter((d) => text.includes(d.code) || text.includes(d.name));
  expect(named).toEqual([]);
}

describe('a request without a valid token, when a tokens file exists', () => {
  it('is refused with 401, a JSON error UNAUTHENTICATED and a bearer challenge', async () => {
    const answer = await ask(null, '{ years }');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="jixiao"');
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      {
        message: expect.stringContaining('Authorization: Bearer <token>'),
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it('is refused when the token is not one of the file', async () => {
    const answer = await postAs(server.url, `jx_${'A'.repeat(43)}`, '{ years }');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('is refused when the scheme is not Bearer', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${server.tokens.ANALYST}`,
      },
      body: JSON.stringify({ query: '{ years }' }),
    });
    expect(response.status).toBe(401);
    await response.text();
  });

  it('takes effect without a restart: a token created while serving works, and once revoked is refused', async () => {
    const { secret, record } = await createToken(
      server.tokensPath,
      { role: 'ANALYST', department: null },
      'created while serving',
    );
    expect((await postAs(server.url, secret, '{ years }')).data).toEqual({
      years: [2020, 2021, 2022, 2023],
    });
    await revokeToken(server.tokensPath, record.id);
    const refused = await postAs(server.url, secret, '{ years }');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toBe('the bearer token has been revoked');
  });

  it('is refused when the token has expired, saying when and how to get a new one', async () => {
    const { secret } = await createToken(
      server.tokensPath,
      { role: 'ANALYST', department: null },
      'expired',
      { now: new Date('2025-01-01T00:00:00Z'), expires: new Date('2025-07-01T00:00:00Z') },
    );
    const refused = await postAs(server.url, secret, '{ years }');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toEqual([
      {
        message:
          'the bearer token expired on 2025-07-01T00:00:00.000Z; ask the administrator of this server for a new one (jixiao token create)',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it('is refused from the moment its token expires, by a server that keeps running and a file that does not change', async () => {
    const expires = new Date('2027-06-30T00:00:00Z');
    const { secret } = await createToken(
      server.tokensPath,
      { role: 'ANALYST', department: null },
      'expiring while serving',
      { now: new Date('2026-06-30T00:00:00Z'), expires },
    );
    let now = Date.parse('2027-06-29T23:59:59.999Z');
    const access = await openAccessControl(
      { host: '127.0.0.1', tokensPath: server.tokensPath, graphiql: false, introspection: false },
      () => {},
      () => now,
    );
    const app = await createHttpApp({ schema, db: server.db.kysely, access });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
    try {
      expect((await postAs(url, secret, '{ years }')).data).toEqual({
        years: [2020, 2021, 2022, 2023],
      });
      now = expires.getTime();
      const refused = await postAs(url, secret, '{ years }');
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.message).toBe(
        'the bearer token expired on 2027-06-30T00:00:00.000Z; ask the administrator of this server for a new one (jixiao token create)',
      );
      expect((await postAs(url, server.tokens.ANALYST!, '{ years }')).status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('still gets the pages that hold no data: /healthz and the dashboard', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const dashboard = await fetch(`${base}/dashboard`);
    expect(dashboard.status).toBe(200);
    await dashboard.text();
  });

  it('gets no download either', async () => {
    const response = await fetch(`${base}/export/Benchmark.csv`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
});

describe('an ANALYST token', () => {
  it('reads every department, its report and its place in a benchmark', async () => {
    const answer = await ask(
      'ANALYST',
      `{ departments(first: 50) { totalCount nodes { code } }
         report(department: "fx-a", year: 2023) { id department { name } }
         benchmark(metric: BASIC_SHARE, year: 2023) { count min max entries { department { code } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data as {
      departments: { totalCount: number };
      report: { id: string; department: { name: string } };
      benchmark: { count: number; min: number; entries: unknown[] };
    };
    expect(data.departments.totalCount).toBe(6);
    expect(data.report).toEqual({ id: 'fx-a/2023', department: { name: '测试夹具部门甲' } });
    expect(data.benchmark.entries).toHaveLength(6);
    expect(data.benchmark.min).toEqual(expect.any(Number));
  });
});

describe('a DEPARTMENT:gz-zfw token', () => {
  it('reads its own report in full: the answer an ANALYST gets', async () => {
    const own = await ask(OWN, operation('ReportFigures'), { department: 'gz-zfw', year: 2023 });
    const analyst = await ask('ANALYST', operation('ReportFigures'), {
      department: 'gz-zfw',
      year: 2023,
    });
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual(analyst.data);
    expect((own.data as { report: { indicators: unknown[] } }).report.indicators).toHaveLength(15);
  });

  it('reads its own department, its reports and their findings at any depth', async () => {
    const answer = await ask(
      OWN,
      `{ department(code: "gz-zfw") { name reports { id department { code }
           dataQuality { department { code } } indicators { name } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.text).toContain('中国共产党广州市委员会政法委员会');
    expect(answer.text).toContain('"dataQuality":[{"department":{"code":"gz-zfw"}}');
  });

  it('lists only its own department, and counts only it', async () => {
    const answer = await ask(OWN, operation('Departments'), { first: 50 });
    expect(answer.errors).toBeUndefined();
    const page = (answer.data as { departments: { totalCount: number; nodes: { code: string }[] } })
      .departments;
    expect(page.totalCount).toBe(1);
    expect(page.nodes.map((n) => n.code)).toEqual(['gz-zfw']);
    const searched = await ask(OWN, '{ departments(search: "测试夹具") { totalCount } }');
    expect(searched.data).toEqual({ departments: { totalCount: 0 } });
    const byAlias = await ask(OWN, '{ departments(search: "广州市委政法委") { nodes { code } } }');
    expect(byAlias.data).toEqual({ departments: { nodes: [{ code: 'gz-zfw' }] } });
  });

  /** Every way of naming another department in an argument, each refused naming the code. */
  const askedForOthers: [string, string][] = [
    ['report(department:)', '{ report(department: "fx-a", year: 2023) { title } }'],
    ['department(code:)', '{ department(code: "fx-a") { name } }'],
    [
      'benchmark(departments:)',
      '{ benchmark(metric: BASIC_SHARE, year: 2023, departments: ["fx-a"]) { count } }',
    ],
    [
      'metricSeries(departments:)',
      '{ metricSeries(metric: SELF_SCORE, departments: ["gz-zfw", "fx-a"]) { cagr } }',
    ],
    [
      'expenditureStructure(departments:)',
      '{ expenditureStructure(year: 2023, departments: ["fx-a"]) { total } }',
    ],
    [
      'overshootIndicators(departments:)',
      '{ overshootIndicators(departments: ["fx-a"]) { year } }',
    ],
    ['targetRatchet(departments:)', '{ targetRatchet(departments: ["fx-a"]) { year } }'],
    [
      'deductionTrends(departments:)',
      '{ deductionTrends(by: DEPARTMENT, departments: ["fx-a"]) { key } }',
    ],
    ['dataQuality(departments:)', '{ dataQuality(departments: ["fx-a"]) { message } }'],
  ];

  it.each(askedForOthers)(
    'is refused another department asked in %s: FORBIDDEN naming it',
    async (_, query) => {
      const answer = await ask(OWN, query);
      expect(answer.status).toBe(200);
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^department fx-a: not readable with a DEPARTMENT:gz-zfw token/,
        ),
        extensions: { code: 'FORBIDDEN' },
      });
      expect(answer.text).not.toContain('测试夹具部门甲');
    },
  );

  it('is refused a department that does not exist the same way: no oracle of which codes exist', async () => {
    const answer = await ask(OWN, '{ department(code: "no-such-department") { name } }');
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining('department no-such-department: not readable'),
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('gets its own rows from every analytic list that names no department', async () => {
    const answer = await ask(
      OWN,
      `{ metricSeries(metric: SELF_SCORE) { department { code } }
         expenditureStructure(year: 2023) { department { code } }
         overshootIndicators(fromYear: 2020, toYear: 2023, first: 1000) { department { code } }
         targetRatchet { department { code } }
         dataQuality { department { code } }
         deductionTrends(by: DEPARTMENT) { key label }
         byItem: deductionTrends(by: INDICATOR) { points { departments } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data as Record<string, { department?: { code: string } }[]>;
    for (const field of [
      'metricSeries',
      'expenditureStructure',
      'overshootIndicators',
      'dataQuality',
    ]) {
      expect(data[field]!.length, field).toBeGreaterThan(0);
      expect(new Set(data[field]!.map((r) => r.department!.code)), field).toEqual(
        new Set(['gz-zfw']),
      );
    }
    expect(data.deductionTrends).toEqual([
      { key: 'gz-zfw', label: '中国共产党广州市委员会政法委员会' },
    ]);
    // Over its own report only: at most one department lost points on any item in any year.
    const counts = (data.byItem as unknown as { points: { departments: number }[] }[]).flatMap(
      (t) => t.points.map((p) => p.departments),
    );
    expect(Math.max(...counts)).toBe(1);
    expectNoOtherDepartment(answer.text);
  });

  it('gets its own entry of lowTargetRisk, ranked among all its peers as an ANALYST sees it', async () => {
    const query = '{ lowTargetRisk(year: 2023) { department { code } rank riskScore } }';
    const own = (await ask(OWN, query)).data as {
      lowTargetRisk: { department: { code: string } }[];
    };
    const all = (await ask('ANALYST', query)).data as typeof own;
    expect(all.lowTargetRisk.length).toBe(6);
    expect(own.lowTargetRisk).toEqual(
      all.lowTargetRisk.filter((r) => r.department.code === 'gz-zfw'),
    );
  });

  it('sees its peers in a benchmark only as anonymous distributions', async () => {
    const variables = { metric: 'BASIC_SHARE', year: 2023, peerGroup: 'SECTOR' };
    const own = await ask(OWN, operation('Benchmark'), variables);
    const all = await ask('ANALYST', operation('Benchmark'), variables);
    expect(own.errors).toBeUndefined();
    type Entry = { department: { code: string }; value: number; rank: number; percentile: number };
    type Group = { peerKey: string; count: number; median: number | null; min: number | null };
    type Answer = { benchmark: { count: number; groups: Group[]; entries: Entry[] } };
    const mine = (own.data as Answer).benchmark;
    const theirs = (all.data as Answer).benchmark;

    // Its own entry, as an analyst sees it, rank and percentile among the whole group included.
    expect(mine.entries).toEqual(theirs.entries.filter((e) => e.department.code === 'gz-zfw'));
    // How many peers, by group, but no figure of a group of fewer than five (政法: three).
    expect(mine.count).toBe(theirs.count);
    expect(mine.groups.map((g) => [g.peerKey, g.count])).toEqual(
      theirs.groups.map((g) => [g.peerKey, g.count]),
    );
    for (const g of mine.groups) expect(g).toMatchObject({ min: null, median: null });
    // Nothing of another department: no code, no name, no value.
    expectNoOtherDepartment(own.text);
    const values = theirs.entries.filter((e) => e.department.code !== 'gz-zfw').map((e) => e.value);
    for (const value of values) expect(own.text).not.toContain(String(value));
  });

  it('gets the quartiles of a group of five or more, never its extremes, mean or spread', async () => {
    const query =
      '{ benchmark(metric: BASIC_SHARE, year: 2023, peerGroup: ALL) { count min p25 median p75 max mean stddev groups { count min p25 median p75 max mean stddev } } }';
    const mine = (await ask(OWN, query)).data as { benchmark: Record<string, unknown> };
    const theirs = (await ask('ANALYST', query)).data as typeof mine;
    const anonymous = (d: Record<string, unknown>) => ({
      ...d,
      min: null,
      max: null,
      mean: null,
      stddev: null,
    });
    const { groups, ...overall } = theirs.benchmark as { groups: Record<string, unknown>[] };
    expect(mine.benchmark).toEqual({ ...anonymous(overall), groups: groups.map(anonymous) });
    expect(mine.benchmark.median).toEqual(expect.any(Number));
  });

  it('runs every example operation without naming another department', async () => {
    for (const op of readExampleOperations()) {
      const answer = await ask(OWN, op.query);
      expect({ file: op.file, errors: answer.errors }).toEqual({
        file: op.file,
        errors: undefined,
      });
      expectNoOtherDepartment(answer.text);
    }
  });

  it('downloads its own rows, and is refused (403 FORBIDDEN) another department’s', async () => {
    const headers = { authorization: `Bearer ${server.tokens[OWN]}` };
    const variables = encodeURIComponent(JSON.stringify({ peerGroup: 'ALL', year: 2023 }));
    const own = await fetch(`${base}/export/Benchmark.csv?variables=${variables}`, { headers });
    const text = await own.text();
    expect(own.status).toBe(200);
    expect(text).toContain('中国共产党广州市委员会政法委员会');
    expectNoOtherDepartment(text);
    const analyst = await fetch(`${base}/export/Benchmark.csv?variables=${variables}`, {
      headers: { authorization: `Bearer ${server.tokens.ANALYST}` },
    });
    expect(await analyst.text()).toContain('测试夹具部门甲');

    const other = encodeURIComponent(JSON.stringify({ department: 'fx-a', year: 2023 }));
    const refused = await fetch(`${base}/export/ReportFigures.xlsx?variables=${other}`, {
      headers,
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      errors: [
        { message: expect.stringContaining('department fx-a'), extensions: { code: 'FORBIDDEN' } },
      ],
    });
  });
});

describe('an object of another department reached all the same (a resolver that forgot to narrow)', () => {
  const viewer: Viewer = { role: 'DEPARTMENT', department: 'gz-zfw', tokenId: 'test' };

  /** Runs a query on the schema as gz-zfw's token, with the request's loaders changed. */
  async function run(query: string, patch: (ctx: ReturnType<typeof createContext>) => void) {
    const ctx = createContext(server.db.kysely, viewer);
    patch(ctx);
    const result = await execute({ schema, document: parse(query), contextValue: ctx });
    return { ...result, text: JSON.stringify(result) };
  }

  it('is refused as a Department at any depth, FORBIDDEN, without its code or name', async () => {
    const db = server.db.kysely;
    const result = await run(
      '{ report(department: "gz-zfw", year: 2023) { year dataQuality { check department { code name } } } }',
      (ctx) => {
        // The department loader answers fx-a where gz-zfw was asked for.
        ctx.loaders.department = new DataLoader((codes: readonly string[]) =>
          departmentsByCode(
            db,
            codes.map((c) => (c === 'gz-zfw' ? 'fx-a' : c)),
          ),
        );
      },
    );
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions.code])).toContainEqual([
      'report.dataQuality.0.department',
      'FORBIDDEN',
    ]);
    expect(result.errors?.[0]?.message).toBe(
      'not authorized: this Department belongs to another department, and a DEPARTMENT:gz-zfw token reads only its own',
    );
    expectNoOtherDepartment(result.text);
  });

  it('is refused as a Report, FORBIDDEN, without its figures', async () => {
    const db = server.db.kysely;
    const result = await run(
      '{ department(code: "gz-zfw") { name reports { id title } } }',
      (ctx) => {
        // The reports loader answers fx-a's reports where gz-zfw's were asked for.
        ctx.loaders.reportsOfDepartment = new DataLoader(async (codes: readonly string[]) => {
          const rows = await reportsOfDepartments(db, ['fx-a']);
          return codes.map(() => rows);
        });
      },
    );
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(new Set(result.errors?.map((e) => e.extensions.code))).toEqual(new Set(['FORBIDDEN']));
    expect(result.errors?.[0]?.path).toEqual(['department', 'reports', 0]);
    expect(result.data).toEqual({ department: null });
    expectNoOtherDepartment(result.text);
  });
});

describe('GraphiQL and introspection, with tokens', () => {
  it('are off by default: GraphiQL’s page is a 404 saying so, introspection is refused', async () => {
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain(
      'GraphiQL is off on this server (JIXIAO_GRAPHIQL=1 turns it on)',
    );
    const introspection = await ask('ANALYST', '{ __schema { queryType { name } } }');
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('are on when switched on: the page for anyone, the schema for a token', async () => {
    const access = await openAccessControl({
      host: '127.0.0.1',
      tokensPath: server.tokensPath,
      graphiql: true,
      introspection: true,
    });
    const app = await createHttpApp({ schema, db: server.db.kysely, access });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
    try {
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('graphiql');
      const schemaAnswer = await postAs(
        url,
        server.tokens.ANALYST!,
        '{ __schema { queryType { name } } }',
      );
      expect(schemaAnswer.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await postAs(url, null, '{ __schema { queryType { name } } }')).status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});
