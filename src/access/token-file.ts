import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DEPARTMENT_CODE, ROLES, type Role } from './token-grant.js';

/**
 * The tokens file (JIXIAO_TOKENS, default data/tokens.json): one record per token ever created.
 * It holds each token's SHA-256, never the token itself, so a copy of the file (a backup, a
 * leaked disk) opens nothing. Its presence is what turns access control on.
 */
export interface TokenRecord {
  /** Short public id, for `token list` and `token revoke`. */
  id: string;
  /** SHA-256 of the secret, hex. */
  sha256: string;
  role: Role;
  /** The department of a DEPARTMENT token; null otherwise. */
  department: string | null;
  /** Who or what the token is for, as given at creation. */
  name: string | null;
  /** When it was created (ISO 8601, UTC). */
  created: string;
  /**
   * When it stops working (ISO 8601, UTC); null: never. Files of format version 1 have no
   * expiry, and their tokens never expire.
   */
  expires: string | null;
  /** When it was revoked (ISO 8601, UTC); null while it is valid. */
  revoked: string | null;
}

/**
 * The format written. Version 2 added `expires`; a reader of version 1 would ignore the field
 * and let expired tokens in, so the version was raised to make such a reader refuse the file
 * (failing closed) rather than misread it. Version 1 files are still read.
 */
const FORMAT_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

/** A tokens file that cannot be used as it is: the message names the file and the fault. */
export class TokenFileError extends Error {
  constructor(path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'TokenFileError';
  }
}

function checkRecord(path: string, value: unknown, index: number): TokenRecord {
  const at = (detail: string) => new TokenFileError(path, `token ${index + 1}: ${detail}`);
  if (typeof value !== 'object' || value === null) throw at('not an object');
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') throw at('id is missing');
  if (typeof r.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(r.sha256))
    throw at('sha256 is not 64 hex digits');
  if (!ROLES.includes(r.role as Role)) throw at(`role is not one of ${ROLES.join(', ')}`);
  const department = r.department ?? null;
  if (r.role === 'DEPARTMENT') {
    if (typeof department !== 'string' || !DEPARTMENT_CODE.test(department))
      throw at('a DEPARTMENT token needs a department code');
  } else if (department !== null) throw at(`a ${String(r.role)} token has no department`);
  if (typeof r.created !== 'string') throw at('created is missing');
  if (r.revoked != null && typeof r.revoked !== 'string') throw at('revoked is not a time');
  if (r.expires != null && (typeof r.expires !== 'string' || Number.isNaN(Date.parse(r.expires))))
    throw at('expires is not a time');
  if (r.name != null && typeof r.name !== 'string') throw at('name is not a text');
  return {
    id: r.id,
    sha256: r.sha256,
    role: r.role as Role,
    department,
    name: (r.name as string | null | undefined) ?? null,
    created: r.created,
    expires: (r.expires as string | null | undefined) ?? null,
    revoked: (r.revoked as string | null | undefined) ?? null,
  };
}

/**
 * Parses the text of a tokens file, of either format version; throws TokenFileError naming what
 * is wrong.
 */
export function parseTokenFile(path: string, text: string): TokenRecord[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new TokenFileError(path, `not JSON (${(error as Error).message})`);
  }
  const { version, tokens } = (body ?? {}) as { version?: unknown; tokens?: unknown };
  if (!READABLE_VERSIONS.includes(version))
    throw new TokenFileError(
      path,
      `version ${String(version)} is not one this jixiao reads (${READABLE_VERSIONS.join(' or ')})`,
    );
  if (!Array.isArray(tokens)) throw new TokenFileError(path, '"tokens" is not a list');
  const records = tokens.map((t, i) => checkRecord(path, t, i));
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new TokenFileError(path, `id ${r.id} appears twice`);
    ids.add(r.id);
  }
  return records;
}

/** Reads a tokens file. A missing file is an ENOENT error, as from readFile. */
export async function readTokenFile(path: string): Promise<TokenRecord[]> {
  return parseTokenFile(path, await readFile(path, 'utf8'));
}

/**
 * Writes the tokens file atomically: a temporary file beside it, created with mode 0600 and
 * flushed to disk, then renamed over it. A server reading the file meanwhile sees the old
 * version or the new one, never half of one, and no other user of the machine can read it.
 * It is always written in the current format version. Two writers must not read, change and
 * write it at once, or one's change is lost: token-store.ts holds the tokens file lock around it.
 */
export async function writeTokenFile(path: string, records: readonly TokenRecord[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const text = `${JSON.stringify({ version: FORMAT_VERSION, tokens: records }, null, 2)}\n`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
