import { parseBudgetProse } from './parse-budget-prose.js';
import { dutyDeductions, managementDeductions, parseStatedDeductions } from './parse-deductions.js';
import { findExpenditureTable, parseExpenditureTable } from './parse-expenditure-table.js';
import { findIndicatorTable, parseIndicatorTable } from './parse-indicator-table.js';
import { findKeyTaskTable, parseKeyTaskTable } from './parse-key-task-table.js';
import { findManagementTable, parseManagementTable } from './parse-management-table.js';
import { parsePartScore, parseSelfScore } from './parse-self-score.js';
import { parseGoals, parseImprovements, parseProblems } from './parse-text-items.js';
import { parseTitle } from './parse-title.js';
import type { ReportDocument } from '../report-document.js';
import { ReportParseError } from './report-parse-error.js';
import { locateSections, type Section, type SectionId } from './report-sections.js';
import { joinLines, pageStarts, splitLines, type SourceLine } from './source-text.js';

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
 * Parses the text of a 部门整体支出绩效自评报告 in the Guangzhou template into a ReportDocument.
 * Every number comes from the text; a missing or unreadable required part raises a
 * ReportParseError naming the file, the section and the line.
 */
export function parseReport(text: string, file: string): ReportDocument {
  const lines = splitLines(text);
  if (lines.length === 0) throw new ReportParseError(file, '标题', null, 'the file is empty');
  const title = parseTitle(file, lines);
  const sections = locateSections(file, lines.slice(title.next));
  const need = (id: SectionId): Section => {
    const section = sections[id];
    // locateSections already rejects missing required sections; this narrows the type.
    if (!section) throw new ReportParseError(file, id, null, `section ${id} not found`);
    return section;
  };

  const overview = need('overview');
  const finance = need('finance');
  const dutyAnalysis = need('dutyAnalysis');
  const managementAnalysis = need('managementAnalysis');

  const budget = parseBudgetProse(file, beforeTable(finance.lines, findExpenditureTable));
  const dutyParagraph = prose(dutyAnalysis, beforeTable(dutyAnalysis.lines, findIndicatorTable));
  const managementParagraph = prose(
    managementAnalysis,
    beforeTable(managementAnalysis.lines, findManagementTable),
  );
  const conclusionLines = [
    ...(sections.conclusion
      ? [{ ...sections.conclusion.heading, text: sections.conclusion.headingRest }]
      : []),
    ...need('conclusion').lines,
  ];
  const score = parseSelfScore(
    file,
    joinLines(conclusionLines),
    parsePartScore(joinLines([{ ...dutyAnalysis.heading, text: dutyParagraph }])),
    parsePartScore(joinLines([{ ...managementAnalysis.heading, text: managementParagraph }])),
  );
  const managementScores = parseManagementTable(file, managementAnalysis.lines);
  const management = managementDeductions(
    managementScores,
    parseStatedDeductions(managementParagraph),
  );

  return {
    sourceFile: file,
    pageStarts: pageStarts(lines),
    template: 'GUANGZHOU',
    year: title.year,
    departmentName: title.departmentName,
    title: title.title,
    dutiesText: prose(sections.duties),
    overviewText: prose(overview, beforeTable(overview.lines, findKeyTaskTable)),
    keyTasks: parseKeyTaskTable(file, overview.lines),
    goals: sections.goals ? parseGoals(prose(sections.goals)) : [],
    revenueByFunction: budget.revenueByFunction,
    expenditureByFunction: budget.expenditureByFunction,
    byNature: parseExpenditureTable(file, finance.lines),
    statedFigures: budget.statedFigures,
    performanceText: prose(sections.performanceManagement),
    evaluationText: prose(sections.evaluation),
    score,
    indicators: parseIndicatorTable(file, dutyAnalysis.lines),
    managementScores,
    deductions: [...dutyDeductions(parseStatedDeductions(dutyParagraph)), ...management.deductions],
    problems: parseProblems(prose(need('problems'))),
    improvements: parseImprovements(prose(need('improvements'))),
    notes: management.notes,
  };
}
