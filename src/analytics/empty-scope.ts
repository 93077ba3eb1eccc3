import { sql } from 'kysely';
import { scopeFilter, DEFAULT_INCLUDE_SYNTHETIC, type Scope } from './scope.js';
import type { Reader } from './reader.js';

/** Why an answer over a scope is empty: a code for programs, a sentence in each language. */
export interface EmptyScopeReason {
  code:
    | 'NO_REPORTS'
    | 'NO_REPORTS_IN_YEARS'
    | 'NO_REPORTS_OF_DEPARTMENTS'
    | 'ONLY_SYNTHETIC'
    | 'NOTHING_FOUND';
  message: string;
  messageZh: string;
}

/** What an empty answer was looking for, in each language, to finish the NOTHING_FOUND sentence. */
export interface SoughtThing {
  en: string;
  zh: string;
}

function yearsText(scope: Scope): string {
  const { fromYear, toYear } = scope;
  if (fromYear != null && fromYear === toYear) return String(fromYear);
  if (fromYear != null && toYear != null) return `${fromYear}-${toYear}`;
  if (fromYear != null) return `${fromYear} onwards`;
  if (toYear != null) return `up to ${toYear}`;
  return 'any year';
}

function yearsTextZh(scope: Scope): string {
  const { fromYear, toYear } = scope;
  if (fromYear != null && fromYear === toYear) return `${fromYear}年`;
  if (fromYear != null && toYear != null) return `${fromYear}—${toYear}年`;
  if (fromYear != null) return `${fromYear}年及以后`;
  if (toYear != null) return `${toYear}年及以前`;
  return '各年度';
}

const list = (years: readonly number[]) => (years.length ? years.join(', ') : 'none');

/**
 * Says why a scope gave an empty answer, narrowing one part of the scope at a time: no reports
 * at all; none in the years asked (and which years have some); none of the departments asked in
 * those years (and their years); only synthetic reports while synthetic data is left out; or,
 * when the scope does hold reports, that none of them has what was sought. Three small
 * statements, run only for an empty answer.
 */
export async function explainEmptyScope(
  db: Reader,
  scope: Scope,
  sought: SoughtThing,
): Promise<EmptyScopeReason> {
  const yearsOf = async (part: Scope): Promise<number[]> => {
    const { rows } = await sql<{ year: number }>`
      SELECT DISTINCT r.year FROM reports r JOIN departments d ON d.code = r.department_code
      WHERE ${scopeFilter(part, { year: 'r.year', department: 'r.department_code', synthetic: 'd.synthetic' })}
      ORDER BY r.year`.execute(db);
    return rows.map((r) => Number(r.year));
  };
  const everyYear = await yearsOf({ includeSynthetic: true });
  if (everyYear.length === 0)
    return {
      code: 'NO_REPORTS',
      message: 'the database holds no reports yet: import some (see docs/operations.md)',
      messageZh: '数据库中尚无报告，请先导入报告',
    };
  const years = { fromYear: scope.fromYear, toYear: scope.toYear };
  const inYears = await yearsOf({ ...years, includeSynthetic: true });
  if (inYears.length === 0)
    return {
      code: 'NO_REPORTS_IN_YEARS',
      message: `no department has a report for ${yearsText(scope)}; years with reports: ${list(everyYear)}`,
      messageZh: `${yearsTextZh(scope)}没有任何部门的报告；有报告的年度：${everyYear.join('、')}`,
    };
  if (scope.departments != null) {
    const theirs = { departments: scope.departments, includeSynthetic: true };
    if ((await yearsOf({ ...years, ...theirs })).length === 0) {
      const their = await yearsOf(theirs);
      const codes = scope.departments.join(', ');
      return {
        code: 'NO_REPORTS_OF_DEPARTMENTS',
        message: `${codes}: no report for ${yearsText(scope)}; their years with reports: ${list(their)}`,
        messageZh: `${scope.departments.join('、')}在${yearsTextZh(scope)}没有报告；其有报告的年度：${their.length ? their.join('、') : '无'}`,
      };
    }
  }
  const includeSynthetic = scope.includeSynthetic ?? DEFAULT_INCLUDE_SYNTHETIC;
  if (!includeSynthetic && (await yearsOf({ ...scope, includeSynthetic: false })).length === 0)
    return {
      code: 'ONLY_SYNTHETIC',
      message: `only synthetic demo reports for ${yearsText(scope)}, and includeSynthetic is false`,
      messageZh: `${yearsTextZh(scope)}只有合成示例数据的报告，而 includeSynthetic 为 false`,
    };
  return {
    code: 'NOTHING_FOUND',
    message: `the scope (${yearsText(scope)}) holds reports, but none has ${sought.en}`,
    messageZh: `所选范围（${yearsTextZh(scope)}）内有报告，但没有${sought.zh}`,
  };
}
