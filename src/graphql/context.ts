import type { Reader } from '../analytics/reader.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver gets: the read interface and this request's loaders. */
export interface GraphQLContext {
  db: Reader;
  loaders: Loaders;
}

/** Builds a request's context: the one place where role, limits and loaders are put together. */
export function createContext(db: Reader): GraphQLContext {
  return { db, loaders: createLoaders(db) };
}
