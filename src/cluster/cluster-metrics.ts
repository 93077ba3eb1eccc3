import type { Worker } from 'node:cluster';
import { AggregatorRegistry, Gauge, type Registry } from 'prom-client';
import type { MetricsPartMessage, PrimaryMessage } from './worker-messages.js';

/**
 * How long the primary waits for the workers' metrics of one scrape. A worker busy with a long
 * synchronous stretch (serialising a large answer) may miss it; the scrape then sums the others
 * and says how many answered.
 */
export const GATHER_TIMEOUT_MS = 2000;

/** One scrape being answered: the worker that asked, and the parts received so far. */
interface Gathering {
  requester: Worker;
  scrapeId: number;
  asked: number;
  parts: unknown[][];
  timer: NodeJS.Timeout;
}

/**
 * The primary's half of `/metrics` with worker processes (docs/operations.md, "Worker
 * processes"). A scrape reaches whichever worker takes its connection; that worker asks the
 * primary, which asks every serving worker for its metrics and answers the first with their sum
 * (prom-client's aggregation: counters and histograms summed, gauges summed unless the metric
 * names another way, e.g. the event loop lag averaged), plus how many workers serve and how
 * many answered.
 */
export class ClusterMetrics {
  readonly #gatherings = new Map<number, Gathering>();
  readonly #send: (worker: Worker, message: PrimaryMessage) => void;
  readonly #timeoutMs: number;
  #nextId = 1;

  constructor(
    send: (worker: Worker, message: PrimaryMessage) => void,
    timeoutMs = GATHER_TIMEOUT_MS,
  ) {
    this.#send = send;
    this.#timeoutMs = timeoutMs;
  }

  /** `requester`'s scrape `scrapeId` arrived: asks each of `serving` for its metrics. */
  request(requester: Worker, scrapeId: number, serving: readonly Worker[]): void {
    const id = this.#nextId++;
    const timer = setTimeout(() => void this.#answer(id), this.#timeoutMs);
    this.#gatherings.set(id, { requester, scrapeId, asked: serving.length, parts: [], timer });
    for (const worker of serving) this.#send(worker, { type: 'jixiao:metrics-gather', id });
    if (serving.length === 0) void this.#answer(id);
  }

  /** A worker's metrics for one gathering; the answer goes out once every worker asked has sent. */
  part(message: MetricsPartMessage): void {
    const gathering = this.#gatherings.get(message.id);
    if (!gathering) return; // after its time: the scrape was answered without it
    gathering.parts.push(message.metrics);
    if (gathering.parts.length === gathering.asked) void this.#answer(message.id);
  }

  async #answer(id: number): Promise<void> {
    const gathering = this.#gatherings.get(id);
    if (!gathering) return;
    this.#gatherings.delete(id);
    clearTimeout(gathering.timer);
    const text = await summed(gathering.parts, gathering.asked);
    this.#send(gathering.requester, { type: 'jixiao:metrics-reply', id: gathering.scrapeId, text });
  }
}

/** The workers' metrics summed into one registry, with how many were asked and answered. */
async function summed(parts: readonly unknown[][], asked: number): Promise<string> {
  const registry: Registry = AggregatorRegistry.aggregate(parts as object[]);
  new Gauge({
    name: 'jixiao_workers_serving',
    help: 'Worker processes serving when this scrape was answered (jixiao serve --workers N).',
    registers: [registry],
  }).set(asked);
  new Gauge({
    name: 'jixiao_workers_scraped',
    help: 'Worker processes whose metrics this scrape sums: fewer than serving when one did not answer in time.',
    registers: [registry],
  }).set(parts.length);
  return registry.metrics();
}
