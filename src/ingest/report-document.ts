import type { Decimal, NatureCategory, ReportTemplate } from '../db/tables.js';

/** A figure with the line of the source text it was read from. */
export interface StatedFigure {
  /** Stable name, e.g. `revenue_total`, `basic_share`, `execution_rate`. */
  name: string;
  value: Decimal;
  unit: '万元' | '%';
  line: number;
  /**
   * Decimals as printed (2 for `97.00%`), which `value` loses with its trailing zeros: a stated
   * percentage matches a computed ratio rounded to these. Absent for a figure not read from a
   * text; then the value's own decimals count.
   */
  decimals?: number;
}

/** An amount by functional class (功能分类). */
export interface FunctionAmount {
  functionClass: string;
  /** 政府收支分类科目 class code (e.g. 201), when the class is a known one. */
  functionCode: string | null;
  amount: Decimal;
  line: number;
}

/** 年初预算数 / 全年预算数 / 决算数 of one category of 表2. */
export interface StageAmounts {
  initialBudget: Decimal | null;
  fullYearBudget: Decimal | null;
  final: Decimal | null;
  /** The line of the table row the amounts were read from; absent where they come from prose. */
  line?: number;
}

/** 表1: one key task. */
export interface KeyTask {
  seq: number;
  name: string;
  targetText: string;
  actualText: string;
}

/** 表3: one key duty indicator, texts as printed (whitespace from line breaks removed). */
export interface IndicatorRow {
  seq: number;
  name: string;
  targetText: string;
  actualText: string;
  line: number;
}

/** 表4: one level-3 management-efficiency row. */
export interface ManagementScoreRow {
  seq: number;
  level1: string;
  level2: string;
  level3: string;
  weight: Decimal;
  score: Decimal;
  /** 得分率 as printed, in percent (33.33 for 33.33%). */
  scoreRate: Decimal | null;
  /** Decimals of 得分率 as printed (2 for `98.00%`); absent, the value's own (see StatedFigure). */
  scoreRateDecimals?: number;
  line: number;
}

/** Points lost (扣分), with where they were found. */
export interface Deduction {
  part: 'DUTY' | 'MANAGEMENT';
  item: string | null;
  level2: string | null;
  reason: string | null;
  points: Decimal;
  source: 'PARAGRAPH' | 'TABLE' | 'BOTH';
  /** The line of the scored row the points were read from; absent for a paragraph's alone. */
  line?: number;
}

/** Points scored out of the points available, for one part of the self-score. */
export interface ScorePart {
  score: Decimal;
  weight: Decimal;
}

/**
 * Self-score. In the Guangzhou template, total = duty (履职效能) + management (管理效率); a
 * national-framework report scores 100 points in one table and has neither part (null).
 */
export interface SelfScore {
  total: Decimal;
  totalWeight: Decimal;
  duty: ScorePart | null;
  management: ScorePart | null;
}

/**
 * The template family a report follows (docs/domain.md, "Other templates"): Guangzhou's
 * 履职效能 + 管理效率, or the national common framework of 财预〔2013〕53号 (投入/过程/产出/效果).
 */

/** A parsing remark that is not fatal (e.g. a paragraph deduction matching no table row). */
export interface ParseNote {
  check: string;
  severity: 'INFO' | 'WARNING' | 'ERROR';
  message: string;
  expected: Decimal | null;
  actual: Decimal | null;
  /** For a section that was not found at all: its Chinese name (what `validate` reports missing). */
  missingSection?: string;
}

/** Everything jixiao reads from one report, before it is stored. */
export interface ReportDocument {
  sourceFile: string;
  template: ReportTemplate;
  /**
   * Line numbers at which pages 1, 2, 3 … of the source begin (`pageStarts[0]` is page 1's first
   * line); null when the text marks no pages. See pageOfLine.
   */
  pageStarts: readonly number[] | null;
  year: number;
  departmentName: string;
  title: string;
  dutiesText: string;
  overviewText: string;
  keyTasks: KeyTask[];
  goals: string[];
  revenueByFunction: FunctionAmount[];
  expenditureByFunction: FunctionAmount[];
  byNature: Record<NatureCategory, StageAmounts>;
  statedFigures: StatedFigure[];
  performanceText: string;
  evaluationText: string;
  score: SelfScore;
  indicators: IndicatorRow[];
  managementScores: ManagementScoreRow[];
  deductions: Deduction[];
  problems: string[];
  improvements: string[];
  notes: ParseNote[];
}

/** The page of a source line, from the document's page starts; null when pages are unknown. */
export function pageOfLine(doc: Pick<ReportDocument, 'pageStarts'>, line: number): number | null {
  if (!doc.pageStarts) return null;
  let page = 0;
  while (page < doc.pageStarts.length && doc.pageStarts[page]! <= line) page += 1;
  return page === 0 ? null : page;
}
