import type { Generated } from 'kysely';

/**
 * Row types of the tables in `sql/`, as the driver returns them: DECIMAL columns arrive as exact
 * decimal strings (see value-mapper.ts) and are written from decimal strings too.
 */
export type Decimal = string;

export type DepartmentLevel = 'PROVINCIAL' | 'MUNICIPAL' | 'DISTRICT' | 'COUNTY';
export type NatureCategory = 'TOTAL' | 'BASIC' | 'PERSONNEL' | 'PUBLIC' | 'PROJECT';
export type ScorePart = 'DUTY' | 'MANAGEMENT';
export type Severity = 'INFO' | 'WARNING' | 'ERROR';
/** docs/domain.md, "Other templates". */
export type ReportTemplate = 'GUANGZHOU' | 'NATIONAL_53';

export interface DepartmentsTable {
  code: string;
  name: string;
  sector: string | null;
  level: DepartmentLevel;
  synthetic: boolean;
}

export interface DepartmentAliasesTable {
  alias: string;
  department_code: string;
}

export interface ReportsTable {
  id: Generated<number>;
  department_code: string;
  year: number;
  title: string;
  synthetic: boolean;
  source_file: string;
  content_sha256: string;
  duties_text: string;
  overview_text: string;
  performance_text: string;
  evaluation_text: string;
  revenue_total: Decimal | null;
  full_year_budget: Decimal | null;
  final_total: Decimal | null;
  total_score: Decimal;
  total_weight: Decimal;
  /** The template family (sql/007); the parts below are NULL where the template has none. */
  template: Generated<ReportTemplate>;
  duty_score: Decimal | null;
  duty_weight: Decimal | null;
  management_score: Decimal | null;
  management_weight: Decimal | null;
  ingested_at: Generated<string>;
}

interface ReportChild {
  report_id: number;
  year: number;
}

export interface TextItemTable extends ReportChild {
  seq: number;
  text: string;
}

/** Where a row was read (sql/006): the source line and, where the text marks pages, the page. */
export interface SourcePlace {
  line: number | null;
  page: number | null;
}

export interface FunctionAmountTable extends ReportChild, SourcePlace {
  seq: number;
  function_class: string;
  function_code: string | null;
  amount: Decimal;
}

export interface ExpenditureByNatureTable extends ReportChild, SourcePlace {
  category: NatureCategory;
  initial_budget: Decimal | null;
  full_year_budget: Decimal | null;
  final: Decimal | null;
}

export interface StatedFiguresTable extends ReportChild {
  name: string;
  value: Decimal;
  unit: string;
  line: number;
  page: number | null;
}

export interface KeyTasksTable extends ReportChild {
  seq: number;
  name: string;
  target_text: string;
  actual_text: string;
}

export interface IndicatorsTable extends ReportChild, SourcePlace {
  seq: number;
  name: string;
  target_text: string;
  actual_text: string;
  indicator_key: string | null;
  understood: boolean | null;
  not_understood_reason: string | null;
}

export interface ProblemsTable extends TextItemTable {
  topics: string[] | null;
}

export interface ManagementScoresTable extends ReportChild, SourcePlace {
  seq: number;
  level1: string;
  level2: string;
  level3: string;
  weight: Decimal;
  score: Decimal;
  score_rate: Decimal | null;
}

export interface DeductionsTable extends ReportChild, SourcePlace {
  seq: number;
  part: ScorePart;
  item: string | null;
  level2: string | null;
  reason: string | null;
  points: Decimal;
  source: 'PARAGRAPH' | 'TABLE' | 'BOTH';
}

export interface DataQualityIssuesTable extends ReportChild {
  department_code: string;
  seq: number;
  check_name: string;
  severity: Severity;
  message: string;
  expected: Decimal | null;
  actual: Decimal | null;
}

/** Every table Kysely may query. */
export interface Database {
  departments: DepartmentsTable;
  department_aliases: DepartmentAliasesTable;
  reports: ReportsTable;
  goals: TextItemTable;
  revenue_by_function: FunctionAmountTable;
  expenditure_by_function: FunctionAmountTable;
  expenditure_by_nature: ExpenditureByNatureTable;
  stated_figures: StatedFiguresTable;
  key_tasks: KeyTasksTable;
  indicators: IndicatorsTable;
  management_scores: ManagementScoresTable;
  deductions: DeductionsTable;
  problems: ProblemsTable;
  improvements: TextItemTable;
  data_quality_issues: DataQualityIssuesTable;
  report_facts: ReportFactsTable;
  indicator_measures: IndicatorMeasuresTable;
  indicator_links: IndicatorLinksTable;
  measure_links: MeasureLinksTable;
}

/** `report_facts` (sql/005): one row per report, derived at import from `report_facts_source`; ratios as numbers. */
export interface ReportFactsTable {
  report_id: number;
  department_code: string;
  year: number;
  synthetic: boolean;
  total_initial: Decimal | null;
  total_full_year: Decimal | null;
  total_final: Decimal | null;
  basic_final: Decimal | null;
  personnel_final: Decimal | null;
  public_final: Decimal | null;
  project_final: Decimal | null;
  basic_share: number | null;
  project_share: number | null;
  personnel_share: number | null;
  execution_rate: number | null;
  budget_adjustment: number | null;
  total_score: Decimal;
  duty_score: Decimal | null;
  management_score: Decimal | null;
  deduction_points: Decimal;
  measurable: number;
  overshooting: number;
  overshoot_share: number | null;
}

export interface IndicatorMeasuresTable {
  report_id: number;
  year: number;
  seq: number;
  measure_index: number;
  comparator: string;
  target: number | null;
  target_high: number | null;
  actual: number | null;
  unit: string | null;
  unit_kind: string | null;
  direction: string;
  confidence: string;
  actual_kind: string;
  target_source: string;
  actual_source: string | null;
  attainment: number | null;
  evidence: boolean;
  ceiling: boolean;
}

export interface IndicatorLinksTable {
  report_id: number;
  year: number;
  seq: number;
  previous_year: number;
  previous_seq: number;
  score: number;
  matched_by: string;
}

export interface MeasureLinksTable {
  report_id: number;
  year: number;
  seq: number;
  measure_index: number;
  previous_seq: number;
  previous_measure_index: number;
  previous_actual: number | null;
  ratchet_failure: boolean;
}
