import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from '../src/cli/bulk-commands.js';
import { generateCommand } from '../src/cli/generate-command.js';
import { loadConfig, type Config } from '../src/config.js';
import { checkMigrations } from '../src/db/migrations.js';
import { openReader, SQL_DIR } from '../src/db/prepare-database.js';
import { parseSnapshotName, snapshotLayout } from '../src/db/snapshot-layout.js';
import { databaseChecksum, type TableChecksum } from './support/database-checksum.js';
import { testIo } from './support/test-io.js';

/**
 * A writer killed at any moment leaves the data as it was, or as the whole import makes it;
 * never anything in between (issue 11). A child process runs a real `jixiao import` of a
 * generated corpus into a database that already holds one, and is killed with SIGKILL (no
 * handler of its own runs) at a moment it shows: once it holds the writer lock, once its copy
 * of the current snapshot exists, once it has printed that the import is done, once the new
 * snapshot file exists, once the pointer names it. Each next import runs on what the last one
 * left. After each kill the pointer names a whole, read-only, checkpointed snapshot that opens
 * and holds exactly the data before that import or exactly the complete import; the killed
 * writer's lock does not keep the next writer out; and a last import runs to the end.
 */

const MOMENTS = ['lock', 'partial', 'imported', 'snapshot', 'pointer'] as const;
type Moment = (typeof MOMENTS)[number];

/** How a moment shows: what the folder holds or the writer printed, compared with the start. */
interface Observed {
  /** When it was looked at (ms since the epoch, as file times are). */
  at: number;
  files: string[];
  pointer: string | null;
  lockPid: number | null;
  stdout: string;
}

const REACHED: Readonly<Record<Moment, (now: Observed, start: Observed, pid: number) => boolean>> =
  {
    // It holds the writer lock (a lock a killed writer left names that writer).
    lock: (now, _, pid) => now.lockPid === pid,
    // It copies the current snapshot to a file of its own (which may take the name of a copy a
    // killed writer left, once it has cleared that away: a file written since it started).
    partial: (now, start) =>
      now.files.some((f) => f.endsWith('.duckdb.partial') && modifiedSince(f, start.at)),
    // It committed the import; it has yet to checkpoint, close and publish its copy.
    imported: (now) => /^imported \d+ reports/m.test(now.stdout),
    // Its copy is a snapshot now, which the pointer does not name yet.
    snapshot: (now, start) =>
      now.files.some((f) => parseSnapshotName(f) !== null && !start.files.includes(f)),
    // The pointer names its snapshot; it has yet to prune and release the lock.
    pointer: (now, start) => now.pointer !== start.pointer,
  };

/** A `jixiao import --replace` in a process of its own, as the command runs it. */
const CHILD = `
const { importCommand } = await import(process.env.COMMAND_URL);
const { loadConfig } = await import(process.env.CONFIG_URL);
const { processIo } = await import(process.env.IO_URL);
process.exitCode = await importCommand(process.env.IMPORT_DIR, { replace: true }, loadConfig(), processIo);
`;

const moduleUrl = (path: string) => pathToFileURL(join(process.cwd(), path)).href;

interface Run {
  moment: Moment | null;
  pid: number;
  /** Whether the moment came before the writer ended by itself. */
  reached: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the folder held when it started. */
  start: Observed;
  /** What the kill left. */
  after: Aftermath;
}

interface Aftermath {
  pointer: string;
  /** The current snapshot's file mode, and whether a write-ahead log lies beside it. */
  mode: number;
  wal: boolean;
  /** Whether it opens as a database at this version's migrations. */
  opens: boolean;
  exact: Record<string, TableChecksum>;
  content: Record<string, TableChecksum>;
  lockPid: number | null;
  /** Files of a copy being built (`*.duckdb.partial`, and its WAL). */
  partials: string[];
}

let root: string;
let config: Config;
let source: string;
let dir: string;
/** The data before any import, and after the complete import of the corpus. */
let before: { exact: Record<string, TableChecksum>; content: Record<string, TableChecksum> };
let complete: Record<string, TableChecksum>;
const runs: Run[] = [];

/** Whether a file of the folder was written since `at`; false once it is gone. */
function modifiedSince(file: string, at: number): boolean {
  try {
    return statSync(join(dir, file)).mtimeMs >= at;
  } catch {
    return false;
  }
}

function observe(stdout = ''): Observed {
  const at = Date.now();
  const files = readdirSync(dir);
  const read = (file: string) => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch {
      return null; // absent, or replaced this instant
    }
  };
  const pointer = read('current.json');
  const lock = read('writer.lock');
  let lockPid: number | null = null;
  try {
    lockPid = lock ? (JSON.parse(lock) as { pid: number }).pid : null;
  } catch {
    lockPid = null; // being written
  }
  return {
    at,
    files,
    pointer: pointer && (JSON.parse(pointer) as { snapshot: string }).snapshot,
    lockPid,
    stdout,
  };
}

/** What the folder holds now: the current snapshot, checked and summed, the lock, leftovers. */
async function aftermath(databasePath: string): Promise<Aftermath> {
  const folder = snapshotLayout(databasePath).dir;
  const pointer = (
    JSON.parse(readFileSync(join(folder, 'current.json'), 'utf8')) as {
      snapshot: string;
    }
  ).snapshot;
  const file = join(folder, pointer);
  const db = await openReader({ ...config, databasePath: file, poolSize: 1 });
  try {
    const opens = await checkMigrations(db.pool, SQL_DIR).then(
      () => true,
      () => false,
    );
    const lock = join(folder, 'writer.lock');
    return {
      pointer,
      mode: statSync(file).mode & 0o777,
      wal: existsSync(`${file}.wal`),
      opens,
      exact: await databaseChecksum(db.pool, 'exact'),
      content: await databaseChecksum(db.pool, 'content'),
      lockPid: existsSync(lock)
        ? (JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid
        : null,
      partials: readdirSync(folder).filter((f) => f.includes('.duckdb.partial')),
    };
  } finally {
    await db.close();
  }
}

/** Runs the import in a child process, killed with SIGKILL at `moment` (or left to finish). */
async function run(moment: Moment | null): Promise<Run> {
  const start = observe();
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    env: {
      ...process.env,
      COMMAND_URL: moduleUrl('src/cli/bulk-commands.ts'),
      CONFIG_URL: moduleUrl('src/config.ts'),
      IO_URL: moduleUrl('src/cli/cli-io.ts'),
      IMPORT_DIR: source,
      JIXIAO_DB: config.databasePath,
      JIXIAO_DUCKDB_THREADS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let reached = false;
  if (moment) {
    // The folder is looked at as often as the event loop allows, and at every line printed.
    reached = await new Promise<boolean>((resolve) => {
      const look = () => {
        if (REACHED[moment](observe(stdout), start, child.pid!)) {
          clearInterval(timer);
          resolve(true);
        }
      };
      const timer = setInterval(look, 1);
      child.stdout.on('data', look);
      void exited.then(() => {
        clearInterval(timer);
        resolve(false);
      });
    });
    if (reached) child.kill('SIGKILL');
  }
  const { code, signal } = await exited;
  return {
    moment,
    pid: child.pid!,
    reached,
    code,
    signal,
    stdout,
    stderr,
    start,
    after: await aftermath(config.databasePath),
  };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'jixiao-sigkill-'));
  config = {
    ...loadConfig({}),
    databasePath: join(root, 'data', 'jixiao.duckdb'),
    loadDemo: false,
    duckdbThreads: 1,
  };
  dir = snapshotLayout(config.databasePath).dir;
  source = join(root, 'corpus');
  const io = testIo();
  // The data before: 3 synthetic departments' reports of 2015-2016, published as a snapshot.
  await generateCommand({ departments: '3', years: '2015-2016', seed: '5' }, config, io);
  // The corpus: 8 departments' reports of 2017-2021 as canonical Parquet, a second or two to import.
  await generateCommand(
    { departments: '8', years: '2017-2021', seed: '5', out: source },
    config,
    io,
  );
  const first = await aftermath(config.databasePath);
  before = { exact: first.exact, content: first.content };

  // The complete import, made once without interruption in a copy of the folder.
  const copy = join(root, 'reference', 'jixiao.duckdb');
  cpSync(join(root, 'data'), join(root, 'reference'), { recursive: true });
  await importCommand(source, {}, { ...config, databasePath: copy }, testIo());
  complete = (await aftermath(copy)).content;

  for (const moment of MOMENTS) runs.push(await run(moment));
  runs.push(await run(null));
}, 180_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const killed = () => runs.filter((r) => r.moment !== null);
const last = () => runs.at(-1)!;

/** The snapshot a run started from: the pointer before it. */
const startPointer = (r: Run) => r.start.pointer;

describe('an import killed with SIGKILL', () => {
  it('is killed at each moment it shows, before it ends by itself', () => {
    expect(killed().map((r) => [r.moment, r.reached, r.signal])).toEqual(
      MOMENTS.map((m) => [m, true, 'SIGKILL']),
    );
  });

  it('leaves the pointer naming a whole snapshot: read-only, no write-ahead log, at these migrations', () => {
    for (const { moment, after } of runs)
      expect({ mode: after.mode, wal: after.wal, opens: after.opens }, String(moment)).toEqual({
        mode: 0o444,
        wal: false,
        opens: true,
      });
  });

  it('leaves exactly the data before it, or exactly the complete import, as the pointer says', () => {
    for (const r of killed()) {
      const unmoved = r.after.pointer === startPointer(r);
      if (unmoved) {
        // The same snapshot file as before the run: every row as it was.
        const previous = r === runs[0] ? before.exact : runs[runs.indexOf(r) - 1]!.after.exact;
        expect(r.after.exact, `${r.moment}: not the data before`).toEqual(previous);
      } else {
        expect(r.after.content, `${r.moment}: not the complete import`).toEqual(complete);
      }
    }
  });

  it('leaves the data before it while it has not published, and the import once the pointer names it', () => {
    const byMoment = new Map(killed().map((r) => [r.moment, r]));
    // Its lock and its copy come seconds before it could publish anything.
    for (const moment of ['lock', 'partial'] as const)
      expect(byMoment.get(moment)!.after.pointer, moment).toBe(startPointer(byMoment.get(moment)!));
    const published = byMoment.get('pointer')!;
    expect(published.after.pointer).not.toBe(startPointer(published));
    expect(published.after.content).toEqual(complete);
  });

  it('leaves its lock behind, and the next writer takes it over', () => {
    const withLock = killed().filter((r) => r.after.lockPid !== null);
    expect(withLock.length).toBeGreaterThanOrEqual(4);
    for (const r of withLock) {
      expect(r.after.lockPid, String(r.moment)).toBe(r.pid);
      // The next run held the lock itself: it was not refused by the dead writer's.
      const next = runs[runs.indexOf(r) + 1]!;
      expect(next.stderr, String(next.moment)).not.toContain('another writer is at work');
      expect(next.reached || next.code === 0, String(next.moment)).toBe(true);
    }
  });

  it('lets a last import run to the end: complete data, its lock released, no copy left behind', () => {
    const { code, stdout, after } = last();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^published snapshot /m);
    expect(after.content).toEqual(complete);
    expect(after.lockPid).toBeNull();
    expect(after.partials).toEqual([]);
  });
});
