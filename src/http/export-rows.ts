import type { ExportList } from './export-spec.js';

/**
 * A cell as the answer gave it: a number stays the JSON number GraphQL returned (money in 万元
 * with at most two decimals, shares as fractions), written out by each format without rounding.
 */
export type Cell = string | number | boolean | null;

/** A column of a table: where its value is, and its headers. */
export interface TableColumn {
  path: string;
  /** Read from the answer's root, not from the entity. */
  fromRoot: boolean;
  zh: string;
  /** The English header: the response path itself. */
  en: string;
  /** Excel number format of the column's numbers (FRACTION_FORMAT for a fraction), if any. */
  numberFormat?: string;
}

/** One list of a download with the columns its operation selects. */
export interface TableSpec {
  list: ExportList;
  columns: readonly TableColumn[];
}

/** What lists of scalars (flags, templates, topics) are joined with in a cell. */
export const LIST_SEPARATOR = ';';

/** The value at a dotted path; null when the path meets null or a missing field. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

function toCell(value: unknown, path: string): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return value.map((v) => (v === null ? '' : String(v))).join(LIST_SEPARATOR);
  // A map that points a column at an object or a list of objects is a mistake in the map.
  throw new Error(`export column ${path} holds an object, not a value`);
}

/**
 * The entities of a list of the answer; a path to one object gives that object. Null when the
 * path meets null: the operation found nothing (no report for that department and year).
 */
export function entitiesOf(data: unknown, list: ExportList): unknown[] | null {
  const value = valueAt(data, list.path);
  if (value === null) return null;
  return Array.isArray(value) ? value : [value];
}

/** Each entity with its exploded list, one element at a time (the entity alone when it is empty). */
function expanded(entities: readonly unknown[], explode: string | undefined): unknown[] {
  if (!explode) return [...entities];
  return entities.flatMap((entity) => {
    const record = entity as Record<string, unknown>;
    const children = record[explode];
    if (!Array.isArray(children) || children.length === 0) return [{ ...record, [explode]: null }];
    return children.map((child: unknown) => ({ ...record, [explode]: child }));
  });
}

/** How many rows a list gives, counted before any is built (for the row limit). */
export function rowCount(entities: readonly unknown[], explode: string | undefined): number {
  if (!explode) return entities.length;
  return entities.reduce<number>((n, entity) => {
    const children = (entity as Record<string, unknown>)[explode];
    return n + (Array.isArray(children) && children.length > 0 ? children.length : 1);
  }, 0);
}

/** One row per entity (per element of its exploded list), one cell per column. */
export function tableRows(data: unknown, entities: readonly unknown[], table: TableSpec): Cell[][] {
  const context = table.columns.map((c) =>
    c.fromRoot ? toCell(valueAt(data, c.path), c.path) : null,
  );
  return expanded(entities, table.list.explode).map((row) =>
    table.columns.map((c, i) =>
      c.fromRoot ? (context[i] ?? null) : toCell(valueAt(row, c.path), c.path),
    ),
  );
}
