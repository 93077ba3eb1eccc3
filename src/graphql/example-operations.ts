import { readdirSync, readFileSync } from 'node:fs';

/** The folder of named example operations (docs/architecture.md: the single list all tools use). */
export const OPERATIONS_DIR = new URL('../../schema/operations/', import.meta.url);

/** A named example operation. Its variables have defaults, so it runs as it stands. */
export interface ExampleOperation {
  file: string;
  name: string;
  query: string;
}

/** Reads `schema/operations/*.graphql` in file-name order (the order of GraphiQL's tabs). */
export function readExampleOperations(dir: URL = OPERATIONS_DIR): ExampleOperation[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(new URL(file, dir), 'utf8');
      const name = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? file.replace(/\.graphql$/, '');
      return { file, name, query };
    });
}
