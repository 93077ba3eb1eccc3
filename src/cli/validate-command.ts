import { relative } from 'node:path';
import { readIndicators } from '../ingest/indicator/indicator-facts.js';
import { reportFiles } from '../ingest/load/ingest-files.js';
import { readReportText } from '../ingest/load/report-text.js';
import { reportFindings } from '../ingest/load/report-findings.js';
import type { ParseNote, ReportDocument, SelfScore } from '../ingest/report-document.js';
import { parseReportText } from '../ingest/report/national/parse-report-text.js';
import { UsageError, type CliIo } from './cli-io.js';

/** One part of a report as validate reports it: found with a count, empty, or missing. */
interface PartLine {
  part: string;
  status: 'found' | 'empty' | 'missing';
  detail: string;
}

/** What validating one file gave, for the summary table. */
interface FileSummary {
  file: string;
  template: string;
  year: string;
  department: string;
  result: 'ok' | 'refused';
  errors: number;
  warnings: number;
  infos: number;
  notUnderstood: number;
}

/** The self-score's parts where the template has them. */
function scoreParts(score: SelfScore): string {
  if (!score.duty || !score.management) return '';
  return ` (duty ${score.duty.score}, management ${score.management.score})`;
}

/** Sections the parser noted missing, by their Chinese names. */
function missingSections(notes: readonly ParseNote[]): Set<string> {
  return new Set(notes.flatMap((n) => (n.missingSection ? [n.missingSection] : [])));
}

/** The parts of a report, each found with its count, empty, or missing (with its section's name). */
function partLines(doc: ReportDocument, understood: number): PartLine[] {
  const missing = missingSections(doc.notes);
  const counted = (part: string, section: string, n: number, what: string): PartLine => ({
    part,
    status: missing.has(section) ? 'missing' : n === 0 ? 'empty' : 'found',
    detail: n === 0 ? '' : `${n} ${what}`,
  });
  const categories = Object.values(doc.byNature).filter((a) => a.final !== null).length;
  return [
    {
      part: '部门整体收支情况 / 表2',
      status: 'found',
      detail: `total final ${doc.byNature.TOTAL.final ?? '-'} 万元; ${categories} of 5 categories with a final amount; ${doc.revenueByFunction.length + doc.expenditureByFunction.length} functional-class amounts`,
    },
    // The national framework has no key-task table: nothing to report missing.
    ...(doc.template === 'GUANGZHOU'
      ? [counted('表1 重点工作任务', '年度总体工作和重点工作任务', doc.keyTasks.length, 'rows')]
      : []),
    {
      part: '自评结论',
      status: 'found',
      detail: `self-score ${doc.score.total} of ${doc.score.totalWeight}${scoreParts(doc.score)}`,
    },
    {
      ...counted(
        doc.template === 'GUANGZHOU' ? '表3 关键指标' : '关键绩效指标表',
        '履职效能分析',
        doc.indicators.length,
        'rows',
      ),
      detail:
        doc.indicators.length === 0
          ? ''
          : `${doc.indicators.length} rows, ${understood} read into measures`,
    },
    counted(
      doc.template === 'GUANGZHOU' ? '表4 管理效率' : '评分表 (投入/过程/产出/效果)',
      '管理效率分析',
      doc.managementScores.length,
      'scored rows',
    ),
    counted('存在的主要问题', '存在的主要问题', doc.problems.length, 'items'),
    counted('下一步改进措施', '下一步改进措施', doc.improvements.length, 'items'),
  ];
}

/** Validates one file: prints what was read and every finding; returns its summary. */
async function validateFile(file: string, io: CliIo): Promise<FileSummary> {
  // Names inside the working folder are shown relative to it, others as given.
  const inside = relative(process.cwd(), file);
  const name = inside && !inside.startsWith('..') ? inside : file;
  const refused = (): FileSummary => ({
    file: name,
    template: '-',
    year: '-',
    department: '-',
    result: 'refused',
    errors: 1,
    warnings: 0,
    infos: 0,
    notUnderstood: 0,
  });
  let doc: ReportDocument;
  try {
    doc = parseReportText(await readReportText(file), name);
  } catch (error) {
    io.out(`${name}: REFUSED`);
    io.out(`  ${error instanceof Error ? error.message : String(error)}`);
    return refused();
  }
  const readings = readIndicators(doc.indicators);
  const understood = readings.filter((r) => r.understood).length;
  const pages = doc.pageStarts ? `; ${doc.pageStarts.length} pages` : '';
  io.out(`${name}: ${doc.title} [${doc.template}]`);
  io.out(`  department ${doc.departmentName}, fiscal year ${doc.year}${pages}`);
  for (const p of partLines(doc, understood))
    io.out(`  ${p.status.padEnd(7)} ${p.part}${p.detail ? `: ${p.detail}` : ''}`);
  const issues = reportFindings(doc, readings);
  io.out(
    issues.length === 0
      ? '  reconciliation: every check balances'
      : `  reconciliation: ${issues.length} findings`,
  );
  for (const issue of issues)
    io.out(`    ${issue.severity.padEnd(7)} ${issue.check}: ${issue.message}`);
  for (const r of readings.filter((x) => !x.understood))
    io.out(`    not understood: 表3 row ${r.seq} ${r.name}: ${r.reason}`);
  const count = (severity: ParseNote['severity']) =>
    issues.filter((i) => i.severity === severity).length;
  return {
    file: name,
    template: doc.template,
    year: String(doc.year),
    department: doc.departmentName,
    result: 'ok',
    errors: count('ERROR'),
    warnings: count('WARNING'),
    infos: count('INFO'),
    notUnderstood: readings.length - understood,
  };
}

/** The summary of several files as an aligned table. */
function summaryTable(rows: readonly FileSummary[]): string[] {
  const header = [
    'file',
    'template',
    'year',
    'department',
    'result',
    'ERROR',
    'WARNING',
    'INFO',
    'not understood',
  ];
  const cells = rows.map((r) => [
    r.file,
    r.template,
    r.year,
    r.department,
    r.result,
    String(r.errors),
    String(r.warnings),
    String(r.infos),
    String(r.notUnderstood),
  ]);
  const width = (k: number) => Math.max(...[header, ...cells].map((c) => [...c[k]!].length));
  const line = (c: string[]) =>
    c
      .map((v, k) => v + ' '.repeat(width(k) - [...v].length))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)];
}

/**
 * `jixiao validate <files | folders>`: parses and reconciles reports (text or PDF) without
 * writing anything. For each file: the template recognised, each part found, empty or missing
 * with its counts, and every finding; then a summary table. Exit 1 when any file is refused.
 */
export async function validateCommand(paths: readonly string[], io: CliIo): Promise<number> {
  if (paths.length === 0) throw new UsageError('validate needs report files or folders');
  const files = await reportFiles(paths);
  if (files.length === 0) throw new UsageError(`no .txt or .pdf report in ${paths.join(', ')}`);
  const summaries: FileSummary[] = [];
  for (const file of files) summaries.push(await validateFile(file, io));
  if (files.length > 1) {
    io.out('');
    for (const line of summaryTable(summaries)) io.out(line);
  }
  const refused = summaries.filter((s) => s.result === 'refused').length;
  io.out(
    `${files.length - refused} of ${files.length} files read${refused ? `, ${refused} refused` : ''}`,
  );
  return refused > 0 ? 1 : 0;
}
