/**
 * A deterministic, seeded synthetic demo corpus (issue 3): fictitious departments of 示例市 and
 * its fictitious districts, with ten years of self-evaluation reports as ReportDocuments and the
 * ground truth of the "target set too low" rules for every measurable indicator measure. All of
 * it is synthetic demo data, labelled so in names (示例市), in flags (`synthetic: true`) and in
 * source file names (`synthetic/…`); none of it describes a real department.
 */
import type { DepartmentEntry } from '../ingest/load/department-registry.js';
import { departmentCatalog } from './department-catalog.js';
import { departmentHistory } from './department-history.js';
import type { GeneratedReport, IndicatorTruth, SyntheticReport } from './generated-report.js';

/** What to generate: same options, same corpus. */
export interface CorpusOptions {
  seed: number;
  departments: number;
  fromYear: number;
  toYear: number;
}

/** The whole synthetic corpus. */
export interface SyntheticCorpus {
  departments: DepartmentEntry[];
  reports: SyntheticReport[];
  truth: IndicatorTruth[];
}

function years(options: CorpusOptions): number[] {
  const { seed, fromYear, toYear } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(
      `years must be integers with fromYear <= toYear, got ${fromYear}-${toYear}`,
    );
  }
  if (fromYear < 2000 || toYear > 2100) {
    throw new RangeError(`years must lie within 2000-2100, got ${fromYear}-${toYear}`);
  }
  return Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
}

/** The synthetic departments of a corpus (registry entries, all flagged synthetic). */
export function generateDepartments(options: CorpusOptions): DepartmentEntry[] {
  years(options);
  return departmentCatalog(options.departments).map((p) => p.entry);
}

/** A slice of the corpus's departments, by position: `from` included, `to` excluded. */
export interface DepartmentRange {
  from: number;
  to: number;
}

/**
 * Yields the corpus's reports one by one, department by department and year by year, each with
 * its ground truth: for corpora too large to hold at once. With `range`, only the reports of
 * those departments, exactly as the whole corpus holds them: a department's reports depend on
 * the seed and its own code, never on the departments before it, so shards can be generated
 * apart and put together again.
 */
export function* generateReports(
  options: CorpusOptions,
  range: DepartmentRange = { from: 0, to: options.departments },
): Generator<GeneratedReport, void, undefined> {
  const span = years(options);
  for (const profile of departmentCatalog(options.departments).slice(range.from, range.to)) {
    yield* departmentHistory(profile, options.seed, span);
  }
}

/** Same options, same corpus, byte for byte. */
export function generateCorpus(options: CorpusOptions): SyntheticCorpus {
  const reports: SyntheticReport[] = [];
  const truth: IndicatorTruth[] = [];
  for (const generated of generateReports(options)) {
    reports.push({ departmentCode: generated.departmentCode, document: generated.document });
    for (const t of generated.truth) truth.push(t);
  }
  return { departments: generateDepartments(options), reports, truth };
}
