import { hostname } from 'node:os';
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { setTimeout as pause } from 'node:timers/promises';

/** Who holds a lock file: written into it, shown to whoever is refused. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What it is doing: `ingest`, `import`, `start-up`, `rollback`, `token create` … */
  command: string;
  since: string;
}

/** A held lock; `release` removes it (once). */
export interface HeldLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** How to take a lock file. */
export interface LockFileOptions {
  /**
   * How long to wait for a live holder to release it before refusing; 0 refuses at once. The
   * wait is bounded so that a holder that hangs becomes an error naming the file, not a hang.
   */
  waitMs?: number;
  /** The error raised when the lock stays held: each user says in its own words who holds it. */
  busy(file: string, holder: LockHolder | null): Error;
}

/** Between two attempts while waiting: short against a read-modify-write, jittered so that waiters spread out. */
const RETRY_MS = 20;

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return null; // absent, or half written by a process taking it this instant
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** A lock of this machine whose process has gone: its holder died without releasing it. */
function isStale(holder: LockHolder | null): holder is LockHolder {
  return holder !== null && holder.host === hostname() && !isRunning(holder.pid);
}

const sameHolder = (a: LockHolder | null, b: LockHolder | null) =>
  a !== null && b !== null && a.pid === b.pid && a.since === b.since;

/**
 * Takes a stale lock away without removing a fresh one that another process might have created
 * in between: the lock is moved aside, checked to be the stale one, and only then deleted; had
 * it been replaced, it is linked back (link never overwrites).
 */
async function clearStale(file: string, stale: LockHolder): Promise<void> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch {
    return; // gone already
  }
  const moved = await readHolder(aside);
  if (!sameHolder(moved, stale)) await link(aside, file).catch(() => {});
  await rm(aside, { force: true });
}

/**
 * Takes a lock file: a file created exclusively (O_EXCL), so that of processes racing for it
 * exactly one succeeds, holding the taker's pid, host, command and start. A lock left by a
 * process of this machine that no longer runs is taken over (once per dead holder: one that
 * cannot be cleared is waited on like a live one); a lock of another host is never presumed
 * stale. A live holder is waited for up to `waitMs`, then `busy` is raised.
 */
export async function takeLockFile(
  file: string,
  command: string,
  options: LockFileOptions,
): Promise<HeldLock> {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command,
    since: new Date().toISOString(),
  };
  const deadline = Date.now() + (options.waitMs ?? 0);
  let cleared: LockHolder | null = null;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(JSON.stringify(holder));
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        holder,
        async release() {
          if (released) return;
          released = true;
          await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readHolder(file);
    if (isStale(current) && !sameHolder(current, cleared)) {
      cleared = current;
      await clearStale(file, current);
      continue;
    }
    if (Date.now() >= deadline) throw options.busy(file, current);
    await pause(RETRY_MS / 2 + Math.random() * RETRY_MS);
  }
}
