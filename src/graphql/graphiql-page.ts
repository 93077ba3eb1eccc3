import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { ExampleOperation } from './example-operations.js';

/**
 * The GraphiQL page, self-contained (its scripts and styles are inlined from node_modules, no
 * CDN), with one tab per example operation; their variables have defaults, so each tab runs as
 * it opens.
 */
export function graphiqlPage(operations: readonly ExampleOperation[]): string {
  return renderGraphiQL({
    title: 'jixiao 绩效 — GraphiQL',
    endpoint: '/graphql',
    defaultQuery: operations[0]?.query,
    defaultTabs: operations.map((op) => ({ query: op.query })),
  });
}
