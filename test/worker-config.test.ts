import { describe, expect, it } from 'vitest';
import { duckdbBytes, workerConfig } from '../src/cluster/worker-config.js';
import { loadConfig } from '../src/config.js';

/**
 * The settings each worker process of `jixiao serve --workers N` serves with
 * (docs/operations.md, "Worker processes"): DuckDB's threads and memory limit are the server's,
 * divided among the workers; the pool, the heavy-work queue and the response cache are each
 * worker's own.
 */

describe('the settings of a worker process', () => {
  it('are the settings themselves with one worker', () => {
    const config = loadConfig({});
    expect(workerConfig(config)).toBe(config);
  });

  it('divide the default 2 threads and 4GB among 2 workers', () => {
    const config = workerConfig(loadConfig({ JIXIAO_WORKERS: '2' }));
    expect(config.duckdbThreads).toBe(1);
    expect(config.duckdbMemoryLimit).toBe('2000MB');
  });

  it('give each worker at least 1 thread', () => {
    const config = workerConfig(loadConfig({ JIXIAO_WORKERS: '4', JIXIAO_DUCKDB_THREADS: '2' }));
    expect(config.duckdbThreads).toBe(1);
  });

  it('keep the pool, the heavy-work queue and the response cache per worker', () => {
    const env = {
      JIXIAO_WORKERS: '3',
      JIXIAO_POOL_SIZE: '4',
      JIXIAO_HEAVY_CONCURRENCY: '2',
      JIXIAO_RESPONSE_CACHE_MB: '32',
    };
    const config = workerConfig(loadConfig(env));
    expect([config.poolSize, config.heavyConcurrency, config.responseCacheMb]).toEqual([4, 2, 32]);
  });

  it('divide a memory limit in binary units by its bytes', () => {
    const config = workerConfig(
      loadConfig({ JIXIAO_WORKERS: '2', JIXIAO_DUCKDB_MEMORY: '1.5GiB' }),
    );
    expect(config.duckdbMemoryLimit).toBe(`${Math.floor((1.5 * 2 ** 30) / 2 / 1e6)}MB`);
  });

  it('give each worker a memory limit of a form DuckDB reads but this does not as it is', () => {
    expect(duckdbBytes('lots')).toBeNull();
    const config = workerConfig(loadConfig({ JIXIAO_WORKERS: '2', JIXIAO_DUCKDB_MEMORY: 'lots' }));
    expect(config.duckdbMemoryLimit).toBe('lots');
  });
});

describe('JIXIAO_WORKERS', () => {
  it('is 1 unless set, and at least 1', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ JIXIAO_WORKERS: '0' }).workers).toBe(1);
    expect(loadConfig({ JIXIAO_WORKERS: '3' }).workers).toBe(3);
  });
});
