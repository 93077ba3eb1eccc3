import type { ExampleOperation } from '../graphql/example-operations.js';
import { graphiqlFiles } from './graphiql-files.js';
import { graphiqlPage } from './graphiql-page.js';
import {
  createStaticAssets,
  createStaticPage,
  type StaticAssets,
  type StaticPage,
} from './static-assets.js';

/** GraphiQL as served: a small page (at `/graphql` for a browser) and its hashed assets. */
export interface GraphiQL {
  page: StaticPage;
  assets: StaticAssets;
}

/** Hashes and compresses GraphiQL's files once, at start-up (about 0.6 s of CPU). */
export async function createGraphiQL(
  operations: readonly ExampleOperation[],
  prefix = '/assets/',
): Promise<GraphiQL> {
  const assets = await createStaticAssets(graphiqlFiles(), { prefix });
  const page = await createStaticPage({
    name: 'graphiql.html',
    contentType: 'text/html; charset=utf-8',
    bytes: graphiqlPage(operations, (name) => assets.url(name)),
  });
  return { page, assets };
}
