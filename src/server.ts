import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config.js';
import { openReader, openWriter } from './db/prepare-database.js';
import type { Db } from './db/database.js';
import { seedDatabase } from './seed-database.js';
import { schema } from './graphql/schema.js';
import { createHttpApp, type HttpApp } from './http/http-app.js';

export interface RunningServer {
  url: string;
  app: HttpApp;
  db: Db;
  stop(): Promise<void>;
}

/**
 * Prepares the database (migrations, seed departments and reports) with a short-lived writer,
 * then serves GraphQL over a read-only, locked-down connection pool: the API never writes.
 */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const writer = await openWriter(config);
  try {
    const seeded = await seedDatabase(writer, config);
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
  } finally {
    await writer.close();
  }
  const db = await openReader(config);
  const app = await createHttpApp({ schema, db: db.kysely });
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/graphql`;
  return {
    url,
    app,
    db,
    async stop() {
      await app.stop();
      await db.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  startServer(config)
    .then((running) => {
      console.log(`jixiao serving GraphQL and GraphiQL at ${running.url}`);
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
