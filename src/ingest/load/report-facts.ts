/**
 * Statements that recompute the derived `report_facts` rows of some reports from their
 * definition (`report_facts_source`, sql/005): run in the transaction that changed the reports.
 * `reportIds` is a SQL subquery or list of ids (never user input).
 */
export function refreshReportFactsSql(reportIds: string): string[] {
  return [
    `DELETE FROM report_facts WHERE report_id IN (${reportIds})`,
    `INSERT INTO report_facts SELECT * FROM report_facts_source WHERE report_id IN (${reportIds})`,
  ];
}
