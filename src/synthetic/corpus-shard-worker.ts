/**
 * The body of a worker thread of writeCorpusInParallel: it writes the shards it is sent, one at a
 * time, and says how far it got. Started through corpus-shard-worker.mjs, which loads tsx first.
 */
import { parentPort } from 'node:worker_threads';
import { writeCorpusShard } from './corpus-writer.js';
import type { ShardRequest, ShardMessage } from './corpus-shard.js';

/** Reports between two progress messages: often enough for a progress bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 50;

const port = parentPort;
if (!port) throw new Error('corpus-shard-worker runs as a worker thread of writeCorpusInParallel');

port.on('message', (request: ShardRequest) => {
  let unreported = 0;
  const send = (message: ShardMessage) => port.postMessage(message);
  writeCorpusShard(request.options, request.range, request.dir, () => {
    if (++unreported === PROGRESS_EVERY) {
      send({ kind: 'progress', reports: unreported });
      unreported = 0;
    }
  }).then(
    (reports) => send({ kind: 'done', shard: request.shard, reports, unreported }),
    (error: unknown) =>
      send({
        kind: 'failed',
        shard: request.shard,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
