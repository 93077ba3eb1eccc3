import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaSdl } from '../src/graphql/print-schema.js';

describe('committed schema', () => {
  it('equals the schema the builder prints (run `npm run schema:print` after a change)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaSdl());
  });

  it('describes every type and field', () => {
    const sdl = schemaSdl();
    const undocumented = sdl
      .split('\n')
      .map((line, i, all) => ({ line, previous: all[i - 1]?.trim() ?? '' }))
      .filter(({ line }) => /^ {2}\w+(\(|:)/.test(line) || /^(type|enum|input) /.test(line))
      .filter(({ previous }) => !previous.endsWith('"""'))
      .map(({ line }) => line.trim());
    expect(undocumented).toEqual([]);
  });
});
