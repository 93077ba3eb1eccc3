/**
 * Parses a 部门整体支出绩效自评报告 that follows the national common framework of 财预〔2013〕53号
 * (docs/domain.md, "Other templates") into the same ReportDocument the Guangzhou parser fills:
 * - the 100-point score table (投入/过程/产出/效果) is `managementScores`, its lost points the
 *   table deductions, and the score has no 履职效能 / 管理效率 parts (null);
 * - the key indicator table (年度目标值 / 实际完成值) is `indicators`, read by the indicator
 *   language and the rules like Guangzhou's 表3;
 * - expenditure by nature holds the stages the report gives, others null;
 * - each part the template lacks is a `template.missing_part` or `template.part_not_found` note.
 * The title (department, year) and the total final expenditure are essential: without them the
 * report is refused with a ReportParseError naming the file, the section and the line.
 */
import type { ReportDocument } from '../../report-document.js';
import { parseStatedDeductions } from '../parse-deductions.js';
import { parseImprovements, parseProblems } from '../parse-text-items.js';
import { ReportParseError } from '../report-parse-error.js';
import {
  compact,
  joinLines,
  pageStarts,
  type JoinedText,
  type SourceLine,
} from '../source-text.js';
import { parseNationalBudgetProse } from './national-budget-prose.js';
import { parseNationalBudgetTable } from './national-budget-table.js';
import { nationalByNature } from './national-by-nature.js';
import { scoreTableDeductions } from './national-deductions.js';
import { refuseSecondReport } from '../single-report.js';
import { titleYearNotes } from '../title-year-notes.js';
import { nationalBudgetGaps } from './national-gaps.js';
import { nationalRestatedNotes } from './national-restated.js';
import { nationalSelfScore, statesTotal } from './national-score.js';
import { locateNationalSections, sectionLabel, type NationalSection } from './national-sections.js';
import { parseNationalTitle } from './national-title.js';
import { parseKeyIndicatorTable } from './parse-key-indicator-table.js';
import { parseScoreTable } from './parse-score-table.js';
import { nationalPartNotes, type NationalPart } from './template-notes.js';

/** A sub-heading `（一）部门职能`, with whatever follows its first full stop on the same line. */
const SUB_HEADING =
  /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)([^。]*)(?:。(.*))?$/;

/**
 * The sub-heading a line holds, or null: a short title without commas or colons, so that an item
 * enumerated the same way (`（一）绩效指标不够细化，扣1分。`) stays prose.
 */
function subHeading(line: SourceLine): { title: string; rest: string } | null {
  const match = SUB_HEADING.exec(compact(line.text));
  if (!match || match[1]!.length > 20 || /[，,；;：:、]/.test(match[1]!)) return null;
  return { title: match[1]!, rest: match[2] ?? '' };
}

/** Lines as prose: sub-headings dropped (their text after a full stop kept). */
function proseLines(lines: readonly SourceLine[]): SourceLine[] {
  return lines.flatMap((line) => {
    const heading = subHeading(line);
    if (!heading) return [line];
    return heading.rest ? [{ ...line, text: heading.rest }] : [];
  });
}

/** A section's prose without its sub-headings (the evaluation's （一）自评结论 …). */
function prose(section: NationalSection | undefined): JoinedText {
  return joinLines(section ? proseLines(section.lines) : []);
}

/** A section's text as it stands: lists may be enumerated （一）（二）, which the item parsers split at. */
function text(section: NationalSection | undefined): string {
  return joinLines(section?.lines ?? []).text;
}

/**
 * The basics section split into duties (the sub-section on 职能 / 职责) and the rest, which is
 * the overview (organisation, staff, the year's work).
 */
function basicsTexts(section: NationalSection | undefined): { duties: string; overview: string } {
  if (!section) return { duties: '', overview: '' };
  const duties: SourceLine[] = [];
  const overview: SourceLine[] = [];
  let inDuties = false;
  for (const line of section.lines) {
    const heading = subHeading(line);
    if (heading) inDuties = /职能|职责/.test(heading.title);
    (inDuties ? duties : overview).push(line);
  }
  return {
    duties: joinLines(proseLines(duties)).text,
    overview: joinLines(proseLines(overview)).text,
  };
}

/**
 * Refuses a second copy of a table (single-report.ts): `read` finds the table again in the lines
 * after the first copy ends.
 */
function refuseSecondTable(
  file: string,
  body: readonly SourceLine[],
  table: string,
  first: { start: number; end: number } | null,
  read: (lines: readonly SourceLine[]) => { start: number } | null,
): void {
  if (!first) return;
  const second = read(body.slice(first.end));
  if (!second) return;
  throw new ReportParseError(
    file,
    table,
    body[first.end + second.start]!.no,
    `${table} appears a second time (first at line ${body[first.start]!.no}): the file holds the report's tables twice; keep one copy`,
  );
}

/**
 * Parses the lines of a national-framework report (`splitLines` of its text, title included).
 * `file` names the report in errors and becomes `sourceFile`.
 */
export function parseNationalReport(file: string, lines: readonly SourceLine[]): ReportDocument {
  if (lines.length === 0) throw new ReportParseError(file, '标题', null, 'the file is empty');
  const title = parseNationalTitle(file, lines);
  const body = lines.slice(title.next);
  refuseSecondReport(file, title, body);

  // Tables first: their cells must neither pass for headings nor be read as prose.
  const scoreTable = parseScoreTable(body);
  const indicatorTable = parseKeyIndicatorTable(body);
  const budgetTable = parseNationalBudgetTable(file, body);
  refuseSecondTable(file, body, '评分表', scoreTable, parseScoreTable);
  refuseSecondTable(file, body, '关键绩效指标表', indicatorTable, parseKeyIndicatorTable);
  refuseSecondTable(file, body, '部门整体支出情况表', budgetTable, (rest) =>
    parseNationalBudgetTable(file, rest),
  );
  const inTable = new Set<number>();
  for (const table of [scoreTable, indicatorTable, budgetTable]) {
    if (table) for (const line of body.slice(table.start, table.end)) inTable.add(line.no);
  }
  const outsideTables = body.filter((l) => !inTable.has(l.no));
  const sections = locateNationalSections(file, outsideTables);
  const finance = sections.finance!;

  const budget = parseNationalBudgetProse(file, proseLines(finance.lines));
  const byNature = nationalByNature(budget, budgetTable);
  if (byNature.TOTAL.final === null) {
    throw new ReportParseError(
      file,
      sectionLabel('finance'),
      finance.heading.no,
      'total final expenditure (支出总计 / 决算支出 …万元, or the 合计 row of an expenditure table) not found',
    );
  }

  const evaluation = prose(sections.evaluation);
  const scoreTexts = [evaluation, joinLines(proseLines(outsideTables))];
  const score = nationalSelfScore(
    file,
    scoreTexts,
    scoreTable,
    sections.evaluation?.heading.no ?? finance.heading.no,
  );
  const indicators = indicatorTable?.rows ?? [];
  const deductions = scoreTableDeductions(
    scoreTable?.rows ?? [],
    parseStatedDeductions(evaluation.text),
  );
  const basics = basicsTexts(sections.basics);

  const missing = new Set<NationalPart>(['SCORE_PARTS', 'KEY_TASKS']);
  if (byNature.TOTAL.initialBudget === null) missing.add('INITIAL_BUDGET');
  if (byNature.TOTAL.fullYearBudget === null) missing.add('FULL_YEAR_BUDGET');
  if (byNature.BASIC.final === null && byNature.PROJECT.final === null) missing.add('NATURE_SPLIT');
  if (!scoreTable) missing.add('SCORE_TABLE');
  if (!indicatorTable) missing.add('INDICATOR_TABLE');
  if (!sections.problems) missing.add('PROBLEMS');
  if (!sections.improvements) missing.add('IMPROVEMENTS');

  return {
    sourceFile: file,
    template: 'NATIONAL_53',
    pageStarts: pageStarts(lines),
    year: title.year,
    departmentName: title.departmentName,
    title: title.title,
    dutiesText: basics.duties,
    overviewText: basics.overview,
    keyTasks: [],
    goals: [],
    revenueByFunction: budget.revenueByFunction,
    expenditureByFunction: budget.expenditureByFunction,
    byNature,
    statedFigures: budget.statedFigures,
    // 结果应用 is how the department uses the evaluation in its performance management.
    performanceText: text(sections.resultsUse),
    evaluationText: evaluation.text,
    score,
    indicators,
    managementScores: scoreTable?.rows ?? [],
    deductions: deductions.deductions,
    problems: sections.problems ? parseProblems(text(sections.problems)) : [],
    improvements: sections.improvements ? parseImprovements(text(sections.improvements)) : [],
    notes: [
      ...titleYearNotes(title, body),
      ...nationalPartNotes(missing),
      ...nationalBudgetGaps(budgetTable, outsideTables, byNature),
      ...(indicatorTable?.notes ?? []),
      ...nationalRestatedNotes(budget, budgetTable, scoreTable, statesTotal(scoreTexts), score),
      ...deductions.notes,
    ],
  };
}
