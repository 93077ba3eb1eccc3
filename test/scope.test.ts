import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScope, scopeFilter, type Scope } from '../src/analytics/scope.js';
import { registerDepartments } from '../src/ingest/load/department-registry.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { fixtureCorpus } from './support/fixture-corpus.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tempDatabase } from './support/temp-database.js';

/** The one filter every analytic scopes its reports by, checked on the fixture corpus. */

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  t = await tempDatabase();
  const text = realReportText();
  await loadReport(t.db.kysely, parseReport(text, REAL_REPORT_FILE), text);
  const corpus = fixtureCorpus();
  await registerDepartments(t.db.kysely, corpus.departments);
  for (const { document } of corpus.documents) {
    await loadReport(t.db.kysely, document, JSON.stringify(document), { synthetic: true });
  }
});
afterAll(async () => t.close());

/** The (department, year) pairs of the reports a scope selects. */
async function reportsIn(scope: Scope): Promise<string[]> {
  const { rows } = await sql<{ key: string }>`
    SELECT r.department_code || ' ' || r.year AS key
    FROM reports r JOIN departments d ON d.code = r.department_code
    WHERE ${scopeFilter(scope, { year: 'r.year', department: 'r.department_code', synthetic: 'd.synthetic' })}
    ORDER BY key`.execute(t.db.kysely);
  return rows.map((r) => r.key);
}

/** The same pairs computed from the raw rows, without the filter. */
async function allReports(): Promise<{ code: string; year: number; synthetic: boolean }[]> {
  const { rows } = await t.db.pool.query(
    'SELECT r.department_code AS code, r.year, d.synthetic FROM reports r JOIN departments d ON d.code = r.department_code',
  );
  return rows.map((r) => ({
    code: String(r.code),
    year: Number(r.year),
    synthetic: r.synthetic === true,
  }));
}

const keys = (reports: { code: string; year: number }[]) =>
  reports.map((r) => `${r.code} ${r.year}`).sort();

describe('a scope', () => {
  it('selects every report when it names nothing', async () => {
    expect(await reportsIn({})).toEqual(keys(await allReports()));
  });

  it('takes both ends of a year range', async () => {
    const all = await allReports();
    expect(await reportsIn({ fromYear: 2022, toYear: 2023 })).toEqual(
      keys(all.filter((r) => r.year >= 2022 && r.year <= 2023)),
    );
  });

  it('selects the named departments only, and nothing for an empty list', async () => {
    const all = await allReports();
    expect(await reportsIn({ departments: ['gz-zfw'] })).toEqual(
      keys(all.filter((r) => r.code === 'gz-zfw')),
    );
    expect(await reportsIn({ departments: [] })).toEqual([]);
  });

  it('counts synthetic departments unless told not to', async () => {
    const all = await allReports();
    expect(all.some((r) => r.synthetic)).toBe(true);
    expect(await reportsIn({ includeSynthetic: false })).toEqual(
      keys(all.filter((r) => !r.synthetic)),
    );
  });

  it('refuses to filter on a part for which no column was named', () => {
    expect(() => scopeFilter({ includeSynthetic: false }, { year: 'r.year' })).toThrow(/synthetic/);
  });

  it('refuses a reversed year range and an over-long department list', async () => {
    await expect(checkScope(t.db.kysely, { fromYear: 2024, toYear: 2020 })).rejects.toThrow(
      /after/,
    );
    await expect(
      checkScope(t.db.kysely, { departments: Array.from({ length: 501 }, (_, k) => `d${k}`) }),
    ).rejects.toThrow(/at most 500/);
  });

  it('refuses unknown department codes, naming them, and takes known ones', async () => {
    await expect(
      checkScope(t.db.kysely, { departments: ['gz-zfw', 'no-such', 'nor-this'] }),
    ).rejects.toThrow('unknown department codes: no-such, nor-this');
    await expect(checkScope(t.db.kysely, { departments: ['gz-zfw'] })).resolves.toBeUndefined();
  });
});
