/**
 * What a download of one named operation holds: which lists of its answer become tables, and
 * which columns each table has. A map is data, not code, so that every operation is flattened by
 * the same rules (export-rows.ts) and a test can hold each map against its operation's document.
 *
 * Column paths are GraphQL response paths, dotted (`department.code`, `measure.target`). They are
 * also the English headers: a BI tool that maps columns by name sees the API's own field names,
 * and a column's meaning is the field's description in the schema.
 */

/** Dotted response path → Chinese header, in column order. */
export type ExportColumns = Readonly<Record<string, string>>;

/** One table of a download: one row per entity of a list of the answer. */
export interface ExportList {
  /** Name for `list=` and the sheet's name with English headers. */
  name: string;
  /** The sheet's name with Chinese headers (at most 31 characters, none of `[]:*?/\`). */
  zh: string;
  /** Dotted path from `data` to the list; a path to a single object exports it as one row. */
  path: string;
  /**
   * A list field of each entity to expand into one row per element, the entity's own columns
   * repeated on each; an entity whose list is empty keeps one row with those columns empty.
   * Its columns are named through it (`points.year`).
   */
  explode?: string;
  /** Columns read from the answer's root rather than the entity (the report's id on each of its lists). */
  context?: ExportColumns;
  /** Columns read from the entity (with `explode`, from the entity with one element in place of its list). */
  columns: ExportColumns;
  /**
   * Paths of `columns` whose every value is a fraction (0–1, 1 = 100 %: shares, rates,
   * percentiles, attainment): an XLSX writes them with FRACTION_FORMAT, so that Excel shows
   * 66.86% while the cell keeps the exact fraction GraphQL returned. A column whose unit depends
   * on the metric (a benchmark's value) is not marked: its `…Text` column shows it as read.
   */
  fractions?: readonly string[];
}

/** Excel's number format for a fraction column: a percentage with two decimals. */
export const FRACTION_FORMAT = '0.00%';

/** The download map of one named operation of schema/operations/. */
export interface OperationExport {
  /** The operation's name, as in `query Benchmark(…)`. */
  operation: string;
  /** Tables in sheet order; the first is what a CSV holds unless `list=` names another. */
  lists: readonly ExportList[];
  /** Variables whose values name the file (`Benchmark-BASIC_SHARE-2023.csv`), in that order. */
  fileName: readonly string[];
}
