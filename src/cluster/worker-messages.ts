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

export type WorkerMessage = WaitingMessage | ListeningMessage;
export type PrimaryMessage = ServeMessage | StopMessage;

const typeOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;

/** A message a worker sends, or false for anything else on the channel. */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return typeOf(value) === 'jixiao:waiting' || typeOf(value) === 'jixiao:listening';
}

/** A message the primary sends, or false for anything else on the channel. */
export function isPrimaryMessage(value: unknown): value is PrimaryMessage {
  return typeOf(value) === 'jixiao:serve' || typeOf(value) === 'jixiao:stop';
}
