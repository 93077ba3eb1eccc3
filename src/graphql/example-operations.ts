import { readdirSync, readFileSync } from 'node:fs';

/** The folder of named example operations (architecture.md: the single list all tools use). */
export const OPERATIONS_DIR = new URL('../../schema/operations/', import.meta.url);

/** A named example operation with example variables. */
export interface ExampleOperation {
  file: string;
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Reads `schema/operations/*.graphql`. Example variables sit in a leading comment line
 * `# variables: {...}`, so the file stays a valid GraphQL document for codegen.
 */
export function readExampleOperations(dir: URL = OPERATIONS_DIR): ExampleOperation[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(new URL(file, dir), 'utf8');
      const name = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? file.replace(/\.graphql$/, '');
      const vars = /^#\s*variables:\s*(\{.*\})\s*$/m.exec(query)?.[1];
      return {
        file,
        name,
        query,
        variables: vars ? (JSON.parse(vars) as Record<string, unknown>) : {},
      };
    });
}
