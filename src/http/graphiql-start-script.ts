/**
 * The script that starts GraphiQL, served as an asset so that the page has no inline script. It
 * reads its settings from the page (`<script type="application/json" id="graphiql-options">`:
 * the workers' URLs and yoga's options, tabs included), so it is the same file for every page
 * and caches for good. It runs before GraphiQL's bundle, as yoga's own page does: Monaco reads
 * `MonacoEnvironment` when it loads and asks it for a worker's URL; yoga's page builds `blob:`
 * URLs from strings inlined in the page, jixiao serves the workers as files instead.
 */
export const GRAPHIQL_START_SCRIPT = `'use strict';
(() => {
  const options = JSON.parse(document.getElementById('graphiql-options').textContent);
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: (_moduleId, label) => options.workers[label],
  };
  addEventListener('DOMContentLoaded', () => {
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options.graphiql);
  });
})();
`;
