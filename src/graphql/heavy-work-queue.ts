import { HeaderMap } from '@apollo/server';
import { BudgetError } from './request-budget.js';

/** Heavy work refused because the queue is full: 503 with Retry-After. */
export class ServerBusyError extends BudgetError {
  constructor(
    readonly retryAfterSeconds: number,
    running: number,
    queued: number,
  ) {
    super(
      `server busy: ${running} heavy analytic operation(s) running and ${queued} waiting, the most the queue holds (JIXIAO_HEAVY_CONCURRENCY, JIXIAO_HEAVY_QUEUE); retry after ${retryAfterSeconds} s, or narrow the operation (a few departments, a page of at most 100) so that it runs as a light one`,
      'SERVER_BUSY',
      503,
      new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
    );
    this.name = 'ServerBusyError';
  }
}

/** A place in the queue: `ready` settles when the work may start; `release` ends it in any state. */
export interface Admission {
  readonly ready: Promise<void>;
  release(): void;
}

interface Waiter {
  start(): void;
  refuse(error: unknown): void;
}

/** Weight of the latest duration in the running mean Retry-After is computed from. */
const SMOOTHING = 0.2;

/**
 * A semaphore with a bounded wait queue for heavy operations: at most `concurrency` run, at most
 * `maxQueued` wait in order, and one more is refused at once with ServerBusyError rather than
 * queued without end. A waiter whose signal aborts (deadline, client gone) leaves the queue.
 */
export class HeavyWorkQueue {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private meanMs = 2_000;

  constructor(
    readonly concurrency: number,
    readonly maxQueued: number,
  ) {}

  /** Operations running and waiting now. */
  stats(): { running: number; queued: number } {
    return { running: this.active, queued: this.waiting.length };
  }

  /** Asks for a turn; the caller must `release` the admission whatever happens. */
  admit(signal?: AbortSignal): Admission {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let startedAt = 0;
    let waiter: Waiter | undefined;
    const start = () => {
      state = 'running';
      startedAt = performance.now();
      this.active++;
    };
    const onAbort = () => admission.release();
    const ready = new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (this.active < this.concurrency) {
        start();
        return resolve();
      }
      if (this.waiting.length >= this.maxQueued) {
        state = 'done';
        return reject(new ServerBusyError(this.retryAfter(), this.active, this.waiting.length));
      }
      waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          start();
          resolve();
        },
        refuse: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
    // The caller may stop listening (a refused request); a refusal is then nobody's to report.
    ready.catch(() => {});
    const admission: Admission = {
      ready,
      release: () => {
        if (state === 'running') {
          this.active--;
          this.meanMs += SMOOTHING * (performance.now() - startedAt - this.meanMs);
          this.next();
        } else if (state === 'waiting' && waiter) {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          waiter.refuse(signal?.reason ?? new Error('left the queue'));
        }
        state = 'done';
      },
    };
    return admission;
  }

  private next(): void {
    while (this.active < this.concurrency) {
      const waiter = this.waiting.shift();
      if (!waiter) return;
      waiter.start();
    }
  }

  /** Seconds until a place is likely free: the mean heavy duration times the work ahead, per slot. */
  private retryAfter(): number {
    const ahead = this.active + this.waiting.length;
    const seconds = Math.ceil((this.meanMs / 1000) * (ahead / this.concurrency));
    return Math.min(60, Math.max(1, seconds));
  }
}
