import { LRUCache } from 'lru-cache';
import type { ContentCoding } from './accept-encoding.js';
import type { CacheMetrics } from './metrics.js';

/** One answer as it went out: enough to send it again byte for byte. */
export interface CachedAnswer {
  /** Its operation's name, for the log line and metrics of a request it answers again. */
  operation: string | null;
  /** Apollo's headers of the answer (its content type). */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The coding of `body`. */
  coding: ContentCoding;
  /** The body as sent, compressed in `coding`. */
  body: Buffer;
}

/** What the cache holds and has done since the server started. */
export interface ResponseCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}

/** Largest share of the cache one answer may take: a few huge answers must not evict the rest. */
const ENTRY_SHARE = 8;

/** Per-entry bookkeeping (key, headers, LRU links) counted on top of the body's bytes. */
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Answers of GraphQL queries kept in memory, least recently used first out, bounded in bytes.
 *
 * Correct by construction rather than by invalidation: a key names the data version the answer
 * was computed from (response-cache-key.ts), so an answer of older data is never found once a
 * new snapshot is served; `clear()` on a swap only frees their memory sooner.
 */
export class ResponseCache {
  readonly #entries: LRUCache<string, CachedAnswer>;
  readonly #maxBytes: number;
  readonly #metrics: CacheMetrics | undefined;
  #hits = 0;
  #misses = 0;

  /** `metrics` counts lookups and follows the entries and bytes held. */
  constructor(maxBytes: number, metrics?: CacheMetrics) {
    this.#maxBytes = maxBytes;
    this.#metrics = metrics;
    this.#entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / ENTRY_SHARE)),
      sizeCalculation: (answer) => answer.body.length + ENTRY_OVERHEAD_BYTES,
    });
  }

  /** The answer stored under `key`, counted as a hit or a miss. */
  get(key: string): CachedAnswer | undefined {
    const answer = this.#entries.get(key);
    if (answer) {
      this.#hits++;
      this.#metrics?.cacheHit();
    } else {
      this.#misses++;
      this.#metrics?.cacheMiss();
    }
    return answer;
  }

  /** Keeps an answer; one larger than an eighth of the cache is not kept. */
  set(key: string, answer: CachedAnswer): void {
    this.#entries.set(key, answer);
    this.#reportSize();
  }

  /** Drops every answer (their data version is no longer served). */
  clear(): void {
    this.#entries.clear();
    this.#reportSize();
  }

  #reportSize(): void {
    this.#metrics?.cacheEntries(this.#entries.size);
    this.#metrics?.cacheBytes(this.#entries.calculatedSize);
  }

  stats(): ResponseCacheStats {
    return {
      hits: this.#hits,
      misses: this.#misses,
      entries: this.#entries.size,
      bytes: this.#entries.calculatedSize,
      maxBytes: this.#maxBytes,
    };
  }
}
