import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config.js';
import { openReader, SQL_DIR } from './db/prepare-database.js';
import type { Db } from './db/database.js';
import { LiveDatabase } from './db/live-database.js';
import { checkMigrations } from './db/migrations.js';
import { SnapshotStore } from './db/snapshot-store.js';
import { watchPointer } from './db/snapshot-watcher.js';
import { ignoredFileWarning, writeSnapshot } from './db/snapshot-writer.js';
import { seedDatabase, seedSummaryLine } from './seed-database.js';
import { schema } from './graphql/schema.js';
import { createHttpApp, type HttpApp } from './http/http-app.js';
import { openAccessControl } from './http/access-control.js';
import { queryLimitsOf, requestLimitsOf } from './http/request-limits.js';

export interface RunningServer {
  url: string;
  app: HttpApp;
  /** The pool of the snapshot served now (another after each refresh). */
  readonly db: Db;
  /** The served data: its version, `refresh()` (a reload), the snapshots open. */
  data: LiveDatabase;
  stop(): Promise<void>;
}

/**
 * Prepares the data (migrations, seed departments and reports) with a short-lived writer on a
 * copy of the current snapshot, published only if that changed something; then serves GraphQL
 * over a read-only, locked-down connection pool on the current snapshot: the API never writes.
 * It watches the snapshot pointer and swaps to each snapshot a writer publishes (`jixiao ingest`,
 * `import`, `generate`, `snapshot rollback`) without a restart (db/live-database.ts).
 */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  // First, before any work: a network address without tokens is refused here.
  const access = await openAccessControl(config);
  const store = SnapshotStore.of(config);
  const written = await writeSnapshot(
    config,
    { command: 'start-up', changed: (s) => s.changed, summary: seedSummaryLine },
    (writer) => seedDatabase(writer, config),
  );
  const seeded = written.result;
  if (written.ignoredFile) log(ignoredFileWarning(written.ignoredFile, store.layout.dir));
  if (written.adopted)
    log(
      `moved ${config.databasePath} into ${store.layout.dir} as snapshot ${written.adopted.version}`,
    );
  const inserted = seeded.reports.filter((r) => r.status !== 'unchanged').length;
  log(
    `seeded ${seeded.departments} departments; ${seeded.reports.length} reports (${inserted} new or replaced)`,
  );
  if (seeded.demo)
    log(`synthetic demo corpus: ${seeded.demo.reports} reports (${seeded.demo.status})`);
  if (seeded.nationalDemo)
    log(
      `synthetic demo, national framework: ${seeded.nationalDemo.reports} reports (${seeded.nationalDemo.status})`,
    );
  const data = await LiveDatabase.open({
    store,
    open: (path) => openReader({ ...config, databasePath: path }),
    check: (db) => checkMigrations(db.pool, SQL_DIR),
    log,
  });
  log(
    `serving snapshot ${data.version} of ${store.layout.dir}${written.published ? ' (new)' : ''}`,
  );
  const app = await createHttpApp({
    schema,
    db: data.db.kysely,
    // Each request holds the snapshot current when it began, through its own pool.
    data,
    access,
    // Each request's statements carry its signal and priority (docs/operations.md, "Query limits and timeouts").
    readerFor: (statement) => data.db.readerFor(statement),
    limits: queryLimitsOf(config),
    requestLimits: requestLimitsOf(config),
    responseCacheBytes: config.responseCacheMb * 1024 * 1024,
  }).catch(async (error: unknown) => {
    await data.close();
    throw error;
  });
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const { port } = app.server.address() as AddressInfo;
  log(access.summary);
  // What the server derives from the data follows each swap.
  // Cached answers name their data version: clearing only frees the old answers' memory sooner.
  data.onSwap(() => {
    app.responseCache?.clear();
    return app.refreshStatistics().then(() => undefined);
  });
  const stopWatching = watchPointer(
    store.layout,
    config.snapshotPollMs,
    () => void data.refresh(),
    log,
  );
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/graphql`;
  return {
    url,
    app,
    get db() {
      return data.db;
    },
    data,
    async stop() {
      stopWatching();
      await app.stop();
      await data.close();
    },
  };
}

/**
 * The line that says the server is up. GraphiQL's state (on or off) is stated by the access
 * mode's line before it, so this one names only what is always served.
 */
export function servingLine(running: RunningServer): string {
  const dashboard = new URL('/dashboard', running.url).href;
  return `jixiao serving GraphQL at ${running.url} and the dashboard at ${dashboard}`;
}

/**
 * SIGHUP makes a running server serve the current snapshot at once (as `POST /admin/reload`),
 * retrying one it could not serve before. Returns a function that stops listening.
 */
export function reloadOnHangup(running: RunningServer, log: (line: string) => void): () => void {
  const reload = () => {
    void running.data.refresh({ force: true }).then((outcome) => {
      if (outcome.status === 'unchanged') log(`SIGHUP: still serving snapshot ${outcome.version}`);
    });
  };
  process.on('SIGHUP', reload);
  return () => process.off('SIGHUP', reload);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  startServer(config)
    .then((running) => {
      console.log(servingLine(running));
      reloadOnHangup(running, console.log);
      const shutdown = () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
