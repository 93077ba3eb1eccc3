import DataLoader from 'dataloader';
import type { DepartmentSource } from '../analytics/department-directory.js';
import { departmentsByCode, reportYearsOfDepartments } from '../analytics/departments.js';
import {
  childRows,
  measuresByReport,
  reportsById,
  reportsOfDepartments,
  sharesByReport,
} from '../analytics/report-parts.js';
import {
  measureRefKey,
  previousYearMeasures,
  type MeasureRef,
} from '../analytics/previous-year-rows.js';
import type { Reader } from '../analytics/reader.js';
import type { RequestBudget } from './request-budget.js';

/**
 * Per-request DataLoaders: every nested field loads through one of these, so a level of the
 * query costs one SQL statement whatever the number of parents (docs/architecture.md: N+1 never).
 *
 * The request's budget paces the items of long lists over turns of the event loop
 * (event-loop-pacer.ts); a batch is dispatched once they have all been let through, so that it
 * holds the keys of the whole list rather than of one turn's hundred. With `departments` (a
 * published snapshot's directory, analytics/department-directory.ts) departments are looked up
 * in memory instead of read per request.
 */
export function createLoaders(db: Reader, budget: RequestBudget, departments?: DepartmentSource) {
  const options = { batchScheduleFn: (dispatch: () => void) => budget.whenPaced(dispatch) };
  const loader = <K, V>(load: (keys: readonly K[]) => Promise<V[]>) =>
    new DataLoader<K, V>(load, options);
  const child = <T extends Parameters<typeof childRows>[1]>(table: T) =>
    loader((ids: readonly number[]) => childRows(db, table, ids));
  return {
    department: loader(async (codes: readonly string[]) => {
      if (!departments) return departmentsByCode(db, codes);
      const directory = await departments();
      return codes.map((code) => directory.get(code) ?? null);
    }),
    report: loader((ids: readonly number[]) => reportsById(db, ids)),
    /** All reports of a department; year ranges are filtered in memory from this one list. */
    reportsOfDepartment: loader(async (codes: readonly string[]) => {
      const rows = await reportsOfDepartments(db, codes);
      return codes.map((code) => rows.filter((r) => r.department_code === code));
    }),
    /** The years a department has reports for, without the reports (Department.years). */
    reportYears: loader((codes: readonly string[]) => reportYearsOfDepartments(db, codes)),
    shares: loader((ids: readonly number[]) => sharesByReport(db, ids)),
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
    measures: loader((ids: readonly number[]) => measuresByReport(db, ids)),
    /** Last year's measure each measure asked was paired with (finding explanations). */
    previousYear: new DataLoader((refs: readonly MeasureRef[]) => previousYearMeasures(db, refs), {
      ...options,
      cacheKeyFn: measureRefKey,
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
