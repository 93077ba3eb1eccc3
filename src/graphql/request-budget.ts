import { setMaxListeners } from 'node:events';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import type { StatementOptions } from '../db/duckdb-pool.js';
import { EventLoopPacer } from './event-loop-pacer.js';

/** What one API request may spend, whatever it asks for. */
export interface BudgetLimits {
  /** Milliseconds from arrival to the last byte of the answer (0: no deadline). */
  requestTimeoutMs: number;
  /** Objects and list items the answer may hold, counted as resolvers return them (0: no cap). */
  maxResponseObjects: number;
}

/** How to stay under any of the request limits: said in every refusal. */
export const NARROWING_ADVICE =
  'narrow the years (fromYear/toYear, year) or the departments, use `first` where a field takes it, select fewer nested lists, or send fewer aliases';

/**
 * Why a request was stopped: a GraphQL error with its code and the HTTP status of the answer.
 * Thrown by resolvers and by the pool (as the reason of the request's signal), so the client
 * sees one error, not an internal one.
 */
export class BudgetError extends GraphQLError {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** Headers of the answer (Apollo reads them from `extensions.http`), e.g. Retry-After. */
    headers?: ReadonlyMap<string, string>,
  ) {
    // Apollo's shape of `http` (a HeaderMap) differs from the one graphql-yoga's types declare.
    const extensions = { code, http: headers ? { status, headers } : { status } };
    super(message, { extensions: extensions as GraphQLErrorExtensions });
    this.name = 'BudgetError';
  }
}

/** The request ran past its deadline (JIXIAO_REQUEST_TIMEOUT_MS). */
export class RequestTimeoutError extends BudgetError {
  constructor(readonly timeoutMs: number) {
    super(
      `request stopped after ${timeoutMs} ms, the time limit of a request (JIXIAO_REQUEST_TIMEOUT_MS) that covers its SQL, resolvers and serialisation; to stay under it, ${NARROWING_ADVICE}`,
      'REQUEST_TIMEOUT',
      503,
    );
    this.name = 'RequestTimeoutError';
  }
}

/** The answer grew past a cap: objects (JIXIAO_MAX_RESPONSE_OBJECTS) or bytes (JIXIAO_MAX_RESPONSE_BYTES). */
export class ResponseTooLargeError extends BudgetError {
  constructor(what: string) {
    super(`${what}; to stay under it, ${NARROWING_ADVICE}`, 'RESPONSE_TOO_LARGE', 400);
    this.name = 'ResponseTooLargeError';
  }

  static objects(cap: number): ResponseTooLargeError {
    return new ResponseTooLargeError(
      `answer stopped at more than ${cap} objects and list items, the limit of one answer (JIXIAO_MAX_RESPONSE_OBJECTS)`,
    );
  }

  static rows(cap: number, rows: number): ResponseTooLargeError {
    return new ResponseTooLargeError(
      `a SQL statement of this request returned ${rows} rows, more than the ${cap} objects one answer may hold (JIXIAO_MAX_RESPONSE_OBJECTS)`,
    );
  }

  static bytes(cap: number, bytes: number): ResponseTooLargeError {
    return new ResponseTooLargeError(
      `answer of ${bytes} bytes is over the limit of ${cap} bytes (JIXIAO_MAX_RESPONSE_BYTES)`,
    );
  }
}

/** The client went away before the answer was sent: the work is abandoned. */
export class RequestCancelledError extends BudgetError {
  constructor() {
    super(
      'the client closed the connection before the answer was sent',
      'CLIENT_CLOSED_REQUEST',
      499,
    );
    this.name = 'RequestCancelledError';
  }
}

const NO_LIMITS: BudgetLimits = { requestTimeoutMs: 0, maxResponseObjects: 0 };

/** Values one request's resolvers complete per turn of the event loop (EventLoopPacer). */
export const VALUES_PER_TURN = 500;

/** The same for heavy work, which so leaves more of each turn to point lookups. */
export const HEAVY_VALUES_PER_TURN = 100;

/**
 * One request's budget: a deadline, a count of the objects resolved, and the signal every
 * statement of the request carries (it is the request's `StatementOptions`). Stopping for any
 * reason aborts the signal with the error, so a waiting or running statement stops too (the pool
 * interrupts it) and every resolver after that throws the same error.
 *
 * The deadline is also read from the clock by `check`, not only by a timer: graphql-js completes
 * synchronous fields of a list in one go, during which no timer can fire.
 */
export class RequestBudget implements StatementOptions {
  private readonly controller = new AbortController();
  private readonly deadline: number;
  private readonly timer: NodeJS.Timeout | undefined;
  private resolved = 0;
  private readonly pacer = new EventLoopPacer(VALUES_PER_TURN);
  private isHeavy = false;

  constructor(
    readonly limits: BudgetLimits,
    startedAt: number = performance.now(),
  ) {
    // Every statement of the request listens on the signal, and 30 aliases run 30 at once.
    setMaxListeners(0, this.controller.signal);
    const { requestTimeoutMs } = limits;
    this.deadline = requestTimeoutMs > 0 ? startedAt + requestTimeoutMs : Infinity;
    this.timer =
      requestTimeoutMs > 0
        ? setTimeout(
            () => this.abort(new RequestTimeoutError(requestTimeoutMs)),
            Math.max(0, this.deadline - performance.now()),
          ).unref()
        : undefined;
  }

  /** A budget without limits (scripts, tests that call the schema directly). */
  static unlimited(): RequestBudget {
    return new RequestBudget(NO_LIMITS);
  }

  /**
   * Set once the operation is classified: heavy work yields DuckDB connections to light work
   * and takes a smaller share of each turn of the event loop.
   */
  get heavy(): boolean {
    return this.isHeavy;
  }

  set heavy(heavy: boolean) {
    this.isHeavy = heavy;
    this.pacer.perTurn = heavy ? HEAVY_VALUES_PER_TURN : VALUES_PER_TURN;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A statement returning more rows than the answer may hold objects is refused before conversion. */
  get maxRows(): number | undefined {
    return this.limits.maxResponseObjects > 0 ? this.limits.maxResponseObjects : undefined;
  }

  /** Objects and list items resolved so far. */
  get objects(): number {
    return this.resolved;
  }

  /** The error the request was stopped with, if it was. */
  get stoppedWith(): BudgetError | undefined {
    const reason: unknown = this.signal.reason;
    return this.signal.aborted && reason instanceof BudgetError ? reason : undefined;
  }

  /** Throws the request's stop error if it is stopped or past its deadline. */
  check(): void {
    if (performance.now() >= this.deadline)
      this.abort(new RequestTimeoutError(this.limits.requestTimeoutMs));
    if (this.signal.aborted) throw this.signal.reason;
  }

  /** Counts objects or list items an answer gained; stops the request past the cap. */
  count(objects: number): void {
    this.resolved += objects;
    const cap = this.limits.maxResponseObjects;
    if (cap > 0 && this.resolved > cap) this.stop(ResponseTooLargeError.objects(cap));
  }

  /**
   * `value` now, or in a later turn of the event loop once this request has completed
   * VALUES_PER_TURN values in this one (HEAVY_VALUES_PER_TURN for heavy work): the share of the
   * event loop one request takes.
   */
  pace<T>(value: T): T | Promise<T> {
    return this.pacer.pace(value);
  }

  /** Calls `callback` once every value this request paced has been let through (whenIdle). */
  whenPaced(callback: () => void): void {
    this.pacer.whenIdle(callback);
  }

  /** Stops the request with `error` (the first stop wins) and throws it. */
  stop(error: BudgetError): never {
    this.abort(error);
    throw this.signal.reason;
  }

  /** The client went away: abandon the work (nothing more will be sent). */
  cancel(): void {
    this.abort(new RequestCancelledError());
    this.finish();
  }

  private abort(error: BudgetError): void {
    if (!this.signal.aborted) this.controller.abort(error);
  }

  /** The answer is sent: the deadline no longer applies. */
  finish(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
