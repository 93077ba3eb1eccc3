import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../src/db/migrations.js';
import { SQL_DIR } from '../src/db/prepare-database.js';
import { schema } from '../src/graphql/schema.js';
import { localAccessControl } from '../src/http/access-control.js';
import { createHttpApp, type HttpApp } from '../src/http/http-app.js';
import { startTestServer } from './support/test-server.js';

/**
 * `GET /readyz` (docs/operations.md, "Logs, metrics and readiness"): ready, with the data version
 * and the migrations the served data has applied against the code's; 503 naming the reason when
 * they differ. Apps over a test server's data, with the code's migrations or a folder of them
 * that has one more or one fewer.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let migrations: number;
const folders: string[] = [];
const apps: HttpApp[] = [];
beforeAll(async () => {
  server = await startTestServer();
  migrations = (await readMigrations(SQL_DIR)).length;
});
afterAll(async () => {
  for (const app of apps) await app.stop();
  await server?.cleanup();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the code's migrations, without the files named in `leaveOut`. */
function migrationsCopy(leaveOut: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-sql-'));
  folders.push(dir);
  for (const file of readdirSync(SQL_DIR))
    if (!leaveOut.includes(file)) copyFileSync(join(SQL_DIR, file), join(dir, file));
  return dir;
}

/** An app over the server's data comparing it with the migrations of `migrationsDir`; its base URL. */
async function appWith(migrationsDir: string): Promise<{ app: HttpApp; base: string }> {
  const app = await createHttpApp({
    schema,
    db: server.db.kysely,
    data: server.data,
    access: localAccessControl({ graphiql: false }),
    migrationsDir,
  });
  apps.push(app);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

async function readyz(base: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/readyz`);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return { status: response.status, body: await response.json() };
}

describe('GET /readyz', () => {
  it('answers ready, with the data version and the migrations applied and expected', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect(await readyz(base)).toEqual({
      status: 200,
      body: {
        status: 'ready',
        dataVersion: server.data.version,
        migrations: { applied: migrations, expected: migrations },
      },
    });
  });

  it('answers 503 naming a migration the served data lacks', async () => {
    const dir = migrationsCopy();
    writeFileSync(join(dir, '999_later_feature.sql'), 'SELECT 1;\n');
    const { base } = await appWith(dir);
    expect(await readyz(base)).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        reason:
          'migrations not current: it lacks migration 999 (later_feature): it was written by an older version; any writing command of this version (or a restart) applies them',
        dataVersion: server.data.version,
        migrations: { applied: migrations, expected: migrations + 1 },
      },
    });
  });

  it('answers 503 naming a migration of the served data the code does not know', async () => {
    const last = readdirSync(SQL_DIR)
      .filter((f) => /^\d+_.+\.sql$/.test(f))
      .sort()
      .at(-1)!;
    const { base } = await appWith(migrationsCopy([last]));
    const { status, body } = await readyz(base);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'not ready',
      reason: expect.stringMatching(
        new RegExp(`^migrations not current: it has migration ${Number.parseInt(last, 10)} \\(`),
      ),
      migrations: { applied: migrations, expected: migrations - 1 },
    });
  });

  it('is worked out at start and after each data swap, not at each request', async () => {
    const dir = migrationsCopy();
    const { app, base } = await appWith(dir);
    writeFileSync(join(dir, '999_later_feature.sql'), 'SELECT 1;\n');
    expect((await readyz(base)).status).toBe(200);
    // What the server calls after it swapped to another snapshot.
    expect(await app.refreshReadiness()).toMatchObject({ ready: false });
    expect((await readyz(base)).status).toBe(503);
  });
});
