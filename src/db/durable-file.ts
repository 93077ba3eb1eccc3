import { open, rename, rm, writeFile } from 'node:fs/promises';

/**
 * Flushes a file (or a folder's entries) to disk. A published snapshot and the pointer to it must
 * survive a power cut in the order they were written: never a pointer to a file whose data is
 * still in the page cache. Folders cannot be opened for syncing on every platform (Windows), and
 * there the rename is as durable as the system makes it.
 */
export async function syncPath(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces a file's contents all at once: written to a temporary file beside it, synced, then
 * renamed over it (rename is atomic within a folder), then the folder synced. A reader sees the
 * old contents or the new, never a part.
 */
export async function writeFileAtomic(path: string, contents: string, dir: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, contents);
    await syncPath(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncPath(dir);
}
