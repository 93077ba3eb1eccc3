import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { ClusterMetrics } from './cluster-metrics.js';
import { RestartPolicy } from './restart-policy.js';
import { isWorkerMessage, type ListeningMessage, type PrimaryMessage } from './worker-messages.js';

export interface SupervisorOptions {
  /** The worker processes' entry module (a file path) and the Node options it runs with. */
  exec: string;
  execArgv: readonly string[];
  /** Worker processes kept running. */
  count: number;
  /** The settings each worker serves with, sent to it once it asks. */
  config: Config;
  log: (line: string) => void;
  /** Called once, when every worker of the first round listens, with what the first one said. */
  onListening: (first: ListeningMessage) => void;
  policy?: RestartPolicy;
}

/** The workers could not start, or kept failing: the message says which, and how they ended. */
export class WorkerFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** One of the `count` places a worker runs in, filled again when its worker dies. */
interface Slot {
  /** 1 to count, for the log. */
  index: number;
  worker: Worker | null;
  /** Its handler is in place: messages sent to it now arrive. */
  waiting: boolean;
  /** When it began to listen (null: not yet). */
  servingSince: number | null;
  /** The pending replacement of a worker that died. */
  timer: NodeJS.Timeout | null;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

const howEnded = (code: number | null, signal: string | null) =>
  signal ? `signal ${signal}` : `exit code ${code}`;

/**
 * The primary process of `jixiao serve --workers N` (node:cluster): forks `count` workers of
 * `exec`, which listen on one shared port (the primary accepts connections and hands them to the
 * workers in turn), and keeps them running. It sends each worker its settings when the worker
 * asks; says one line per worker started or stopped; replaces a worker that exits unexpectedly,
 * after a back-off (restart-policy.ts), and gives up after repeated fast failures; turns SIGTERM
 * and SIGINT into a graceful stop of every worker (a stop message: a terminal's Ctrl-C also
 * reaches the workers themselves, and a second signal would stop them at once) and passes SIGHUP
 * on (reload), as it does when a worker reloaded on `POST /admin/reload`; and answers a worker's
 * scrape of `/metrics` with every worker's metrics summed (cluster-metrics.ts). A second SIGTERM
 * or SIGINT stops everything at once.
 *
 * Resolves, once every worker has exited after a stop, with 0 if each exited with 0, else 1;
 * rejects with a WorkerFailure, after stopping the others, when a worker fails before all have
 * started (the start fails, as a single process's would) or when the policy gives up.
 */
export function superviseWorkers(options: SupervisorOptions): Promise<number> {
  const { count, log } = options;
  const policy = options.policy ?? new RestartPolicy();
  cluster.setupPrimary({ exec: options.exec, execArgv: [...options.execArgv] });
  const slots: Slot[] = Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    worker: null,
    waiting: false,
    servingSince: null,
    timer: null,
  }));
  let phase: 'starting' | 'serving' | 'stopping' = 'starting';
  let stopSignal: NodeJS.Signals = 'SIGTERM';
  let stopSignals = 0;
  let failure: WorkerFailure | null = null;
  let exitCode = 0;
  let first: ListeningMessage | null = null;

  return new Promise<number>((resolve, reject) => {
    const send = (worker: Worker, message: PrimaryMessage) => {
      // A worker that is exiting has closed its channel: its exit is handled by itself.
      if (worker.isConnected()) worker.send(message, () => {});
    };
    const metrics = new ClusterMetrics(send);
    const serving = () =>
      slots.flatMap((s) => (s.worker && s.servingSince !== null ? [s.worker] : []));

    const finishIfStopped = () => {
      if (phase !== 'stopping' || slots.some((s) => s.worker)) return;
      for (const signal of STOP_SIGNALS) process.off(signal, onStopSignal);
      process.off('SIGHUP', onHangup);
      if (failure) reject(failure);
      else resolve(exitCode);
    };

    const stopAll = () => {
      phase = 'stopping';
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        // A worker that has not asked for its settings yet gets the stop after them.
        if (slot.worker && slot.waiting)
          send(slot.worker, { type: 'jixiao:stop', signal: stopSignal });
      }
      finishIfStopped();
    };

    const fork = (slot: Slot) => {
      slot.timer = null;
      const worker = cluster.fork();
      const pid = worker.process.pid;
      Object.assign(slot, { worker, waiting: false, servingSince: null });
      worker.on('message', (message: unknown) => {
        if (!isWorkerMessage(message)) return;
        if (message.type === 'jixiao:metrics-request')
          return metrics.request(worker, message.id, serving());
        if (message.type === 'jixiao:metrics-part') return metrics.part(message);
        if (message.type === 'jixiao:reload-others') return hangUp((other) => other !== worker);
        if (message.type === 'jixiao:waiting') {
          slot.waiting = true;
          send(worker, { type: 'jixiao:serve', config: options.config });
          if (phase === 'stopping') send(worker, { type: 'jixiao:stop', signal: stopSignal });
          return;
        }
        slot.servingSince = Date.now();
        log(
          `worker ${pid} started (${slot.index} of ${count}): serving snapshot ${message.version}`,
        );
        first ??= message;
        if (phase === 'starting' && slots.every((s) => s.servingSince !== null)) {
          phase = 'serving';
          options.onListening(first);
        }
      });
      worker.on('exit', (code, signal) => exited(slot, worker, pid, code, signal));
      // A process that could not be started, or a message it could not be sent: said, not thrown.
      worker.on('error', (error: Error) => log(`worker ${pid}: ${error.message}`));
    };

    const exited = (
      slot: Slot,
      worker: Worker,
      pid: number | undefined,
      code: number | null,
      signal: string | null,
    ) => {
      if (slot.worker !== worker) return;
      const servedMs = slot.servingSince === null ? null : Date.now() - slot.servingSince;
      Object.assign(slot, { worker: null, waiting: false, servingSince: null });
      const how = howEnded(code, signal);
      if (phase === 'stopping') {
        if (code !== 0) exitCode = 1;
        log(`worker ${pid} stopped${code === 0 ? '' : ` (${how})`}`);
        return finishIfStopped();
      }
      if (phase === 'starting') {
        failure = new WorkerFailure(
          `worker ${pid} (${slot.index} of ${count}) exited while the server was starting (${how})`,
        );
        log(`worker ${pid} exited while starting (${how}); stopping the others`);
        return stopAll();
      }
      const decision = policy.exited(servedMs);
      if (decision.action === 'give up') {
        const withinS = policy.options.fastExitMs / 1000;
        failure = new WorkerFailure(
          `worker processes keep failing: ${decision.fastExits} in a row exited unexpectedly before serving ${withinS} s (the last, ${pid}: ${how}); giving up`,
        );
        log(`worker ${pid} exited unexpectedly (${how}); giving up: stopping the others`);
        return stopAll();
      }
      log(
        `worker ${pid} exited unexpectedly (${how}); starting another in ${decision.delayMs / 1000} s`,
      );
      slot.timer = setTimeout(() => fork(slot), decision.delayMs);
    };

    function onStopSignal(signal: NodeJS.Signals) {
      stopSignals++;
      if (stopSignals > 1) {
        // A second signal: at once, as a single server process stops on a second one.
        for (const slot of slots) slot.worker?.process.kill(signal);
        for (const s of STOP_SIGNALS) process.off(s, onStopSignal);
        process.kill(process.pid, signal);
        return;
      }
      stopSignal = signal;
      const running = slots.filter((s) => s.worker).length;
      log(
        `${signal}: stopping ${running} worker process${running === 1 ? '' : 'es'}: each answers its requests in flight, then closes its database`,
      );
      stopAll();
    }

    /**
     * Reload: SIGHUP to the workers that serve and `which` picks (one still starting opens the
     * newest anyway).
     */
    function hangUp(which: (worker: Worker) => boolean) {
      for (const worker of serving()) if (which(worker)) worker.process.kill('SIGHUP');
    }
    function onHangup() {
      hangUp(() => true);
    }

    for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
    process.on('SIGHUP', onHangup);
    for (const slot of slots) fork(slot);
  });
}
