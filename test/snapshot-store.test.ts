import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { LiveDatabase } from '../src/db/live-database.js';
import { checkMigrations } from '../src/db/migrations.js';
import { openReader, openWriter, SQL_DIR } from '../src/db/prepare-database.js';
import { openCurrentSnapshot } from '../src/db/snapshot-reader.js';
import { rollbackSnapshot } from '../src/db/snapshot-rollback.js';
import { SnapshotStore } from '../src/db/snapshot-store.js';
import { writeSnapshot } from '../src/db/snapshot-writer.js';
import { seedDatabase } from '../src/seed-database.js';
import { WriterBusyError } from '../src/db/writer-lock.js';
import { tempConfig } from './support/temp-database.js';

const configs: ReturnType<typeof tempConfig>[] = [];
afterEach(() => configs.splice(0).forEach((c) => c.cleanup()));
function config(overrides: Partial<Config> = {}) {
  const c = tempConfig(overrides);
  configs.push(c);
  return c;
}

/** Work that adds one department: enough to tell snapshots apart. */
function addDepartment(code: string) {
  return async (db: Db) => {
    await db.kysely
      .insertInto('departments')
      .values({ code, name: `测试部门 ${code}`, sector: null, level: 'DISTRICT', synthetic: true })
      .execute();
  };
}

/** The department codes of a database file, read-only. */
async function codesIn(c: Config, path: string): Promise<string[]> {
  const db = await openReader({ ...c, databasePath: path, poolSize: 1 });
  try {
    const { rows } = await db.pool.query('SELECT code FROM departments ORDER BY code');
    return rows.map((r) => String(r.code));
  } finally {
    await db.close();
  }
}

/** The department codes of the current snapshot. */
async function currentCodes(c: Config): Promise<string[]> {
  const store = SnapshotStore.of(c);
  const name = await store.current();
  return codesIn(c, store.path(name!));
}

describe('a writer', () => {
  it('works on a copy of the current snapshot and publishes it as the next one, leaving the previous one as it was', async () => {
    const c = config();
    const store = SnapshotStore.of(c);
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const second = await writeSnapshot(c, { command: 'test' }, addDepartment('b'));
    expect(first.base).toBeNull();
    expect(second.base).toEqual(first.published);
    expect(second.published!.seq).toBe(first.published!.seq + 1);
    expect(await store.current()).toEqual(second.published);
    expect(await codesIn(c, store.path(first.published!))).toEqual(['a']);
    expect(await codesIn(c, store.path(second.published!))).toEqual(['a', 'b']);
  });

  it('publishes nothing when its work fails, and leaves no partial file behind', async () => {
    const c = config();
    const store = SnapshotStore.of(c);
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const failing = writeSnapshot(c, { command: 'test' }, async (db) => {
      await addDepartment('b')(db);
      throw new Error('the second report could not be read');
    });
    await expect(failing).rejects.toThrow('the second report could not be read');
    expect(await store.current()).toEqual(first.published);
    expect(await currentCodes(c)).toEqual(['a']);
    expect(readdirSync(store.layout.dir).filter((f) => f.includes('partial'))).toEqual([]);
    expect((await store.list()).map((e) => e.name)).toEqual([first.published]);
  });

  it('publishes nothing when its work changed nothing', async () => {
    const c = config();
    const store = SnapshotStore.of(c);
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const again = await writeSnapshot(
      c,
      { command: 'test', changed: () => false },
      async () => 'nothing to do',
    );
    expect(again).toMatchObject({ result: 'nothing to do', published: null });
    expect((await store.list()).map((e) => e.name)).toEqual([first.published]);
  });

  it('seeding at start-up publishes a snapshot only when it changes something', async () => {
    const c = config();
    const seed = () =>
      writeSnapshot(c, { command: 'start-up', changed: (s) => s.changed }, (db: Db) =>
        seedDatabase(db, c),
      );
    const first = await seed();
    const second = await seed();
    expect(first.result.changed).toBe(true);
    expect(first.published).not.toBeNull();
    expect(second.result.changed).toBe(false);
    expect(second.published).toBeNull();
    expect((await SnapshotStore.of(c).list()).map((e) => e.name)).toEqual([first.published]);
  });

  it('leaves published snapshots read-only on disk', async () => {
    const c = config();
    const { published } = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    expect(statSync(SnapshotStore.of(c).path(published!)).mode & 0o777).toBe(0o444);
  });

  it('refuses a second writer while one is at work, naming the first', async () => {
    const c = config();
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    let started!: () => void;
    const working = new Promise<void>((resolve) => (started = resolve));
    const first = writeSnapshot(c, { command: 'ingest' }, async (db) => {
      started();
      await held;
      await addDepartment('a')(db);
    });
    await working;
    const second = writeSnapshot(c, { command: 'import' }, addDepartment('b'));
    await expect(second).rejects.toThrow(WriterBusyError);
    await expect(second).rejects.toThrow(
      new RegExp(`another writer is at work \\(pid ${process.pid} on .*, ingest, since `),
    );
    finish();
    await first;
    expect(await currentCodes(c)).toEqual(['a']);
  });

  it('takes over the lock of a writer that died without releasing it', async () => {
    const c = config();
    const store = SnapshotStore.of(c);
    await store.ensureFolder();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(
      store.layout.lock,
      JSON.stringify({ pid: gone, host: hostname(), command: 'ingest', since: 'earlier' }),
    );
    const { published } = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    expect(published).not.toBeNull();
    expect(existsSync(store.layout.lock)).toBe(false);
  });

  it('clears what a writer that died left half written: a partial build, its WAL, a note or pointer', async () => {
    const c = config();
    const store = SnapshotStore.of(c);
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const leftovers = [
      `${first.published!.file.replace(/-\d+\.duckdb$/, '-9.duckdb')}.partial`,
      `${first.published!.file.replace(/-\d+\.duckdb$/, '-9.duckdb')}.partial.wal`,
      'current.json.4242.tmp',
      `${first.published!.file.replace(/\.duckdb$/, '.json')}.4242.tmp`,
    ];
    for (const file of leftovers) writeFileSync(`${store.layout.dir}/${file}`, 'half');
    await writeSnapshot(c, { command: 'test' }, addDepartment('b'));
    expect(readdirSync(store.layout.dir).filter((f) => leftovers.includes(f))).toEqual([]);
    expect(await currentCodes(c)).toEqual(['a', 'b']);
  });

  it('adopts the database file of an earlier version as the first snapshot, moving it into the folder', async () => {
    const c = config();
    const legacy = await openWriter(c);
    await addDepartment('old')(legacy);
    await legacy.close();
    const written = await writeSnapshot(c, { command: 'test' }, addDepartment('new'));
    const store = SnapshotStore.of(c);
    expect(written.adopted).not.toBeNull();
    expect(written.base).toEqual(written.adopted);
    expect(existsSync(c.databasePath)).toBe(false);
    expect(await codesIn(c, store.path(written.adopted!))).toEqual(['old']);
    expect(await currentCodes(c)).toEqual(['new', 'old']);
    expect((await store.list()).at(-1)?.note?.by).toBe('adopt');
  });

  it("refuses to adopt another database's snapshot, leaving it in its folder", async () => {
    const owner = config();
    const { published } = await writeSnapshot(owner, { command: 'test' }, addDepartment('a'));
    const snapshot = SnapshotStore.of(owner).path(published!);
    const c = config({ databasePath: snapshot });
    await expect(writeSnapshot(c, { command: 'test' }, addDepartment('b'))).rejects.toThrow(
      `is a snapshot of ${owner.databasePath}`,
    );
    expect(existsSync(snapshot)).toBe(true);
    expect(
      readdirSync(SnapshotStore.of(owner).layout.dir).filter((f) => !f.endsWith('.json')),
    ).toEqual([published!.file]);
    expect(await currentCodes(owner)).toEqual(['a']);
  });

  it('ignores a database file put at JIXIAO_DB once snapshots exist, and says so', async () => {
    const c = config();
    await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const stray = await openWriter(c);
    await addDepartment('stray')(stray);
    await stray.close();
    const written = await writeSnapshot(c, { command: 'test' }, addDepartment('b'));
    expect(written).toMatchObject({ adopted: null, ignoredFile: c.databasePath });
    expect(await currentCodes(c)).toEqual(['a', 'b']);
  });

  it('keeps the current snapshot and JIXIAO_SNAPSHOTS_KEEP others, deleting older ones', async () => {
    const c = config({ snapshotsKept: 1 });
    const published = [];
    for (const code of ['a', 'b', 'c', 'd'])
      published.push((await writeSnapshot(c, { command: 'test' }, addDepartment(code))).published);
    const kept = await SnapshotStore.of(c).list();
    expect(kept.map((e) => [e.name, e.current])).toEqual([
      [published[3], true],
      [published[2], false],
    ]);
  });
});

describe('rollback', () => {
  it('points back at the previous snapshot, and forward again by name', async () => {
    const c = config();
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const second = await writeSnapshot(c, { command: 'test' }, addDepartment('b'));
    expect(await rollbackSnapshot(c)).toEqual({ from: second.published, to: first.published });
    expect(await currentCodes(c)).toEqual(['a']);
    expect(await rollbackSnapshot(c, second.published!.version)).toEqual({
      from: first.published,
      to: second.published,
    });
    expect(await currentCodes(c)).toEqual(['a', 'b']);
  });

  it('says so when no older snapshot is kept', async () => {
    const c = config();
    const only = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    await expect(rollbackSnapshot(c)).rejects.toThrow(
      `no snapshot older than ${only.published!.version} is kept`,
    );
  });
});

describe('the live database of a server', () => {
  function live(c: Config, log: string[] = []) {
    return LiveDatabase.open({
      store: SnapshotStore.of(c),
      open: (path) => openReader({ ...c, databasePath: path, poolSize: 1 }),
      check: (db) => checkMigrations(db.pool, SQL_DIR),
      log: (line) => log.push(line),
    });
  }

  async function codesOf(db: Db): Promise<string[]> {
    const { rows } = await db.pool.query('SELECT code FROM departments ORDER BY code');
    return rows.map((r) => String(r.code));
  }

  it('swaps new requests to a published snapshot while a request in flight finishes on its own, whose pool then closes', async () => {
    const c = config();
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const data = await live(c);
    try {
      const inFlight = data.acquire();
      const second = await writeSnapshot(c, { command: 'test' }, addDepartment('b'));
      expect(await data.refresh()).toEqual({
        status: 'swapped',
        version: second.published!.version,
        previous: first.published!.version,
      });
      const next = data.acquire();
      expect(await codesOf(next.db)).toEqual(['a', 'b']);
      expect(await codesOf(inFlight.db)).toEqual(['a']);
      expect(data.openVersions()).toEqual([
        { version: first.published!.version, leases: 1, current: false },
        { version: second.published!.version, leases: 1, current: true },
      ]);
      await inFlight.release();
      expect(data.openVersions()).toEqual([
        { version: second.published!.version, leases: 1, current: true },
      ]);
      await expect(inFlight.db.pool.query('SELECT 1')).rejects.toThrow('pool is closed');
      await next.release();
    } finally {
      await data.close();
    }
  });

  it('is unchanged by a refresh when nothing was published', async () => {
    const c = config();
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const data = await live(c);
    try {
      expect(await data.refresh()).toEqual({
        status: 'unchanged',
        version: first.published!.version,
      });
    } finally {
      await data.close();
    }
  });

  it('keeps serving the old snapshot when the new one fails its checks, and says why', async () => {
    const c = config();
    const first = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const log: string[] = [];
    const data = await live(c, log);
    try {
      // As if a newer jixiao had published it: a migration this code does not know.
      const newer = await writeSnapshot(c, { command: 'test' }, async (db) => {
        await db.pool.query(
          "INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'future', 'x')",
        );
      });
      const outcome = await data.refresh();
      expect(outcome).toMatchObject({
        status: 'failed',
        version: first.published!.version,
        candidate: newer.published!.file,
      });
      expect(outcome.reason).toMatch(/migration 999 \(future\) that this jixiao does not know/);
      expect(log).toEqual([
        expect.stringMatching(
          `data refresh to ${newer.published!.file} failed; still serving ${first.published!.version}: `,
        ),
      ]);
      const lease = data.acquire();
      expect(await codesOf(lease.db)).toEqual(['a']);
      await lease.release();
      // The watcher does not retry it (nor log again); the next good snapshot is served.
      expect((await data.refresh()).status).toBe('failed');
      expect(log).toHaveLength(1);
      await rollbackSnapshot(c, first.published!.version);
      const fixed = await writeSnapshot(c, { command: 'test' }, addDepartment('b'));
      expect(await data.refresh()).toMatchObject({
        status: 'swapped',
        version: fixed.published!.version,
      });
    } finally {
      await data.close();
    }
  });

  it('opens the current snapshot for a reader, or says there is none yet', async () => {
    const c = config();
    const store = SnapshotStore.of(c);
    const open = (path: string) => openReader({ ...c, databasePath: path, poolSize: 1 });
    await expect(openCurrentSnapshot(store, open)).rejects.toThrow(
      /no data yet: .* holds no snapshot/,
    );
    const { published } = await writeSnapshot(c, { command: 'test' }, addDepartment('a'));
    const opened = await openCurrentSnapshot(store, open);
    expect(opened.name).toEqual(published);
    await opened.db.close();
  });
});
