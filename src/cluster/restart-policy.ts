/** When a worker process that exited unexpectedly is replaced, and when the primary gives up. */
export interface RestartPolicyOptions {
  /** A worker that served less than this long before it exited (or never served) failed fast. */
  fastExitMs: number;
  /** This many fast failures in a row and the primary gives up: the fault is not passing. */
  maxFastExits: number;
  /** The wait before the first replacement; it doubles with each fast failure in a row. */
  firstDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  fastExitMs: 10_000,
  maxFastExits: 5,
  firstDelayMs: 500,
};

/** What to do about a worker that exited unexpectedly. */
export type RestartDecision =
  | { action: 'restart'; delayMs: number; fastExits: number }
  | { action: 'give up'; fastExits: number };

/**
 * Back-off for replacing worker processes. A worker that dies after serving a while (a crash,
 * a kill by the out-of-memory killer) is replaced after a short wait; one that dies soon after
 * starting probably meets a fault that a new one meets too (a snapshot it cannot open, a port
 * taken), so each such failure in a row doubles the wait, and the `maxFastExits`-th gives up
 * rather than loop for ever. A worker that served `fastExitMs` clears the count.
 */
export class RestartPolicy {
  private fastExits = 0;

  constructor(readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** A worker exited unexpectedly after serving `servedMs` (null: it never served). */
  exited(servedMs: number | null): RestartDecision {
    if (servedMs !== null && servedMs >= this.options.fastExitMs) this.fastExits = 0;
    else this.fastExits++;
    if (this.fastExits >= this.options.maxFastExits)
      return { action: 'give up', fastExits: this.fastExits };
    const doublings = Math.max(0, this.fastExits - 1);
    return {
      action: 'restart',
      delayMs: this.options.firstDelayMs * 2 ** doublings,
      fastExits: this.fastExits,
    };
  }
}
