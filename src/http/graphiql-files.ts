import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';
import { GRAPHIQL_START_SCRIPT } from './graphiql-start-script.js';
import { GRAPHIQL_TABS_CSS } from './graphiql-tabs-css.js';
import type { StaticAsset } from './static-assets.js';

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const STYLESHEET = 'text/css; charset=utf-8';

/**
 * The asset names of Monaco's workers, by the label Monaco asks for (yoga's labels). They are
 * module workers of this origin, so they need no `blob:` URL.
 */
export const GRAPHIQL_WORKERS = {
  editorWorkerService: 'editor.worker.js',
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
} as const;

/** Yoga's icon is a `data:` URL (151 KB); as a file it is fetched once, not with every page. */
function fromDataUrl(url: string): { contentType: string; bytes: Buffer } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (match === null) throw new Error('GraphiQL favicon is not a base64 data: URL');
  return { contentType: match[1]!, bytes: Buffer.from(match[2]!, 'base64') };
}

/**
 * Every file GraphiQL's page loads: the parts of `@graphql-yoga/render-graphiql` that its own
 * page inlines (bundle, stylesheet with its fonts, the three Monaco workers, the icon), and
 * jixiao's start script and stylesheet additions. Nothing refers to another host.
 */
export function graphiqlFiles(): StaticAsset[] {
  return [
    { name: 'favicon.ico', ...fromDataUrl(favicon) },
    { name: 'graphiql.css', contentType: STYLESHEET, bytes: css },
    { name: 'graphiql-tabs.css', contentType: STYLESHEET, bytes: GRAPHIQL_TABS_CSS },
    { name: 'graphiql-start.js', contentType: JAVASCRIPT, bytes: GRAPHIQL_START_SCRIPT },
    { name: 'graphiql.js', contentType: JAVASCRIPT, bytes: js },
    {
      name: GRAPHIQL_WORKERS.editorWorkerService,
      contentType: JAVASCRIPT,
      bytes: editorWorkerService,
    },
    { name: GRAPHIQL_WORKERS.json, contentType: JAVASCRIPT, bytes: jsonWorker },
    { name: GRAPHIQL_WORKERS.graphql, contentType: JAVASCRIPT, bytes: graphqlWorker },
  ];
}
