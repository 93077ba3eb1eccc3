import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { operationExports } from '../src/http/export-operations.js';
import { planExports } from '../src/http/export-plan.js';
import { selectedFields } from '../src/http/export-selection.js';
import { ABOUT_SHEET } from '../src/http/export-xlsx.js';

/**
 * The download maps against the named operations: a map that names a field its operation does
 * not select would give an empty column, and a field an operation selects with no column would
 * be left out of every file. Whoever edits schema/operations/ edits src/http/export-operations.ts.
 */

const operations = readExampleOperations();

describe('the download maps', () => {
  it('cover every named operation of schema/operations/, and only those', () => {
    expect(operationExports.map((m) => m.operation).sort()).toEqual(
      operations.map((op) => op.name).sort(),
    );
  });

  for (const op of operations) {
    const map = operationExports.find((m) => m.operation === op.name);
    if (!map) continue;
    const selected = selectedFields(parse(op.query));

    it(`${op.name}: every list, exploded list and column is a field the operation selects`, () => {
      const missing: string[] = [];
      for (const list of map.lists) {
        if (selected.get(list.path) !== 'object') missing.push(list.path);
        if (list.explode && selected.get(`${list.path}.${list.explode}`) !== 'object')
          missing.push(`${list.path}.${list.explode}`);
        for (const path of Object.keys(list.columns))
          if (selected.get(`${list.path}.${path}`) !== 'leaf') missing.push(`${list.path}.${path}`);
        for (const path of Object.keys(list.context ?? {}))
          if (selected.get(path) !== 'leaf') missing.push(path);
      }
      expect(missing).toEqual([]);
    });

    it(`${op.name}: every field the operation selects is a column of some list`, () => {
      const columns = new Set(
        map.lists.flatMap((list) => Object.keys(list.columns).map((p) => `${list.path}.${p}`)),
      );
      const leaves = [...selected].filter(([, kind]) => kind === 'leaf').map(([path]) => path);
      expect(leaves.filter((path) => !columns.has(path))).toEqual([]);
    });

    it(`${op.name}: lists have distinct names and sheet names Excel accepts`, () => {
      const names = map.lists.map((l) => l.name);
      const sheets = map.lists.map((l) => l.zh);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(sheets).size).toBe(sheets.length);
      for (const sheet of [...names, ...sheets]) {
        expect(sheet.length).toBeLessThanOrEqual(31);
        expect(sheet).not.toMatch(/[[\]:*?/\\]/);
        expect(sheet).not.toBe(ABOUT_SHEET);
      }
    });

    it(`${op.name}: names its file after variables it declares`, () => {
      const declared = planExports([op], [map]).get(op.name)!.variables;
      expect(map.fileName.filter((name) => !declared.has(name))).toEqual([]);
    });
  }
});

describe('planExports', () => {
  it('keeps only the columns the operation selects', () => {
    const [plan] = planExports(
      [
        {
          file: 'x.graphql',
          name: 'DataQuality',
          query: 'query DataQuality { dataQuality { year check } }',
        },
      ],
      operationExports,
    ).values();
    expect(plan!.tables.map((t) => t.columns.map((c) => c.en))).toEqual([['year', 'check']]);
  });

  it('reads the variables an operation declares, with their defaults', () => {
    const query = `query Benchmark($metric: MetricName! = BASIC_SHARE, $year: Int! = 2023, $departments: [ID!], $peerGroup: PeerGroup = SECTOR) {
      benchmark(metric: $metric, year: $year, departments: $departments, peerGroup: $peerGroup) { count }
    }`;
    const plan = planExports([{ file: 'x.graphql', name: 'Benchmark', query }], operationExports);
    expect(Object.fromEntries(plan.get('Benchmark')!.variables)).toEqual({
      metric: 'BASIC_SHARE',
      year: 2023,
      departments: null,
      peerGroup: 'SECTOR',
    });
  });
});
