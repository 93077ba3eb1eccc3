import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { CanonicalJsonWriter } from '../ingest/bulk/canonical-json-writer.js';
import { shardRanges, type ShardMessage, type ShardRequest } from './corpus-shard.js';
import {
  TRUTH_FILE,
  writeCorpus,
  writeCorpusDepartments,
  type WrittenCorpus,
} from './corpus-writer.js';
import type { CorpusOptions } from './generate-corpus.js';

/** How a corpus is written in parallel. */
export interface ParallelWriteOptions {
  /** Worker threads; default: the cores this process may use. 1 writes on this thread. */
  workers?: number;
  /**
   * Shards the departments are cut into; default four per worker, so that a worker slowed by
   * other work on a shared machine leaves its share to the others instead of holding up the end.
   */
  shards?: number;
  /** Called with the number of reports written since its last call. */
  onReports?: (reports: number) => void;
}

/** Shards per worker when not told otherwise. */
const SHARDS_PER_WORKER = 4;

/** Below this many departments the workers' start-up (about a second each) costs more than it saves. */
const SERIAL_BELOW_DEPARTMENTS = 200;

/** Folder, inside the output folder, where the shards are written before they are put together. */
const SHARDS_DIR = '.shards';

/**
 * Writes the same files as writeCorpus, byte for byte, on several worker threads. Each shard of
 * consecutive departments is written by one worker into a folder of its own; the shards' files
 * are then appended one after another in department order, each as soon as those before it
 * are done, so that little is left to copy when the last shard ends. What a generated
 * report holds depends only on the seed and its department (see generateReports), so the result
 * cannot tell how many workers wrote it (a test checks it).
 */
export async function writeCorpusInParallel(
  options: CorpusOptions,
  dir: string,
  parallel: ParallelWriteOptions = {},
): Promise<WrittenCorpus> {
  const workers = Math.max(1, Math.floor(parallel.workers ?? availableParallelism()));
  const onReports = parallel.onReports ?? (() => {});
  if (
    workers === 1 ||
    (parallel.shards === undefined && options.departments < SERIAL_BELOW_DEPARTMENTS)
  )
    return writeCorpus(options, dir, () => onReports(1));

  const writer = await CanonicalJsonWriter.open(dir);
  const departments = await writeCorpusDepartments(options, writer);
  await writer.close();

  const shardsDir = join(dir, SHARDS_DIR);
  const ranges = shardRanges(options.departments, parallel.shards ?? workers * SHARDS_PER_WORKER);
  const requests: ShardRequest[] = ranges.map((range, shard) => ({
    shard,
    options,
    range,
    dir: join(shardsDir, String(shard)),
  }));
  await Promise.all(requests.map((r) => mkdir(r.dir, { recursive: true })));
  try {
    const appender = new ShardAppender(dir, requests);
    const reports = await runShards(requests, Math.min(workers, requests.length), onReports, (s) =>
      appender.finished(s),
    );
    await appender.all();
    return { departments, reports, truthFile: join(dir, TRUTH_FILE) };
  } finally {
    await rm(shardsDir, { recursive: true, force: true });
  }
}

/**
 * Hands the shards to `workers` threads, the next shard to whichever finishes first; resolves
 * with the number of reports written once every shard is, and rejects at the first failure,
 * stopping every worker.
 */
function runShards(
  requests: readonly ShardRequest[],
  workers: number,
  onReports: (reports: number) => void,
  onShard: (shard: number) => void,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const threads: Worker[] = [];
    /** Threads stopped on purpose: their exit is no failure. */
    const retired = new Set<Worker>();
    let next = 0;
    let finished = 0;
    let reports = 0;
    let failed = false;
    const retire = (thread: Worker) => {
      retired.add(thread);
      void thread.terminate();
    };
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      threads.forEach(retire);
      reject(error);
    };
    const handOut = (thread: Worker) => {
      if (next < requests.length) thread.postMessage(requests[next++]);
      else retire(thread);
    };
    for (let i = 0; i < workers; i++) {
      // A worker loads its own copy of the generator: execArgv is not inherited, the .mjs
      // entry registers the TypeScript loader whatever started this process.
      const thread = new Worker(new URL('./corpus-shard-worker.mjs', import.meta.url), {
        execArgv: [],
      });
      threads.push(thread);
      thread.on('message', (message: ShardMessage) => {
        if (message.kind === 'progress') return onReports(message.reports);
        if (message.kind === 'failed')
          return fail(new Error(`shard ${message.shard} failed: ${message.message}`));
        onReports(message.unreported);
        reports += message.reports;
        onShard(message.shard);
        if (++finished === requests.length) {
          threads.forEach(retire);
          resolve(reports);
        } else handOut(thread);
      });
      thread.on('error', fail);
      thread.on('exit', (code) => {
        if (!retired.has(thread)) fail(new Error(`a corpus worker stopped with exit code ${code}`));
      });
      handOut(thread);
    }
  });
}

/**
 * Puts the shards' files together in shard order: shard k's files are appended to the output's
 * once shards 0 to k are all finished, while later shards are still being written.
 */
class ShardAppender {
  private readonly done: boolean[];
  private next = 0;
  private chain: Promise<void> = Promise.resolve();
  /** Output files begun: the first shard's part replaces whatever an earlier run left there. */
  private readonly begun = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly requests: readonly ShardRequest[],
  ) {
    this.done = requests.map(() => false);
  }

  /** Notes that a shard is written, and appends every shard now next in order. */
  finished(shard: number): void {
    this.done[shard] = true;
    while (this.next < this.requests.length && this.done[this.next]) {
      const request = this.requests[this.next++]!;
      this.chain = this.chain.then(() => this.append(request.dir));
      // Seen by all(); until then a failed append must not count as an unhandled rejection.
      this.chain.catch(() => {});
    }
  }

  /** Resolves when every finished shard is appended (rejects if an append failed). */
  all(): Promise<void> {
    return this.chain;
  }

  private async append(shardDir: string): Promise<void> {
    for (const name of (await readdir(shardDir)).sort()) {
      const flags = this.begun.has(name) ? 'a' : 'w';
      this.begun.add(name);
      await pipeline(
        createReadStream(join(shardDir, name)),
        createWriteStream(join(this.dir, name), { flags }),
      );
    }
    await rm(shardDir, { recursive: true, force: true });
  }
}
