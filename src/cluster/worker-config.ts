import type { Config } from '../config.js';

const UNITS: Record<string, number> = {
  b: 1,
  bytes: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/**
 * A size as DuckDB's `memory_limit` reads it (`4GB`, `512MB`, `1.5GiB`; GB = 1000³ bytes, GiB =
 * 1024³), in bytes; null for anything else.
 */
export function duckdbBytes(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  return match && unit !== undefined ? Number(match[1]) * unit : null;
}

/**
 * The settings one of `config.workers` worker processes serves with. DuckDB's threads and memory
 * limit are the machine's cores and memory given to the server, so each worker gets its share:
 * the threads divided (at least 1 each), the memory limit divided (in MB; a limit written in a
 * form not read here is given to each as it is). Everything else is per process, as with one:
 * the pool (`JIXIAO_POOL_SIZE` connections, the light one among them), the heavy-work queue, the
 * response cache. With one worker, the settings are unchanged.
 */
export function workerConfig(config: Config): Config {
  const n = config.workers;
  if (n <= 1) return config;
  const bytes = duckdbBytes(config.duckdbMemoryLimit);
  return {
    ...config,
    duckdbThreads: Math.max(1, Math.floor(config.duckdbThreads / n)),
    duckdbMemoryLimit:
      bytes === null ? config.duckdbMemoryLimit : `${Math.max(1, Math.floor(bytes / n / 1e6))}MB`,
  };
}
