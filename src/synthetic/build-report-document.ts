/**
 * Assembles the ReportDocument of one synthetic department-year (synthetic demo data) from its
 * planned parts, in exactly the canonical form `parseReport` produces: compact texts, decimals
 * as `parseDecimal` writes them (`5781.2`, `1580`), stated figures in the parser's order, and
 * deductions in the parser's order (duty first, then table-4 rows in table order). Line numbers
 * are 0: they belong to a rendering, not to the document.
 */
import type { NatureCategory } from '../db/tables.js';
import { functionClass } from '../ingest/report/function-classes.js';
import type {
  Deduction,
  FunctionAmount,
  IndicatorRow,
  KeyTask,
  ManagementScoreRow,
  ReportDocument,
  StageAmounts,
  StatedFigure,
} from '../ingest/report-document.js';
import type { BudgetYear, ClassCents } from './budget-figures.js';
import { centsToDecimal, formatCents } from './cents.js';
import type { DepartmentProfile } from './department-catalog.js';
import type { ScoredRow } from './management-scores.js';
import type { ReportTexts } from './report-texts.js';

/** Everything planned for one department-year. */
export interface ReportParts {
  profile: DepartmentProfile;
  year: number;
  budget: BudgetYear;
  /** Points lost on duty (履职效能), in hundredths, for an execution rate below 100 %. */
  dutyLost: number;
  management: readonly ScoredRow[];
  indicators: readonly Omit<IndicatorRow, 'line'>[];
  keyTasks: readonly KeyTask[];
  texts: ReportTexts;
}

const NATURE: readonly NatureCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'];
const PART_WEIGHT = 5000;

function amounts(list: readonly ClassCents[]): FunctionAmount[] {
  return list.map((c) => {
    const cls = functionClass(c.functionClass);
    return {
      functionClass: cls.name,
      functionCode: cls.code,
      amount: centsToDecimal(c.cents),
      line: 0,
    };
  });
}

function statedFigures(budget: BudgetYear): StatedFigure[] {
  const total = budget.byNature.TOTAL;
  const money = (name: string, cents: number): StatedFigure => ({
    name,
    value: centsToDecimal(cents),
    unit: '万元',
    line: 0,
  });
  const percent = (name: string, hundredths: number): StatedFigure => ({
    name,
    value: centsToDecimal(hundredths),
    unit: '%',
    line: 0,
  });
  // The order in which parseBudgetProse lists them.
  return [
    money('revenue_total', total.initial),
    money('full_year_budget', total.fullYear),
    money('final_total', total.final),
    percent('spending_progress', budget.executionRate),
    percent('execution_rate', budget.executionRate),
    money('scale_final_total', total.final),
    money('basic_final', budget.byNature.BASIC.final),
    percent('basic_share', budget.basicShare),
    money('project_final', budget.byNature.PROJECT.final),
    percent('project_share', budget.projectShare),
  ];
}

/** 得分率 in hundredths of a percent, rounded half up (1 of 3 → 33.33). */
function scoreRate(score: number, weight: number): number {
  return Math.round((score * 10000) / weight);
}

/** The duty deduction's reason as the paragraph states it (execution rate below 100 %). */
function dutyReason(executionRate: number): string {
  return `一般公共预算年度平均支出执行率为${formatCents(executionRate, { separators: false })}%，未达到100%`;
}

/** Builds the document of one synthetic department-year. */
export function buildReportDocument(parts: ReportParts): ReportDocument {
  const { profile, year, budget, management } = parts;
  const name = profile.entry.name;
  const managementLost = management.reduce((sum, r) => sum + r.weight - r.score, 0);
  const byNature = Object.fromEntries(
    NATURE.map((c): [NatureCategory, StageAmounts] => [
      c,
      {
        initialBudget: centsToDecimal(budget.byNature[c].initial),
        fullYearBudget: centsToDecimal(budget.byNature[c].fullYear),
        final: centsToDecimal(budget.byNature[c].final),
      },
    ]),
  ) as Record<NatureCategory, StageAmounts>;
  const deductions: Deduction[] = [];
  if (parts.dutyLost > 0) {
    deductions.push({
      part: 'DUTY',
      item: null,
      level2: null,
      reason: dutyReason(budget.executionRate),
      points: centsToDecimal(parts.dutyLost),
      source: 'PARAGRAPH',
    });
  }
  for (const row of management) {
    if (row.score === row.weight) continue;
    deductions.push({
      part: 'MANAGEMENT',
      item: row.level3,
      level2: row.level2,
      reason: row.reason,
      points: centsToDecimal(row.weight - row.score),
      source: row.reason === null ? 'TABLE' : 'BOTH',
    });
  }
  const managementScores: ManagementScoreRow[] = management.map((row, i) => ({
    seq: i + 1,
    level1: '管理效率',
    level2: row.level2,
    level3: row.level3,
    weight: centsToDecimal(row.weight),
    score: centsToDecimal(row.score),
    scoreRate: centsToDecimal(scoreRate(row.score, row.weight)),
    line: 0,
  }));
  return {
    sourceFile: `synthetic/${profile.entry.code}/${year}.txt`,
    // Built from numbers, not read from a text: no page and no line (line 0) to point at.
    pageStarts: null,
    template: 'GUANGZHOU',
    year,
    departmentName: name,
    title: `${year}年度${name}部门整体支出绩效自评报告`,
    dutiesText: parts.texts.dutiesText,
    overviewText: parts.texts.overviewText,
    keyTasks: [...parts.keyTasks],
    goals: parts.texts.goals,
    revenueByFunction: amounts(budget.revenue),
    expenditureByFunction: amounts(budget.expenditure),
    byNature,
    statedFigures: statedFigures(budget),
    performanceText: parts.texts.performanceText,
    evaluationText: parts.texts.evaluationText,
    score: {
      total: centsToDecimal(2 * PART_WEIGHT - parts.dutyLost - managementLost),
      totalWeight: '100',
      duty: { score: centsToDecimal(PART_WEIGHT - parts.dutyLost), weight: '50' },
      management: { score: centsToDecimal(PART_WEIGHT - managementLost), weight: '50' },
    },
    indicators: parts.indicators.map((row) => ({ ...row, line: 0 })),
    managementScores,
    deductions,
    problems: parts.texts.problems,
    improvements: parts.texts.improvements,
    notes: [],
  };
}
