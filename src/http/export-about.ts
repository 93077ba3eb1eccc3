import type { HeaderLanguage } from './export-request.js';
import type { Cell, TableColumn } from './export-rows.js';

/** A table as written, for the about sheet to describe. */
export interface WrittenTable {
  sheet: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly Cell[])[];
}

/** What the about sheet says about one download. */
export interface AboutInput {
  operation: string;
  /** The variables the operation ran with: those given, and the document's defaults for the rest. */
  variables: Record<string, unknown>;
  generated: Date;
  query: string;
  tables: readonly WrittenTable[];
  headers: HeaderLanguage;
}

/** Beijing time (UTC+8, no daylight saving), the bureau's clock, with its offset spelled out. */
export function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().replace(/\.\d+Z$/, '+08:00');
}

/**
 * Rows of a table that come from synthetic demo departments, and how many departments when the
 * table has the code beside the flag (`department.code` for `department.synthetic`).
 */
function syntheticRows(table: WrittenTable): { rows: number; departments: number | null } {
  const flag = table.columns.findIndex((c) => c.path.split('.').at(-1) === 'synthetic');
  if (flag < 0) return { rows: 0, departments: null };
  const codePath = table.columns[flag]!.path.replace(/synthetic$/, 'code');
  const code = table.columns.findIndex((c) => c.path === codePath);
  const marked = table.rows.filter((row) => row[flag] === true);
  return {
    rows: marked.length,
    departments: code >= 0 ? new Set(marked.map((row) => row[code])).size : null,
  };
}

/** Rows of a table whose synthetic count (syntheticCount, syntheticDepartments) is above 0. */
function syntheticCounts(table: WrittenTable): number {
  const indexes = table.columns
    .map((c, i) => (/^synthetic.+/.test(c.path.split('.').at(-1)!) ? i : -1))
    .filter((i) => i >= 0);
  return table.rows.filter((row) => indexes.some((i) => typeof row[i] === 'number' && row[i] > 0))
    .length;
}

/**
 * The synthetic-data line: demo departments are labelled (docs/architecture.md), and a workbook
 * passed on without its API must still say which rows are not real.
 */
function syntheticLine(tables: readonly WrittenTable[], zh: boolean): string {
  const parts: string[] = [];
  for (const table of tables) {
    const { rows, departments } = syntheticRows(table);
    if (rows > 0)
      parts.push(
        zh
          ? `${table.sheet}：${rows} 行${departments === null ? '' : `（${departments} 个部门）`}，synthetic 列为 true`
          : `${table.sheet}: ${rows} rows${departments === null ? '' : ` (${departments} departments)`} with synthetic = true`,
      );
    const counted = syntheticCounts(table);
    if (counted > 0)
      parts.push(
        zh
          ? `${table.sheet}：${counted} 行的合成部门计数大于 0`
          : `${table.sheet}: ${counted} rows count synthetic departments`,
      );
  }
  if (parts.length === 0) return zh ? '不含合成演示部门。' : 'No synthetic demo departments.';
  return zh
    ? `含合成演示部门（演示语料，不是真实部门）：${parts.join('；')}。`
    : `Includes synthetic demo departments (demo corpus, not real): ${parts.join('; ')}.`;
}

/** The label and value lines of the about sheet, in the download's header language. */
export function aboutLines(input: AboutInput): [string, string][] {
  const zh = input.headers === 'zh';
  const sheets = input.tables
    .map((t) => (zh ? `${t.sheet}：${t.rows.length} 行` : `${t.sheet}: ${t.rows.length} rows`))
    .join(zh ? '；' : '; ');
  return [
    [zh ? '操作' : 'operation', input.operation],
    [zh ? '变量' : 'variables', JSON.stringify(input.variables)],
    [zh ? '生成时间' : 'generated', beijingTime(input.generated)],
    [zh ? '数据表' : 'sheets', sheets],
    [zh ? '合成数据' : 'synthetic data', syntheticLine(input.tables, zh)],
    [
      zh ? '单位' : 'units',
      zh
        ? '金额单位为万元；占比、比率、完成比为小数（0.5 即 50%）；数值即 GraphQL 返回值，未经舍入。'
        : 'Amounts in 万元 (10,000 yuan); shares, rates and attainment as fractions (0.5 = 50%); numbers exactly as GraphQL returned them.',
    ],
    [zh ? '查询' : 'query', input.query.trim()],
  ];
}
