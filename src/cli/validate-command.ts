import { readFile } from 'node:fs/promises';
import { readIndicators } from '../ingest/indicator/indicator-facts.js';
import { reconcile } from '../ingest/reconcile.js';
import { parseReport } from '../ingest/report/report-parser.js';
import type { SelfScore } from '../ingest/report-document.js';
import { UsageError, type CliIo } from './cli-io.js';

/** The self-score's parts where the template has them. */
function scoreParts(score: SelfScore): string {
  if (!score.duty || !score.management) return '';
  return ` (duty ${score.duty.score}, management ${score.management.score})`;
}

/**
 * `jixiao validate <file>`: parses and reconciles a report without writing anything, and prints
 * what was read and every finding. Exit 1 when the file cannot be parsed.
 */
export async function validateCommand(file: string | undefined, io: CliIo): Promise<number> {
  if (!file) throw new UsageError('validate needs a report file');
  const doc = parseReport(await readFile(file, 'utf8'), file);
  const readings = readIndicators(doc.indicators);
  const understood = readings.filter((r) => r.understood).length;
  io.out(`${doc.title}`);
  io.out(`  department ${doc.departmentName}, fiscal year ${doc.year}`);
  io.out(
    `  表1 ${doc.keyTasks.length} key tasks; 表3 ${doc.indicators.length} indicators (${understood} read into measures); 表4 ${doc.managementScores.length} rows`,
  );
  io.out(
    `  total final expenditure ${doc.byNature.TOTAL.final ?? '-'} 万元; self-score ${doc.score.total}${scoreParts(doc.score)}`,
  );
  const issues = reconcile(doc);
  io.out(
    issues.length === 0
      ? '  reconciliation: every check balances'
      : `  reconciliation: ${issues.length} findings`,
  );
  for (const issue of issues)
    io.out(`    ${issue.severity.padEnd(7)} ${issue.check}: ${issue.message}`);
  for (const r of readings.filter((x) => !x.understood))
    io.out(`    not understood: 表3 row ${r.seq} ${r.name}: ${r.reason}`);
  return 0;
}
