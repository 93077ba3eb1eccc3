import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';

/**
 * The narrow read interface every analytic takes: it builds SELECTs (and runs parameterised raw
 * SQL for window and statistics queries; the API pool is read-only regardless), so
 * analytics can move to derived tables without touching their callers (docs/architecture.md, "Room to grow").
 */
export type Reader = Pick<Kysely<Database>, 'selectFrom' | 'with' | 'selectNoFrom' | 'getExecutor'>;
