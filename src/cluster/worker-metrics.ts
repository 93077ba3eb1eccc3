import type { Registry } from 'prom-client';
import { GATHER_TIMEOUT_MS } from './cluster-metrics.js';
import { isPrimaryMessage, type WorkerMessage } from './worker-messages.js';

/** How long a worker waits for the primary's sum before it fails the scrape. */
const REPLY_TIMEOUT_MS = GATHER_TIMEOUT_MS + 3000;

/** A worker's half of `/metrics` with worker processes; cluster-metrics.ts is the primary's. */
export interface WorkerMetrics {
  /** Every serving worker's metrics summed, in Prometheus's text format, from the primary. */
  scrape(): Promise<string>;
  /** Sends this registry's metrics whenever the primary gathers them. */
  serve(registry: Registry): void;
  /** Stops listening to the primary; a scrape still waiting fails. */
  close(): void;
}

/** Listens on this worker's channel to the primary, which `send` writes to. */
export function workerMetrics(send: (message: WorkerMessage) => void): WorkerMetrics {
  const waiting = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
  let nextId = 1;
  let registry: Registry | null = null;

  const onMessage = (message: unknown) => {
    if (!isPrimaryMessage(message)) return;
    if (message.type === 'jixiao:metrics-reply') {
      waiting.get(message.id)?.resolve(message.text);
    } else if (message.type === 'jixiao:metrics-gather') {
      // A worker asked before it serves has nothing to count yet.
      void (registry?.getMetricsAsJSON() ?? Promise.resolve([])).then((metrics) =>
        send({ type: 'jixiao:metrics-part', id: message.id, metrics }),
      );
    }
  };
  process.on('message', onMessage);

  return {
    scrape() {
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => settle(() => reject(new Error('the primary process did not answer in time'))),
          REPLY_TIMEOUT_MS,
        );
        const settle = (then: () => void) => {
          clearTimeout(timer);
          waiting.delete(id);
          then();
        };
        waiting.set(id, {
          resolve: (text) => settle(() => resolve(text)),
          reject: (error) => settle(() => reject(error)),
        });
        send({ type: 'jixiao:metrics-request', id });
      });
    },
    serve(served) {
      registry = served;
    },
    close() {
      process.off('message', onMessage);
      for (const { reject } of [...waiting.values()]) reject(new Error('the worker is stopping'));
    },
  };
}
