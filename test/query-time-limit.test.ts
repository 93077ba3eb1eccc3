import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { DuckDBPool, QueryTimeoutError } from '../src/db/duckdb-pool.js';
import { formatError } from '../src/graphql/format-error.js';

describe('time limit on SQL statements', () => {
  it('interrupts a statement past the limit, and the connection stays usable', async () => {
    const pool = await DuckDBPool.open({
      path: ':memory:',
      readOnly: false,
      size: 1,
      threads: 1,
      memoryLimit: '1GB',
      queryTimeoutMs: 200,
    });
    try {
      // Counting ten billion rows takes far longer than 200 ms on this machine.
      await expect(
        pool.query('SELECT count(*) AS n FROM range(10000000000)'),
      ).rejects.toBeInstanceOf(QueryTimeoutError);
      expect((await pool.query('SELECT 42 AS answer')).rows).toEqual([{ answer: 42 }]);
    } finally {
      await pool.close();
    }
  });

  it('reaches a GraphQL client as QUERY_TIMEOUT with the limit in the message', () => {
    // As a resolver throws it: wrapped with the path of the field.
    const error = new GraphQLError('x', {
      originalError: new QueryTimeoutError(15000),
      path: ['benchmark'],
    });
    expect(formatError({ message: 'x' }, error)).toEqual({
      message: 'query interrupted after 15000 ms (time limit)',
      extensions: { code: 'QUERY_TIMEOUT' },
    });
  });
});
