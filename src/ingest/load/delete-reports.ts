import { CANONICAL_TABLES, isReportChild } from '../canonical-tables.js';

/**
 * Statements that delete reports with every part and derived row of theirs, children first.
 * `reportIds` is a SQL subquery or list of ids (never user input). Shared by the single-report
 * loader (replace) and the bulk import (replace), so neither forgets a table.
 */
export function deleteReportsSql(reportIds: string): string[] {
  return [
    ...CANONICAL_TABLES.filter(isReportChild).map(
      (table) => `DELETE FROM ${table} WHERE report_id IN (${reportIds})`,
    ),
    `DELETE FROM report_facts WHERE report_id IN (${reportIds})`,
    `DELETE FROM reports WHERE id IN (${reportIds})`,
  ];
}
