import { watch, type FSWatcher } from 'node:fs';
import { basename } from 'node:path';
import type { SnapshotLayout } from './snapshot-layout.js';

/**
 * Calls `changed` when the pointer file may have changed: on a file-system event for it in the
 * snapshot folder (immediate where the system reports events), and every `pollMs` milliseconds
 * (the fallback where events do not arrive: network file systems, some containers). `changed`
 * must be cheap when nothing changed; LiveDatabase.refresh reads one small file. Returns a
 * function that stops watching.
 */
export function watchPointer(
  layout: SnapshotLayout,
  pollMs: number,
  changed: () => void,
  log: (line: string) => void,
): () => void {
  const pointerName = basename(layout.pointer);
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(layout.dir, { persistent: false }, (_event, file) => {
      // Some systems do not say which file changed: then any event may be the pointer.
      if (file === null || file === pointerName) changed();
    });
    watcher.on('error', (error) => {
      log(`watching ${layout.dir} stopped (${String(error)}); checking every ${pollMs} ms only`);
      watcher?.close();
      watcher = null;
    });
  } catch (error) {
    log(`cannot watch ${layout.dir} (${String(error)}); checking every ${pollMs} ms only`);
  }
  const timer = pollMs > 0 ? setInterval(changed, pollMs) : null;
  timer?.unref();
  return () => {
    watcher?.close();
    if (timer) clearInterval(timer);
  };
}
