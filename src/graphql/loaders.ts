import DataLoader from 'dataloader';
import { departmentsByCode } from '../analytics/departments.js';
import {
  childRows,
  measuresByReport,
  reportsById,
  reportsOfDepartments,
  sharesByReport,
} from '../analytics/report-parts.js';
import type { Reader } from '../analytics/reader.js';

/**
 * Per-request DataLoaders: every nested field loads through one of these, so a level of the
 * query costs one SQL statement whatever the number of parents (docs/architecture.md: N+1 never).
 */
export function createLoaders(db: Reader) {
  const child = <T extends Parameters<typeof childRows>[1]>(table: T) =>
    new DataLoader((ids: readonly number[]) => childRows(db, table, ids));
  return {
    department: new DataLoader((codes: readonly string[]) => departmentsByCode(db, codes)),
    report: new DataLoader((ids: readonly number[]) => reportsById(db, ids)),
    /** All reports of a department; year ranges are filtered in memory from this one list. */
    reportsOfDepartment: new DataLoader(async (codes: readonly string[]) => {
      const rows = await reportsOfDepartments(db, codes);
      return codes.map((code) => rows.filter((r) => r.department_code === code));
    }),
    shares: new DataLoader((ids: readonly number[]) => sharesByReport(db, ids)),
    goals: child('goals'),
    revenueByFunction: child('revenue_by_function'),
    expenditureByFunction: child('expenditure_by_function'),
    expenditureByNature: child('expenditure_by_nature'),
    statedFigures: child('stated_figures'),
    keyTasks: child('key_tasks'),
    indicators: child('indicators'),
    managementScores: child('management_scores'),
    deductions: child('deductions'),
    problems: child('problems'),
    improvements: child('improvements'),
    dataQuality: child('data_quality_issues'),
    measures: new DataLoader((ids: readonly number[]) => measuresByReport(db, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
