import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { startServer, type RunningServer } from '../../src/server.js';
import { tempConfig } from './temp-database.js';
import type { Config } from '../../src/config.js';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Posts an operation and reads the whole body (Apollo's drain waits for unread bodies). */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Runs a typed document from test/generated against a server. */
export function execute<T, V extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, print(document), variables);
}

/**
 * A server on an ephemeral port over a fresh database seeded like `npm start` (no demo corpus),
 * with its configuration: a CLI command run with the same configuration works on its data.
 */
export async function startTestServer(
  overrides: Partial<Config> = {},
): Promise<RunningServer & { config: Config; cleanup(): Promise<void> }> {
  const config = tempConfig(overrides);
  const running = await startServer(config, () => {});
  return {
    ...running,
    // The pool of the snapshot served now, not the one served at start.
    get db() {
      return running.db;
    },
    config,
    async cleanup() {
      await running.stop();
      config.cleanup();
    },
  };
}
