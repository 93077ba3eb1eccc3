import { hostname } from 'node:os';
import { link, open, readFile, rename, rm } from 'node:fs/promises';

/** Who holds the writer lock: written into the lock file, shown to whoever is refused. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What it is doing: `ingest`, `import`, `start-up`, `rollback` … */
  command: string;
  since: string;
}

/** Raised to a second writer: one writer at a time builds and publishes snapshots. */
export class WriterBusyError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `another writer is at work (pid ${holder.pid} on ${holder.host}, ${holder.command}, since ${holder.since}); ` +
            `wait for it to finish and try again (if no such process runs, remove ${lockFile})`
        : `another writer is at work (${lockFile} exists); wait for it to finish and try again`,
    );
    this.name = 'WriterBusyError';
  }
}

/** A held lock; `release` removes it (once). */
export interface WriterLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return null; // absent, or half written by a writer starting this instant
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

/** A lock of this machine whose process has gone: its writer died without releasing it. */
function isStale(holder: LockHolder | null): holder is LockHolder {
  return holder !== null && holder.host === hostname() && !isRunning(holder.pid);
}

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
  if (moved?.pid !== stale.pid || moved.since !== stale.since)
    await link(aside, file).catch(() => {});
  await rm(aside, { force: true });
}

/**
 * Takes the writer lock of a snapshot folder, or refuses with WriterBusyError naming the holder.
 * The lock is a file created exclusively (O_EXCL) with the holder's pid, host and command. A lock
 * left by a process of this machine that no longer runs is taken over; a lock of another host is
 * never presumed stale.
 */
export async function takeWriterLock(file: string, command: string): Promise<WriterLock> {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
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
      const current = await readHolder(file);
      if (attempt > 0 || !isStale(current)) throw new WriterBusyError(file, current);
      await clearStale(file, current);
    }
  }
  throw new WriterBusyError(file, await readHolder(file));
}
