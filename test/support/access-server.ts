import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '../../src/access/token-store.js';
import { parseGrant } from '../../src/access/token-grant.js';
import type { Config } from '../../src/config.js';
import type { RunningServer } from '../../src/server.js';
import { startFixtureServer } from './fixture-database.js';
import type { GraphQLResponse } from './test-server.js';

/** A server with access control on, and one token per role it was started with. */
export interface AccessServer extends RunningServer {
  tokensPath: string;
  /** The secret of each token, by the role text it was created with (`DEPARTMENT:gz-zfw`). */
  tokens: Record<string, string>;
  /** The token ids, by the same role texts. */
  ids: Record<string, string>;
  cleanup(): Promise<void>;
}

/**
 * The fixture server (the real report of gz-zfw and five synthetic fixture departments) with a
 * tokens file holding one token for each role asked, created before start-up as an operator
 * would with `jixiao token create`.
 */
export async function startAccessServer(
  roles: readonly string[],
  overrides: Partial<Config> = {},
): Promise<AccessServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-tokens-'));
  const tokensPath = join(dir, 'tokens.json');
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const role of roles) {
    const { secret, record } = await createToken(tokensPath, parseGrant(role), `test ${role}`);
    tokens[role] = secret;
    ids[role] = record.id;
  }
  const server = await startFixtureServer({ tokensPath, ...overrides });
  return {
    ...server,
    tokensPath,
    tokens,
    ids,
    async cleanup() {
      await server.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Posts an operation with a bearer token (none when null) and reads the whole answer. */
export async function postAs<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T> & { headers: Headers; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, headers: response.headers, text, ...body };
}
