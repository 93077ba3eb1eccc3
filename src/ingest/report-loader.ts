import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, NatureCategory } from '../db/tables.js';
import { CANONICAL_TABLES, isReportChild } from './canonical-tables.js';
import { resolveDepartment } from './department-registry.js';
import { readIndicators } from './indicator-facts.js';
import { relinkYears } from './indicator-linker.js';
import { problemTopics } from './problem-topics.js';
import { reconcile } from './reconcile.js';
import type { ReportDocument } from './report-document.js';
import { ReportParseError } from './report-parse-error.js';

/** What loading one report did. */
export interface LoadResult {
  status: 'inserted' | 'replaced' | 'unchanged';
  reportId: number;
  departmentCode: string;
  year: number;
  dataQualityIssues: number;
}

export interface LoadOptions {
  /** Replace a stored report of the same department and year that came from different text. */
  replace?: boolean;
  /** Mark the report synthetic (generated demo data). */
  synthetic?: boolean;
}

/** Fingerprint of a report's text: the same file loaded twice is recognised and skipped. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const CATEGORIES: readonly NatureCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'];

/** Inserts rows in chunks that stay well under DuckDB's parameter limits. */
async function insertAll<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    // Kysely cannot infer a row type across a union of table names; each caller builds the right shape.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
  }
}

async function deleteReport(trx: Transaction<Database>, reportId: number): Promise<void> {
  const children = CANONICAL_TABLES.filter(isReportChild);
  for (const table of children)
    await trx.deleteFrom(table).where('report_id', '=', reportId).execute();
  await trx.deleteFrom('reports').where('id', '=', reportId).execute();
}

/**
 * Stores one parsed report in one transaction: all of it or nothing. Loading the same text twice
 * changes nothing; a different text for a stored department and year is refused unless
 * `replace` is set. Reconciliation runs here, so every stored report has its data-quality issues.
 */
export async function loadReport(
  db: Kysely<Database>,
  doc: ReportDocument,
  sourceText: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const departmentCode = await resolveDepartment(db, doc.departmentName);
  if (!departmentCode) {
    throw new ReportParseError(
      doc.sourceFile,
      '标题',
      1,
      `department "${doc.departmentName}" is not in the department registry (add it, or an alias, to departments.csv)`,
    );
  }
  const sha = contentHash(sourceText);
  const issues = reconcile(doc);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('reports')
      .select(['id', 'content_sha256'])
      .where('department_code', '=', departmentCode)
      .where('year', '=', doc.year)
      .executeTakeFirst();
    if (existing && existing.content_sha256 === sha) {
      return {
        status: 'unchanged',
        reportId: existing.id,
        departmentCode,
        year: doc.year,
        dataQualityIssues: issues.length,
      };
    }
    if (existing && !options.replace) {
      throw new ReportParseError(
        doc.sourceFile,
        '标题',
        1,
        `a different version of the ${doc.year} report of ${departmentCode} is already stored; load it with replace to overwrite`,
      );
    }
    if (existing) await deleteReport(trx, existing.id);

    const s = doc.score;
    const stated = new Map(doc.statedFigures.map((f) => [f.name, f.value]));
    const { id: reportId } = await trx
      .insertInto('reports')
      .values({
        department_code: departmentCode,
        year: doc.year,
        title: doc.title,
        synthetic: options.synthetic ?? false,
        source_file: doc.sourceFile,
        content_sha256: sha,
        duties_text: doc.dutiesText,
        overview_text: doc.overviewText,
        performance_text: doc.performanceText,
        evaluation_text: doc.evaluationText,
        revenue_total: stated.get('revenue_total') ?? null,
        full_year_budget: stated.get('full_year_budget') ?? null,
        final_total: stated.get('final_total') ?? null,
        total_score: s.total,
        total_weight: s.totalWeight,
        duty_score: s.duty.score,
        duty_weight: s.duty.weight,
        management_score: s.management.score,
        management_weight: s.management.weight,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const base = { report_id: reportId, year: doc.year };
    const texts = (items: readonly string[]) =>
      items.map((text, i) => ({ ...base, seq: i + 1, text }));
    await insertAll(trx, 'goals', texts(doc.goals));
    await insertAll(
      trx,
      'problems',
      doc.problems.map((text, i) => ({ ...base, seq: i + 1, text, topics: problemTopics(text) })),
    );
    await insertAll(trx, 'improvements', texts(doc.improvements));
    const amounts = (items: ReportDocument['revenueByFunction']) =>
      items.map((r, i) => ({
        ...base,
        seq: i + 1,
        function_class: r.functionClass,
        function_code: r.functionCode,
        amount: r.amount,
      }));
    await insertAll(trx, 'revenue_by_function', amounts(doc.revenueByFunction));
    await insertAll(trx, 'expenditure_by_function', amounts(doc.expenditureByFunction));
    await insertAll(
      trx,
      'expenditure_by_nature',
      CATEGORIES.map((category) => {
        const a = doc.byNature[category];
        return {
          ...base,
          category,
          initial_budget: a.initialBudget,
          full_year_budget: a.fullYearBudget,
          final: a.final,
        };
      }),
    );
    await insertAll(
      trx,
      'stated_figures',
      doc.statedFigures.map((f) => ({
        ...base,
        name: f.name,
        value: f.value,
        unit: f.unit,
        line: f.line,
      })),
    );
    await insertAll(
      trx,
      'key_tasks',
      doc.keyTasks.map((t) => ({
        ...base,
        seq: t.seq,
        name: t.name,
        target_text: t.targetText,
        actual_text: t.actualText,
      })),
    );
    const readings = readIndicators(doc.indicators);
    await insertAll(
      trx,
      'indicators',
      doc.indicators.map((r, i) => ({
        ...base,
        seq: r.seq,
        name: r.name,
        target_text: r.targetText,
        actual_text: r.actualText,
        indicator_key: readings[i]!.key,
        understood: readings[i]!.understood,
        not_understood_reason: readings[i]!.reason,
      })),
    );
    await insertAll(
      trx,
      'indicator_measures',
      readings.flatMap((reading) =>
        reading.measures.map((m) => ({
          ...base,
          seq: reading.seq,
          measure_index: m.measureIndex,
          comparator: m.comparator,
          target: m.target,
          target_high: m.targetHigh,
          actual: m.actual,
          unit: m.unit,
          unit_kind: m.unitKind,
          direction: m.direction,
          confidence: m.confidence,
          actual_kind: m.actualKind,
          target_source: m.targetSource,
          actual_source: m.actualSource,
          attainment: m.attainment,
          evidence: m.evidence,
          ceiling: m.ceiling,
        })),
      ),
    );
    await insertAll(
      trx,
      'management_scores',
      doc.managementScores.map((r) => ({
        ...base,
        seq: r.seq,
        level1: r.level1,
        level2: r.level2,
        level3: r.level3,
        weight: r.weight,
        score: r.score,
        score_rate: r.scoreRate,
      })),
    );
    await insertAll(
      trx,
      'deductions',
      doc.deductions.map((d, i) => ({
        ...base,
        seq: i + 1,
        part: d.part,
        item: d.item,
        level2: d.level2,
        reason: d.reason,
        points: d.points,
        source: d.source,
      })),
    );
    await insertAll(
      trx,
      'data_quality_issues',
      issues.map((n, i) => ({
        ...base,
        department_code: departmentCode,
        seq: i + 1,
        check_name: n.check,
        severity: n.severity,
        message: n.message,
        expected: n.expected,
        actual: n.actual,
      })),
    );
    await relinkYears(trx, departmentCode, [doc.year, doc.year + 1]);
    return {
      status: existing ? 'replaced' : 'inserted',
      reportId,
      departmentCode,
      year: doc.year,
      dataQualityIssues: issues.length,
    };
  });
}
