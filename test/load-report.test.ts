import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportLoadError } from '../src/ingest/load/report-load-error.js';
import { loadReport } from '../src/ingest/load/report-loader.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';
import { tableCounts, tempDatabase } from './support/temp-database.js';

let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  t = await tempDatabase();
});
afterEach(async () => t.close());

const load = (text = realReportText(), options = {}) =>
  loadReport(t.db.kysely, parseReport(text, REAL_REPORT_FILE), text, options);

describe('loading a report', () => {
  it('stores the real report under gz-zfw with its parts', async () => {
    const result = await load();
    expect(result).toMatchObject({
      status: 'inserted',
      departmentCode: 'gz-zfw',
      year: 2023,
      dataQualityIssues: 3,
    });
    const counts = await tableCounts(t.db);
    expect(counts).toMatchObject({
      reports: 1,
      expenditure_by_nature: 5,
      indicators: 15,
      management_scores: 23,
      key_tasks: 3,
      revenue_by_function: 6,
      expenditure_by_function: 6,
      deductions: 4,
      data_quality_issues: 3,
    });
  });

  it('stores money as exact DECIMAL', async () => {
    await load();
    const { rows } = await t.db.pool.query(
      "SELECT any_value(typeof(final)) AS type, sum(final) AS total FROM expenditure_by_nature WHERE category IN ('BASIC', 'PROJECT')",
    );
    expect(rows[0]).toEqual({ type: 'DECIMAL(18,2)', total: '10105.79' });
  });

  it('changes nothing when the same file is loaded twice', async () => {
    await load();
    const before = await tableCounts(t.db);
    const again = await load();
    expect(again.status).toBe('unchanged');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses a different version of a stored report unless asked to replace it', async () => {
    await load();
    const revised = realReportText().replace(
      '我部门综合自评得分 96.97分',
      '我部门综合自评得分 96.97 分',
    );
    await expect(load(revised)).rejects.toMatchObject({
      name: 'ReportLoadError',
      code: 'VERSION_CONFLICT',
      message: expect.stringMatching(/different version of the 2023 report of gz-zfw/),
    });
    const replaced = await load(revised, { replace: true });
    expect(replaced.status).toBe('replaced');
    expect((await tableCounts(t.db)).reports).toBe(1);
    expect((await tableCounts(t.db)).indicators).toBe(15);
  });

  it('refuses a report of an unregistered department, naming the file', async () => {
    const text = realReportText().replace('中国共产党广州市委员会政法\n委员会', '某某未登记局');
    const refused = load(text);
    await expect(refused).rejects.toBeInstanceOf(ReportLoadError);
    await expect(refused).rejects.toMatchObject({ code: 'UNKNOWN_DEPARTMENT' });
    await expect(refused).rejects.toThrowError(
      /000_541c9492cc78057a\.txt: department "某某未登记局" \(from the title\) is not in the department registry/,
    );
    expect((await tableCounts(t.db)).reports).toBe(0);
  });
});

describe('derived report facts', () => {
  it('are recomputed with the report: equal to their definition after a load and a replace', async () => {
    await load();
    const revised = realReportText().replace(
      '人员经费 6,373.21 6,226.67 6,225.01',
      '人员经费 6,373.21 6,226.67 6,125.01',
    );
    await load(revised, { replace: true });
    const { rows } = await t.db.pool.query(
      'SELECT (SELECT count(*) FROM report_facts) AS stored, (SELECT count(*) FROM (SELECT * FROM report_facts EXCEPT SELECT * FROM report_facts_source)) AS differing',
    );
    expect(rows[0]).toEqual({ stored: 1, differing: 0 });
    const facts = await t.db.pool.query('SELECT personnel_final FROM report_facts');
    expect(facts.rows[0]!.personnel_final).toBe('6125.01');
  });
});
