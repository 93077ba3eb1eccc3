import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { RequestBudget, VALUES_PER_TURN } from '../src/graphql/request-budget.js';

/**
 * A request's budget lets a long list through a few hundred items per turn of the event loop
 * (so that /healthz is answered meanwhile); the request's DataLoaders wait until the whole list
 * is through before they dispatch, so the links of all its items load in one statement.
 */

const ITEMS = 3 * VALUES_PER_TURN;

async function batchSizes(schedule: boolean): Promise<number[]> {
  const budget = RequestBudget.unlimited();
  const batches: number[] = [];
  const loader = new DataLoader(
    async (keys: readonly number[]) => {
      batches.push(keys.length);
      return keys.map((k) => k * 2);
    },
    schedule ? { batchScheduleFn: (dispatch) => budget.whenPaced(dispatch) } : {},
  );
  const values = await Promise.all(
    Array.from({ length: ITEMS }, (_, i) =>
      Promise.resolve(budget.pace(i)).then((item) => loader.load(item)),
    ),
  );
  expect(values[ITEMS - 1]).toBe((ITEMS - 1) * 2);
  return batches;
}

describe('DataLoader batches under a paced list', () => {
  it('are one turn’s share each with the default schedule', async () => {
    expect(await batchSizes(false)).toEqual([VALUES_PER_TURN, VALUES_PER_TURN, VALUES_PER_TURN]);
  });

  it('are one batch for the whole list when dispatched once the pacing is done', async () => {
    expect(await batchSizes(true)).toEqual([ITEMS]);
  });

  it('dispatch at once when nothing is paced', async () => {
    const budget = RequestBudget.unlimited();
    const loader = new DataLoader(async (keys: readonly string[]) => keys.map((k) => k.length), {
      batchScheduleFn: (dispatch) => budget.whenPaced(dispatch),
    });
    expect(await Promise.all([loader.load('ab'), loader.load('abc')])).toEqual([2, 3]);
  });
});
