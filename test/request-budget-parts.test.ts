import { describe, expect, it } from 'vitest';
import { getNullableType, getOperationAST, isListType, isObjectType, parse } from 'graphql';
import type { CorpusStatistics } from '../src/analytics/corpus-statistics.js';
import { DuckDBPool, RowLimitError } from '../src/db/duckdb-pool.js';
import { EventLoopPacer } from '../src/graphql/event-loop-pacer.js';
import { isHeavy } from '../src/graphql/heavy-work.js';
import { HeavyWorkQueue, ServerBusyError } from '../src/graphql/heavy-work-queue.js';
import { SIZE_RULES } from '../src/graphql/list-sizes.js';
import { estimateCost } from '../src/graphql/query-cost.js';
import {
  RequestBudget,
  RequestTimeoutError,
  ResponseTooLargeError,
} from '../src/graphql/request-budget.js';
import { schema } from '../src/graphql/schema.js';

/** The parts of the request budget one by one: the pool, the queue, the budget, the estimate. */

const openPool = (size: number, lightConnections = 0) =>
  DuckDBPool.open({
    path: ':memory:',
    readOnly: false,
    size,
    threads: 1,
    memoryLimit: '1GB',
    queryTimeoutMs: 0,
    lightConnections,
  });

/** Settles in a later turn of the event loop: to see that a promise is still pending. */
const pending = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return !settled;
};

describe('the pool under a request signal', () => {
  it('interrupts a running statement when its request is stopped, and the connection stays usable', async () => {
    const pool = await openPool(1);
    try {
      const budget = new RequestBudget({ requestTimeoutMs: 0, maxResponseObjects: 0 });
      const stop = pool.onQuery(() => setImmediate(() => budget.cancel()));
      // Counting ten billion rows takes far longer than a turn of the event loop.
      const running = pool.query('SELECT count(*) AS n FROM range(10000000000)', [], budget);
      await expect(running).rejects.toMatchObject({ code: 'CLIENT_CLOSED_REQUEST' });
      stop();
      expect(pool.stats().interrupted).toBe(1);
      expect((await pool.query('SELECT 42 AS answer')).rows).toEqual([{ answer: 42 }]);
    } finally {
      await pool.close();
    }
  });

  it('stops a statement at the request deadline with REQUEST_TIMEOUT', async () => {
    const pool = await openPool(1);
    try {
      const budget = new RequestBudget({ requestTimeoutMs: 200, maxResponseObjects: 0 });
      await expect(
        pool.query('SELECT count(*) AS n FROM range(10000000000)', [], budget),
      ).rejects.toBeInstanceOf(RequestTimeoutError);
      expect(pool.stats().interrupted).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('refuses a result of more rows than the request accepts, before converting it', async () => {
    const pool = await openPool(1);
    try {
      await expect(
        pool.query('SELECT * FROM range(5000)', [], { maxRows: 4_999 }),
      ).rejects.toBeInstanceOf(RowLimitError);
      expect(
        (await pool.query('SELECT * FROM range(5000)', [], { maxRows: 5_000 })).rows,
      ).toHaveLength(5_000);
    } finally {
      await pool.close();
    }
  });

  it('keeps a connection for light work: heavy work waits, light work does not', async () => {
    const pool = await openPool(2, 1);
    try {
      const heavy = await pool.acquire({ heavy: true });
      const secondHeavy = pool.acquire({ heavy: true });
      expect(await pending(secondHeavy)).toBe(true);
      const light = await pool.acquire();
      // Both connections lent: the next light caller is served before the waiting heavy one.
      const nextLight = pool.acquire();
      pool.release(light);
      expect(await nextLight).toBe(light);
      expect(await pending(secondHeavy)).toBe(true);
      pool.release(heavy);
      expect(await secondHeavy).toBe(heavy);
      pool.release(heavy);
      pool.release(light);
      expect(pool.stats()).toMatchObject({ idle: 2, heavy: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });

  it('gives light and heavy work turns at the connections both may take', async () => {
    const pool = await openPool(3, 1);
    try {
      const held = [
        await pool.acquire({ heavy: true }),
        await pool.acquire(),
        await pool.acquire(),
      ];
      // Heavy work holds one of its two connections; one heavy and two light callers wait.
      const heavy = pool.acquire({ heavy: true });
      const light1 = pool.acquire();
      const light2 = pool.acquire();
      pool.release(held[1]!);
      expect(await light1).toBe(held[1]);
      expect(await pending(heavy)).toBe(true);
      pool.release(held[2]!);
      expect(await heavy).toBe(held[2]);
      expect(await pending(light2)).toBe(true);
      pool.release(held[1]!);
      expect(await light2).toBe(held[1]);
      for (const connection of [held[0]!, held[1]!, held[2]!]) pool.release(connection);
      expect(pool.stats()).toMatchObject({ idle: 3, heavy: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });

  it('takes a caller whose signal aborts out of the queue', async () => {
    const pool = await openPool(1);
    try {
      const lent = await pool.acquire();
      const budget = new RequestBudget({ requestTimeoutMs: 0, maxResponseObjects: 0 });
      const waiting = pool.acquire(budget);
      expect(pool.stats().waiting).toBe(1);
      budget.cancel();
      await expect(waiting).rejects.toMatchObject({ code: 'CLIENT_CLOSED_REQUEST' });
      expect(pool.stats().waiting).toBe(0);
      pool.release(lent);
    } finally {
      await pool.close();
    }
  });
});

describe('the heavy-work queue', () => {
  it('runs up to its concurrency, queues up to its bound, refuses the next with Retry-After', async () => {
    const queue = new HeavyWorkQueue(1, 1);
    const a = queue.admit();
    await a.ready;
    const b = queue.admit();
    expect(queue.stats()).toEqual({ running: 1, queued: 1 });
    const c = queue.admit();
    const refusal = await c.ready.catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServerBusyError);
    expect((refusal as ServerBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    a.release();
    await b.ready;
    expect(queue.stats()).toEqual({ running: 1, queued: 0 });
    b.release();
    b.release();
    expect(queue.stats()).toEqual({ running: 0, queued: 0 });
  });

  it('lets a waiter whose request stops leave the queue', async () => {
    const queue = new HeavyWorkQueue(1, 4);
    const a = queue.admit();
    const budget = new RequestBudget({ requestTimeoutMs: 0, maxResponseObjects: 0 });
    const b = queue.admit(budget.signal);
    expect(queue.stats().queued).toBe(1);
    budget.cancel();
    await expect(b.ready).rejects.toMatchObject({ code: 'CLIENT_CLOSED_REQUEST' });
    expect(queue.stats()).toEqual({ running: 1, queued: 0 });
    a.release();
    expect(queue.stats().running).toBe(0);
  });
});

describe('the event-loop pacer', () => {
  it('lets a number of values through per turn, the rest in later turns, in order', async () => {
    const pacer = new EventLoopPacer(3);
    const paced = [1, 2, 3, 4, 5, 6, 7].map((n) => pacer.pace(n));
    expect(paced.slice(0, 3)).toEqual([1, 2, 3]);
    expect(paced.slice(3).every((p) => p instanceof Promise)).toBe(true);
    const seen: number[] = [];
    for (const p of paced.slice(3)) void (p as Promise<number>).then((n) => seen.push(n));
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    // One turn later, the next three; the last one in a turn after that.
    await nextTurn();
    expect(seen).toEqual([4, 5, 6]);
    await nextTurn();
    await nextTurn();
    expect(seen).toEqual([4, 5, 6, 7]);
  });
});

describe('the request budget', () => {
  it('reads its deadline from the clock, so synchronous work cannot outrun it', () => {
    const budget = new RequestBudget(
      { requestTimeoutMs: 10, maxResponseObjects: 0 },
      performance.now() - 1_000,
    );
    expect(() => budget.check()).toThrow(RequestTimeoutError);
    expect(budget.signal.aborted).toBe(true);
    budget.finish();
  });

  it('stops at the first object over the cap, and stays stopped with that error', () => {
    const budget = new RequestBudget({ requestTimeoutMs: 0, maxResponseObjects: 10 });
    budget.count(10);
    expect(() => budget.count(1)).toThrow(ResponseTooLargeError);
    expect(() => budget.check()).toThrow(/JIXIAO_MAX_RESPONSE_OBJECTS/);
    expect(budget.stoppedWith?.code).toBe('RESPONSE_TOO_LARGE');
  });
});

/** A corpus of 100 departments over 2021-2023, 10 indicators per report. */
const STATS: CorpusStatistics = {
  departments: 100,
  realDepartments: 10,
  sectors: 8,
  levels: 3,
  years: [2021, 2022, 2023].map((year) => ({
    year,
    reports: 100,
    realReports: 10,
    ratchetFailures: 50,
    overshootFindings: 40,
    dataQualityIssues: 20,
  })),
  perReport: {
    goals: 3,
    revenueBudget: 3,
    expenditureByFunction: 4,
    expenditureByNature: 5,
    statedFigures: 10,
    keyTasks: 3,
    indicators: 10,
    managementScores: 20,
    deductions: 3,
    problems: 4,
    improvements: 3,
    dataQuality: 0.2,
    measurable: 8,
  },
  measuresPerIndicator: 1,
  topicsPerProblem: 1,
  deductionItems: 40,
  deductionGroups: 12,
  repeatedItemsPerDepartment: 2,
};

function estimate(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return estimateCost(schema, getOperationAST(document)!, [], variables, STATS);
}

describe('the cost estimate', () => {
  it('has a size rule for every list field of the schema', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()))
        if (isListType(getNullableType(field.type)) && !SIZE_RULES[`${type.name}.${field.name}`])
          missing.push(`${type.name}.${field.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('sizes a page by its first, and each department by its reports per year', () => {
    // 7 nodes, each with 3 reports (300 reports / 100 departments), each with 10 indicators.
    const cost = estimate(
      '{ departments(first: 7) { nodes { code reports { indicators { name } } } } }',
    );
    expect(cost.objects).toBe(1 + 7 * (1 + 3 * (1 + 10)));
  });

  it('sizes whole-scope analytics from the statistics, narrowed by years and departments', () => {
    const all = estimate('{ targetRatchet { year } }');
    const oneYear = estimate('{ targetRatchet(fromYear: 2023, toYear: 2023) { year } }');
    const tenDepartments = estimate(
      'query ($d: [ID!]) { targetRatchet(departments: $d) { year } }',
      {
        d: Array.from({ length: 10 }, (_, i) => `d${i}`),
      },
    );
    expect(all.objects).toBe(150);
    expect(oneYear.objects).toBe(50);
    expect(tenDepartments.objects).toBe(15);
    expect(estimate('{ overshootIndicators(first: 5) { year } }').objects).toBe(5);
  });

  it('sizes lowTargetRisk for one peer group as the year’s reports shared among the groups', () => {
    const risk = (args: string) => estimate(`{ lowTargetRisk(year: 2023${args}) { rank } }`);
    expect(risk('').objects).toBe(100);
    expect(risk(', peersOf: "d1"').objects).toBe(100);
    expect(risk(', peerGroup: SECTOR, peersOf: "d1"').objects).toBe(Math.ceil(100 / 8));
    expect(risk(', peerGroup: LEVEL, peersOf: "d1"').objects).toBe(Math.ceil(100 / 3));
    const page = estimate(
      '{ lowTargetRiskPage(year: 2023, peerGroup: SECTOR, peersOf: "d1", first: 50) { nodes { rank } } }',
    );
    expect(page.objects).toBe(1 + Math.ceil(100 / 8));
  });

  it('counts every alias, and names each root field with its share', () => {
    const cost = estimate(
      '{ a: targetRatchet { year } b: targetRatchet { year } report(department: "x", year: 2023) { title } }',
    );
    expect(cost.objects).toBe(301);
    expect(cost.roots.map((r) => [r.key, r.field, r.objects])).toEqual([
      ['a', 'targetRatchet', 150],
      ['b', 'targetRatchet', 150],
      ['report', 'report', 1],
    ]);
  });

  it('tells heavy analytics from point lookups', () => {
    expect(isHeavy(estimate('{ report(department: "x", year: 2023) { title } }'))).toBe(false);
    expect(isHeavy(estimate('{ departments(first: 20) { nodes { code } } }'))).toBe(false);
    expect(isHeavy(estimate('{ departments(first: 500) { nodes { code } } }'))).toBe(true);
    expect(isHeavy(estimate('{ targetRatchet(departments: ["x"]) { year } }'))).toBe(false);
    expect(isHeavy(estimate('{ targetRatchet { year } }'))).toBe(true);
    expect(
      isHeavy(
        estimate('{ benchmark(metric: BASIC_SHARE, year: 2023, departments: ["x"]) { count } }'),
      ),
    ).toBe(true);
  });
});
