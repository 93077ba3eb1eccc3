import type { Config } from '../../src/config.js';
import { openWriter } from '../../src/db/prepare-database.js';
import type { ReportDocument } from '../../src/ingest/report-document.js';
import {
  registerDepartments,
  type DepartmentEntry,
} from '../../src/ingest/load/department-registry.js';
import { loadReport } from '../../src/ingest/load/report-loader.js';
import { parseReport } from '../../src/ingest/report/report-parser.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { REAL_REPORT_FILE, realReportText } from './real-report.js';
import { tempConfig } from './temp-database.js';

/**
 * Small labelled-synthetic corpora for the target-setting signals: departments whose reports are
 * the real report's document for several years, with some key-indicator texts edited, so that a
 * test states exactly which targets and actuals each department-year has.
 */

/** A synthetic department of a test corpus: its registry entry and how its texts differ. */
export interface SignalDepartment {
  code: string;
  sector: string;
  /** Edits a year's document in place (indicator texts); none keeps the real report's. */
  edit?: (doc: ReportDocument, year: number) => void;
}

/** Replaces `from` by `to` in the target or actual text of 表3 row `seq`; fails when absent. */
export function editIndicator(
  doc: ReportDocument,
  seq: number,
  cell: 'targetText' | 'actualText',
  from: string,
  to: string,
): void {
  const row = doc.indicators.find((i) => i.seq === seq);
  if (!row || !row[cell].includes(from))
    throw new Error(`row ${seq} ${cell} has no "${from}": ${row?.[cell]}`);
  row[cell] = row[cell].replace(from, to);
}

function entryOf(d: SignalDepartment, index: number): DepartmentEntry {
  return {
    code: d.code,
    name: `信号测试部门${String(index + 1).padStart(2, '0')}`,
    aliases: [],
    sector: d.sector,
    level: 'DISTRICT',
    synthetic: true,
  };
}

/** A server over the seed registry and report (gz-zfw 2023) plus the corpus, loaded as synthetic. */
export async function startSignalServer(
  departments: readonly SignalDepartment[],
  years: readonly number[],
  overrides: Partial<Config> = {},
): Promise<RunningServer & { cleanup(): Promise<void> }> {
  const config = tempConfig(overrides);
  const writer = await openWriter(config);
  const base = parseReport(realReportText(), REAL_REPORT_FILE);
  const entries = departments.map(entryOf);
  await registerDepartments(writer.kysely, entries);
  for (const [index, department] of departments.entries()) {
    for (const year of years) {
      const doc: ReportDocument = structuredClone(base);
      const name = entries[index]!.name;
      doc.year = year;
      doc.departmentName = name;
      doc.title = `${year}年度${name}部门整体支出绩效自评报告`;
      doc.sourceFile = `signal/${department.code}-${year}.txt`;
      department.edit?.(doc, year);
      await loadReport(writer.kysely, doc, JSON.stringify(doc), { synthetic: true });
    }
  }
  await writer.close();
  const running = await startServer(config, () => {});
  return {
    ...running,
    async cleanup() {
      await running.stop();
      config.cleanup();
    },
  };
}
