import { describe, expect, it } from 'vitest';
import { DuckDBPool, PoolClosedError } from '../src/db/duckdb-pool.js';

const openPool = () =>
  DuckDBPool.open({
    path: ':memory:',
    readOnly: false,
    size: 1,
    threads: 1,
    memoryLimit: '1GB',
    queryTimeoutMs: 0,
  });

describe('closing the connection pool', () => {
  it('rejects the callers still waiting for a connection', async () => {
    const pool = await openPool();
    const lent = await pool.acquire();
    const waiting = pool.acquire();
    await pool.close();
    await expect(waiting).rejects.toBeInstanceOf(PoolClosedError);
    pool.release(lent);
  });

  it('refuses new requests with PoolClosedError', async () => {
    const pool = await openPool();
    await pool.close();
    await expect(pool.query('SELECT 1')).rejects.toBeInstanceOf(PoolClosedError);
  });

  it('hands a released connection to the next waiter while open', async () => {
    const pool = await openPool();
    try {
      const lent = await pool.acquire();
      const waiting = pool.acquire();
      pool.release(lent);
      expect(await waiting).toBe(lent);
      pool.release(lent);
    } finally {
      await pool.close();
    }
  });
});
