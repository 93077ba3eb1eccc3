import { randomBytes } from 'node:crypto';
import { readTokenFile, writeTokenFile, type TokenRecord } from './token-file.js';
import { withTokenFileLock } from './token-file-lock.js';
import { defaultExpiry } from './token-expiry.js';
import type { Grant } from './token-grant.js';
import { hashTokenSecret, newTokenSecret } from './token-secret.js';

/**
 * Creating, listing and revoking tokens: what `jixiao token …` does to the tokens file. Each
 * change takes the tokens file lock, reads the file, changes one record and writes it back
 * atomically, so that commands run at once all land; a running server notices the new file on
 * its next request.
 */

/** A token just created: its record, and the secret that is shown once and stored nowhere. */
export interface CreatedToken {
  record: TokenRecord;
  secret: string;
}

/** Options of a change to the tokens file. */
export interface TokenChangeOptions {
  /** The time of the change (created, revoked). */
  now?: Date;
  /** How long to wait for another command holding the tokens file lock. */
  lockWaitMs?: number;
}

/** Options of `createToken`. */
export interface CreateTokenOptions extends TokenChangeOptions {
  /** When the token stops working; null: never; absent: DEFAULT_TOKEN_LIFETIME_DAYS from now. */
  expires?: Date | null;
}

/** A token id that the file does not hold. */
export class UnknownTokenError extends Error {
  constructor(path: string, id: string) {
    super(`${path} holds no token with id ${id} (see jixiao token list)`);
    this.name = 'UnknownTokenError';
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** The records of the tokens file, or none when it does not exist (local mode). */
export async function listTokens(path: string): Promise<TokenRecord[] | null> {
  try {
    return await readTokenFile(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** A new token for a grant; creates the tokens file, turning access control on, if absent. */
export async function createToken(
  path: string,
  grant: Grant,
  name: string | null,
  options: CreateTokenOptions = {},
): Promise<CreatedToken> {
  const now = options.now ?? new Date();
  const expires = options.expires === undefined ? defaultExpiry(now) : options.expires;
  return withTokenFileLock(
    path,
    'token create',
    async () => {
      const records = (await listTokens(path)) ?? [];
      const ids = new Set(records.map((r) => r.id));
      let id: string;
      do id = randomBytes(4).toString('hex');
      while (ids.has(id));
      const secret = newTokenSecret();
      const record: TokenRecord = {
        id,
        sha256: hashTokenSecret(secret),
        role: grant.role,
        department: grant.department,
        name,
        created: now.toISOString(),
        expires: expires?.toISOString() ?? null,
        revoked: null,
      };
      await writeTokenFile(path, [...records, record]);
      return { record, secret };
    },
    options.lockWaitMs,
  );
}

/**
 * Revokes a token by id. The record stays, with the time of revocation, so that `token list`
 * still says what the token was; revoking it again changes nothing.
 */
export async function revokeToken(
  path: string,
  id: string,
  options: TokenChangeOptions = {},
): Promise<{ record: TokenRecord; alreadyRevoked: boolean }> {
  const now = options.now ?? new Date();
  // Looked up before the lock too, so that a mistyped id neither waits for the lock nor
  // creates a lock file beside a tokens file that does not exist.
  const before = await listTokens(path);
  if (!before?.some((r) => r.id === id)) throw new UnknownTokenError(path, id);
  return withTokenFileLock(
    path,
    'token revoke',
    async () => {
      const records = await listTokens(path);
      const found = records?.find((r) => r.id === id);
      if (!records || !found) throw new UnknownTokenError(path, id);
      if (found.revoked !== null) return { record: found, alreadyRevoked: true };
      const revoked = { ...found, revoked: now.toISOString() };
      await writeTokenFile(
        path,
        records.map((r) => (r.id === id ? revoked : r)),
      );
      return { record: revoked, alreadyRevoked: false };
    },
    options.lockWaitMs,
  );
}
