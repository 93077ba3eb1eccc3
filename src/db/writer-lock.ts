import { takeLockFile, type HeldLock, type LockHolder } from './lock-file.js';

export type { LockHolder } from './lock-file.js';

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

/** A held writer lock; `release` removes it (once). */
export type WriterLock = HeldLock;

/**
 * Takes the writer lock of a snapshot folder, or refuses at once with WriterBusyError naming the
 * holder: a writer works for minutes, so a second one is told to come back rather than made to
 * wait. The lock file (lock-file.ts) holds the holder's pid, host and command; a lock left by a
 * process of this machine that no longer runs is taken over, one of another host never is.
 */
export async function takeWriterLock(file: string, command: string): Promise<WriterLock> {
  return takeLockFile(file, command, {
    waitMs: 0,
    busy: (lockFile, holder) => new WriterBusyError(lockFile, holder),
  });
}
