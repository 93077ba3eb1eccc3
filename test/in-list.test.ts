import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inList } from '../src/analytics/in-list.js';
import { tempDatabase } from './support/temp-database.js';

/**
 * `inList` finds exactly the rows whose column is one of the values, and says so in a form
 * DuckDB can push into the table scan (an equality, or a range before the list), so that a
 * point lookup reads only the row groups that can hold its rows.
 */

let temp: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  temp = await tempDatabase();
  await sql`CREATE TEMP TABLE t AS
    SELECT i AS id, 'c-' || lpad(i::VARCHAR, 5, '0') AS code, '部门' || i AS name
    FROM range(1, 5001) r(i)`.execute(temp.db.kysely);
});
afterAll(async () => {
  await temp.close();
});

async function ids(where: ReturnType<typeof inList>): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT id FROM t WHERE ${where} ORDER BY id`.execute(
    temp.db.kysely,
  );
  return rows.map((r) => Number(r.id));
}

async function plan(where: ReturnType<typeof inList>): Promise<string> {
  const { rows } = await sql<{
    explain_value: string;
  }>`EXPLAIN SELECT id FROM t WHERE ${where}`.execute(temp.db.kysely);
  return rows.map((r) => r.explain_value).join('\n');
}

describe('inList', () => {
  it('finds the one row of a single value, by an equality the scan filters on', async () => {
    expect(await ids(inList('id', [1234]))).toEqual([1234]);
    expect(await plan(inList('id', [1234]))).toMatch(/id=1234/);
  });

  it('finds the rows of several numbers, behind a range the scan filters on', async () => {
    expect(await ids(inList('id', [4000, 17, 2500, 17]))).toEqual([17, 2500, 4000]);
    const filters = await plan(inList('id', [4000, 17, 2500]));
    expect(filters).toMatch(/id>=17/);
    expect(filters).toMatch(/id<=4000/);
  });

  it('finds the rows of several ASCII codes', async () => {
    expect(await ids(inList('code', ['c-00300', 'c-00002', 'c-04999']))).toEqual([2, 300, 4999]);
  });

  it('finds the rows of several Chinese texts, without a range whose order could differ', async () => {
    expect(await ids(inList('name', ['部门42', '部门7', '部门4999']))).toEqual([7, 42, 4999]);
    expect(await plan(inList('name', ['部门42', '部门7']))).not.toMatch(/name>=/);
  });

  it('finds nothing for a value no row has', async () => {
    expect(await ids(inList('id', [99999]))).toEqual([]);
    expect(await ids(inList('code', ['x', 'y']))).toEqual([]);
  });
});
