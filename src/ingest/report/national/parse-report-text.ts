/**
 * One entry for a report text of either template family (docs/domain.md, "Other templates"): the
 * national framework's parser when the text follows 财预〔2013〕53号, else the Guangzhou parser.
 * It lives beside the national parser, not in report-parser.ts, so that ingest/report does not
 * import its own sub-folder (the folders form no cycle, test/module-boundaries.test.ts).
 */
import type { ReportDocument } from '../../report-document.js';
import { parseReport } from '../report-parser.js';
import { splitLines } from '../source-text.js';
import { isNationalTemplate } from './national-template.js';
import { parseNationalReport } from './parse-national-report.js';

/** Parses a report text in whichever template it follows; `file` names it in errors. */
export function parseReportText(text: string, file: string): ReportDocument {
  const lines = splitLines(text);
  return isNationalTemplate(lines) ? parseNationalReport(file, lines) : parseReport(text, file);
}
