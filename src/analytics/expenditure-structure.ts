import { sql } from 'kysely';
import { checkScope, scopeFilter, type Scope } from './scope.js';
import type { Reader } from './reader.js';
import {
  countOf,
  windowSql,
  windowTotal,
  type RowWindow,
  type WindowedRows,
} from './row-window.js';

export type StructureDimension = 'NATURE' | 'FUNCTION_CLASS';

export interface StructurePart {
  key: string;
  label: string;
  /**
   * The key of the part this one is a component of (人员经费 and 公用经费 make up 基本支出), or null
   * for a top-level part. The top-level parts' shares add up to 1; summing all parts counts the
   * components twice.
   */
  parent: string | null;
  initialBudget: string | null;
  fullYearBudget: string | null;
  final: string | null;
  /** final / total final expenditure. */
  share: number | null;
  /** share − the same part's share in the previous year (null without a previous report). */
  shareChange: number | null;
}

export interface ExpenditureStructure {
  departmentCode: string;
  year: number;
  /** Total final expenditure (表2 合计 决算数), exact. */
  total: string | null;
  parts: StructurePart[];
}

export interface StructureArgs extends Pick<Scope, 'departments'> {
  year: number;
  by: StructureDimension;
}

/** 表2: personnel and public funds are the two parts of basic expenditure. */
const NATURE_PARENTS: Record<string, string> = { PERSONNEL: 'BASIC', PUBLIC: 'BASIC' };

const NATURE_LABELS: Record<string, string> = {
  BASIC: '基本支出',
  PERSONNEL: '人员经费',
  PUBLIC: '公用经费',
  PROJECT: '项目支出',
};

interface PartRow {
  department_code: string;
  year: number;
  total: string | null;
  key: string;
  label: string;
  initial_budget: string | null;
  full_year_budget: string | null;
  final: string | null;
  share: number | null;
  share_change: number | null;
}

/** The parts of every report along one dimension: report_id, year, key, label and amounts. */
function partsSql(by: StructureDimension) {
  return by === 'NATURE'
    ? sql`SELECT n.report_id, n.year, n.category AS key, n.category AS label,
                 n.initial_budget, n.full_year_budget, n.final
          FROM expenditure_by_nature n WHERE n.category <> 'TOTAL'`
    : sql`SELECT e.report_id, e.year, coalesce(e.function_code, e.function_class) AS key,
                 e.function_class AS label, NULL::DECIMAL(18,2) AS initial_budget,
                 NULL::DECIMAL(18,2) AS full_year_budget, e.amount AS final
          FROM expenditure_by_function e`;
}

/**
 * How each department spent in a year: by NATURE (basic, personnel, public, project at three
 * stages) or by FUNCTION_CLASS (final expenditure per 功能分类), each part's share of total final
 * expenditure and its change against the previous year, by department code. One statement.
 */
export async function expenditureStructure(
  db: Reader,
  args: StructureArgs,
): Promise<ExpenditureStructure[]> {
  await checkScope(db, { fromYear: args.year, departments: args.departments });
  return structures(db, args);
}

/**
 * One window of expenditureStructure's answer, in its order, and how many departments the whole
 * answer has. The database orders the departments that have parts and cuts the window; only the
 * window's departments are read further.
 */
export async function expenditureStructureWindow(
  db: Reader,
  args: StructureArgs,
  window: RowWindow,
): Promise<WindowedRows<ExpenditureStructure>> {
  await checkScope(db, { fromYear: args.year, departments: args.departments });
  const found = sql`
    SELECT f.department_code FROM report_facts f
    WHERE ${scopeFilter(
      { fromYear: args.year, toYear: args.year, departments: args.departments },
      { year: 'f.year', department: 'f.department_code' },
    )}
      AND EXISTS (SELECT 1 FROM (${partsSql(args.by)}) p WHERE p.report_id = f.report_id)`;
  const { rows } = await sql<{ department_code: string; total: number }>`
    SELECT department_code, count(*) OVER () AS total FROM (${found})
    ORDER BY department_code ${windowSql(window)}`.execute(db);
  return {
    totalCount: await windowTotal(rows, window, () => countOf(db, found)),
    nodes:
      rows.length > 0
        ? await structures(db, { ...args, departments: rows.map((r) => r.department_code) })
        : [],
  };
}

/** The structures of a scope already checked. */
async function structures(db: Reader, args: StructureArgs): Promise<ExpenditureStructure[]> {
  const parts = partsSql(args.by);
  const { rows } = await sql<PartRow>`
    WITH scoped AS (
      SELECT f.report_id, f.department_code, f.year, f.total_final
      FROM report_facts f
      WHERE ${scopeFilter(
        // The previous year too: each share's change is against it.
        { fromYear: args.year - 1, toYear: args.year, departments: args.departments },
        { year: 'f.year', department: 'f.department_code' },
      )}
    ),
    shares AS (
      SELECT s.department_code, s.year, s.total_final AS total, p.key, p.label,
             p.initial_budget, p.full_year_budget, p.final,
             CAST(p.final AS DOUBLE) / nullif(CAST(s.total_final AS DOUBLE), 0) AS share
      FROM scoped s JOIN (${parts}) p ON p.report_id = s.report_id
    ),
    changes AS (
      SELECT *, share - lag(share) OVER (PARTITION BY department_code, key ORDER BY year) AS share_change,
             lag(year) OVER (PARTITION BY department_code, key ORDER BY year) AS previous_year
      FROM shares
    )
    SELECT department_code, year, total, key, label, initial_budget, full_year_budget, final, share,
           CASE WHEN previous_year = year - 1 THEN share_change END AS share_change
    FROM changes WHERE year = ${args.year}
    ORDER BY department_code, list_position(['BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'], key) NULLS LAST, key`.execute(
    db,
  );
  const out = new Map<string, ExpenditureStructure>();
  for (const r of rows) {
    const entry = out.get(r.department_code) ?? {
      departmentCode: r.department_code,
      year: Number(r.year),
      total: r.total,
      parts: [],
    };
    entry.parts.push({
      key: r.key,
      label: NATURE_LABELS[r.key] ?? r.label,
      parent: args.by === 'NATURE' ? (NATURE_PARENTS[r.key] ?? null) : null,
      initialBudget: r.initial_budget,
      fullYearBudget: r.full_year_budget,
      final: r.final,
      share: r.share,
      shareChange: r.share_change,
    });
    out.set(r.department_code, entry);
  }
  return [...out.values()];
}
