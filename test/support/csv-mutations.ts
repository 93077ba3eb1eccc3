import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CsvManifest } from '../../src/ingest/bulk/csv-manifest.js';
import { padDecimals, sumDecimals } from '../../src/ingest/decimal.js';
import { seededRandom } from './report-mutations.js';

/**
 * Mutations of a canonical CSV export for the import fuzz test (test/canonical-csv-fuzz.test.ts):
 * each copy of the exported folder differs from it by one change of one kind, the damage a file
 * takes in Excel, in a text editor or in transit. Deterministic for a seed, so that a failure can
 * be replayed.
 */

/** An exported CSV folder in memory: each file's bytes by name, and its manifest. */
export interface CsvExport {
  files: ReadonlyMap<string, Buffer>;
  manifest: CsvManifest;
}

/** Reads an exported folder (`jixiao export --format csv`). */
export function readCsvExport(dir: string): CsvExport {
  const files = new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as CsvManifest;
  return { files, manifest };
}

/** A field as the file writes it: its text, and whether it is quoted (`""` is an empty text, an empty field NULL). */
interface Field {
  text: string;
  quoted: boolean;
}

/** One CSV record (the title row is record 0) and the line of the file it begins on. */
interface CsvRecord {
  fields: Field[];
  line: number;
}

const BOM = '\uFEFF';

/** Splits a file's text (without its BOM) into records, as DuckDB reads the export's dialect. */
function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: Field[] = [];
  let field: Field = { text: '', quoted: false };
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field.text += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field.text += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      field.quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = { text: '', quoted: false };
    } else if (ch === '\n') {
      fields.push(field);
      records.push({ fields, line: start });
      fields = [];
      field = { text: '', quoted: false };
      start = ++line;
    } else field.text += ch;
  }
  if (fields.length > 0 || field.text !== '' || field.quoted) {
    fields.push(field);
    records.push({ fields, line: start });
  }
  return records;
}

function rawField(field: Field): string {
  return field.quoted || /[",\n\r]/.test(field.text)
    ? `"${field.text.replace(/"/g, '""')}"`
    : field.text;
}

const rawRecord = (fields: readonly Field[]) => fields.map(rawField).join(',');

/** A file's records written back as the export writes them: BOM, LF line ends. */
function writeCsv(records: readonly (readonly Field[] | string)[]): Buffer {
  const lines = records.map((r) => (typeof r === 'string' ? r : rawRecord(r)));
  return Buffer.from(BOM + lines.map((l) => `${l}\n`).join(''), 'utf8');
}

/** One CSV file of the export, parsed, with its table's columns from the manifest. */
interface CsvTable {
  table: string;
  file: string;
  records: CsvRecord[];
  columns: CsvManifest['tables'][number]['columns'];
}

function tablesOf(source: CsvExport): CsvTable[] {
  return source.manifest.tables.map((t) => ({
    table: t.table,
    file: t.file,
    records: parseCsv(
      source.files
        .get(t.file)!
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    ),
    columns: t.columns,
  }));
}

export type CsvMutationKind =
  | 'non-numeric'
  | 'thousands'
  | 'second-point'
  | 'magnitude'
  | 'rounded'
  | 'key-empty'
  | 'key-twice'
  | 'truncated'
  | 'extra-field'
  | 'open-quote'
  | 'title-renamed'
  | 'title-dropped'
  | 'titles-swapped'
  | 'year'
  | 'negative'
  | 'invalid-utf8'
  | 'bom-inside'
  | 'emptied'
  | 'orphan'
  | 'manifest'
  | 'enum'
  | 'figure';

/**
 * How many copies of each kind. Each copy is one import into a database, some 150 DuckDB
 * statements (0.3-0.8 s of a core), so the test makes 32, not hundreds: every kind at least
 * once, the variants of a kind by turns, and more of the figures a report states twice.
 */
export const CSV_MUTATIONS_PER_KIND: Readonly<Record<CsvMutationKind, number>> = {
  'non-numeric': 1,
  thousands: 2,
  'second-point': 1,
  magnitude: 1,
  rounded: 2,
  'key-empty': 1,
  'key-twice': 2,
  truncated: 1,
  'extra-field': 1,
  'open-quote': 1,
  'title-renamed': 1,
  'title-dropped': 1,
  'titles-swapped': 1,
  year: 1,
  negative: 2,
  'invalid-utf8': 1,
  'bom-inside': 1,
  emptied: 1,
  orphan: 1,
  manifest: 2,
  enum: 1,
  figure: 6,
};

/** A changed cell: where, and its text before and after. */
export interface ChangedCell {
  table: string;
  /** The data row (1-based, as BulkImportError counts), and the row's key, to name a case. */
  row: number;
  column: string;
  title: string;
  before: string;
  after: string;
}

/** One mutated copy of the export. */
export interface CsvMutation {
  kind: CsvMutationKind;
  /** What was done, to name a failing case. */
  label: string;
  /** The files changed: new bytes, or null for a file removed. */
  changes: ReadonlyMap<string, Buffer | null>;
  /** The tables whose files were changed: what a refusal may name and a stored copy may change. */
  tables: readonly string[];
  /** For a changed cell: which, and how. */
  cell?: ChangedCell;
  /**
   * Where a refusal must point: the line that cannot be split into fields, or the data row and
   * the column title of a value that cannot be stored.
   */
  at?: { line: number } | { row: number; column: string };
  /** Whether the change is to a figure the report states twice (a total and its parts, …). */
  doublyStated?: boolean;
}

type Random = ReturnType<typeof seededRandom>;

/** The key columns of each table's rows (the report's key, then the row's own). */
function keyColumns(table: string): string[] {
  if (table === 'departments') return ['code'];
  if (table === 'department_aliases') return ['alias', 'department_code'];
  const report = ['department_code', 'year'];
  if (table === 'reports') return report;
  if (table === 'expenditure_by_nature') return [...report, 'category'];
  if (table === 'stated_figures') return [...report, 'name'];
  if (table === 'indicator_measures' || table === 'measure_links')
    return [...report, 'seq', 'measure_index'];
  return [...report, 'seq'];
}

/**
 * The key a row must not share with another row of its file, as import checks it: the
 * department's code, the alias, the report's key and the row's own.
 */
function uniqueKey(table: string): string[] {
  if (table === 'department_aliases') return ['alias'];
  return keyColumns(table);
}

/** Figures the report states twice: totals and their parts, stated shares, scores and theirs. */
const DOUBLY_STATED: Readonly<Record<string, readonly string[]>> = {
  reports: [
    'revenue_total',
    'full_year_budget',
    'final_total',
    'total_score',
    'total_weight',
    'duty_score',
    'duty_weight',
    'management_score',
    'management_weight',
  ],
  stated_figures: ['value'],
  revenue_by_function: ['amount'],
  expenditure_by_function: ['amount'],
  expenditure_by_nature: ['initial_budget', 'full_year_budget', 'final'],
  management_scores: ['weight', 'score', 'score_rate'],
  deductions: ['points'],
};

/** Amounts in 万元, which cannot be negative (docs/domain.md, range checks). */
const AMOUNTS: Readonly<Record<string, readonly string[]>> = {
  stated_figures: ['value'],
  revenue_by_function: ['amount'],
  expenditure_by_function: ['amount'],
  expenditure_by_nature: ['initial_budget', 'full_year_budget', 'final'],
};

/** Columns a CHECK constraint limits to a list, with a value outside it. */
const LISTED: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  departments: { level: ['CITY', 'municipal', '市级'] },
  expenditure_by_nature: { category: ['OTHER', 'basic', '基本支出'] },
  deductions: { part: ['BOTH', 'duty'], source: ['TEXT', 'table'] },
  data_quality_issues: { severity: ['NOTE', 'error', '严重'] },
};

/** A cell of an exported file: its table, data row and column. */
type Cell = { t: CsvTable; row: number; col: number };

/**
 * One of some cells, at random: a table first, then a column of it, then a row, so that a small
 * table (reports, stated_figures) is as likely to be changed as the table of 184 scored rows.
 */
function pickCell(random: Random, found: readonly Cell[]): Cell {
  const pick = <K>(key: (c: Cell) => K, from: readonly Cell[]): Cell[] => {
    const keys = [...new Set(from.map(key))];
    const chosen = random.pick(keys);
    return from.filter((c) => key(c) === chosen);
  };
  const ofTable = pick((c) => c.t.table, found);
  return random.pick(pick((c) => c.col, ofTable));
}

/** Every cell of some columns whose text `value` accepts (by default, every non-empty one). */
function cells(
  tables: readonly CsvTable[],
  wanted: (table: string, column: CsvTable['columns'][number]) => boolean,
  value: (text: string) => boolean = (t) => t !== '',
): Cell[] {
  const found: Cell[] = [];
  for (const t of tables) {
    const cols = t.columns.flatMap((c, i) => (wanted(t.table, c) ? [i] : []));
    for (let row = 1; row < t.records.length; row++)
      for (const col of cols)
        if (value(t.records[row]!.fields[col]?.text ?? '')) found.push({ t, row, col });
  }
  return found;
}

const isDecimal = (type: string) => type.startsWith('DECIMAL');
const isInteger = (type: string) => type === 'INTEGER' || type === 'BIGINT';
const scaleOf = (type: string) => Number(/DECIMAL\(\d+,(\d+)\)/.exec(type)?.[1] ?? 0);

/** The key of a data row, to name it: `gz-zfw 2023 TOTAL`. */
function keyText(t: CsvTable, row: number): string {
  return keyColumns(t.table)
    .map((k) => t.records[row]!.fields[t.columns.findIndex((c) => c.name === k)]?.text)
    .join(' ');
}

/** The position of a column in a table's file. */
const columnIndex = (t: CsvTable, name: string) => t.columns.findIndex((c) => c.name === name);

/** Whether a data row belongs to the report `code` `year`. */
function ofReport(t: CsvTable, row: number, code: string, year: string): boolean {
  const fields = t.records[row]!.fields;
  return (
    fields[columnIndex(t, 'department_code')]?.text === code &&
    fields[columnIndex(t, 'year')]?.text === year
  );
}

/** Tables whose rows are a report's, with their report's key in their own columns. */
const ofReports = (tables: readonly CsvTable[]) =>
  tables.filter((t) => columnIndex(t, 'year') >= 0 && columnIndex(t, 'department_code') >= 0);

/** A copy of the file `t` with one cell set to `after` (a field written unquoted unless it must be). */
function withCell(t: CsvTable, row: number, col: number, after: string, quoted = false): Buffer {
  return writeCsv(
    t.records.map((r, i) =>
      i === row ? r.fields.map((f, j) => (j === col ? { text: after, quoted } : f)) : r.fields,
    ),
  );
}

/** A mutation that changes one cell: the refusal, if any, names its row and column. */
function cellMutation(
  kind: CsvMutationKind,
  t: CsvTable,
  row: number,
  col: number,
  after: string,
  options: { quoted?: boolean; doublyStated?: boolean } = {},
): CsvMutation {
  const column = t.columns[col]!;
  const before = t.records[row]!.fields[col]!.text;
  return {
    kind,
    label: `${kind}: ${t.file} row ${row} (${keyText(t, row)}) ${column.name} ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    changes: new Map([[t.file, withCell(t, row, col, after, options.quoted)]]),
    tables: [t.table],
    cell: { table: t.table, row, column: column.name, title: column.header, before, after },
    // A changed figure is a valid value: if refused, it is for disagreeing with its repetition
    // in another file, at that file's row.
    ...(options.doublyStated ? { doublyStated: true } : { at: { row, column: column.header } }),
  };
}

/** A copy of the file `t` with one data record's fields replaced (the line it begins on unchanged). */
function withRecord(t: CsvTable, row: number, fields: readonly Field[] | string): Buffer {
  return writeCsv(t.records.map((r, i) => (i === row ? fields : r.fields)));
}

/** A decimal changed by `delta`, written with its column's scale. */
function shifted(before: string, delta: string, type: string): string {
  return padDecimals(sumDecimals([before, delta]), scaleOf(type));
}

/** A file of the export other than the manifest, at random. */
function pickTable(tables: readonly CsvTable[], random: Random, withRows = true): CsvTable {
  return random.pick(tables.filter((t) => !withRows || t.records.length > 1));
}

/** A data row of a table, at random. */
const pickRow = (t: CsvTable, random: Random) => 1 + random.int(t.records.length - 1);

function decimalCell(tables: readonly CsvTable[], random: Random) {
  return pickCell(
    random,
    cells(tables, (_, c) => isDecimal(c.type)),
  );
}

/** Makes the `nth` copy of a kind (variants of a kind alternate with it). */
type Maker = (tables: CsvTable[], random: Random, source: CsvExport, nth: number) => CsvMutation;

const MAKERS: Readonly<Record<CsvMutationKind, Maker>> = {
  'non-numeric': (tables, random) => {
    const { t, row, col } = decimalCell(tables, random);
    return cellMutation(
      'non-numeric',
      t,
      row,
      col,
      random.pick(['abc', '十二', 'N/A', '12a', '—']),
    );
  },
  thousands: (tables, random, _, nth) => {
    const { t, row, col } = pickCell(
      random,
      cells(
        tables,
        (_, c) => isDecimal(c.type),
        (v) => /^-?\d{4,}/.test(v),
      ),
    );
    const text = t.records[row]!.fields[col]!.text;
    const grouped = text.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
    // As Excel writes it (quoted), or as a hand edit does (the comma then splits the field).
    const m = cellMutation('thousands', t, row, col, grouped, { quoted: true });
    if (nth % 2 === 0) return m;
    // Unquoted, the comma makes two fields of one: the line has a field too many, or (when it
    // ends in an empty field, which DuckDB lets a line leave out) its values shift.
    const raw = t.records[row]!.fields.map((f, i) => (i === col ? grouped : rawField(f)));
    return {
      kind: 'thousands',
      label: `${m.label} (unquoted)`,
      changes: new Map([[t.file, withRecord(t, row, raw.join(','))]]),
      tables: m.tables,
      cell: m.cell!,
    };
  },
  'second-point': (tables, random) => {
    const { t, row, col } = pickCell(
      random,
      cells(
        tables,
        (_, c) => isDecimal(c.type),
        (v) => /\d\d/.test(v),
      ),
    );
    const text = t.records[row]!.fields[col]!.text;
    const digits = [...text].flatMap((ch, i) => (/\d/.test(ch) && i > 0 ? [i] : []));
    const at = random.pick(digits);
    return cellMutation('second-point', t, row, col, `${text.slice(0, at)}.${text.slice(at)}`);
  },
  magnitude: (tables, random) => {
    const { t, row, col } = decimalCell(tables, random);
    const text = t.records[row]!.fields[col]!.text;
    // Twenty digits more than the integer part has (a zero one becomes 1 first).
    const after = text.replace(
      /^(-?)(\d+)/,
      (_, sign: string, int: string) => `${sign}${int === '0' ? '1' : int}${'0'.repeat(20)}`,
    );
    return cellMutation('magnitude', t, row, col, after);
  },
  rounded: (tables, random, _, nth) => {
    // By turns a whole number given a fraction, and an amount or score a decimal too many.
    const wanted = nth % 2 === 0 ? isInteger : isDecimal;
    const { t, row, col } = pickCell(
      random,
      cells(tables, (_, c) => wanted(c.type)),
    );
    const column = t.columns[col]!;
    const text = t.records[row]!.fields[col]!.text;
    const after = isInteger(column.type)
      ? `${text}.5`
      : `${padDecimals(text, scaleOf(column.type))}7`;
    return cellMutation('rounded', t, row, col, after);
  },
  'key-empty': (tables, random) => {
    const { t, row, col } = pickCell(
      random,
      cells(tables, (table, c) => keyColumns(table).includes(c.name)),
    );
    return cellMutation('key-empty', t, row, col, '');
  },
  'key-twice': (tables, random, _, nth) => {
    // By turns a report written twice in the reports file, and an indicator numbered twice.
    const t = tables.find((x) => x.table === (nth % 2 === 0 ? 'reports' : 'indicators'))!;
    const row = pickRow(t, random);
    // The refusal names the later of the two rows, and the key's columns.
    const key = uniqueKey(t.table)
      .map((k) => t.columns.find((c) => c.name === k)!.header)
      .join('+');
    if (t.table === 'indicators') {
      const seq = columnIndex(t, 'seq');
      const own = t.records[row]!.fields;
      const [code, year] = ['department_code', 'year'].map((k) => own[columnIndex(t, k)]!.text);
      const others = t.records.flatMap((_, i) =>
        i > 0 && i !== row && ofReport(t, i, code!, year!) ? [i] : [],
      );
      const other = random.pick(others);
      const m = cellMutation('key-twice', t, other, seq, own[seq]!.text);
      return {
        ...m,
        label: `${m.label} (the seq of row ${row})`,
        at: { row: Math.max(row, other), column: key },
      };
    }
    const records = [...t.records.slice(0, row + 1), t.records[row]!, ...t.records.slice(row + 1)];
    return {
      kind: 'key-twice',
      label: `key-twice: ${t.file} row ${row} (${keyText(t, row)}) written twice`,
      changes: new Map([[t.file, writeCsv(records.map((r) => r.fields))]]),
      tables: [t.table],
      at: { row: row + 1, column: key },
    };
  },
  truncated: (tables, random) => {
    const t = pickTable(tables, random);
    const row = pickRow(t, random);
    const fields = [...t.records[row]!.fields];
    const gone = random.int(fields.length);
    fields.splice(gone, 1);
    return {
      kind: 'truncated',
      label: `truncated: ${t.file} row ${row} (${keyText(t, row)}) lost field ${gone + 1}`,
      changes: new Map([[t.file, withRecord(t, row, fields)]]),
      tables: [t.table],
      at: { line: t.records[row]!.line },
    };
  },
  'extra-field': (tables, random) => {
    const t = pickTable(tables, random);
    const row = pickRow(t, random);
    const fields = [...t.records[row]!.fields];
    const at = random.int(fields.length + 1);
    fields.splice(at, 0, { text: random.pick(['x', '0', '备注']), quoted: false });
    return {
      kind: 'extra-field',
      label: `extra-field: ${t.file} row ${row} (${keyText(t, row)}) field inserted at ${at + 1}`,
      changes: new Map([[t.file, withRecord(t, row, fields)]]),
      tables: [t.table],
    };
  },
  'open-quote': (tables, random) => {
    const t = pickTable(tables, random);
    const row = pickRow(t, random);
    const raw = t.records[row]!.fields.map(rawField);
    const at = random.int(raw.length);
    raw[at] = `"${raw[at]}`;
    return {
      kind: 'open-quote',
      label: `open-quote: ${t.file} row ${row} (${keyText(t, row)}) field ${at + 1} opens a quote`,
      changes: new Map([[t.file, withRecord(t, row, raw.join(','))]]),
      tables: [t.table],
    };
  },
  'title-renamed': (tables, random) => {
    const t = pickTable(tables, random, false);
    const col = random.int(t.columns.length);
    const title = t.records[0]!.fields[col]!.text;
    const renamed = random.pick([`${title}（旧）`, `${title}2`, title.replace(/^./, 'X')]);
    return {
      kind: 'title-renamed',
      label: `title-renamed: ${t.file} "${title}" → "${renamed}"`,
      changes: new Map([
        [
          t.file,
          withRecord(
            t,
            0,
            t.records[0]!.fields.map((f, i) => (i === col ? { ...f, text: renamed } : f)),
          ),
        ],
      ]),
      tables: [t.table],
    };
  },
  'title-dropped': (tables, random) => {
    const t = pickTable(tables, random, false);
    const col = random.int(t.columns.length);
    const fields = t.records[0]!.fields.filter((_, i) => i !== col);
    return {
      kind: 'title-dropped',
      label: `title-dropped: ${t.file} "${t.records[0]!.fields[col]!.text}" (its values stay)`,
      changes: new Map([[t.file, withRecord(t, 0, fields)]]),
      tables: [t.table],
    };
  },
  'titles-swapped': (tables, random) => {
    const t = pickTable(tables, random, false);
    const a = random.int(t.columns.length);
    const b = (a + 1 + random.int(t.columns.length - 1)) % t.columns.length;
    const fields = [...t.records[0]!.fields];
    [fields[a], fields[b]] = [fields[b]!, fields[a]!];
    return {
      kind: 'titles-swapped',
      label: `titles-swapped: ${t.file} "${fields[b]!.text}" and "${fields[a]!.text}" (their values stay)`,
      changes: new Map([[t.file, withRecord(t, 0, fields)]]),
      tables: [t.table],
    };
  },
  year: (tables, random) => {
    const reports = tables.find((t) => t.table === 'reports')!;
    const row = pickRow(reports, random);
    const [code, year] = reports.records[row]!.fields.map((f) => f.text) as [string, string];
    const after = String(random.pick([1899, 1999, 2101, 2999, 0]));
    // The report's year changed in every file, so that only the year itself is wrong.
    const changes = new Map<string, Buffer>();
    for (const t of ofReports(tables)) {
      const at = columnIndex(t, 'year');
      const rows = t.records.flatMap((_, i) => (i > 0 && ofReport(t, i, code, year) ? [i] : []));
      if (rows.length === 0) continue;
      const changed = t.records.map((r, i) =>
        rows.includes(i)
          ? r.fields.map((f, j) => (j === at ? { text: after, quoted: false } : f))
          : r.fields,
      );
      changes.set(t.file, writeCsv(changed));
    }
    return {
      kind: 'year',
      label: `year: report ${code} ${year} made ${after} in ${changes.size} files`,
      changes,
      tables: tables.filter((t) => changes.has(t.file)).map((t) => t.table),
      at: { row, column: reports.columns[1]!.header },
    };
  },
  negative: (tables, random) => {
    const { t, row, col } = pickCell(
      random,
      cells(
        tables,
        (table, c) => AMOUNTS[table]?.includes(c.name) ?? false,
        (v) => /^\d/.test(v) && Number(v) > 0,
      ).filter(
        ({ t, row }) =>
          t.table !== 'stated_figures' ||
          t.records[row]!.fields[t.columns.findIndex((c) => c.name === 'unit')]!.text === '万元',
      ),
    );
    const m = cellMutation('negative', t, row, col, `-${t.records[row]!.fields[col]!.text}`, {
      doublyStated: true,
    });
    // A total the reports file repeats may be refused as two statements that disagree.
    return {
      ...m,
      tables: t.table === 'stated_figures' ? ['stated_figures', 'reports'] : m.tables,
    };
  },
  'invalid-utf8': (tables, random) => {
    const t = pickTable(tables, random, false);
    const row = random.int(t.records.length);
    const bytes = Buffer.from(random.pick([[0xff], [0xc3, 0x28], [0xe4, 0xb8]]));
    const text = rawRecord(t.records[row]!.fields);
    const at = random.int(text.length + 1);
    const record = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      bytes,
      Buffer.from(text.slice(at)),
    ]);
    const lines = t.records.map((r, i) => (i === row ? record : Buffer.from(rawRecord(r.fields))));
    const file = Buffer.concat([Buffer.from(BOM), ...lines.flatMap((l) => [l, Buffer.from('\n')])]);
    return {
      kind: 'invalid-utf8',
      label: `invalid-utf8: ${t.file} line ${t.records[row]!.line}, bytes ${bytes.toString('hex')} at ${at}`,
      changes: new Map([[t.file, file]]),
      tables: [t.table],
      at: { line: t.records[row]!.line },
    };
  },
  'bom-inside': (tables, random) => {
    const t = pickTable(tables, random);
    const row = pickRow(t, random);
    const text = rawRecord(t.records[row]!.fields);
    const at = 1 + random.int(text.length - 1);
    return {
      kind: 'bom-inside',
      label: `bom-inside: ${t.file} row ${row} (${keyText(t, row)}) at ${at}`,
      changes: new Map([[t.file, withRecord(t, row, text.slice(0, at) + BOM + text.slice(at))]]),
      tables: [t.table],
    };
  },
  emptied: (tables, random) => {
    const t = pickTable(tables, random, false);
    return {
      kind: 'emptied',
      label: `emptied: ${t.file}`,
      changes: new Map([[t.file, Buffer.alloc(0)]]),
      tables: [t.table],
      at: { line: 1 },
    };
  },
  orphan: (tables, random) => {
    const children = ofReports(tables).filter((t) => t.table !== 'reports' && t.records.length > 1);
    const t = random.pick(children);
    const row = pickRow(t, random);
    const year = random.pick(['2019', '2021', '2024']);
    const m = cellMutation('orphan', t, row, columnIndex(t, 'year'), year);
    // Refused as a row whose report the reports file lacks: named by the report's key.
    const key = ['department_code', 'year'].map((k) => t.columns[columnIndex(t, k)]!.header);
    return { ...m, at: { row, column: key.join('+') } };
  },
  manifest: (_, random, source, nth) => {
    const variant = nth % 3;
    const manifest = structuredClone(source.manifest);
    const table = random.pick(manifest.tables);
    if (variant === 1) table.rows += 1 + random.int(5);
    if (variant === 2) random.pick(table.columns).type = 'VARCHAR';
    const what = [
      'removed',
      `${table.file}: rows ${table.rows}`,
      `${table.file}: a column made VARCHAR`,
    ][variant]!;
    return {
      kind: 'manifest',
      label: `manifest: ${what}`,
      changes: new Map([
        ['manifest.json', variant === 0 ? null : Buffer.from(JSON.stringify(manifest))],
      ]),
      tables: [],
    };
  },
  enum: (tables, random) => {
    const { t, row, col } = pickCell(
      random,
      cells(tables, (table, c) => LISTED[table]?.[c.name] !== undefined),
    );
    return cellMutation('enum', t, row, col, random.pick(LISTED[t.table]![t.columns[col]!.name]!));
  },
  figure: (tables, random) => {
    const { t, row, col } = pickCell(
      random,
      cells(tables, (table, c) => DOUBLY_STATED[table]?.includes(c.name) ?? false),
    );
    const column = t.columns[col]!;
    const before = t.records[row]!.fields[col]!.text;
    // Beyond rounding: a percentage's printed decimals are not stored, and a rate read as
    // `75` may be a point off by rounding; an amount or a score is kept to 0.01.
    const unit = t.records[row]!.fields[columnIndex(t, 'unit')]?.text;
    const percent = column.name === 'score_rate' || unit === '%';
    const delta = random.pick(percent ? ['5', '-5', '10'] : ['1', '-1', '5', '10', '-10', '100']);
    const m = cellMutation('figure', t, row, col, shifted(before, delta, column.type), {
      doublyStated: true,
    });
    // The totals the reports file repeats from stated_figures may be refused as disagreeing.
    const repeated = ['reports', 'stated_figures'].includes(t.table);
    return { ...m, tables: repeated ? ['reports', 'stated_figures'] : m.tables };
  },
};

/** The mutated copies of an export for a seed: CSV_MUTATIONS_PER_KIND of each kind. */
export function csvMutations(source: CsvExport, seed: number): CsvMutation[] {
  const random = seededRandom(seed);
  const tables = tablesOf(source);
  return (Object.keys(CSV_MUTATIONS_PER_KIND) as CsvMutationKind[]).flatMap((kind) =>
    Array.from({ length: CSV_MUTATIONS_PER_KIND[kind] }, (_, nth) =>
      MAKERS[kind](tables, random, source, nth),
    ),
  );
}

/** Whether the export's files read back through this module are byte for byte what was exported. */
export function rewritesExactly(source: CsvExport): boolean {
  return tablesOf(source).every((t) =>
    writeCsv(t.records.map((r) => r.fields)).equals(source.files.get(t.file)!),
  );
}

/**
 * A CSV file of the export with one cell changed: in the first data row whose cells under the
 * `where` titles hold those texts, the cell under `title` set to `value`.
 */
export function withCellChanged(
  file: Buffer,
  where: Readonly<Record<string, string>>,
  title: string,
  value: string,
): Buffer {
  const records = parseCsv(file.toString('utf8').replace(/^\uFEFF/, ''));
  const titles = records[0]!.fields.map((f) => f.text);
  const at = (t: string) => {
    const i = titles.indexOf(t);
    if (i < 0) throw new Error(`no column titled ${t}`);
    return i;
  };
  const row = records.findIndex(
    (r, i) => i > 0 && Object.entries(where).every(([t, v]) => r.fields[at(t)]?.text === v),
  );
  if (row < 0) throw new Error(`no row with ${JSON.stringify(where)}`);
  const col = at(title);
  return writeCsv(
    records.map((r, i) =>
      i === row
        ? r.fields.map((f, j) => (j === col ? { text: value, quoted: false } : f))
        : r.fields,
    ),
  );
}
