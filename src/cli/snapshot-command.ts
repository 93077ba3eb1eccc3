import type { Config } from '../config.js';
import { rollbackSnapshot } from '../db/snapshot-rollback.js';
import { SnapshotStore } from '../db/snapshot-store.js';
import { UsageError, type CliIo } from './cli-io.js';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `jixiao snapshot list`: the kept snapshots, newest first, the current one marked `*`. */
async function list(config: Config, io: CliIo): Promise<number> {
  const store = SnapshotStore.of(config);
  const entries = await store.list();
  if (entries.length === 0) {
    io.out(`no snapshots in ${store.layout.dir}`);
    return 0;
  }
  const pointer = await store.pointer();
  if (pointer) io.out(`current: ${pointer.snapshot} (since ${pointer.since}, by ${pointer.by})`);
  for (const entry of entries) {
    const note = entry.note;
    io.out(
      [
        entry.current ? '*' : ' ',
        entry.name.version,
        megabytes(entry.bytes),
        note ? `${note.by} at ${note.createdAt}` : '',
        note?.summary ?? '',
      ].join('\t'),
    );
  }
  return 0;
}

/** `jixiao snapshot rollback [VERSION]`: serve the previous snapshot (or the one named) again. */
async function rollback(config: Config, target: string | undefined, io: CliIo): Promise<number> {
  const { from, to } = await rollbackSnapshot(config, target);
  io.out(
    `current snapshot is now ${to.version} (was ${from.version}); a running server serves it within seconds`,
  );
  return 0;
}

/** `jixiao snapshot list|rollback [VERSION]`. */
export async function snapshotCommand(args: string[], config: Config, io: CliIo): Promise<number> {
  const [action, target, ...extra] = args;
  if (extra.length > 0) throw new UsageError(`snapshot ${action}: unexpected ${extra.join(' ')}`);
  switch (action) {
    case 'list':
      if (target) throw new UsageError('snapshot list takes no argument');
      return list(config, io);
    case 'rollback':
      return rollback(config, target, io);
    default:
      throw new UsageError('snapshot needs list or rollback [VERSION]');
  }
}
