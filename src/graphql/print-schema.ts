import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './schema.js';

/** Where the committed SDL lives; a test compares it with the builder's output. */
export const SCHEMA_FILE = new URL('../../schema/schema.graphql', import.meta.url);

/** The schema as committed: SDL with a trailing newline. */
export function schemaSdl(): string {
  return `${printSchema(schema)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, schemaSdl());
  console.log('wrote schema/schema.graphql');
}
