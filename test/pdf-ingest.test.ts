import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { openReaderForCli } from '../src/cli/open-reader.js';
import type { Db } from '../src/db/database.js';
import { writePdf } from './support/pdf-writer.js';
import { REAL_REPORT_FILE } from './support/real-report.js';
import { realReportPdf } from './support/real-report-pdf.js';
import { tempConfig } from './support/temp-database.js';
import { testIo } from './support/test-io.js';

/**
 * Reports as users have them: the real report as a PDF (written by the test suite with its four
 * tables as ruled tables) goes through `jixiao ingest` like a text, and is stored with the same
 * figures as the text version.
 */

let dir: string;
const configs: ReturnType<typeof tempConfig>[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-ingest-'));
  writeFileSync(join(dir, 'gz-zfw-2023.pdf'), await realReportPdf());
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const c of configs) c.cleanup();
});

function config() {
  const c = tempConfig();
  configs.push(c);
  return c;
}

/** Every figure-bearing table's rows of one database, without where they were read. */
async function figures(db: Db): Promise<Record<string, unknown[]>> {
  const tables: Record<string, string> = {
    expenditure_by_nature: 'category, initial_budget, full_year_budget, final',
    revenue_by_function: 'seq, function_class, function_code, amount',
    expenditure_by_function: 'seq, function_class, function_code, amount',
    stated_figures: 'name, value, unit',
    key_tasks: 'seq, name, target_text, actual_text',
    indicators: 'seq, name, target_text, actual_text, indicator_key, understood',
    indicator_measures:
      'seq, measure_index, comparator, target, actual, unit, direction, attainment, evidence, ceiling',
    management_scores: 'seq, level1, level2, level3, weight, score, score_rate',
    deductions: 'seq, part, item, level2, points, source',
    problems: 'seq, text, topics',
    improvements: 'seq, text',
    data_quality_issues: 'check_name, severity, expected, actual',
    report_facts: '* EXCLUDE (report_id)',
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(tables)) {
    out[table] = (await db.pool.query(`SELECT ${columns} FROM ${table} ORDER BY ALL`)).rows;
  }
  out.reports = (
    await db.pool.query(
      'SELECT department_code, year, title, template, total_score, duty_score, management_score FROM reports',
    )
  ).rows;
  return out;
}

async function ingested(file: string): Promise<Record<string, unknown[]>> {
  const c = config();
  const io = testIo();
  expect(await main(['ingest', file], io, c)).toBe(0);
  const { db } = await openReaderForCli(c);
  try {
    return await figures(db);
  } finally {
    await db.close();
  }
}

describe('the real report as a PDF, ingested', () => {
  it('is found in a folder and ingested by the CLI like a text', async () => {
    const io = testIo();
    expect(await main(['ingest', dir], io, config())).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^1 files?: 1 inserted/);
  });

  it('is stored with every figure, reading and finding of the text version', async () => {
    const fromPdf = await ingested(join(dir, 'gz-zfw-2023.pdf'));
    const fromText = await ingested(REAL_REPORT_FILE);
    expect(fromPdf.indicators).toHaveLength(15);
    expect(fromPdf.management_scores).toHaveLength(23);
    expect(fromPdf.data_quality_issues).toHaveLength(3);
    expect(fromPdf).toEqual(fromText);
  });

  it('keeps the PDF’s own pages: 表3 rows point at pages of the PDF', async () => {
    const c = config();
    expect(await main(['ingest', dir], testIo(), c)).toBe(0);
    const { db } = await openReaderForCli(c);
    try {
      const { rows } = await db.pool.query(
        'SELECT min(page) AS first, max(page) AS last, count(page) AS n FROM indicators',
      );
      expect(Number(rows[0]!.n)).toBe(15);
      expect(Number(rows[0]!.first)).toBeGreaterThanOrEqual(1);
      expect(Number(rows[0]!.last)).toBeLessThanOrEqual(8);
    } finally {
      await db.close();
    }
  });

  it('refuses a scanned PDF in validate, saying it has no text layer', async () => {
    const scanDir = mkdtempSync(join(tmpdir(), 'jixiao-scan-'));
    try {
      const file = join(scanDir, 'scanned.pdf');
      writeFileSync(
        file,
        await writePdf([{ kind: 'image', width: 400, height: 560 }], { footer: null }),
      );
      const io = testIo();
      expect(await main(['validate', file], io, config())).toBe(1);
      expect(io.stdout.join('\n')).toMatch(/scanned\.pdf.*no text layer/s);
    } finally {
      rmSync(scanDir, { recursive: true, force: true });
    }
  });
});
