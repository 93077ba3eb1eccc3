import type { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { ExampleOperation } from '../graphql/example-operations.js';
import { GRAPHIQL_WORKERS } from './graphiql-files.js';

/** Yoga's options of GraphiQL (its type is not exported by name). */
type GraphiQLOptions = NonNullable<Parameters<typeof renderGraphiQL>[0]>;

const TITLE = 'jixiao 绩效 — GraphiQL';

/**
 * JSON inside `<script type="application/json">`: the HTML parser ends the element at the first
 * `</script`, whatever the JSON means, so `<` is written as its JSON escape.
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * GraphiQL's page: a few KB that name hashed assets (`url` maps an asset name of
 * `graphiqlFiles()` to its URL) and carry the settings, with one tab per example operation in
 * file order; their variables have defaults, so each tab runs as it opens. The same markup as
 * yoga's `renderGraphiQL`, with its inline style, scripts, workers and icon moved to files.
 */
export function graphiqlPage(
  operations: readonly ExampleOperation[],
  url: (name: string) => string,
): string {
  const graphiql: GraphiQLOptions = {
    title: TITLE,
    endpoint: '/graphql',
    defaultQuery: operations[0]?.query,
    defaultTabs: operations.map((op) => ({ query: op.query })),
  };
  const workers = Object.fromEntries(
    Object.entries(GRAPHIQL_WORKERS).map(([label, name]) => [label, url(name)]),
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${TITLE}</title>
    <link rel="icon" href="${url('favicon.ico')}" />
    <link rel="stylesheet" href="${url('graphiql.css')}" />
    <link rel="stylesheet" href="${url('graphiql-tabs.css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${scriptJson({ workers, graphiql })}</script>
    <script src="${url('graphiql-start.js')}"></script>
    <script src="${url('graphiql.js')}"></script>
  </body>
</html>
`;
}
