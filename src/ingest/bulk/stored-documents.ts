import type { PooledConnection } from '../../db/duckdb-pool.js';
import type { Decimal, NatureCategory, ReportTemplate } from '../../db/tables.js';
import { canonicalDecimal } from '../decimal.js';
import type { ReportDocument, StageAmounts } from '../report-document.js';

/** A stored report's document, with the id and key of the report it was read from. */
export interface StoredDocument {
  reportId: number;
  departmentCode: string;
  doc: ReportDocument;
}

type Row = Record<string, unknown>;

/**
 * A stored DECIMAL as the parsers write decimals: without the trailing zeros of its column's scale
 * (`10105.7900` → `10105.79`). A stated percentage's printed decimals are not stored; its value's
 * own decimals stand for them, which can only make a ratio check more lenient (a ratio that
 * rounds to `97.00` also rounds to `97`), so a figure that balanced when read still balances.
 */
function decimal(value: unknown): Decimal {
  return canonicalDecimal(String(value));
}
const decimalOrNull = (value: unknown): Decimal | null =>
  value === null || value === undefined ? null : decimal(value);
/** A stored source line; 0 where none was stored, as a document built from numbers has. */
const lineOf = (row: Row): number => (row.line === null ? 0 : Number(row.line));

const CATEGORIES: readonly NatureCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'];

/** Some columns of a report table for some reports, grouped by report id, in `order`. */
async function rowsByReport(
  connection: PooledConnection,
  table: string,
  columns: string,
  reportIds: string,
  order: string,
): Promise<Map<number, Row[]>> {
  const { rows } = await connection.query(
    `SELECT report_id, ${columns} FROM ${table} WHERE report_id IN (${reportIds}) ORDER BY report_id, ${order}`,
  );
  const byReport = new Map<number, Row[]>();
  for (const row of rows) {
    const id = Number(row.report_id);
    const rowsOfReport = byReport.get(id);
    if (rowsOfReport) rowsOfReport.push(row);
    else byReport.set(id, [row]);
  }
  return byReport;
}

/**
 * The figures of stored reports as documents: what reconciliation reads (reconcile.ts), rebuilt
 * from the rows that report-rows.ts made of the parsed document (stated figures, amounts by
 * function and nature, the self-score and its parts, scored rows, deductions). Texts,
 * indicators and the parser's notes are not rebuilt: reconciliation does not read them, and
 * the notes were stored as findings with the rest. `reportIds` is a SQL subquery or list of ids
 * (never user input).
 */
export async function storedDocuments(
  connection: PooledConnection,
  reportIds: string,
): Promise<StoredDocument[]> {
  // Only the columns reconciliation reads: the texts of a report are most of its bytes.
  const reports = await connection.query(
    `SELECT id, department_code, year, title, source_file, template, total_score, total_weight,
            duty_score, duty_weight, management_score, management_weight
     FROM reports WHERE id IN (${reportIds}) ORDER BY id`,
  );
  const amounts = 'function_class, function_code, amount, line';
  const [stated, revenue, expenditure, nature, scored, deductions] = [
    await rowsByReport(connection, 'stated_figures', 'name, value, unit, line', reportIds, 'name'),
    await rowsByReport(connection, 'revenue_by_function', amounts, reportIds, 'seq'),
    await rowsByReport(connection, 'expenditure_by_function', amounts, reportIds, 'seq'),
    await rowsByReport(
      connection,
      'expenditure_by_nature',
      'category, initial_budget, full_year_budget, final, line',
      reportIds,
      'category',
    ),
    await rowsByReport(
      connection,
      'management_scores',
      'seq, level3, weight, score, score_rate, line',
      reportIds,
      'seq',
    ),
    await rowsByReport(
      connection,
      'deductions',
      'seq, part, item, points, source, line',
      reportIds,
      'seq',
    ),
  ];
  return reports.rows.map((r) => {
    const id = Number(r.id);
    const of = (rows: Map<number, Row[]>) => rows.get(id) ?? [];
    const functions = (rows: Row[]) =>
      rows.map((f) => ({
        functionClass: String(f.function_class),
        functionCode: f.function_code === null ? null : String(f.function_code),
        amount: decimal(f.amount),
        line: lineOf(f),
      }));
    const byNature = Object.fromEntries(
      CATEGORIES.map((category): [NatureCategory, StageAmounts] => {
        const row = of(nature).find((n) => n.category === category);
        const line = row && row.line !== null ? Number(row.line) : undefined;
        return [
          category,
          {
            initialBudget: decimalOrNull(row?.initial_budget),
            fullYearBudget: decimalOrNull(row?.full_year_budget),
            final: decimalOrNull(row?.final),
            ...(line === undefined ? {} : { line }),
          },
        ];
      }),
    ) as Record<NatureCategory, StageAmounts>;
    const part = (score: unknown, weight: unknown) =>
      score === null || weight === null ? null : { score: decimal(score), weight: decimal(weight) };
    const doc: ReportDocument = {
      sourceFile: String(r.source_file),
      template: String(r.template) as ReportTemplate,
      pageStarts: null,
      year: Number(r.year),
      departmentName: String(r.department_code),
      title: String(r.title),
      dutiesText: '',
      overviewText: '',
      keyTasks: [],
      goals: [],
      revenueByFunction: functions(of(revenue)),
      expenditureByFunction: functions(of(expenditure)),
      byNature,
      statedFigures: of(stated).map((f) => ({
        name: String(f.name),
        value: decimal(f.value),
        unit: f.unit === '%' ? '%' : '万元',
        line: Number(f.line),
      })),
      performanceText: '',
      evaluationText: '',
      score: {
        total: decimal(r.total_score),
        totalWeight: decimal(r.total_weight),
        duty: part(r.duty_score, r.duty_weight),
        management: part(r.management_score, r.management_weight),
      },
      indicators: [],
      managementScores: of(scored).map((m) => ({
        seq: Number(m.seq),
        // Findings name a scored row by its level-3 item; the levels above are not read.
        level1: '',
        level2: '',
        level3: String(m.level3),
        weight: decimal(m.weight),
        score: decimal(m.score),
        scoreRate: decimalOrNull(m.score_rate),
        line: lineOf(m),
      })),
      deductions: of(deductions).map((d) => ({
        part: d.part === 'DUTY' ? 'DUTY' : 'MANAGEMENT',
        item: d.item === null ? null : String(d.item),
        level2: null,
        reason: null,
        points: decimal(d.points),
        source: String(d.source) as 'PARAGRAPH' | 'TABLE' | 'BOTH',
        ...(d.line === null ? {} : { line: Number(d.line) }),
      })),
      problems: [],
      improvements: [],
      notes: [],
    };
    return { reportId: id, departmentCode: String(r.department_code), doc };
  });
}
