import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { openWriter } from '../src/db/prepare-database.js';
import { registerDepartments } from '../src/ingest/load/department-registry.js';
import { createToken } from '../src/access/token-store.js';
import { AccessConfigError, openAccessControl } from '../src/http/access-control.js';
import { startServer } from '../src/server.js';
import { postAs } from './support/access-server.js';
import { tempConfig } from './support/temp-database.js';
import { testIo } from './support/test-io.js';

/**
 * `jixiao token create|list|revoke`, and what the tokens file does to a server: without it the
 * server is in local mode (loopback only, every request ADMIN); with it every request needs one
 * of its tokens, and a revoked token is refused from the next request.
 */

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function config(overrides: Parameters<typeof tempConfig>[0] = {}) {
  const c = tempConfig(overrides);
  cleanups.push(c.cleanup);
  return c;
}

const TOKEN = /^jx_[A-Za-z0-9_-]{43}$/;
const ANALYST = { role: 'ANALYST', department: null } as const;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function token(args: string[], c: ReturnType<typeof config>) {
  const io = testIo();
  const code = await main(['token', ...args], io, c);
  return { code, stdout: io.stdout, stderr: io.stderr, out: io.stdout.join('\n') };
}

describe('jixiao token create', () => {
  it('prints a new token once, alone on standard output, and stores only its SHA-256', async () => {
    const c = config();
    const created = await token(['create', '--role', 'ANALYST', '--name', '财政局绩效科'], c);
    expect(created.code).toBe(0);
    expect(created.stdout).toHaveLength(1);
    const [secret] = created.stdout as [string];
    expect(secret).toMatch(TOKEN);
    expect(created.stderr.join('\n')).toMatch(
      /created token [0-9a-f]{8} \(ANALYST, 财政局绩效科\)/,
    );
    expect(created.stderr.join('\n')).toContain('shown this once');

    const file = readFileSync(c.tokensPath, 'utf8');
    expect(file).not.toContain(secret);
    expect(file).not.toContain(secret.slice(3));
    expect(JSON.parse(file)).toEqual({
      version: 2,
      tokens: [
        {
          id: expect.stringMatching(/^[0-9a-f]{8}$/),
          sha256: sha256(secret),
          role: 'ANALYST',
          department: null,
          name: '财政局绩效科',
          created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          expires: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
          revoked: null,
        },
      ],
    });
  });

  it('writes the file for its owner only (mode 0600)', async () => {
    const c = config();
    await token(['create', '--role', 'ADMIN'], c);
    expect(statSync(c.tokensPath).mode & 0o777).toBe(0o600);
  });

  it('gives a new token and a new id each time', async () => {
    const c = config();
    const first = await token(['create', '--role', 'ADMIN'], c);
    const second = await token(['create', '--role', 'ADMIN'], c);
    expect(first.stdout[0]).not.toBe(second.stdout[0]);
    const ids = JSON.parse(readFileSync(c.tokensPath, 'utf8')).tokens.map(
      (t: { id: string }) => t.id,
    );
    expect(new Set(ids).size).toBe(2);
  });

  it('binds a DEPARTMENT token to a department of the registry', async () => {
    const c = config();
    const created = await token(['create', '--role', 'DEPARTMENT:gz-zfw'], c);
    expect(created.code).toBe(0);
    expect(JSON.parse(readFileSync(c.tokensPath, 'utf8')).tokens[0]).toMatchObject({
      role: 'DEPARTMENT',
      department: 'gz-zfw',
    });
  });

  it('accepts a department the database holds though the registry does not (the demo, imports)', async () => {
    const c = config();
    const writer = await openWriter(c);
    await registerDepartments(writer.kysely, [
      {
        code: 'zz-imported',
        name: '导入的部门',
        aliases: [],
        sector: null,
        level: 'COUNTY',
        synthetic: true,
      },
    ]);
    await writer.close();
    expect((await token(['create', '--role', 'DEPARTMENT:zz-imported'], c)).code).toBe(0);
  });

  it('refuses a DEPARTMENT token for a code known nowhere, saying where it looked', async () => {
    const c = config();
    const refused = await token(['create', '--role', 'DEPARTMENT:no-such-dept'], c);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toEqual([]);
    const message = refused.stderr.join('\n');
    expect(message).toContain(
      `error: no department "no-such-dept" in the registry ${c.departmentsCsv} (not read: the database: `,
    );
    expect(message).toContain('a token for it would open nothing');
    expect(existsSync(c.tokensPath)).toBe(false);
  });

  it.each([
    [['create'], '--role'],
    [['create', '--role', 'BOSS'], 'unknown role "BOSS"'],
    [['create', '--role', 'DEPARTMENT'], 'role DEPARTMENT needs its department'],
    [['create', '--role', 'ANALYST:gz-zfw'], 'role ANALYST takes no department'],
    [['create', '--role', 'DEPARTMENT:GZ ZFW'], 'is not a department code'],
    [[], 'token needs an action'],
    [['rotate'], 'unknown token action "rotate"'],
    [['create', '--role', 'ADMIN', '--expires', 'soon'], 'expected a duration (90d, 12h)'],
    [['create', '--role', 'ADMIN', '--expires', '2020-01-01'], 'is not in the future'],
    [['create', '--role', 'ADMIN', '--expires', '0h'], 'a lifetime of at least 1h'],
  ])('is a usage mistake (exit 2) for %j', async (args, message) => {
    const c = config();
    const refused = await token(args, c);
    expect(refused.code).toBe(2);
    expect(refused.stderr.join('\n')).toContain(message);
    expect(existsSync(c.tokensPath)).toBe(false);
  });
});

describe('jixiao token create --expires', () => {
  const DAY_MS = 86_400_000;
  async function created(c: ReturnType<typeof config>, args: string[]) {
    const result = await token(['create', '--role', 'ANALYST', ...args], c);
    expect(result.code).toBe(0);
    const record = JSON.parse(readFileSync(c.tokensPath, 'utf8')).tokens.at(-1) as {
      created: string;
      expires: string | null;
    };
    return { record, stderr: result.stderr.join('\n') };
  }
  const lifetime = (r: { created: string; expires: string | null }) =>
    Date.parse(r.expires!) - Date.parse(r.created);

  it('without it, makes the token expire 365 days after its creation, and says so', async () => {
    const { record, stderr } = await created(config(), []);
    expect(lifetime(record)).toBe(365 * DAY_MS);
    expect(stderr).toContain(
      `valid until ${record.expires} (365 days; --expires sets another time)`,
    );
  });

  it('takes a number of days', async () => {
    const { record, stderr } = await created(config(), ['--expires', '90d']);
    expect(lifetime(record)).toBe(90 * DAY_MS);
    expect(stderr).toContain(`valid until ${record.expires}. `);
  });

  it('takes a number of hours', async () => {
    const { record } = await created(config(), ['--expires', '12h']);
    expect(lifetime(record)).toBe(12 * 3_600_000);
  });

  it('takes a date: the token stops working when that day begins, in UTC', async () => {
    const { record } = await created(config(), ['--expires', '2099-06-30']);
    expect(record.expires).toBe('2099-06-30T00:00:00.000Z');
  });

  it('takes never, stored as no expiry, and tells to revoke the token when done with it', async () => {
    const { record, stderr } = await created(config(), ['--expires', 'never']);
    expect(record.expires).toBeNull();
    expect(stderr).toContain('never expiring: revoke it when it is no longer needed');
  });
});

describe('jixiao token list', () => {
  it('says the server runs in local mode when there is no tokens file', async () => {
    const listed = await token(['list'], config());
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('no tokens file at');
    expect(listed.out).toContain('local mode');
  });

  it('shows each expiry, never for none, and marks and counts the expired ones', async () => {
    const c = config();
    const past = {
      now: new Date('2025-01-01T00:00:00Z'),
      expires: new Date('2025-07-01T00:00:00Z'),
    };
    const old = await createToken(c.tokensPath, ANALYST, 'expired', past);
    const forever = await createToken(c.tokensPath, ANALYST, 'forever', { expires: null });
    const later = await createToken(c.tokensPath, ANALYST, 'later', {
      expires: new Date('2099-06-30T00:00:00Z'),
    });
    const listed = await token(['list'], c);
    expect(listed.stdout[1]).toMatch(
      new RegExp(
        `^${old.record.id} +ANALYST +expired +\\S+ +2025-07-01T00:00:00.000Z \\(expired\\)$`,
      ),
    );
    expect(listed.stdout[2]).toMatch(
      new RegExp(`^${forever.record.id} +ANALYST +forever +\\S+ +never$`),
    );
    expect(listed.stdout[3]).toMatch(
      new RegExp(`^${later.record.id} +ANALYST +later +\\S+ +2099-06-30T00:00:00.000Z$`),
    );
    expect(listed.stdout.at(-1)).toBe(`3 tokens, 2 active, 1 expired, in ${c.tokensPath}`);
  });

  it('lists id, role, name, created and revoked, never a token', async () => {
    const c = config();
    const analyst = (await token(['create', '--role', 'ANALYST', '--name', '分析'], c)).stdout[0]!;
    const own = (await token(['create', '--role', 'DEPARTMENT:gz-zfw', '--name', '政法委'], c))
      .stdout[0]!;
    const listed = await token(['list'], c);
    expect(listed.stdout[0]).toMatch(/^id +role +name +created +expires +revoked$/);
    expect(listed.stdout[1]).toMatch(
      /^[0-9a-f]{8} +ANALYST +分析 +\d{4}-\d\d-\d\dT\S+ +\d{4}-\d\d-\d\dT\S+$/,
    );
    expect(listed.stdout[2]).toMatch(/^[0-9a-f]{8} +DEPARTMENT:gz-zfw +政法委 +\d{4}-/);
    expect(listed.stdout.at(-1)).toBe(`2 tokens, 2 active, in ${c.tokensPath}`);
    for (const secret of [analyst, own]) {
      expect(listed.out).not.toContain(secret);
      expect(listed.out).not.toContain(sha256(secret));
    }
  });
});

describe('jixiao token revoke', () => {
  it('marks the token revoked with the time, and keeps it listed', async () => {
    const c = config();
    await token(['create', '--role', 'ANALYST'], c);
    const id = JSON.parse(readFileSync(c.tokensPath, 'utf8')).tokens[0].id as string;
    const revoked = await token(['revoke', id], c);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toBe(
      `revoked token ${id} (ANALYST); a running server refuses it from its next request`,
    );
    const listed = await token(['list'], c);
    expect(listed.stdout[1]).toMatch(new RegExp(`^${id} +ANALYST +\\S+ +\\S+ +\\S+Z$`));
    expect(listed.stdout.at(-1)).toBe(`1 tokens, 0 active, in ${c.tokensPath}`);
    expect((await token(['revoke', id], c)).out).toContain('was already revoked at');
  });

  it('fails (exit 1) for an id the file does not hold', async () => {
    const c = config();
    await token(['create', '--role', 'ANALYST'], c);
    const refused = await token(['revoke', 'deadbeef'], c);
    expect(refused.code).toBe(1);
    expect(refused.stderr.join('\n')).toContain('holds no token with id deadbeef');
  });
});

describe('a tokens file written before tokens expired (format version 1)', () => {
  const secret = `jx_${'B'.repeat(43)}`;
  /** The file as an earlier jixiao wrote it: no expires field, version 1. */
  function writeVersion1(path: string): void {
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        tokens: [
          {
            id: '0a1b2c3d',
            sha256: sha256(secret),
            role: 'DEPARTMENT',
            department: 'gz-zfw',
            name: '市委政法委',
            created: '2025-03-01T08:00:00.000Z',
            revoked: null,
          },
        ],
      }),
      { mode: 0o600 },
    );
  }

  it('is listed, its tokens never expiring', async () => {
    const c = config();
    writeVersion1(c.tokensPath);
    const listed = await token(['list'], c);
    expect(listed.stdout[1]).toMatch(
      /^0a1b2c3d +DEPARTMENT:gz-zfw +市委政法委 +2025-03-01T08:00:00.000Z +never$/,
    );
    expect(listed.stdout.at(-1)).toBe(`1 tokens, 1 active, in ${c.tokensPath}`);
  });

  it('still opens the server with its tokens', async () => {
    const c = config();
    writeVersion1(c.tokensPath);
    const access = await openAccessControl(
      c,
      () => {},
      () => Date.parse('2099-01-01T00:00:00Z'),
    );
    const viewer = await access.authenticate({
      headers: { authorization: `Bearer ${secret}` },
    } as IncomingMessage);
    expect(viewer).toEqual({ role: 'DEPARTMENT', department: 'gz-zfw', tokenId: '0a1b2c3d' });
  });

  it('is rewritten in the current version by the next change, its tokens kept without expiry', async () => {
    const c = config();
    writeVersion1(c.tokensPath);
    expect((await token(['create', '--role', 'ADMIN', '--expires', '30d'], c)).code).toBe(0);
    const file = JSON.parse(readFileSync(c.tokensPath, 'utf8'));
    expect(file.version).toBe(2);
    expect(file.tokens[0]).toEqual({
      id: '0a1b2c3d',
      sha256: sha256(secret),
      role: 'DEPARTMENT',
      department: 'gz-zfw',
      name: '市委政法委',
      created: '2025-03-01T08:00:00.000Z',
      expires: null,
      revoked: null,
    });
    expect(file.tokens[1].role).toBe('ADMIN');
  });
});

describe('starting the server', () => {
  it('without a tokens file, refuses a HOST other than the loopback, before any work, saying how to create a token', async () => {
    const c = config({ host: '0.0.0.0' });
    const started = startServer(c, () => {});
    await expect(started).rejects.toBeInstanceOf(AccessConfigError);
    await expect(started).rejects.toThrow(
      /HOST=0\.0\.0\.0 would serve the network, but there is no tokens file .*jixiao token create --role ADMIN/,
    );
    expect(existsSync(c.databasePath)).toBe(false);
  });

  it.each(['127.0.0.1', 'localhost', '::1'])(
    'without a tokens file, serves %s in local mode, every request as ADMIN',
    async (host) => {
      const access = await openAccessControl({ ...config(), host });
      expect(access.mode).toBe('local');
      expect(access.summary).toMatch(/^local mode: .*only this machine may connect.*ADMIN/);
      expect([access.graphiql, access.introspection]).toEqual([true, true]);
    },
  );

  it('with a tokens file, serves the network, GraphiQL and introspection off unless switched on', async () => {
    const c = config({ host: '0.0.0.0' });
    await token(['create', '--role', 'ANALYST'], c);
    const access = await openAccessControl(c);
    expect(access.mode).toBe('tokens');
    expect([access.graphiql, access.introspection]).toEqual([false, false]);
    const switched = await openAccessControl({ ...c, graphiql: true, introspection: true });
    expect([switched.graphiql, switched.introspection]).toEqual([true, true]);
    const local = await openAccessControl({ ...config(), graphiql: false, introspection: false });
    expect([local.graphiql, local.introspection]).toEqual([false, false]);
  });

  it('says at start-up which mode it is in; a token from the CLI opens it, and once revoked does not', async () => {
    const c = config();
    const lines: string[] = [];
    let running = await startServer(c, (line) => lines.push(line));
    cleanups.push(() => running.stop());
    expect(lines.at(-1)).toMatch(/^local mode: no tokens file/);
    expect((await postAs(running.url, null, '{ years }')).data).toEqual({ years: [2023] });

    const secret = (await token(['create', '--role', 'DEPARTMENT:gz-zfw'], c)).stdout[0]!;
    await running.stop();
    lines.length = 0;
    running = await startServer(c, (line) => lines.push(line));
    expect(lines.at(-1)).toBe(
      `access control: bearer tokens of ${c.tokensPath} (1 active, re-read when it changes); GraphiQL off, introspection off`,
    );
    expect((await postAs(running.url, null, '{ years }')).status).toBe(401);
    expect((await postAs(running.url, secret, '{ years }')).data).toEqual({ years: [2023] });

    const id = JSON.parse(readFileSync(c.tokensPath, 'utf8')).tokens[0].id as string;
    expect((await token(['revoke', id], c)).code).toBe(0);
    const refused = await postAs(running.url, secret, '{ years }');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a tokens file it cannot read, naming it', async () => {
    const c = config();
    await token(['create', '--role', 'ANALYST'], c);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(c.tokensPath, '{"version":1,"tokens":[{"id":"x"}]}');
    await expect(openAccessControl(c)).rejects.toThrow(
      `${c.tokensPath}: token 1: sha256 is not 64 hex digits`,
    );
  });
});
