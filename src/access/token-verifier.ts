import { stat } from 'node:fs/promises';
import { readTokenFile, type TokenRecord } from './token-file.js';
import { isExpired } from './token-expiry.js';
import { secretMatches, tokenDigest } from './token-secret.js';

/** Why a presented token opens nothing. */
export type TokenRefusal =
  'MISSING' | 'UNKNOWN' | 'REVOKED' | 'EXPIRED' | 'NO_TOKENS_FILE' | 'BAD_TOKENS_FILE';

export type Verification =
  | { ok: true; record: TokenRecord }
  | { ok: false; refusal: 'EXPIRED'; expires: string }
  | { ok: false; refusal: Exclude<TokenRefusal, 'EXPIRED'>; detail?: string };

/** The time now, in milliseconds since the epoch: Date.now, or a test's clock. */
export type Clock = () => number;

/** Checks presented secrets against the tokens file as it is now. */
export interface TokenVerifier {
  verify(secret: string | null): Promise<Verification>;
}

/** What identifies one version of the file: a rename gives a new inode, an edit a new mtime. */
function versionOf(s: { ino: number; size: number; mtimeMs: number }): string {
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

type Loaded =
  | { version: string; records: TokenRecord[] }
  | { version: string; refusal: 'NO_TOKENS_FILE' | 'BAD_TOKENS_FILE'; detail: string };

/**
 * A verifier over a tokens file that follows the file: every verification first stats it (a
 * few microseconds) and reads it again only when it changed, so a token created or revoked
 * with `jixiao token` takes effect on the next request, without a restart. It fails closed: a
 * file that disappears or cannot be read opens nothing (the server does not fall back to local
 * mode), and the reason is logged once per version of the file.
 *
 * Expiry is checked at each verification against the clock, not when the file is read: a token
 * stops working at its time though the file never changes.
 */
export function createTokenVerifier(
  path: string,
  log: (line: string) => void = console.error,
  clock: Clock = Date.now,
): TokenVerifier {
  let loaded: Loaded | null = null;
  let loading: Promise<Loaded> | null = null;

  async function load(): Promise<Loaded> {
    let version: string;
    try {
      version = versionOf(await stat(path));
    } catch {
      version = 'absent';
    }
    if (loaded?.version === version) return loaded;
    let next: Loaded;
    if (version === 'absent') {
      next = { version, refusal: 'NO_TOKENS_FILE', detail: `${path} is missing` };
    } else {
      try {
        next = { version, records: await readTokenFile(path) };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        next = { version, refusal: 'BAD_TOKENS_FILE', detail };
      }
    }
    if ('refusal' in next) log(`access control: every request refused until fixed: ${next.detail}`);
    loaded = next;
    return next;
  }

  /** Concurrent requests share one look at the file. */
  function current(): Promise<Loaded> {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }

  return {
    async verify(secret) {
      const file = await current();
      if ('refusal' in file) return { ok: false, refusal: file.refusal, detail: file.detail };
      if (!secret) return { ok: false, refusal: 'MISSING' };
      const presented = tokenDigest(secret);
      // Every record is compared, matched or not, so the time does not tell where a match was.
      let found: TokenRecord | null = null;
      for (const record of file.records) {
        if (secretMatches(presented, record.sha256)) found = record;
      }
      if (!found) return { ok: false, refusal: 'UNKNOWN' };
      if (found.revoked !== null) return { ok: false, refusal: 'REVOKED' };
      if (isExpired(found.expires, clock()))
        return { ok: false, refusal: 'EXPIRED', expires: found.expires! };
      return { ok: true, record: found };
    },
  };
}
