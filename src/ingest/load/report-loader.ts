import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/tables.js';
import {
  CANONICAL_TABLES,
  isReportChild,
  type CanonicalRow,
  type CanonicalTable,
} from '../canonical-tables.js';
import { deleteReportsSql } from './delete-reports.js';
import { resolveDepartment } from './department-registry.js';
import { relinkYears } from './indicator-linker.js';
import type { ReportDocument } from '../report-document.js';
import { refreshReportFactsSql } from './report-facts.js';
import { ReportLoadError } from './report-load-error.js';
import { reportRows } from './report-rows.js';

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

/** Report parts stored with the department code as a column of their own (not only via the report). */
const KEEPS_DEPARTMENT = new Set<CanonicalTable>(['data_quality_issues']);

/** A canonical child row as stored: the report's id instead of its department code. */
function stored(
  table: CanonicalTable,
  row: CanonicalRow,
  reportId: number,
): Record<string, unknown> {
  const { department_code, ...rest } = row;
  return KEEPS_DEPARTMENT.has(table)
    ? { report_id: reportId, department_code, ...rest }
    : { report_id: reportId, ...rest };
}

/** Inserts rows in chunks that stay well under DuckDB's parameter limits. */
async function insertAll(
  trx: Transaction<Database>,
  table: CanonicalTable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    // Kysely cannot infer a row type across a union of table names; reportRows builds each shape.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
  }
}

/**
 * Stores one parsed report in one transaction: all of it or nothing. Loading the same text twice
 * changes nothing; a different text for a stored department and year is refused unless
 * `replace` is set. Reconciliation and indicator reading run here (reportRows), and the links to
 * the department's previous and next years are remade.
 */
export async function loadReport(
  db: Kysely<Database>,
  doc: ReportDocument,
  sourceText: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const departmentCode = await resolveDepartment(db, doc.departmentName);
  if (!departmentCode) {
    throw new ReportLoadError(
      doc.sourceFile,
      'UNKNOWN_DEPARTMENT',
      `department "${doc.departmentName}" (from the title) is not in the department registry (add it, or an alias, to departments.csv)`,
    );
  }
  const sha = contentHash(sourceText);
  const { rows } = reportRows({
    doc,
    departmentCode,
    contentSha256: sha,
    synthetic: options.synthetic ?? false,
  });
  const issues = rows.data_quality_issues?.length ?? 0;
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
        dataQualityIssues: issues,
      };
    }
    if (existing && !options.replace) {
      throw new ReportLoadError(
        doc.sourceFile,
        'VERSION_CONFLICT',
        `a different version of the ${doc.year} report of ${departmentCode} is already stored; load it with replace to overwrite`,
      );
    }
    if (existing) {
      for (const statement of deleteReportsSql(String(Math.trunc(existing.id))))
        await sql.raw(statement).execute(trx);
    }

    const { id: reportId } = await trx
      .insertInto('reports')
      .values(rows.reports![0] as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const table of CANONICAL_TABLES.filter(isReportChild)) {
      await insertAll(
        trx,
        table,
        (rows[table] ?? []).map((row) => stored(table, row, reportId)),
      );
    }
    await relinkYears(trx, departmentCode, [doc.year, doc.year + 1]);
    for (const statement of refreshReportFactsSql(String(Math.trunc(reportId))))
      await sql.raw(statement).execute(trx);
    return {
      status: existing ? 'replaced' : 'inserted',
      reportId,
      departmentCode,
      year: doc.year,
      dataQualityIssues: issues,
    };
  });
}
