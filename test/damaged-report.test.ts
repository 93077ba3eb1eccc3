import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { realReportText } from './support/real-report.js';
import { tableCounts, tempDatabase } from './support/temp-database.js';

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  t = await tempDatabase();
  const text = realReportText();
  // A stored report of another year, so "untouched" means more than "empty".
  const previous = text.replace('2023年度中国共产党', '2022年度中国共产党');
  await loadReport(t.db.kysely, parseReport(previous, 'previous.txt'), previous);
});
afterEach(async () => t.close());

/** Parses and loads a damaged text; returns the error and whether the database changed. */
async function ingestDamaged(text: string): Promise<{ error: ReportParseError; changed: boolean }> {
  const before = await tableCounts(t.db);
  let error: unknown;
  try {
    await loadReport(t.db.kysely, parseReport(text, 'damaged.txt'), text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ReportParseError);
  return {
    error: error as ReportParseError,
    changed: JSON.stringify(before) !== JSON.stringify(await tableCounts(t.db)),
  };
}

const lines = () => realReportText().split('\n');

describe('damaged reports are rejected with file, section and line, leaving the database as it was', () => {
  it('a missing table 2', async () => {
    const text = lines()
      .filter((_, i) => i + 1 < 420 || i + 1 > 443)
      .join('\n');
    const { error, changed } = await ingestDamaged(text);
    expect(error).toMatchObject({ file: 'damaged.txt', section: '表2 部门整体支出决算表' });
    expect(error.message).toMatch(/table 2 .* not found/);
    expect(changed).toBe(false);
  });

  it('a missing table 4', async () => {
    const text = lines()
      .filter((_, i) => i + 1 < 759 || i + 1 > 818)
      .join('\n');
    const { error, changed } = await ingestDamaged(text);
    expect(error).toMatchObject({ section: '表4 管理效率自评得分情况' });
    expect(changed).toBe(false);
  });

  it('a file truncated in the middle of table 3', async () => {
    const text = lines().slice(0, 600).join('\n');
    const { error, changed } = await ingestDamaged(text);
    expect(error).toMatchObject({ file: 'damaged.txt', section: '管理效率分析' });
    expect(error.line).toBeGreaterThan(500);
    expect(changed).toBe(false);
  });

  it('an amount of table 2 replaced by text', async () => {
    const text = realReportText().replace(
      '公用经费 404.21 532.88 531.70',
      '公用经费 404.21 五百三十二 531.70',
    );
    const { error, changed } = await ingestDamaged(text);
    expect(error).toMatchObject({ section: '表2 部门整体支出决算表', line: 441 });
    expect(changed).toBe(false);
  });

  it('a self-score replaced by text', async () => {
    const text = realReportText().replace('综合自评得分 96.97分', '综合自评得分 九十六分');
    const { error, changed } = await ingestDamaged(text);
    expect(error).toMatchObject({ section: '自评结论' });
    expect(error.message).toMatch(/total self-score/);
    expect(changed).toBe(false);
  });

  it('an empty file', async () => {
    const { error, changed } = await ingestDamaged('');
    expect(error.message).toBe('damaged.txt: [标题] the file is empty');
    expect(changed).toBe(false);
  });
});
