import { snapshotDepartments, type DepartmentSource } from '../analytics/department-directory.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reader } from '../analytics/reader.js';
import type { StatementDone, StatementOptions } from '../db/duckdb-pool.js';
import type { LiveData } from '../db/live-database.js';
import {
  RequestBudget,
  ResponseTooLargeError,
  type BudgetError,
} from '../graphql/request-budget.js';
import { DATA_VERSION_HEADER } from './live-data-routes.js';
import type { RequestLimits } from './request-limits.js';

/** An answer to send in place of another, as a JSON GraphQL error. */
export interface Replacement {
  status: number;
  body: string;
}

/** Puts each API request under its budget, from arrival to the last byte sent. */
/** What a request reads through, once its budget has begun. */
export interface BoundRequest {
  budget: RequestBudget;
  /** The reader, bound to the request: its statements stop with it. */
  db: Reader;
  /** The snapshot served, or null when the data is fixed. */
  dataVersion: string | null;
  /** The snapshot's department directory, when a published snapshot serves the request. */
  departments?: DepartmentSource;
}

export interface RequestGuard {
  /**
   * Starts a request's budget (its deadline counts from now) and binds a reader to it; the
   * budget is cancelled if the client goes away before the answer is complete.
   */
  begin(req: IncomingMessage, res: ServerResponse): BoundRequest;
  /**
   * What to send instead of a serialised answer that broke a limit after execution: the byte
   * cap, or the deadline passed while it was serialised. Undefined when the answer may go.
   */
  check(budget: RequestBudget, body: string): Replacement | undefined;
}

/** Told of each request the guard begins (the request log): what it reads, and each statement. */
export interface RequestObserver {
  /** Returns what to call after each of the request's statements, or undefined to tally none. */
  begun(
    req: IncomingMessage,
    budget: RequestBudget,
    dataVersion: string | null,
  ): ((statement: StatementDone) => void) | undefined;
}

/**
 * The budget's statement options with an observer: the signal, priority and row limit are the
 * budget's, read when each statement starts (the operation is classified heavy or light after
 * the reader is bound).
 */
function observed(
  budget: RequestBudget,
  onStatement: ((statement: StatementDone) => void) | undefined,
): StatementOptions {
  if (!onStatement) return budget;
  return {
    get signal() {
      return budget.signal;
    },
    get heavy() {
      return budget.heavy;
    },
    get maxRows() {
      return budget.maxRows;
    },
    onStatement,
  };
}

function replacement(error: BudgetError): Replacement {
  return {
    status: error.status,
    body: JSON.stringify({
      data: null,
      errors: [{ message: error.message, extensions: { code: error.code } }],
    }),
  };
}

/**
 * The guard of an app: `readerFor` binds the reader to a request so that its statements stop
 * with it; without it (an app over a bare Kysely, in some tests) statements run unbound and only
 * the resolvers stop. `observer` (the request log) hears of each request and its statements:
 * they are counted per request, through the request's own reader.
 */
export function createRequestGuard(
  db: Reader,
  readerFor: ((statement: StatementOptions) => Reader) | undefined,
  limits: RequestLimits,
  data?: LiveData,
  observer?: RequestObserver,
): RequestGuard {
  return {
    begin(req, res) {
      const budget = new RequestBudget(limits);
      // With live data, the snapshot current now serves the whole request, whatever is
      // published meanwhile; it is held until the answer is sent (db/live-database.ts).
      const lease = data?.acquire();
      res.once('close', () => {
        if (res.writableFinished) budget.finish();
        else budget.cancel();
        void lease?.release();
      });
      const statement = observed(budget, observer?.begun(req, budget, lease?.version ?? null));
      if (!lease) return { budget, db: readerFor ? readerFor(statement) : db, dataVersion: null };
      res.setHeader(DATA_VERSION_HEADER, lease.version);
      return {
        budget,
        db: lease.db.readerFor(statement),
        dataVersion: lease.version,
        departments: () => snapshotDepartments(lease.db),
      };
    },
    check(budget, body) {
      try {
        budget.check();
      } catch {
        const stopped = budget.stoppedWith;
        return stopped ? replacement(stopped) : undefined;
      }
      const cap = limits.maxResponseBytes;
      if (cap > 0 && body.length > cap / 3) {
        // A UTF-8 byte per character at best, three at worst (Chinese): count only near the cap.
        const bytes = Buffer.byteLength(body, 'utf8');
        if (bytes > cap) return replacement(ResponseTooLargeError.bytes(cap, bytes));
      }
      return undefined;
    },
  };
}
