/**
 * Spreads one request's resolver work over turns of the event loop: at most `perTurn` values
 * pass at once, the rest wait for a later turn (setImmediate, after pending I/O), a batch per
 * turn in order. graphql-js completes whatever is ready in one go: a list of 30,000 findings, or
 * the 11,000 fields waiting on one DataLoader batch, would otherwise be one synchronous step of
 * a second or more, during which nothing else is served, not even /healthz.
 */
export class EventLoopPacer {
  private passed = 0;
  private scheduled = false;
  private readonly waiting: (() => void)[] = [];

  /** Values let through per turn; may change between turns (heavy work gets fewer). */
  constructor(public perTurn: number) {}

  /** `value` now if this turn has room, else a promise of it in a later turn. */
  pace<T>(value: T): T | Promise<T> {
    this.schedule();
    if (this.passed < this.perTurn && this.waiting.length === 0) {
      this.passed++;
      return value;
    }
    return new Promise<T>((resolve) => this.waiting.push(() => resolve(value)));
  }

  /**
   * Calls `callback` in a later turn, once no value waits here any more. A DataLoader batch
   * dispatched this way holds the keys of every item of a paced list, not of one turn's share:
   * the departments of 10,000 benchmark entries load in one statement, not a hundred.
   */
  whenIdle(callback: () => void): void {
    setImmediate(() => (this.waiting.length === 0 ? callback() : this.whenIdle(callback)));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.nextTurn());
  }

  private nextTurn(): void {
    this.scheduled = false;
    const batch = this.waiting.splice(0, this.perTurn);
    // What the released values lead to in this turn counts against it too.
    this.passed = batch.length;
    for (const release of batch) release();
    if (this.waiting.length > 0) this.schedule();
  }
}
