import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';

/**
 * The narrow read interface every analytic takes: it can build SELECTs and nothing else, so
 * analytics can move to derived tables without touching their callers (roadmap: national scale).
 */
export type Reader = Pick<Kysely<Database>, 'selectFrom' | 'with' | 'selectNoFrom'>;
