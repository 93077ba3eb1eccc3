import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { CanonicalJsonWriter } from '../ingest/bulk/canonical-json-writer.js';
import type { LinkableIndicator } from '../ingest/indicator/indicator-facts.js';
import { linkRows } from '../ingest/indicator/indicator-link-rows.js';
import { reportRows } from '../ingest/load/report-rows.js';
import { generateDepartments, generateReports, type CorpusOptions } from './generate-corpus.js';
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
 * Writes a SYNTHETIC corpus as canonical NDJSON tables (what `importCanonical` reads), built with
 * the same reportRows and linkRows as the single-report loader, so that a generated report is
 * stored exactly as if its text had been ingested. Reports stream through one at a time: a
 * province-sized corpus never sits in memory. `onReport` sees each report (to render its text).
 */
export async function writeCorpus(
  options: CorpusOptions,
  dir: string,
  onReport?: (report: GeneratedReport) => void | Promise<void>,
): Promise<WrittenCorpus> {
  const writer = await CanonicalJsonWriter.open(dir);
  const truth = createWriteStream(join(dir, TRUTH_FILE));
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
  const previous = new Map<string, { year: number; indicators: LinkableIndicator[] }>();
  let reports = 0;
  for (const generated of generateReports(options)) {
    const { departmentCode, document } = generated;
    const contentSha256 = createHash('sha256').update(JSON.stringify(document)).digest('hex');
    const { rows, readings } = reportRows({
      doc: document,
      departmentCode,
      contentSha256,
      synthetic: true,
    });
    const indicators = readings.map((r) => ({ seq: r.seq, name: r.name, measures: r.measures }));
    const before = previous.get(departmentCode);
    const links =
      before && before.year === document.year - 1
        ? linkRows(departmentCode, document.year, indicators, before.indicators)
        : {};
    previous.set(departmentCode, { year: document.year, indicators });
    await writer.write({ ...rows, ...links });
    if (
      generated.truth.length > 0 &&
      !truth.write(generated.truth.map((t) => JSON.stringify(t)).join('\n') + '\n')
    ) {
      await once(truth, 'drain');
    }
    await onReport?.(generated);
    reports++;
  }
  await writer.close();
  await new Promise<void>((resolve, reject) =>
    truth.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { departments: departments.length, reports, truthFile: join(dir, TRUTH_FILE) };
}
