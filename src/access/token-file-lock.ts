import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { takeLockFile, type LockHolder } from '../db/lock-file.js';

/**
 * How long a token command waits for another to finish with the tokens file. A change takes
 * milliseconds, so a lock held this long belongs to a process that hangs (or to one of another
 * host, which is never presumed dead).
 */
export const TOKEN_LOCK_WAIT_MS = 10_000;

/** Another token command held the tokens file for longer than the wait. */
export class TokenFileBusyError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | null,
    waitMs: number,
  ) {
    const who = holder
      ? `pid ${holder.pid} on ${holder.host}, ${holder.command}, since ${holder.since}`
      : 'a process just starting';
    super(
      `another command changing the tokens file holds ${lockFile} (${who}) and did not release it within ${waitMs / 1000} s; ` +
        `try again, and if no such process runs, remove ${lockFile}`,
    );
    this.name = 'TokenFileBusyError';
  }
}

/** The lock file of a tokens file: beside it, named after it (`data/tokens.json.lock`). */
export function tokenLockPath(tokensPath: string): string {
  return `${tokensPath}.lock`;
}

/**
 * Runs a read-modify-write of the tokens file while holding its lock. Without it, two commands
 * at once would each read the file, add their record and rename their version in, and one
 * token would be lost while its holder had been handed it. Readers (the server, `token list`)
 * take no lock: the file is replaced by rename, so they see one whole version or the next.
 */
export async function withTokenFileLock<T>(
  tokensPath: string,
  command: string,
  change: () => Promise<T>,
  waitMs: number = TOKEN_LOCK_WAIT_MS,
): Promise<T> {
  await mkdir(dirname(tokensPath), { recursive: true });
  const lock = await takeLockFile(tokenLockPath(tokensPath), command, {
    waitMs,
    busy: (file, holder) => new TokenFileBusyError(file, holder, waitMs),
  });
  try {
    return await change();
  } finally {
    await lock.release();
  }
}
