import { LRUCache } from 'lru-cache';
import type { ContentCoding } from './accept-encoding.js';

/** One answer as it went out: enough to send it again byte for byte. */
export interface CachedAnswer {
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

/** Called on each lookup, for the metrics (hit or miss). */
export type CacheLookupListener = (hit: boolean) => void;

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
  #hits = 0;
  #misses = 0;
  readonly #listeners: CacheLookupListener[] = [];

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
    this.#entries = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / ENTRY_SHARE)),
      sizeCalculation: (answer) => answer.body.length + ENTRY_OVERHEAD_BYTES,
    });
  }

  /** The answer stored under `key`, counted as a hit or a miss. */
  get(key: string): CachedAnswer | undefined {
    const answer = this.#entries.get(key);
    if (answer) this.#hits++;
    else this.#misses++;
    for (const listener of this.#listeners) listener(answer !== undefined);
    return answer;
  }

  /** Keeps an answer; one larger than an eighth of the cache is not kept. */
  set(key: string, answer: CachedAnswer): void {
    this.#entries.set(key, answer);
  }

  /** Drops every answer (their data version is no longer served). */
  clear(): void {
    this.#entries.clear();
  }

  /** Lets the metrics count lookups. */
  onLookup(listener: CacheLookupListener): void {
    this.#listeners.push(listener);
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
