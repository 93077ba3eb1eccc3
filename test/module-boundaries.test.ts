import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of docs/architecture.md, checked on the imports of src/: no cycle between files
 * or folders, and the rules, ingest, analytics and synthetic layers depend only downwards.
 */

const SRC = 'src';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports of a file (static, side-effect and dynamic), as paths of .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)];
  return specifiers.map((m) => normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
}

const files = sourceFiles(SRC);
const fileGraph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));

/**
 * The folder of a file, relative to src. A file at the top of src (the entry points, the
 * configuration) is a node of its own: config.ts is imported by the layers that server.ts imports.
 */
const folderOf = (file: string) => relative(SRC, dirname(file)) || relative(SRC, file);

const folderGraph = new Map<string, Set<string>>();
for (const [file, targets] of fileGraph) {
  for (const target of targets) {
    if (folderOf(file) === folderOf(target)) continue;
    const edges = folderGraph.get(folderOf(file)) ?? new Set<string>();
    edges.add(folderOf(target));
    folderGraph.set(folderOf(file), edges);
  }
}

/** Strongly connected components with more than one node: each is an import cycle. */
function cycles(graph: Map<string, Iterable<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Imports from files under one folder into files under another. */
function importsBetween(from: string, to: string): string[] {
  const under = (file: string, folder: string) => file.startsWith(join(SRC, folder) + '/');
  return [...fileGraph].flatMap(([file, targets]) =>
    under(file, from) ? targets.filter((t) => under(t, to)).map((t) => `${file} -> ${t}`) : [],
  );
}

describe('the imports of src/', () => {
  it('are read from every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(fileGraph.get('src/server.ts')).toContain('src/config.ts');
  });

  it('form no cycle between files', () => {
    expect(cycles(fileGraph)).toEqual([]);
  });

  it('form no cycle between folders', () => {
    expect(cycles(folderGraph)).toEqual([]);
  });

  it('keep the rules free of every other layer', () => {
    const outside = [...fileGraph]
      .filter(([file]) => file.startsWith('src/rules/'))
      .flatMap(([, targets]) => targets.filter((t) => !t.startsWith('src/rules/')));
    expect(outside).toEqual([]);
  });

  it('keep ingest and analytics apart: both depend on the rules, neither on the other', () => {
    expect(importsBetween('ingest', 'analytics')).toEqual([]);
    expect(importsBetween('analytics', 'ingest')).toEqual([]);
  });

  it('keep the synthetic corpus out of ingest', () => {
    expect(importsBetween('ingest', 'synthetic')).toEqual([]);
  });

  it('keep the HTTP and GraphQL layers out of ingest, analytics and rules', () => {
    for (const lower of ['ingest', 'analytics', 'rules', 'db']) {
      expect(importsBetween(lower, 'graphql')).toEqual([]);
      expect(importsBetween(lower, 'http')).toEqual([]);
    }
  });
});

describe('src/ingest', () => {
  it('holds at most a dozen files at its top level; the rest in sub-folders by pipeline step', () => {
    const top = readdirSync(join(SRC, 'ingest'), { withFileTypes: true });
    expect(top.filter((e) => e.isFile()).length).toBeLessThanOrEqual(12);
    expect(
      top
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    ).toEqual(['bulk', 'indicator', 'load', 'pdf', 'report']);
  });
});

/** The arrows of the Mermaid picture in docs/architecture.md, as `from --> to` between node ids. */
function pictureEdges(): string[] {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  const picture = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  return [...picture.matchAll(/^\s*(\w+)(?:\[[^\]]*\])?\s*-->\s*(\w+)/gm)].map(
    (m) => `${m[1]} --> ${m[2]}`,
  );
}

/** A folder as the picture names it: ingest/load is ingest_load, server.ts is server_ts. */
const nodeId = (folder: string) => folder.replace(/[/.-]/g, '_');

describe('the picture of the layers in docs/architecture.md', () => {
  it('has an arrow for each import between folders, and none other (db and config.ts left out)', () => {
    const imports = [...folderGraph]
      .flatMap(([from, targets]) => [...targets].map((to) => [from, to] as const))
      .filter(([, to]) => to !== 'db' && to !== 'config.ts')
      .map(([from, to]) => `${nodeId(from)} --> ${nodeId(to)}`);
    expect(pictureEdges().length).toBeGreaterThan(10);
    expect([...new Set(pictureEdges())].sort()).toEqual([...new Set(imports)].sort());
  });
});
