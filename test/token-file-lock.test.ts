import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readTokenFile } from '../src/access/token-file.js';
import { TokenFileBusyError, tokenLockPath } from '../src/access/token-file-lock.js';
import { createToken, revokeToken } from '../src/access/token-store.js';
import { hashTokenSecret } from '../src/access/token-secret.js';

/**
 * Token commands run at once: each takes the tokens file lock (`tokens.json.lock`, created
 * exclusively, holding its pid) around its read-modify-write, so none loses another's token.
 * A lock left by a dead process is taken over; one held too long is an error naming it.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tokensPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-token-lock-'));
  dirs.push(dir);
  return join(dir, 'tokens.json');
}

const ANALYST = { role: 'ANALYST', department: null } as const;
const CONCURRENT = 8;
/** Fewer processes than calls: each loads the store anew, and the machine's cores are few. */
const PROCESSES = 4;

/** The pid of a process that has exited: its lock is stale. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

function writeLock(path: string, holder: { pid: number; host: string }): void {
  writeFileSync(
    tokenLockPath(path),
    JSON.stringify({ ...holder, command: 'token create', since: '2026-11-30T08:00:00.000Z' }),
  );
}

/**
 * A process that creates one token when told to: it loads the store, says `ready`, waits for a
 * line on stdin and prints the new token's id. Releasing all of them at once makes them race.
 */
const CHILD = `
const { createToken } = await import(process.env.STORE_URL);
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const { record } = await createToken(process.env.TOKENS_PATH, { role: 'ANALYST', department: null }, process.env.TOKEN_NAME);
process.stdout.write(record.id + '\\n');
process.exit(0);
`;

function startCreator(path: string, name: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    env: {
      ...process.env,
      STORE_URL: pathToFileURL(join(process.cwd(), 'src/access/token-store.ts')).href,
      TOKENS_PATH: path,
      TOKEN_NAME: name,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('ready\n') && resolve());
    child.once('exit', () => reject(new Error(`creator ${name} exited before ready: ${err}`)));
  });
  const done = new Promise<{ code: number | null; id: string; err: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, id: out.replace('ready\n', '').trim(), err })),
  );
  return { child, ready, done };
}

describe('token creates at once', () => {
  it(`all land in the file: ${CONCURRENT} creates in one process`, async () => {
    const path = tokensPath();
    const created = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => createToken(path, ANALYST, `holder ${i}`)),
    );
    const stored = await readTokenFile(path);
    expect(stored).toHaveLength(CONCURRENT);
    expect(new Set(stored.map((r) => r.id)).size).toBe(CONCURRENT);
    expect(stored.map((r) => r.sha256).sort()).toEqual(
      created.map((c) => hashTokenSecret(c.secret)).sort(),
    );
    expect(existsSync(tokenLockPath(path))).toBe(false);
  });

  it(`all land in the file: ${PROCESSES} processes released at the same moment`, async () => {
    const path = tokensPath();
    const creators = Array.from({ length: PROCESSES }, (_, i) =>
      startCreator(path, `process ${i}`),
    );
    await Promise.all(creators.map((c) => c.ready));
    for (const c of creators) c.child.stdin.write('go\n');
    const results = await Promise.all(creators.map((c) => c.done));
    expect(results.map((r) => [r.code, r.err])).toEqual(results.map(() => [0, '']));
    const stored = await readTokenFile(path);
    expect(stored.map((r) => r.id).sort()).toEqual(results.map((r) => r.id).sort());
    expect(stored.map((r) => r.name).sort()).toEqual(creators.map((_, i) => `process ${i}`).sort());
    expect(existsSync(tokenLockPath(path))).toBe(false);
  });

  it('revokes and creates at once without losing either', async () => {
    const path = tokensPath();
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await createToken(path, ANALYST, `old ${i}`));
    await Promise.all([
      ...first.map((t) => revokeToken(path, t.record.id)),
      ...[0, 1, 2, 3].map((i) => createToken(path, ANALYST, `new ${i}`)),
    ]);
    const stored = await readTokenFile(path);
    expect(stored).toHaveLength(8);
    expect(stored.filter((r) => r.revoked !== null).map((r) => r.name)).toEqual([
      'old 0',
      'old 1',
      'old 2',
      'old 3',
    ]);
  });
});

describe('the tokens file lock', () => {
  it('is taken over when the process that left it no longer runs', async () => {
    const path = tokensPath();
    writeLock(path, { pid: deadPid(), host: hostname() });
    const { record } = await createToken(path, ANALYST, 'after a crash');
    expect((await readTokenFile(path)).map((r) => r.id)).toEqual([record.id]);
    expect(existsSync(tokenLockPath(path))).toBe(false);
  });

  it('held by a running process past the wait, is an error naming the lock file and its holder', async () => {
    const path = tokensPath();
    writeLock(path, { pid: process.pid, host: hostname() });
    const attempt = createToken(path, ANALYST, 'blocked', { lockWaitMs: 50 });
    await expect(attempt).rejects.toBeInstanceOf(TokenFileBusyError);
    await expect(attempt).rejects.toThrow(
      `another command changing the tokens file holds ${tokenLockPath(path)} (pid ${process.pid} on ${hostname()}, token create, since 2026-11-30T08:00:00.000Z) ` +
        `and did not release it within 0.05 s; try again, and if no such process runs, remove ${tokenLockPath(path)}`,
    );
    expect(existsSync(path)).toBe(false);
    expect(JSON.parse(readFileSync(tokenLockPath(path), 'utf8')).pid).toBe(process.pid);
  });

  it('is never presumed stale when another host holds it', async () => {
    const path = tokensPath();
    writeLock(path, { pid: deadPid(), host: `not-${hostname()}` });
    await expect(createToken(path, ANALYST, 'blocked', { lockWaitMs: 0 })).rejects.toThrow(
      TokenFileBusyError,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('is not taken to revoke an id the file does not hold', async () => {
    const path = tokensPath();
    await createToken(path, ANALYST, 'one');
    writeLock(path, { pid: process.pid, host: hostname() });
    await expect(revokeToken(path, 'deadbeef', { lockWaitMs: 0 })).rejects.toThrow(
      'holds no token with id deadbeef',
    );
  });
});
