import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readTokenFile, type TokenRecord } from '../access/token-file.js';
import { isExpired } from '../access/token-expiry.js';
import { createTokenVerifier, type Clock, type TokenRefusal } from '../access/token-verifier.js';
import type { Config } from '../config.js';
import { LOCAL_VIEWER, type Viewer } from '../graphql/viewer.js';

/**
 * Who may use the API (docs/operations.md, "Access control"). With a tokens file, every GraphQL
 * request and download carries `Authorization: Bearer <token>` of that file, and its role is
 * the request's viewer. Without one the server is in local mode: it listens on the loopback
 * interface only and treats every request as ADMIN, the way jixiao ran before tokens existed.
 */
export interface AccessControl {
  mode: 'local' | 'tokens';
  /** Serve GraphiQL's page at GET /graphql. */
  graphiql: boolean;
  /** Answer introspection queries. */
  introspection: boolean;
  /** What start-up says about it, in one line. */
  summary: string;
  /** The viewer of a request, or why it has none. */
  authenticate(req: IncomingMessage): Promise<Viewer | AccessRefusal>;
}

/** A request refused before it reaches GraphQL: 401 without a valid token, 503 if none can be checked. */
export interface AccessRefusal {
  status: 401 | 503;
  code: 'UNAUTHENTICATED' | 'ACCESS_CONTROL_UNAVAILABLE';
  message: string;
}

/** The settings access control reads. */
export type AccessSettings = Pick<Config, 'host' | 'tokensPath' | 'graphiql' | 'introspection'>;

/** Addresses that only this machine can reach. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/** A configuration that would expose every department's data to a network: start-up refuses it. */
export class AccessConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessConfigError';
  }
}

const REFUSALS: Record<Exclude<TokenRefusal, 'EXPIRED'>, AccessRefusal> = {
  MISSING: {
    status: 401,
    code: 'UNAUTHENTICATED',
    message:
      'this server needs a token: send the header "Authorization: Bearer <token>" with a token its administrator created (jixiao token create)',
  },
  UNKNOWN: {
    status: 401,
    code: 'UNAUTHENTICATED',
    message: 'the bearer token is not a token of this server',
  },
  REVOKED: { status: 401, code: 'UNAUTHENTICATED', message: 'the bearer token has been revoked' },
  // The server's own fault: the client is not told the path, the log has it.
  NO_TOKENS_FILE: {
    status: 503,
    code: 'ACCESS_CONTROL_UNAVAILABLE',
    message: 'the server cannot check tokens now (its tokens file is missing); try again later',
  },
  BAD_TOKENS_FILE: {
    status: 503,
    code: 'ACCESS_CONTROL_UNAVAILABLE',
    message: 'the server cannot check tokens now (its tokens file is damaged); try again later',
  },
};

/**
 * An expired token: its holder is told when, and how to get another, and nothing else (not
 * whether other tokens exist or which still work).
 */
function expiredRefusal(expires: string): AccessRefusal {
  return {
    status: 401,
    code: 'UNAUTHENTICATED',
    message:
      `the bearer token expired on ${expires}; ask the administrator of this server for a new one ` +
      '(jixiao token create)',
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function viewerOf(record: TokenRecord): Viewer {
  return record.role === 'DEPARTMENT'
    ? { role: 'DEPARTMENT', department: record.department!, tokenId: record.id }
    : { role: record.role, department: null, tokenId: record.id };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

const onOff = (on: boolean) => (on ? 'on' : 'off');

/** Local mode: every request is ADMIN. For a server bound to the loopback interface only. */
export function localAccessControl(
  settings: Partial<Pick<AccessSettings, 'graphiql' | 'introspection'>> = {},
): AccessControl {
  const graphiql = settings.graphiql ?? true;
  const introspection = settings.introspection ?? true;
  return {
    mode: 'local',
    graphiql,
    introspection,
    summary:
      'local mode: no tokens file, so only this machine may connect and every request is served as ADMIN ' +
      `(GraphiQL ${onOff(graphiql)}, introspection ${onOff(introspection)}); ` +
      'to serve a network, create a token first: jixiao token create --role ADMIN',
    authenticate: async () => LOCAL_VIEWER,
  };
}

/**
 * Access control as the settings ask: tokens when the tokens file exists, local mode when it
 * does not. Refuses (AccessConfigError) to serve a non-loopback HOST in local mode, which would
 * give every department's data to anyone on the network; refuses a tokens file it cannot read.
 * Token expiry is judged by `clock` at each request.
 */
export async function openAccessControl(
  settings: AccessSettings,
  log: (line: string) => void = console.error,
  clock: Clock = Date.now,
): Promise<AccessControl> {
  if (!(await exists(settings.tokensPath))) {
    if (!LOOPBACK_HOSTS.includes(settings.host))
      throw new AccessConfigError(
        `HOST=${settings.host} would serve the network, but there is no tokens file (${settings.tokensPath}): ` +
          'every request would be answered as ADMIN. Create a token first (jixiao token create --role ADMIN ' +
          '--name <who>; JIXIAO_TOKENS names the file), then start again; or serve this machine only with HOST=127.0.0.1. ' +
          'See docs/operations.md, "Access control".',
      );
    return localAccessControl(settings);
  }
  const records = await readTokenFile(settings.tokensPath);
  const now = clock();
  const active = records.filter((r) => r.revoked === null && !isExpired(r.expires, now)).length;
  const graphiql = settings.graphiql ?? false;
  const introspection = settings.introspection ?? false;
  const verifier = createTokenVerifier(settings.tokensPath, log, clock);
  return {
    mode: 'tokens',
    graphiql,
    introspection,
    summary:
      `access control: bearer tokens of ${settings.tokensPath} (${active} active, re-read when it changes); ` +
      `GraphiQL ${onOff(graphiql)}, introspection ${onOff(introspection)}`,
    async authenticate(req) {
      const verified = await verifier.verify(bearerToken(req));
      if (verified.ok) return viewerOf(verified.record);
      return verified.refusal === 'EXPIRED'
        ? expiredRefusal(verified.expires)
        : REFUSALS[verified.refusal];
    },
  };
}

function isRefusal(value: Viewer | AccessRefusal): value is AccessRefusal {
  return 'status' in value;
}

/**
 * The viewer of a request, or null after answering it with the refusal: a JSON error in the
 * form of GraphQL's (`{"errors":[{"message","extensions":{"code"}}]}`), with the
 * `WWW-Authenticate` challenge of RFC 6750 on a 401.
 */
export async function authenticateOrRefuse(
  access: AccessControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Viewer | null> {
  const result = await access.authenticate(req);
  if (!isRefusal(result)) return result;
  const body = JSON.stringify({
    errors: [{ message: result.message, extensions: { code: result.code } }],
  });
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  };
  if (result.status === 401)
    headers['www-authenticate'] = bearerToken(req)
      ? 'Bearer realm="jixiao", error="invalid_token"'
      : 'Bearer realm="jixiao"';
  res.writeHead(result.status, headers);
  res.end(body);
  return null;
}
