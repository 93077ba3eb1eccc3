import type { DepartmentSource } from '../analytics/department-directory.js';
import type { Reader } from '../analytics/reader.js';
import { createLoaders, type Loaders } from './loaders.js';
import { RequestBudget } from './request-budget.js';
import type { Viewer } from './viewer.js';

/** What every resolver gets: the read interface and this request's loaders. */
export interface GraphQLContext {
  db: Reader;
  loaders: Loaders;
  /** Who asks: the role of the request's token (graphql/viewer.ts); checked by the auth scopes. */
  viewer: Viewer;
  /**
   * This request's deadline, signal and count of objects (graphql/request-budget.ts); `db` is
   * bound to its signal, so every statement of the request stops with it.
   */
  budget: RequestBudget;
  /**
   * The data version (snapshot) every statement of the request reads (db/live-database.ts), or
   * null when the server's data is fixed: what a cache of answers keys on.
   */
  dataVersion: string | null;
}

/**
 * Builds a request's context: the one place where role, limits and loaders are put together.
 * `departments` is the served snapshot's directory, when the data is a published snapshot.
 */
export function createContext(
  db: Reader,
  viewer: Viewer,
  budget: RequestBudget = RequestBudget.unlimited(),
  dataVersion: string | null = null,
  departments?: DepartmentSource,
): GraphQLContext {
  return { db, loaders: createLoaders(db, budget, departments), viewer, budget, dataVersion };
}
