import { randomBytes } from 'node:crypto';
import { readTokenFile, writeTokenFile, type TokenRecord } from './token-file.js';
import type { Grant } from './token-grant.js';
import { hashTokenSecret, newTokenSecret } from './token-secret.js';

/**
 * Creating, listing and revoking tokens: what `jixiao token …` does to the tokens file. Each
 * change reads the file, changes one record and writes it back atomically; a running server
 * notices the new file on its next request.
 */

/** A token just created: its record, and the secret that is shown once and stored nowhere. */
export interface CreatedToken {
  record: TokenRecord;
  secret: string;
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
  now: Date = new Date(),
): Promise<CreatedToken> {
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
    revoked: null,
  };
  await writeTokenFile(path, [...records, record]);
  return { record, secret };
}

/**
 * Revokes a token by id. The record stays, with the time of revocation, so that `token list`
 * still says what the token was; revoking it again changes nothing.
 */
export async function revokeToken(
  path: string,
  id: string,
  now: Date = new Date(),
): Promise<{ record: TokenRecord; alreadyRevoked: boolean }> {
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
}
