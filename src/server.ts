import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config.js';
import { openReader, SQL_DIR } from './db/prepare-database.js';
import type { Db } from './db/database.js';
import { LiveDatabase } from './db/live-database.js';
import { checkMigrations } from './db/migrations.js';
import { SnapshotStore } from './db/snapshot-store.js';
import { watchPointer } from './db/snapshot-watcher.js';
import { ignoredFileWarning, writeSnapshot } from './db/snapshot-writer.js';
import { schema } from './graphql/schema.js';
import { createHttpApp, type HttpApp } from './http/http-app.js';
import { openAccessControl, type AccessControl } from './http/access-control.js';
import { createLogger, type Logger } from './http/logger.js';
import { queryLimitsOf, requestLimitsOf } from './http/request-limits.js';
import { workerConfig } from './cluster/worker-config.js';
import { workerExecArgv } from './cluster/worker-exec-argv.js';
import { superviseWorkers } from './cluster/worker-supervisor.js';

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
  /** Where a JSON line per API request goes (http/request-log.ts); none when absent (tests). */
  logger?: Logger,
): Promise<RunningServer> {
  const prepared = await prepareData(config, log);
  const running = await serveData(config, prepared.access, log, { logger });
  log(servingSnapshotLine(running.data.version, prepared));
  log(prepared.access.summary);
  return running;
}

/** What start-up's writer part leaves for the serving part. */
export interface PreparedData {
  /** Who may ask what: checked before any work. */
  access: AccessControl;
  store: SnapshotStore;
  /** Whether start-up published a snapshot (it changed something). */
  published: boolean;
}

/**
 * Start-up's writer part, once per server (in the primary process when there are worker
 * processes): refuses a network address without tokens, then migrates and seeds on a copy of
 * the current snapshot, published only if that changed something, and says what it loaded.
 */
export async function prepareData(
  config: Config,
  log: (line: string) => void,
): Promise<PreparedData> {
  // First, before any work: a network address without tokens is refused here.
  const access = await openAccessControl(config);
  // Loaded here, not with this module: a worker process never seeds, so never loads the ingest
  // pipeline (PDF reader, parsers, synthetic generator): it starts sooner and stays smaller.
  const { seedDatabase, seedSummaryLine } = await import('./seed-database.js');
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
  return { access, store, published: written.published !== null };
}

/** The line that names the snapshot served, and whether start-up just published it. */
function servingSnapshotLine(version: string, prepared: PreparedData): string {
  return `serving snapshot ${version} of ${prepared.store.layout.dir}${prepared.published ? ' (new)' : ''}`;
}

/** What a server process adds to serveData: its log and, in a worker, the cluster's part. */
export interface ServeOptions {
  /** Where a JSON line per request goes. */
  logger?: Logger;
  /** What `/metrics` answers with (a worker: every worker's, summed); its own when absent. */
  metricsText?: () => Promise<string>;
  /** Called after `POST /admin/reload` refreshed this server (a worker: the others reload too). */
  afterReload?: () => void;
}

/**
 * Start-up's serving part, which writes nothing: opens the current snapshot read-only, serves
 * it, and follows the snapshot pointer. A worker process runs only this.
 */
export async function serveData(
  config: Config,
  access: AccessControl,
  log: (line: string) => void,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const { logger, metricsText, afterReload } = options;
  const store = SnapshotStore.of(config);
  const data = await LiveDatabase.open({
    store,
    open: (path) => openReader({ ...config, databasePath: path }),
    check: (db) => checkMigrations(db.pool, SQL_DIR),
    log,
  });
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
    logger,
    metricsText,
    afterReload,
    responseCacheBytes: config.responseCacheMb * 1024 * 1024,
  }).catch(async (error: unknown) => {
    await data.close();
    throw error;
  });
  // A port in use is a failed start with its message, as any other, not an uncaught error.
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(config.port, config.host, () => {
      app.server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await data.close();
    throw error;
  });
  const { port } = app.server.address() as AddressInfo;
  // What the server derives from the data follows each swap.
  // Cached answers name their data version: clearing only frees the old answers' memory sooner.
  data.onSwap(() => {
    app.responseCache?.clear();
    return app.refreshStatistics().then(() => undefined);
  });
  // `/readyz` says whether the data served is at this code's migrations.
  data.onSwap(() => app.refreshReadiness().then(() => undefined));
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
export function servingLine(running: Pick<RunningServer, 'url'>): string {
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

/**
 * Waits for SIGINT or SIGTERM, then stops gracefully: no new connections, `/readyz` answers 503
 * on the connections still open, the requests in flight are answered (each at most until its
 * deadline), then the database closes. Says how many requests it waits for, in one line. A
 * second signal meanwhile stops the process at once (the signal's default).
 */
export async function stopOnSignal(
  running: RunningServer,
  log: (line: string) => void,
  /** A worker process's stop, asked by the primary (for the signal it received), as a signal. */
  requested?: Promise<NodeJS.Signals>,
): Promise<void> {
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const received = (name: NodeJS.Signals) => {
      process.off('SIGINT', received);
      process.off('SIGTERM', received);
      resolve(name);
    };
    process.on('SIGINT', received);
    process.on('SIGTERM', received);
    void requested?.then(received);
  });
  const inFlight = running.app.requestsInFlight();
  log(
    `${signal}: stopping: no new connections; waiting for ${inFlight} request${inFlight === 1 ? '' : 's'} in flight, then closing the database`,
  );
  await running.stop();
}

/**
 * `npm start` and `jixiao serve`: starts the server with its JSON request log on stdout (at
 * JIXIAO_LOG_LEVEL), prints the start-up lines, reloads on SIGHUP, and stops gracefully on SIGINT
 * or SIGTERM. Resolves with the exit code once stopped. With `config.workers` above 1, in worker
 * processes (serveWithWorkers).
 */
export async function serveUntilStopped(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<number> {
  if (config.workers > 1) return serveWithWorkers(config, log);
  const running = await startServer(config, log, createLogger(config.logLevel));
  log(servingLine(running));
  const stopReloading = reloadOnHangup(running, log);
  await stopOnSignal(running, log);
  stopReloading();
  return 0;
}

/** The entry of each worker process (node:cluster runs it instead of the primary's script). */
const SERVE_WORKER = fileURLToPath(new URL('./serve-worker.ts', import.meta.url));

/**
 * `jixiao serve --workers N` (N > 1): this process prepares the data once (seeding, as a single
 * server does), then forks N worker processes that only serve, read-only, behind the one port
 * (cluster/worker-supervisor.ts), each with its share of DuckDB's threads and memory
 * (cluster/worker-config.ts). The start-up lines are printed once, here, when every worker
 * listens; the serving line ends with the number of workers. Resolves with the exit code once
 * the workers have stopped; rejects if they could not start or kept failing.
 */
export async function serveWithWorkers(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<number> {
  const prepared = await prepareData(config, log);
  return superviseWorkers({
    exec: SERVE_WORKER,
    execArgv: workerExecArgv(),
    count: config.workers,
    config: workerConfig(config),
    log,
    onListening(first) {
      log(servingSnapshotLine(first.version, prepared));
      log(prepared.access.summary);
      log(`${servingLine(first)} (${config.workers} worker processes)`);
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A bad setting is reported as a start-up failure is: its message, exit code 1.
  Promise.resolve()
    .then(() => serveUntilStopped(loadConfig()))
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
}
