import type { Db } from './database.js';
import { openCurrentSnapshot } from './snapshot-reader.js';
import type { SnapshotStore } from './snapshot-store.js';

/**
 * One request's hold on the data: the snapshot current when the request began, kept open until
 * the request releases it, however many snapshots are published meanwhile. Every statement of
 * the request reads the same snapshot, so an answer never mixes two versions of the data.
 */
export interface DataLease {
  readonly db: Db;
  /** The snapshot's name (`20261130T165244Z-7`): what caches key on and answers carry. */
  readonly version: string;
  /**
   * Gives the hold back; the second call does nothing. Resolves once the snapshot's pool is
   * closed if this was the last hold on a snapshot no longer current, at once otherwise.
   */
  release(): Promise<void>;
}

/** What a refresh did. */
export interface RefreshOutcome {
  status: 'unchanged' | 'swapped' | 'failed';
  /** The version served after the refresh. */
  version: string;
  /** When swapped: the version served before. */
  previous?: string;
  /** When failed: the snapshot that could not be served, and why. */
  candidate?: string;
  reason?: string;
}

export interface LiveDatabaseOptions {
  store: SnapshotStore;
  /** Opens a snapshot file read-only (the API's locked-down pool). */
  open: (path: string) => Promise<Db>;
  /** Start-up checks a snapshot must pass before it is served (migrations current); throws if not. */
  check: (db: Db) => Promise<void>;
  log: (line: string) => void;
}

/** What the HTTP layer needs of data that changes at run time. */
export interface LiveData {
  /** The version served now. */
  readonly version: string;
  /** The pool served now. */
  readonly db: Db;
  acquire(): DataLease;
  refresh(options?: { force?: boolean }): Promise<RefreshOutcome>;
}

/** Called after each swap, e.g. to recompute what the server derives from the data. */
export type SwapListener = (version: string, db: Db) => void | Promise<void>;

/** An open snapshot and the requests holding it. */
interface Generation {
  readonly db: Db;
  readonly version: string;
  /** The snapshot's file name as the pointer gives it (null: a single file of an earlier version). */
  readonly snapshot: string | null;
  leases: number;
  /** No longer current: closed as soon as no request holds it. */
  retired: boolean;
  closing: boolean;
  /** Resolves once its pool is closed. */
  readonly closed: Promise<void>;
  readonly markClosed: () => void;
}

/**
 * The API's data: a read-only pool on the current snapshot, replaced without a restart when a
 * writer publishes another. A refresh opens the new snapshot beside the old one, checks it, and
 * only then makes it current, in one assignment: requests that begin afterwards get the new
 * pool, requests in flight finish on the old one, which closes when the last of them releases it
 * (reference counting). If the new snapshot cannot be opened or fails its checks, the old one
 * stays current and the reason is logged.
 */
export class LiveDatabase implements LiveData {
  private current: Generation;
  private readonly generations = new Set<Generation>();
  private readonly listeners = new Set<SwapListener>();
  /** Refreshes run one after another: a chain, never two opening at once. */
  private queue: Promise<unknown> = Promise.resolve();
  /** A snapshot that failed: not retried by the watcher until forced or replaced. */
  private failed: string | null = null;
  private closed = false;

  private constructor(
    private readonly options: LiveDatabaseOptions,
    first: Generation,
  ) {
    this.current = first;
    this.generations.add(first);
  }

  /** Opens the current snapshot (checked as every later one is) and serves it. */
  static async open(options: LiveDatabaseOptions): Promise<LiveDatabase> {
    const generation = await LiveDatabase.openGeneration(options);
    return new LiveDatabase(options, generation);
  }

  private static async openGeneration(options: LiveDatabaseOptions): Promise<Generation> {
    const opened = await openCurrentSnapshot(options.store, options.open);
    try {
      await options.check(opened.db);
    } catch (error) {
      await opened.db.close();
      throw error;
    }
    let markClosed!: () => void;
    const closed = new Promise<void>((resolve) => (markClosed = resolve));
    return {
      db: opened.db,
      version: opened.name?.version ?? 'single-file',
      snapshot: opened.name?.file ?? null,
      leases: 0,
      retired: false,
      closing: false,
      closed,
      markClosed,
    };
  }

  /** The version served now. */
  get version(): string {
    return this.current.version;
  }

  /** The pool served now, for tools and tests that do not hold a lease (statement counting). */
  get db(): Db {
    return this.current.db;
  }

  /** Takes a hold on the current snapshot for one request; release it when the request ends. */
  acquire(): DataLease {
    const generation = this.current;
    generation.leases++;
    let released = false;
    return {
      db: generation.db,
      version: generation.version,
      release: async () => {
        if (released) return;
        released = true;
        generation.leases--;
        this.closeIfIdle(generation);
        if (generation.closing) await generation.closed;
      },
    };
  }

  /** The snapshots open now with their holds: the current one, and old ones still in use. */
  openVersions(): { version: string; leases: number; current: boolean }[] {
    return [...this.generations].map((g) => ({
      version: g.version,
      leases: g.leases,
      current: g === this.current,
    }));
  }

  onSwap(listener: SwapListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Serves the snapshot the pointer names now, if it is not the one served. `force` retries a
   * snapshot that failed before (an operator's reload); the watcher does not, so that a bad
   * snapshot is reported once, not at every poll.
   */
  refresh(options: { force?: boolean } = {}): Promise<RefreshOutcome> {
    const next = this.queue.then(() => this.refreshNow(options.force ?? false));
    this.queue = next.catch(() => {});
    return next;
  }

  private async refreshNow(force: boolean): Promise<RefreshOutcome> {
    const served = this.current;
    if (this.closed) return { status: 'unchanged', version: served.version };
    let target: string | undefined;
    try {
      target = (await this.options.store.pointer())?.snapshot;
      if (!target || target === served.snapshot)
        return { status: 'unchanged', version: served.version };
      if (target === this.failed && !force)
        return {
          status: 'failed',
          version: served.version,
          candidate: target,
          reason: 'failed before',
        };
      const generation = await LiveDatabase.openGeneration(this.options);
      if (this.closed) {
        await generation.db.close();
        return { status: 'unchanged', version: served.version };
      }
      this.generations.add(generation);
      this.current = generation;
      this.failed = null;
      served.retired = true;
      this.closeIfIdle(served);
      this.options.log(
        `data refreshed: now serving snapshot ${generation.version} (was ${served.version})`,
      );
      for (const listener of this.listeners) {
        try {
          await listener(generation.version, generation.db);
        } catch (error) {
          this.options.log(`after refreshing to ${generation.version}: ${String(error)}`);
        }
      }
      return { status: 'swapped', version: generation.version, previous: served.version };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (target !== this.failed || force)
        this.options.log(
          `data refresh to ${target ?? 'the current snapshot'} failed; still serving ${served.version}: ${reason}`,
        );
      this.failed = target ?? null;
      return { status: 'failed', version: served.version, candidate: target, reason };
    }
  }

  private closeIfIdle(generation: Generation): void {
    if (!generation.retired || generation.leases > 0 || generation.closing) return;
    generation.closing = true;
    void generation.db
      .close()
      .catch((error: unknown) =>
        this.options.log(`closing snapshot ${generation.version}: ${String(error)}`),
      )
      .finally(() => {
        this.generations.delete(generation);
        generation.markClosed();
      });
  }

  /**
   * Stops refreshing and closes every pool, held or not: call it once no request runs (the
   * server closes it after the HTTP server has drained), so a hold never released by mistake
   * cannot keep the process from stopping.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    const all = [...this.generations];
    for (const generation of all) {
      generation.retired = true;
      generation.leases = 0;
      this.closeIfIdle(generation);
    }
    await Promise.all(all.map((g) => g.closed));
  }
}
