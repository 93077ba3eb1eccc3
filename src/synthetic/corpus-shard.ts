/**
 * A shard of a corpus generated in parallel: consecutive departments, written by one worker
 * thread into a folder of their own, and the messages between the writer and its workers.
 */
import type { CorpusOptions, DepartmentRange } from './generate-corpus.js';

/** What a worker is asked to write. */
export interface ShardRequest {
  /** Position of the shard: shards are put together in this order. */
  shard: number;
  options: CorpusOptions;
  range: DepartmentRange;
  /** The shard's own folder of canonical NDJSON tables and ground truth. */
  dir: string;
}

/** What a worker says: reports written since its last message, the end of a shard, or a failure. */
export type ShardMessage =
  | { kind: 'progress'; reports: number }
  | { kind: 'done'; shard: number; reports: number; unreported: number }
  | { kind: 'failed'; shard: number; message: string };

/**
 * Consecutive ranges covering `departments`, `count` of them (fewer when there are fewer
 * departments), as even as integers allow.
 */
export function shardRanges(departments: number, count: number): DepartmentRange[] {
  const shards = Math.max(1, Math.min(count, departments));
  return Array.from({ length: shards }, (_, i) => ({
    from: Math.floor((i * departments) / shards),
    to: Math.floor(((i + 1) * departments) / shards),
  }));
}
