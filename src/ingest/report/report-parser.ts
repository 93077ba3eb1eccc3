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
import { findSections, sectionNotes, type Section, type SectionId } from './report-sections.js';
import { dropPageFurniture } from './page-furniture.js';
import { breakRunOnLines } from './run-on-lines.js';
import {
  joinLines,
  pageStarts,
  splitLines,
  type JoinedText,
  type SourceLine,
} from './source-text.js';

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

/** A section's paragraph as joined text at its heading line (nothing when the section is missing). */
function atHeading(section: Section | undefined, text: string): JoinedText {
  return joinLines(section ? [{ ...section.heading, text }] : []);
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
  const located = findSections(file, [
    ...(title.remainder ? [title.remainder] : []),
    ...body.slice(title.next),
  ]);
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
  const score = parseSelfScore(
    file,
    joinLines(conclusionLines),
    parsePartScore(atHeading(dutyAnalysis, dutyParagraph)),
    parsePartScore(atHeading(managementAnalysis, managementParagraph)),
  );
  const managementScores = managementAnalysis
    ? parseManagementTable(file, managementAnalysis.lines)
    : [];
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
    overviewText: [
      prose(overview, beforeTable(overview?.lines ?? [], findKeyTaskTable)),
      // Sections under headings the template does not know are kept, after the overview.
      ...located.others.map((o) => joinLines([o.heading, ...o.lines]).text),
    ]
      .filter((part) => part !== '')
      .join('\n'),
    keyTasks: overview ? parseKeyTaskTable(file, overview.lines) : [],
    goals: sections.goals ? parseGoals(prose(sections.goals)) : [],
    revenueByFunction: budget.revenueByFunction,
    expenditureByFunction: budget.expenditureByFunction,
    byNature: parseExpenditureTable(file, finance.lines),
    statedFigures: budget.statedFigures,
    performanceText: prose(sections.performanceManagement),
    evaluationText: prose(sections.evaluation),
    score,
    indicators: dutyAnalysis ? parseIndicatorTable(file, dutyAnalysis.lines) : [],
    managementScores,
    deductions: [...dutyDeductions(parseStatedDeductions(dutyParagraph)), ...management.deductions],
    problems: parseProblems(prose(sections.problems)),
    improvements: parseImprovements(prose(sections.improvements)),
    notes: [...sectionNotes(located), ...management.notes],
  };
}
