import type { NatureCategory } from '../../db/tables.js';
import type { CanonicalRows } from '../canonical-tables.js';
import { readIndicators, type IndicatorReading } from '../indicator/indicator-facts.js';
import { problemTopics } from '../report/problem-topics.js';
import { pageOfLine, type ReportDocument } from '../report-document.js';
import { reportFindings } from './report-findings.js';

/** A row's source line and page; a document built from numbers has line 0 there: no place. */
function placeOf(doc: ReportDocument, line: number): { line: number | null; page: number | null } {
  return line > 0 ? { line, page: pageOfLine(doc, line) } : { line: null, page: null };
}

export interface ReportRowsInput {
  doc: ReportDocument;
  departmentCode: string;
  contentSha256: string;
  synthetic: boolean;
}

export interface ReportRows {
  rows: CanonicalRows;
  readings: IndicatorReading[];
}

const CATEGORIES: readonly NatureCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'];

/**
 * Everything stored for one report, as canonical rows: the parsed parts, the indicator measures
 * read by the normaliser, problem topics and the data-quality findings (reportFindings). Pure:
 * the single-report loader and the corpus writer both build their rows here, so a report means
 * the same in both.
 */
export function reportRows({
  doc,
  departmentCode,
  contentSha256,
  synthetic,
}: ReportRowsInput): ReportRows {
  const key = { department_code: departmentCode, year: doc.year };
  const stated = new Map(doc.statedFigures.map((f) => [f.name, f.value]));
  const s = doc.score;
  const readings = readIndicators(doc.indicators);
  const texts = (items: readonly string[]) =>
    items.map((text, i) => ({ ...key, seq: i + 1, text }));
  const amounts = (items: ReportDocument['revenueByFunction']) =>
    items.map((r, i) => ({
      ...key,
      seq: i + 1,
      function_class: r.functionClass,
      function_code: r.functionCode,
      amount: r.amount,
      ...placeOf(doc, r.line),
    }));
  const rows: CanonicalRows = {
    reports: [
      {
        ...key,
        title: doc.title,
        synthetic,
        source_file: doc.sourceFile,
        content_sha256: contentSha256,
        duties_text: doc.dutiesText,
        overview_text: doc.overviewText,
        performance_text: doc.performanceText,
        evaluation_text: doc.evaluationText,
        revenue_total: stated.get('revenue_total') ?? null,
        full_year_budget: stated.get('full_year_budget') ?? null,
        final_total: stated.get('final_total') ?? null,
        total_score: s.total,
        total_weight: s.totalWeight,
        template: doc.template,
        duty_score: s.duty?.score ?? null,
        duty_weight: s.duty?.weight ?? null,
        management_score: s.management?.score ?? null,
        management_weight: s.management?.weight ?? null,
      },
    ],
    goals: texts(doc.goals),
    problems: doc.problems.map((text, i) => ({
      ...key,
      seq: i + 1,
      text,
      topics: problemTopics(text),
    })),
    improvements: texts(doc.improvements),
    revenue_by_function: amounts(doc.revenueByFunction),
    expenditure_by_function: amounts(doc.expenditureByFunction),
    expenditure_by_nature: CATEGORIES.map((category) => {
      const a = doc.byNature[category];
      return {
        ...key,
        category,
        initial_budget: a.initialBudget,
        full_year_budget: a.fullYearBudget,
        final: a.final,
        ...placeOf(doc, a.line ?? 0),
      };
    }),
    stated_figures: doc.statedFigures.map((f) => ({
      ...key,
      name: f.name,
      value: f.value,
      unit: f.unit,
      line: f.line,
      page: placeOf(doc, f.line).page,
    })),
    key_tasks: doc.keyTasks.map((t) => ({
      ...key,
      seq: t.seq,
      name: t.name,
      target_text: t.targetText,
      actual_text: t.actualText,
    })),
    indicators: doc.indicators.map((r, i) => ({
      ...key,
      seq: r.seq,
      name: r.name,
      target_text: r.targetText,
      actual_text: r.actualText,
      indicator_key: readings[i]!.key,
      understood: readings[i]!.understood,
      not_understood_reason: readings[i]!.reason,
      ...placeOf(doc, r.line),
    })),
    indicator_measures: readings.flatMap((reading) =>
      reading.measures.map((m) => ({
        ...key,
        seq: reading.seq,
        measure_index: m.measureIndex,
        comparator: m.comparator,
        target: m.target,
        target_high: m.targetHigh,
        actual: m.actual,
        unit: m.unit,
        unit_kind: m.unitKind,
        direction: m.direction,
        confidence: m.confidence,
        actual_kind: m.actualKind,
        target_source: m.targetSource,
        actual_source: m.actualSource,
        attainment: m.attainment,
        evidence: m.evidence,
        ceiling: m.ceiling,
      })),
    ),
    management_scores: doc.managementScores.map((r) => ({
      ...key,
      seq: r.seq,
      level1: r.level1,
      level2: r.level2,
      level3: r.level3,
      weight: r.weight,
      score: r.score,
      score_rate: r.scoreRate,
      ...placeOf(doc, r.line),
    })),
    deductions: doc.deductions.map((d, i) => ({
      ...key,
      seq: i + 1,
      part: d.part,
      item: d.item,
      level2: d.level2,
      reason: d.reason,
      points: d.points,
      source: d.source,
      ...placeOf(doc, d.line ?? 0),
    })),
    data_quality_issues: reportFindings(doc, readings).map((n, i) => ({
      ...key,
      seq: i + 1,
      check_name: n.check,
      severity: n.severity,
      message: n.message,
      expected: n.expected,
      actual: n.actual,
    })),
  };
  return { rows, readings };
}
