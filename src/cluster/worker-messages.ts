import type { Config } from '../config.js';

/**
 * What the primary process and its worker processes tell each other over the IPC channel
 * node:cluster opens between them. Every message is named `jixiao:…`, so nothing else on the
 * channel is mistaken for one.
 */

/** Worker → primary, first: its handler is in place, so the settings may be sent. */
export interface WaitingMessage {
  type: 'jixiao:waiting';
}

/** Primary → worker, once: the settings to serve with (its share: worker-config.ts). */
export interface ServeMessage {
  type: 'jixiao:serve';
  config: Config;
}

/** Worker → primary: it listens on the shared port and serves this snapshot. */
export interface ListeningMessage {
  type: 'jixiao:listening';
  url: string;
  version: string;
}

/** Primary → worker: stop gracefully, as on the signal the primary received. */
export interface StopMessage {
  type: 'jixiao:stop';
  signal: NodeJS.Signals;
}

/** Worker → primary: a scrape of `/metrics` arrived; answer it with every worker's metrics. */
export interface MetricsRequestMessage {
  type: 'jixiao:metrics-request';
  /** The scrape's number in the asking worker, echoed in the reply. */
  id: number;
}

/** Primary → worker: send your metrics for the primary's gathering `id`. */
export interface MetricsGatherMessage {
  type: 'jixiao:metrics-gather';
  id: number;
}

/** Worker → primary: its metrics for gathering `id`, as prom-client's `getMetricsAsJSON()`. */
export interface MetricsPartMessage {
  type: 'jixiao:metrics-part';
  id: number;
  metrics: unknown[];
}

/** Primary → worker: the answer to its scrape `id`, every worker's metrics summed (text format). */
export interface MetricsReplyMessage {
  type: 'jixiao:metrics-reply';
  id: number;
  text: string;
}

/** Worker → primary: it reloaded on `POST /admin/reload`; the other workers are to reload too. */
export interface ReloadOthersMessage {
  type: 'jixiao:reload-others';
}

export type WorkerMessage =
  | WaitingMessage
  | ListeningMessage
  | MetricsRequestMessage
  | MetricsPartMessage
  | ReloadOthersMessage;
export type PrimaryMessage =
  ServeMessage | StopMessage | MetricsGatherMessage | MetricsReplyMessage;

const typeOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;

const WORKER_TYPES = new Set([
  'jixiao:waiting',
  'jixiao:listening',
  'jixiao:metrics-request',
  'jixiao:metrics-part',
  'jixiao:reload-others',
]);
const PRIMARY_TYPES = new Set([
  'jixiao:serve',
  'jixiao:stop',
  'jixiao:metrics-gather',
  'jixiao:metrics-reply',
]);

/** A message a worker sends, or false for anything else on the channel. */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return WORKER_TYPES.has(typeOf(value) as string);
}

/** A message the primary sends, or false for anything else on the channel. */
export function isPrimaryMessage(value: unknown): value is PrimaryMessage {
  return PRIMARY_TYPES.has(typeOf(value) as string);
}
