import cluster from 'node:cluster';
import type { Config } from './config.js';
import { openAccessControl } from './http/access-control.js';
import { createLogger } from './http/logger.js';
import { reloadOnHangup, serveData, stopOnSignal } from './server.js';
import {
  isPrimaryMessage,
  type ListeningMessage,
  type WorkerMessage,
} from './cluster/worker-messages.js';
import { workerMetrics } from './cluster/worker-metrics.js';

/**
 * The response header naming the worker process that answered (its pid), on every answer of a
 * server with worker processes: which one to look at in the log, and a way to see the load
 * spread over them.
 */
export const WORKER_HEADER = 'jixiao-worker';

const log = (line: string) => console.log(`worker ${process.pid}: ${line}`);

function tell(message: WorkerMessage): void {
  process.send?.(message);
}

/**
 * One worker process of `jixiao serve --workers N`: serves the current snapshot read-only, with
 * its own pool, response cache, heavy-work queue and metrics (a scrape sums every worker's),
 * behind the port it shares with the others (server.ts's serveData, which writes nothing: the
 * primary seeded). It reloads on SIGHUP (the primary passes it on), and stops gracefully when
 * the primary asks or on its own SIGINT or SIGTERM, whichever comes first.
 */
async function serveAsWorker(config: Config, stop: Promise<NodeJS.Signals>): Promise<void> {
  const access = await openAccessControl(config);
  // A scrape of /metrics reaches one worker: it answers with every worker's, summed.
  const metrics = workerMetrics(tell);
  const running = await serveData(config, access, log, {
    logger: createLogger(config.logLevel),
    metricsText: () => metrics.scrape(),
    // POST /admin/reload reaches one worker: the primary has the others reload too.
    afterReload: () => tell({ type: 'jixiao:reload-others' }),
  });
  metrics.serve(running.app.metrics.registry);
  // Before the app's own handler, so that every answer carries it, refusals included.
  running.app.server.prependListener('request', (_req, res) =>
    res.setHeader(WORKER_HEADER, String(process.pid)),
  );
  const stopReloading = reloadOnHangup(running, log);
  const listening: ListeningMessage = {
    type: 'jixiao:listening',
    url: running.url,
    version: running.data.version,
  };
  tell(listening);
  await stopOnSignal(running, log, stop);
  stopReloading();
  metrics.close();
}

if (cluster.isWorker) {
  // A hangup before the server is up would end the process: it opens the newest snapshot anyway.
  process.on('SIGHUP', () => {});
  let requestStop!: (signal: NodeJS.Signals) => void;
  const stop = new Promise<NodeJS.Signals>((resolve) => (requestStop = resolve));
  process.on('message', (message: unknown) => {
    if (!isPrimaryMessage(message)) return;
    if (message.type === 'jixiao:stop') return requestStop(message.signal);
    // Metrics messages are worker-metrics.ts's.
    if (message.type !== 'jixiao:serve') return;
    serveAsWorker(message.config, stop).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`worker ${process.pid}: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
      },
    );
  });
  // Only now may the primary send the settings: a message before the handler would be lost.
  tell({ type: 'jixiao:waiting' });
}
