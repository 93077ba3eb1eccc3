import type { Config } from '../config.js';
import { GrantError, grantText, parseGrant } from '../access/token-grant.js';
import type { TokenRecord } from '../access/token-file.js';
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  ExpiryError,
  defaultExpiry,
  isExpired,
  parseExpiry,
} from '../access/token-expiry.js';
import { createToken, listTokens, revokeToken } from '../access/token-store.js';
import { UsageError, type CliIo } from './cli-io.js';
import { lookUpDepartment } from './known-department.js';

export interface TokenFlags {
  role?: string;
  name?: string;
  departments?: string;
  expires?: string;
}

const ACTIONS =
  'create --role ADMIN|ANALYST|DEPARTMENT:<code> [--name <label>] [--expires 90d|12h|2027-06-30|never], list, or revoke <id>';

/** Rows as an aligned table, as `validate` prints its summary. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const width = (k: number) => Math.max(...[header, ...rows].map((c) => [...c[k]!].length));
  const line = (c: readonly string[]) =>
    c
      .map((v, k) => v + ' '.repeat(width(k) - [...v].length))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const roleOf = (r: TokenRecord) => (r.department ? `${r.role}:${r.department}` : r.role);

/** The expiry as `token list` shows it: the time, marked once past; `never` for none. */
function expiryCell(r: TokenRecord, now: number): string {
  if (r.expires === null) return 'never';
  return isExpired(r.expires, now) ? `${r.expires} (expired)` : r.expires;
}

/** `--expires` as a time (null: never); without it, DEFAULT_TOKEN_LIFETIME_DAYS from now. */
function expiryOf(flags: TokenFlags, now: Date): Date | null {
  if (flags.expires === undefined) return defaultExpiry(now);
  try {
    return parseExpiry(flags.expires, now);
  } catch (error) {
    if (error instanceof ExpiryError) throw new UsageError(error.message);
    throw error;
  }
}

async function create(rest: readonly string[], flags: TokenFlags, config: Config, io: CliIo) {
  if (rest.length > 0) throw new UsageError(`token create takes no argument "${rest[0]}"`);
  if (!flags.role)
    throw new UsageError('token create needs --role ADMIN, ANALYST or DEPARTMENT:<code>');
  let grant;
  try {
    grant = parseGrant(flags.role);
  } catch (error) {
    if (error instanceof GrantError) throw new UsageError(error.message);
    throw error;
  }
  const now = new Date();
  const expires = expiryOf(flags, now);
  if (grant.role === 'DEPARTMENT') {
    const found = await lookUpDepartment(
      grant.department,
      config,
      flags.departments ?? config.departmentsCsv,
    );
    if (!found.known) {
      const where = found.searched.length ? `in ${found.searched.join(' or ')}` : 'found';
      const unread = found.unreadable.length ? ` (not read: ${found.unreadable.join('; ')})` : '';
      io.err(
        `error: no department "${grant.department}" ${where}${unread}: a token for it would open nothing. ` +
          'Register the department first (docs/operations.md, "Data files").',
      );
      return 1;
    }
  }
  const before = await listTokens(config.tokensPath);
  const { record, secret } = await createToken(
    config.tokensPath,
    grant,
    flags.name?.trim() || null,
    { now, expires },
  );
  // The secret alone on standard output, so that a script can take it: TOKEN=$(jixiao token create …).
  io.out(secret);
  io.err(
    `created token ${record.id} (${grantText(grant)}${record.name ? `, ${record.name}` : ''}) in ${config.tokensPath}, ` +
      (record.expires
        ? `valid until ${record.expires}${flags.expires === undefined ? ` (${DEFAULT_TOKEN_LIFETIME_DAYS} days; --expires sets another time)` : ''}. `
        : 'never expiring: revoke it when it is no longer needed. ') +
      'The line above is the token: it is shown this once and stored nowhere (the file keeps its SHA-256). ' +
      'Clients send it as "Authorization: Bearer <token>".',
  );
  if (before === null)
    io.err(
      `${config.tokensPath} is new: access control is on from the next start of the server ` +
        '(a server running now, in local mode, goes on serving this machine only, as ADMIN).',
    );
  return 0;
}

async function list(rest: readonly string[], config: Config, io: CliIo) {
  if (rest.length > 0) throw new UsageError(`token list takes no argument "${rest[0]}"`);
  const records = await listTokens(config.tokensPath);
  if (records === null) {
    io.out(
      `no tokens file at ${config.tokensPath}: the server runs in local mode (this machine only, every request ADMIN)`,
    );
    return 0;
  }
  const now = Date.now();
  const rows = records.map((r) => [
    r.id,
    roleOf(r),
    r.name ?? '',
    r.created,
    expiryCell(r, now),
    r.revoked ?? '',
  ]);
  for (const line of table(['id', 'role', 'name', 'created', 'expires', 'revoked'], rows))
    io.out(line);
  const valid = records.filter((r) => r.revoked === null);
  const expired = valid.filter((r) => isExpired(r.expires, now)).length;
  io.out(
    `${records.length} tokens, ${valid.length - expired} active` +
      (expired > 0 ? `, ${expired} expired` : '') +
      `, in ${config.tokensPath}`,
  );
  return 0;
}

async function revoke(rest: readonly string[], config: Config, io: CliIo) {
  const [id, ...more] = rest;
  if (!id || more.length > 0)
    throw new UsageError('token revoke needs one token id (see token list)');
  const { record, alreadyRevoked } = await revokeToken(config.tokensPath, id);
  io.out(
    alreadyRevoked
      ? `token ${id} (${roleOf(record)}) was already revoked at ${record.revoked}`
      : `revoked token ${id} (${roleOf(record)}); a running server refuses it from its next request`,
  );
  return 0;
}

/**
 * `jixiao token create|list|revoke`: the tokens file (JIXIAO_TOKENS, default data/tokens.json).
 * It can be run while the server serves: the server reads the file again when it changes.
 */
export async function tokenCommand(
  args: readonly string[],
  flags: TokenFlags,
  config: Config,
  io: CliIo,
): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'create':
      return create(rest, flags, config, io);
    case 'list':
      return list(rest, config, io);
    case 'revoke':
      return revoke(rest, config, io);
    default:
      throw new UsageError(
        action
          ? `unknown token action "${action}": ${ACTIONS}`
          : `token needs an action: ${ACTIONS}`,
      );
  }
}
