import { describe, expect, it } from 'vitest';
import { reconcile } from '../src/ingest/reconcile.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';

const doc = () => parseReport(realReportText(), REAL_REPORT_FILE);

describe('reconciliation', () => {
  it('finds exactly the three 0.01 rounding differences of the real report', () => {
    expect(reconcile(doc()).map((n) => [n.check, n.severity, n.expected, n.actual])).toEqual([
      ['revenue.by_function', 'INFO', '10283.32', '10283.33'],
      ['expenditure.by_function', 'INFO', '10105.79', '10105.8'],
      ['nature.basic_parts.fullYearBudget', 'INFO', '6759.56', '6759.55'],
    ]);
  });

  it('says the differences are rounding-level in the message', () => {
    expect(reconcile(doc()).every((n) => n.message.includes('rounding-level'))).toBe(true);
  });

  it('matches the stated 66.86 %, 33.14 % and 99.15 % with the computed ratios', () => {
    expect(reconcile(doc()).filter((n) => n.check.startsWith('ratio.'))).toEqual([]);
  });

  it('balances the self-score: 96.97 = 49.99 + 46.98 and 100 − 96.97 = 3.03 points deducted', () => {
    expect(
      reconcile(doc()).filter(
        (n) => n.check.startsWith('score.') || n.check.startsWith('management.'),
      ),
    ).toEqual([]);
  });

  it('reports a difference beyond rounding as an error', () => {
    const d = doc();
    d.byNature.PROJECT.final = '3000.00';
    const errors = reconcile(d)
      .filter((n) => n.severity === 'ERROR')
      .map((n) => n.check);
    expect(errors).toContain('nature.total_parts.final');
    expect(errors).toContain('nature.project_vs_stated');
  });

  it('flags a stated share that the amounts do not support', () => {
    const d = doc();
    d.statedFigures = d.statedFigures.map((f) =>
      f.name === 'basic_share' ? { ...f, value: '70.00' } : f,
    );
    expect(reconcile(d).find((n) => n.check === 'ratio.basic_share')).toMatchObject({
      severity: 'WARNING',
      expected: '70.00',
    });
  });
});
