/** A request an analytic cannot answer as asked (bad range, too many departments): the user's to fix. */
export class AnalyticsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalyticsInputError';
  }
}

/** Most departments one analytic call takes by list, or returns when none is named. */
export const MAX_DEPARTMENTS = 500;

/** Checks a year range and a department list as users pass them. */
export function checkScope(scope: {
  fromYear?: number | null;
  toYear?: number | null;
  departments?: readonly string[] | null;
}): void {
  const { fromYear, toYear, departments } = scope;
  if (fromYear != null && toYear != null && fromYear > toYear) {
    throw new AnalyticsInputError(`fromYear ${fromYear} is after toYear ${toYear}`);
  }
  for (const year of [fromYear, toYear]) {
    if (year != null && (year < 1990 || year > 2100))
      throw new AnalyticsInputError(`year ${year} is out of range 1990-2100`);
  }
  if (departments && departments.length > MAX_DEPARTMENTS) {
    throw new AnalyticsInputError(
      `at most ${MAX_DEPARTMENTS} departments per request, got ${departments.length}`,
    );
  }
}
