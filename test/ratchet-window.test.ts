import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { openWriter } from '../src/db/prepare-database.js';
import { registerDepartments } from '../src/ingest/load/department-registry.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import {
  targetRatchets,
  targetRatchetWindow,
  type RatchetFinding,
} from '../src/analytics/target-findings.js';
import { fixtureCorpus } from './support/fixture-corpus.js';
import { tempConfig } from './support/temp-database.js';

/**
 * targetRatchetWindow reads one window of targetRatchets' answer from the database: the same
 * findings in the same order, and a total that counts exactly what the whole answer lists, also
 * when a link points at a row that is gone.
 */

const SCOPE = { fromYear: 2019, toYear: 2024 };
const keyOf = (f: RatchetFinding) =>
  `${f.departmentCode}/${f.year}/${f.measure.seq}/${f.measure.measure_index}`;

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  const config = tempConfig();
  cleanup = config.cleanup;
  db = await openWriter(config);
  const corpus = fixtureCorpus();
  await registerDepartments(db.kysely, corpus.departments);
  for (const { document } of corpus.documents)
    await loadReport(db.kysely, document, JSON.stringify(document), { synthetic: true });
});
afterAll(async () => {
  await db.close();
  cleanup();
});

async function allWindows(size: number): Promise<{ keys: string[]; totals: number[] }> {
  const keys: string[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += size) {
    const window = await targetRatchetWindow(db.kysely, SCOPE, { offset, limit: size });
    totals.push(window.totalCount);
    keys.push(...window.nodes.map(keyOf));
    if (window.nodes.length < size) return { keys, totals };
  }
}

describe('targetRatchetWindow', () => {
  it('cuts the whole answer into windows, in its order', async () => {
    const whole = (await targetRatchets(db.kysely, SCOPE)).map(keyOf);
    expect(whole.length).toBeGreaterThan(10);
    const { keys, totals } = await allWindows(7);
    expect(keys).toEqual(whole);
    expect(new Set(totals)).toEqual(new Set([whole.length]));
  });

  it('states the total for a window past the last finding', async () => {
    const whole = await targetRatchets(db.kysely, SCOPE);
    const past = await targetRatchetWindow(db.kysely, SCOPE, {
      offset: whole.length + 5,
      limit: 10,
    });
    expect(past).toEqual({ totalCount: whole.length, nodes: [] });
  });

  it('leaves out, in the total too, a finding whose last-year indicator is gone', async () => {
    const before = await targetRatchets(db.kysely, SCOPE);
    const gone = before[3]!;
    await sql`DELETE FROM indicators WHERE report_id = ${gone.previous.report_id}
              AND seq = ${gone.previous.seq}`.execute(db.kysely);
    const after = (await targetRatchets(db.kysely, SCOPE)).map(keyOf);
    expect(after).not.toContain(keyOf(gone));
    expect(after.length).toBeLessThan(before.length);
    const { keys, totals } = await allWindows(7);
    expect(keys).toEqual(after);
    expect(new Set(totals)).toEqual(new Set([after.length]));
  });
});
