import { parseBudgetProse } from './parse-budget-prose.js';
import { dutyDeductions, managementDeductions, parseStatedDeductions } from './parse-deductions.js';
import { findExpenditureTable, parseExpenditureTable } from './parse-expenditure-table.js';
import { findIndicatorTable, parseIndicatorTable } from './parse-indicator-table.js';
import { findKeyTaskTable, parseKeyTaskTable } from './parse-key-task-table.js';
import { findManagementTable, parseManagementTable } from './parse-management-table.js';
import {
  parseConclusionScore,
  parsePartScore,
  parseSelfScore,
  type PartScore,
} from './parse-self-score.js';
import { parseGoals, parseImprovements, parseProblems } from './parse-text-items.js';
import { parseTitle } from './parse-title.js';
import type { ParseNote, ReportDocument } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { findSections, sectionNotes, type Section, type SectionId } from './report-sections.js';
import { dropPageFurniture } from './page-furniture.js';
import { breakRunOnLines } from './run-on-lines.js';
import { numberingNotes } from './row-numbering.js';
import { selfScoreNotes } from './self-score-notes.js';
import { refuseRepeatedTable, refuseSecondReport } from './single-report.js';
import { missingStatedFigures } from './stated-figure-notes.js';
import { titleYearNotes } from './title-year-notes.js';
import {
  joinLines,
  pageStarts,
  splitLines,
  type JoinedText,
  type SourceLine,
} from './source-text.js';

/** The template's tables by caption, each of which a report holds once (single-report.ts). */
const TABLES: readonly (readonly [string, (lines: readonly SourceLine[]) => number])[] = [
  ['表1 重点工作任务完成情况', findKeyTaskTable],
  ['表2 部门整体支出决算表', findExpenditureTable],
  ['表3 履职效能关键指标完成情况', findIndicatorTable],
  ['表4 管理效率自评得分情况', findManagementTable],
];

/** 表1 is missing under a 年度总体工作 section that is there: its key tasks stay empty. */
const KEY_TASKS_NOT_FOUND: ParseNote = {
  check: 'section.table_not_found',
  severity: 'WARNING',
  message: '「年度总体工作和重点工作任务」一节：未找到表1 重点工作任务完成情况，重点工作任务留空',
  expected: null,
  actual: null,
};

/** Lines of a section before the table that `find` locates (all lines when there is none). */
function beforeTable(
  lines: readonly SourceLine[],
  find: (l: readonly SourceLine[]) => number,
): SourceLine[] {
  const at = find(lines);
  return at < 0 ? [...lines] : lines.slice(0, at);
}

/** A section's prose as one string, with its heading's trailing text. */
function prose(section: Section | undefined, lines?: readonly SourceLine[]): string {
  if (!section) return '';
  return section.headingRest + joinLines(lines ?? section.lines).text;
}

/**
 * An analysis section's paragraph before its table as joined text, each character at the line it
 * is printed on (the heading's line for the text after the heading), so that the figures read
 * from it are named with their own lines.
 */
function paragraphText(
  section: Section,
  find: (lines: readonly SourceLine[]) => number,
): JoinedText {
  return joinLines([
    { ...section.heading, text: section.headingRest },
    ...beforeTable(section.lines, find),
  ]);
}

/**
 * Parses the text of a 部门整体支出绩效自评报告 in the Guangzhou template into a ReportDocument.
 * Every number comes from the text; a missing or unreadable required part raises a
 * ReportParseError naming the file, the section and the line.
 */
export function parseReport(text: string, file: string): ReportDocument {
  const lines = splitLines(text);
  if (lines.length === 0) throw new ReportParseError(file, '标题', null, 'the file is empty');
  // Page numbers go first, so that they split neither the title nor a table; then lines that run
  // on without line breaks are broken at their headings.
  const body = breakRunOnLines(dropPageFurniture(lines));
  const title = parseTitle(file, body);
  const afterTitle = [...(title.remainder ? [title.remainder] : []), ...body.slice(title.next)];
  refuseSecondReport(file, title, afterTitle);
  for (const [table, find] of TABLES) refuseRepeatedTable(file, table, afterTitle, find);
  const located = findSections(file, afterTitle);
  const { sections } = located;
  const need = (id: SectionId): Section => {
    const section = sections[id];
    // findSections already rejects missing essential sections; this narrows the type.
    if (!section) throw new ReportParseError(file, id, null, `section ${id} not found`);
    return section;
  };

  // Only the budget figures and the self-score are essential; a missing overview, analysis,
  // problems or improvements section leaves its parts empty with a note (sectionNotes).
  const overview = sections.overview;
  const finance = need('finance');
  const dutyAnalysis = sections.dutyAnalysis;
  const managementAnalysis = sections.managementAnalysis;

  const budget = parseBudgetProse(file, beforeTable(finance.lines, findExpenditureTable));
  const dutyParagraph = prose(
    dutyAnalysis,
    beforeTable(dutyAnalysis?.lines ?? [], findIndicatorTable),
  );
  const managementParagraph = prose(
    managementAnalysis,
    beforeTable(managementAnalysis?.lines ?? [], findManagementTable),
  );
  const conclusionLines = [
    ...(sections.conclusion
      ? [{ ...sections.conclusion.heading, text: sections.conclusion.headingRest }]
      : []),
    ...need('conclusion').lines,
  ];
  const conclusion = joinLines(conclusionLines);
  const partScores: Partial<Record<'DUTY' | 'MANAGEMENT', PartScore>> = {
    ...(dutyAnalysis && {
      DUTY: parsePartScore(paragraphText(dutyAnalysis, findIndicatorTable)),
    }),
    ...(managementAnalysis && {
      MANAGEMENT: parsePartScore(paragraphText(managementAnalysis, findManagementTable)),
    }),
  };
  const none: PartScore = { weight: null, score: null, rate: null };
  const score = parseSelfScore(
    file,
    conclusion,
    partScores.DUTY ?? none,
    partScores.MANAGEMENT ?? none,
  );
  const managementScores = managementAnalysis
    ? parseManagementTable(file, managementAnalysis.lines)
    : [];
  const keyTaskTableMissing =
    overview !== undefined && findKeyTaskTable(overview.lines) < 0 ? [KEY_TASKS_NOT_FOUND] : [];
  const management = managementDeductions(
    managementScores,
    parseStatedDeductions(managementParagraph),
  );
  // The tables in the order their refusals have always come: 表1, 表2, then 表3.
  const keyTasks = overview ? parseKeyTaskTable(file, overview.lines) : [];
  const byNature = parseExpenditureTable(file, finance.lines);
  const indicators = dutyAnalysis ? parseIndicatorTable(file, dutyAnalysis.lines) : [];

  return {
    sourceFile: file,
    pageStarts: pageStarts(lines),
    template: 'GUANGZHOU',
    year: title.year,
    departmentName: title.departmentName,
    title: title.title,
    dutiesText: prose(sections.duties),
    overviewText: [
      prose(overview, beforeTable(overview?.lines ?? [], findKeyTaskTable)),
      // Sections under headings the template does not know are kept, after the overview.
      ...located.others.map((o) => joinLines([o.heading, ...o.lines]).text),
    ]
      .filter((part) => part !== '')
      .join('\n'),
    keyTasks,
    goals: sections.goals ? parseGoals(prose(sections.goals)) : [],
    revenueByFunction: budget.revenueByFunction,
    expenditureByFunction: budget.expenditureByFunction,
    byNature,
    statedFigures: budget.statedFigures,
    performanceText: prose(sections.performanceManagement),
    evaluationText: prose(sections.evaluation),
    score,
    indicators,
    managementScores,
    deductions: [...dutyDeductions(parseStatedDeductions(dutyParagraph)), ...management.deductions],
    problems: parseProblems(prose(sections.problems)),
    improvements: parseImprovements(prose(sections.improvements)),
    notes: [
      ...titleYearNotes(title, afterTitle),
      ...sectionNotes(located),
      ...keyTaskTableMissing,
      ...missingStatedFigures(budget),
      ...selfScoreNotes(parseConclusionScore(conclusion), partScores, score),
      ...numberingNotes(indicators, '表3'),
      ...management.notes,
    ],
  };
}
