import type { CorpusStatistics, YearStatistics } from '../analytics/corpus-statistics.js';
import { METRIC_NAMES } from '../analytics/metric-registry.js';
import { MAX_DEPARTMENTS } from '../analytics/scope.js';
import { ATTAINMENT_BANDS } from '../rules/attainment-band.js';
import { PROFILE_COMPONENTS } from '../rules/profile-weights.js';
import { BUNCHING_MIN_SHARE } from '../rules/thresholds.js';
import { enumLabelRows } from './enum-labels.js';

/**
 * What a field's size rule gets: the field's arguments (variables applied, defaults filled), the
 * corpus statistics, and what the parent field's rule handed down (`frame`).
 */
export interface SizeInput {
  args: Readonly<Record<string, unknown>>;
  stats: CorpusStatistics;
  frame: Readonly<Frame>;
}

/** Sizes a field works out for its children, e.g. the page size of a connection. */
export type Frame = Record<string, number>;

/** How many items a field returns (for an object field, 1), and what its children need to know. */
export interface Size {
  items: number;
  frame?: Frame;
}

export type SizeRule = (input: SizeInput) => Size;

/** Used for a list field without a rule (none in the schema: a test checks every list has one). */
export const FALLBACK_LIST_SIZE = 10;

/** Template families a group can mix (ReportTemplate). */
const TEMPLATE_FAMILIES = 2;

const int = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const list = (value: unknown): readonly unknown[] | undefined =>
  Array.isArray(value) ? value : undefined;

/** The years of the corpus within an inclusive range; open ends take every year. */
function yearsIn(stats: CorpusStatistics, from: unknown, to: unknown): YearStatistics[] {
  const a = int(from) ?? -Infinity;
  const b = int(to) ?? Infinity;
  return stats.years.filter((y) => y.year >= a && y.year <= b);
}

/**
 * The share of a per-year count that a list of departments covers: all of it without a list,
 * else the list's share of the departments (an average; a named department may have more).
 */
function departmentShare(stats: CorpusStatistics, departments: unknown): number {
  const named = list(departments);
  if (!named) return 1;
  return Math.min(1, new Set(named).size / Math.max(1, stats.departments));
}

/** Reports a scope covers: per year, every report, or the real ones, or at most one per department named. */
function reportsIn(
  years: readonly YearStatistics[],
  args: Readonly<Record<string, unknown>>,
): number {
  const named = list(args.departments);
  return years.reduce((n, y) => {
    const all = args.includeSynthetic === false ? y.realReports : y.reports;
    return n + (named ? Math.min(all, new Set(named).size) : all);
  }, 0);
}

/**
 * The entries lowTargetRisk ranks: a year's reports, or with `peersOf` one peer group's, taken
 * as an even share of them (the corpus statistics do not hold each group's size).
 */
function riskEntries(stats: CorpusStatistics, args: Readonly<Record<string, unknown>>): number {
  const reports = reportsIn(yearsIn(stats, args.year, args.year), args);
  if (args.peersOf == null) return reports;
  const groups =
    args.peerGroup === 'SECTOR' ? stats.sectors : args.peerGroup === 'LEVEL' ? stats.levels : 1;
  return Math.ceil(reports / Math.max(1, groups));
}

const sum = (years: readonly YearStatistics[], pick: (y: YearStatistics) => number) =>
  years.reduce((n, y) => n + pick(y), 0);

/** Items a `first:` argument allows, when there are `available`. */
const firstOf = (args: SizeInput['args'], fallback: number, available: number) =>
  Math.min(int(args.first) ?? fallback, available);

const perReport =
  (key: keyof CorpusStatistics['perReport']): SizeRule =>
  ({ stats }) => ({ items: stats.perReport[key] });

const fromFrame =
  (key: string): SizeRule =>
  ({ frame }) => ({ items: frame[key] ?? FALLBACK_LIST_SIZE });

/**
 * The target-setting signals (thresholdClustering, targetAmbition, copiedActuals): one answer
 * holding up to `first` departments, each with its years and, per department, about a report's
 * measures a year.
 */
const signalSize: SizeRule = ({ args, stats }) => {
  const years = yearsIn(stats, args.fromYear, args.toYear);
  const available =
    list(args.departments)?.length ??
    (args.includeSynthetic === false ? stats.realDepartments : stats.departments);
  return {
    items: 1,
    frame: {
      departments: firstOf(args, 100, available),
      years: years.length,
      measures: years.length * stats.perReport.measurable,
    },
  };
};

/**
 * The expected size of every list field, and of the object fields whose children depend on
 * their arguments, keyed by `Type.field`. Whole-scope analytics are sized from the corpus
 * statistics (departments, reports per year, findings per year), pages by their `first`, and a
 * report's lists by their mean length per report.
 */
export const SIZE_RULES: Readonly<Record<string, SizeRule>> = {
  'Query.years': ({ stats }) => ({ items: stats.years.length }),
  'Query.metrics': () => ({ items: METRIC_NAMES.length }),
  'Query.enumLabels': ({ args }) => ({
    items: enumLabelRows(typeof args.enum === 'string' ? args.enum : null).length,
  }),
  'Query.departments': ({ args, stats }) => {
    const available = args.includeSynthetic === false ? stats.realDepartments : stats.departments;
    return { items: 1, frame: { page: firstOf(args, 50, available) } };
  },
  'DepartmentConnection.nodes': fromFrame('page'),
  'DepartmentConnection.edges': fromFrame('page'),
  'Department.years': ({ stats }) => ({
    items: sum(stats.years, (y) => y.reports) / Math.max(1, stats.departments),
  }),
  'Department.reports': ({ args, stats }) => ({
    items:
      sum(yearsIn(stats, args.fromYear, args.toYear), (y) => y.reports) /
      Math.max(1, stats.departments),
  }),
  'Query.dataQuality': ({ args, stats }) => {
    const years = yearsIn(stats, args.year, args.year);
    const issues =
      sum(years, (y) => y.dataQualityIssues) * departmentShare(stats, args.departments);
    return { items: firstOf(args, 1000, issues) };
  },
  'Query.metricSeries': ({ args, stats }) => ({
    items: list(args.departments)?.length ?? Math.min(stats.departments, MAX_DEPARTMENTS),
    frame: { years: yearsIn(stats, args.fromYear, args.toYear).length },
  }),
  'MetricSeries.points': fromFrame('years'),
  'Query.benchmark': ({ args, stats }) => {
    const inYear = reportsIn(yearsIn(stats, args.year, args.year), { ...args, departments: null });
    const groups =
      args.peerGroup === 'SECTOR' ? stats.sectors : args.peerGroup === 'LEVEL' ? stats.levels : 1;
    return {
      items: 1,
      frame: { entries: Math.min(inYear, list(args.departments)?.length ?? inYear), groups },
    };
  },
  'Benchmark.entries': fromFrame('entries'),
  'Benchmark.entriesPage': ({ args, frame }) => ({
    items: 1,
    frame: { page: firstOf(args, 100, frame.entries ?? FALLBACK_LIST_SIZE) },
  }),
  'BenchmarkEntryPage.nodes': fromFrame('page'),
  'Benchmark.groups': fromFrame('groups'),
  'Benchmark.templates': () => ({ items: TEMPLATE_FAMILIES }),
  'Query.expenditureStructure': ({ args, stats }) => ({
    items: reportsIn(yearsIn(stats, args.year, args.year), args),
    frame: {
      parts:
        args.by === 'FUNCTION_CLASS'
          ? stats.perReport.expenditureByFunction
          : stats.perReport.expenditureByNature,
    },
  }),
  'ExpenditureStructure.parts': fromFrame('parts'),
  'Query.expenditureStructurePage': ({ args, stats }) => ({
    items: 1,
    frame: {
      page: firstOf(args, 100, reportsIn(yearsIn(stats, args.year, args.year), args)),
      parts:
        args.by === 'FUNCTION_CLASS'
          ? stats.perReport.expenditureByFunction
          : stats.perReport.expenditureByNature,
    },
  }),
  // The page's structures keep the frame: their parts are sized by it, as the whole list's are.
  'ExpenditureStructurePage.nodes': ({ frame }) => ({
    items: frame.page ?? FALLBACK_LIST_SIZE,
    frame,
  }),
  'Query.deductionTrends': ({ args, stats }) => {
    const years = yearsIn(stats, args.fromYear, args.toYear);
    const departments = Math.max(0, ...years.map((y) => reportsIn([y], args)));
    const keys =
      args.by === 'DEPARTMENT'
        ? departments
        : args.by === 'LEVEL2'
          ? stats.deductionGroups
          : stats.deductionItems;
    return {
      items: keys,
      frame: {
        years: years.length,
        repeated: args.by === 'DEPARTMENT' ? stats.repeatedItemsPerDepartment : 0,
      },
    };
  },
  'DeductionTrend.points': fromFrame('years'),
  'DeductionTrend.repeatedItems': fromFrame('repeated'),
  'DeductionTrend.templates': () => ({ items: TEMPLATE_FAMILIES }),
  'Query.overshootIndicators': ({ args, stats }) => {
    // CHRONIC repeats a RATIO or CEILING finding of two years running: at most as many again.
    const findings =
      2 *
      sum(yearsIn(stats, args.fromYear, args.toYear), (y) => y.overshootFindings) *
      departmentShare(stats, args.departments);
    return { items: firstOf(args, 100, findings) };
  },
  'Query.targetRatchet': ({ args, stats }) => ({
    items:
      sum(yearsIn(stats, args.fromYear, args.toYear), (y) => y.ratchetFailures) *
      departmentShare(stats, args.departments),
  }),
  'Query.targetRatchetPage': ({ args, stats }) => ({
    items: 1,
    frame: {
      page: firstOf(
        args,
        100,
        sum(yearsIn(stats, args.fromYear, args.toYear), (y) => y.ratchetFailures) *
          departmentShare(stats, args.departments),
      ),
    },
  }),
  'TargetRatchetPage.nodes': fromFrame('page'),
  'Query.lowTargetRisk': ({ args, stats }) => ({ items: riskEntries(stats, args) }),
  'Query.lowTargetRiskPage': ({ args, stats }) => ({
    items: 1,
    frame: { page: firstOf(args, 100, riskEntries(stats, args)) },
  }),
  'LowTargetRiskPage.nodes': fromFrame('page'),
  'DepartmentTargetRisk.measures': perReport('measurable'),
  'Query.thresholdClustering': signalSize,
  'ThresholdClustering.bands': () => ({ items: ATTAINMENT_BANDS.length }),
  'ThresholdClustering.departments': ({ frame }) => ({ items: frame.departments ?? 1, frame }),
  'DepartmentClustering.years': fromFrame('years'),
  // Findings are the just-above measures of bunching years: at most a share of the measures.
  'DepartmentClustering.findings': ({ frame }) => ({
    items: (frame.measures ?? FALLBACK_LIST_SIZE) * BUNCHING_MIN_SHARE,
  }),
  'ClusteringYear.bands': () => ({ items: ATTAINMENT_BANDS.length }),
  'Query.targetAmbition': signalSize,
  'TargetAmbition.departments': ({ frame }) => ({ items: frame.departments ?? 1, frame }),
  'DepartmentAmbition.years': fromFrame('years'),
  // A step per comparable measure and year; findings are some of the steps.
  'DepartmentAmbition.steps': fromFrame('measures'),
  'DepartmentAmbition.findings': fromFrame('measures'),
  // Copied rows and findings are some of the key indicators of the years asked.
  'Query.copiedActuals': (input) => {
    const size = signalSize(input);
    const years = yearsIn(input.stats, input.args.fromYear, input.args.toYear).length;
    return {
      ...size,
      frame: { ...size.frame, indicators: years * input.stats.perReport.indicators },
    };
  },
  'CopiedActuals.departments': ({ frame }) => ({ items: frame.departments ?? 1, frame }),
  'DepartmentCopiedActuals.years': fromFrame('years'),
  'DepartmentCopiedActuals.rows': fromFrame('indicators'),
  'DepartmentCopiedActuals.findings': fromFrame('indicators'),
  // A profile per department-year of up to `first` departments, each with its four components.
  'Query.targetSettingProfile': signalSize,
  'TargetSettingProfiles.weights': () => ({ items: PROFILE_COMPONENTS.length }),
  'TargetSettingProfiles.profiles': ({ frame }) => ({
    items: (frame.departments ?? 1) * (frame.years ?? 1),
  }),
  'TargetSettingProfile.components': () => ({ items: PROFILE_COMPONENTS.length }),
  'TargetSettingProfile.missingComponents': () => ({ items: PROFILE_COMPONENTS.length }),
  'ProfileComponentFindings.rules': () => ({ items: 3 }),
  'RiskMeasure.rules': () => ({ items: 1 }),
  'IndicatorMeasure.flags': () => ({ items: 1 }),
  'PerformanceIndicator.measures': ({ stats }) => ({ items: stats.measuresPerIndicator }),
  'ProblemItem.topics': ({ stats }) => ({ items: stats.topicsPerProblem }),
  'Report.revenueBudget': perReport('revenueBudget'),
  'Report.expenditureByFunction': perReport('expenditureByFunction'),
  'Report.keyTasks': perReport('keyTasks'),
  'Report.indicators': perReport('indicators'),
  'Report.managementScores': perReport('managementScores'),
  'Report.deductions': perReport('deductions'),
  'Report.goals': perReport('goals'),
  'Report.problems': perReport('problems'),
  'Report.problemItems': perReport('problems'),
  'Report.improvements': perReport('improvements'),
  'Report.statedFigures': perReport('statedFigures'),
  'Report.dataQuality': perReport('dataQuality'),
};
