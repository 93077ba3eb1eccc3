import type { Selectable } from 'kysely';
import type { DataQualityIssuesTable, Severity } from '../db/tables.js';
import { checkScope, scopeFilter, type Scope } from './scope.js';
import type { Reader } from './reader.js';

export interface DataQualityArgs extends Pick<Scope, 'departments'> {
  year?: number | null;
  minSeverity?: Severity | null;
  first?: number;
}

const RANK: Record<Severity, number> = { INFO: 0, WARNING: 1, ERROR: 2 };

/**
 * Reconciliation findings across the corpus, most severe first, then by department and year.
 * One statement.
 */
export async function dataQualityIssues(
  db: Reader,
  args: DataQualityArgs,
): Promise<Selectable<DataQualityIssuesTable>[]> {
  const scope = { fromYear: args.year, toYear: args.year, departments: args.departments };
  await checkScope(db, scope);
  let query = db
    .selectFrom('data_quality_issues')
    .selectAll()
    .where(scopeFilter(scope, { year: 'year', department: 'department_code' }));
  if (args.minSeverity) {
    const allowed = (Object.keys(RANK) as Severity[]).filter(
      (s) => RANK[s] >= RANK[args.minSeverity!],
    );
    query = query.where('severity', 'in', allowed);
  }
  return query
    .orderBy((eb) =>
      eb
        .case()
        .when('severity', '=', 'ERROR')
        .then(0)
        .when('severity', '=', 'WARNING')
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('department_code')
    .orderBy('year')
    .orderBy('seq')
    .limit(args.first ?? 1000)
    .execute();
}
