import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { CanonicalJsonWriter } from '../ingest/bulk/canonical-json-writer.js';
import type { CanonicalRows, CanonicalTable } from '../ingest/canonical-tables.js';
import type { LinkableIndicator } from '../ingest/indicator/indicator-facts.js';
import { linkRows } from '../ingest/indicator/indicator-link-rows.js';
import { reportRows } from '../ingest/load/report-rows.js';
import {
  generateDepartments,
  generateReports,
  type CorpusOptions,
  type DepartmentRange,
} from './generate-corpus.js';
import type { GeneratedReport } from './generated-report.js';

/** What writing a corpus produced. */
export interface WrittenCorpus {
  departments: number;
  reports: number;
  /** NDJSON file of IndicatorTruth, one per measurable measure (ground truth for scoring). */
  truthFile: string;
}

/** The file name the ground truth of a written corpus goes to. */
export const TRUTH_FILE = 'truth.ndjson';

/**
 * Reports whose rows are gathered before they go to the files: one write per table per batch
 * instead of one per report saves the streams' bookkeeping (about a tenth of the writer's time
 * when every report was written on its own), and the bytes are the same.
 */
const REPORTS_PER_BATCH = 8;

/**
 * Writes a SYNTHETIC corpus as canonical NDJSON tables (what `importCanonical` reads), built with
 * the same reportRows and linkRows as the single-report loader, so that a generated report is
 * stored exactly as if its text had been ingested. Reports stream through a batch at a time: a
 * province-sized corpus never sits in memory. `onReport` sees each report (to render its text).
 */
export async function writeCorpus(
  options: CorpusOptions,
  dir: string,
  onReport?: (report: GeneratedReport) => void | Promise<void>,
): Promise<WrittenCorpus> {
  const writer = await CanonicalJsonWriter.open(dir);
  const departments = await writeCorpusDepartments(options, writer);
  const truth = createWriteStream(join(dir, TRUTH_FILE));
  const reports = await writeReports(
    options,
    { from: 0, to: options.departments },
    writer,
    truth,
    onReport,
  );
  await writer.close();
  await endStream(truth);
  return { departments, reports, truthFile: join(dir, TRUTH_FILE) };
}

/**
 * Writes the reports of some of a corpus's departments, with their ground truth, into `dir` as
 * writeCorpus would write them, without the departments themselves: a shard of a corpus
 * generated in parallel. A department's reports depend only on the seed and the department, so
 * the shards of consecutive ranges, put one after another, are the corpus writeCorpus writes.
 */
export async function writeCorpusShard(
  options: CorpusOptions,
  range: DepartmentRange,
  dir: string,
  onReport?: (report: GeneratedReport) => void | Promise<void>,
): Promise<number> {
  const writer = await CanonicalJsonWriter.open(dir);
  const truth = createWriteStream(join(dir, TRUTH_FILE));
  const reports = await writeReports(options, range, writer, truth, onReport);
  await writer.close();
  await endStream(truth);
  return reports;
}

/** Writes the `departments` and `department_aliases` tables of a corpus; returns how many. */
export async function writeCorpusDepartments(
  options: CorpusOptions,
  writer: CanonicalJsonWriter,
): Promise<number> {
  const departments = generateDepartments(options);
  await writer.write({
    departments: departments.map((d) => ({
      code: d.code,
      name: d.name,
      sector: d.sector,
      level: d.level,
      synthetic: true,
    })),
    department_aliases: departments.flatMap((d) =>
      d.aliases.map((alias) => ({ alias, department_code: d.code })),
    ),
  });
  return departments.length;
}

async function writeReports(
  options: CorpusOptions,
  range: DepartmentRange,
  writer: CanonicalJsonWriter,
  truth: WriteStream,
  onReport?: (report: GeneratedReport) => void | Promise<void>,
): Promise<number> {
  // A department's reports come one after another, year by year: only the report before is
  // linked to, so only it is kept (not every department's, which at a province's scale is GBs).
  let previous: { departmentCode: string; year: number; indicators: LinkableIndicator[] } | null =
    null;
  let batch: CanonicalRows = {};
  let truthLines: string[] = [];
  let batched = 0;
  const flush = async () => {
    await writer.write(batch);
    if (truthLines.length > 0 && !truth.write(truthLines.join('\n') + '\n'))
      await once(truth, 'drain');
    batch = {};
    truthLines = [];
    batched = 0;
  };
  let reports = 0;
  for (const generated of generateReports(options, range)) {
    const { departmentCode, document } = generated;
    const contentSha256 = createHash('sha256').update(JSON.stringify(document)).digest('hex');
    const { rows, readings } = reportRows({
      doc: document,
      departmentCode,
      contentSha256,
      synthetic: true,
    });
    const indicators = readings.map((r) => ({ seq: r.seq, name: r.name, measures: r.measures }));
    const links =
      previous?.departmentCode === departmentCode && previous.year === document.year - 1
        ? linkRows(departmentCode, document.year, indicators, previous.indicators)
        : {};
    previous = { departmentCode, year: document.year, indicators };
    for (const [table, tableRows] of Object.entries({ ...rows, ...links }) as [
      CanonicalTable,
      CanonicalRows[CanonicalTable],
    ][]) {
      if (tableRows && tableRows.length > 0) (batch[table] ??= []).push(...tableRows);
    }
    for (const t of generated.truth) truthLines.push(JSON.stringify(t));
    await onReport?.(generated);
    reports++;
    if (++batched === REPORTS_PER_BATCH) await flush();
  }
  await flush();
  return reports;
}

function endStream(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
