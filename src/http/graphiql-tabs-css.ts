/**
 * jixiao's additions to GraphiQL's stylesheet, loaded after it.
 *
 * GraphiQL keeps its tabs on one row and hides that row's scrollbar, so at a 1366 px window the
 * last of the ten example tabs are cut off with no sign that they exist. The row wraps instead:
 * every tab stays visible, on a second row when needed, at any window width and number of
 * tabs. The logo's title stays on one line so that it does not take the tabs' height.
 */
export const GRAPHIQL_TABS_CSS = `.graphiql-container .graphiql-session-header {
  height: auto;
  min-height: var(--session-header-height);
}
.graphiql-container .graphiql-tabs {
  flex-wrap: wrap;
  row-gap: var(--px-4);
  overflow: visible;
}
.graphiql-container .graphiql-logo {
  white-space: nowrap;
}
`;
