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

  it('says in Chinese which figure, where, both values, the parts summed and the rounding-level difference', () => {
    expect(reconcile(doc()).map((n) => n.message)).toEqual([
      '部门整体收支情况「年初预算收入」（第 395 行）：报告所列 10,283.32 万元，按功能分类 6 个科目（一般公共服务 5,781.20 万元、公共安全 274.64 万元、科学技术 1,580.00 万元、社会保障和就业 774.33 万元、卫生健康 35.86 万元、住房保障 1,837.30 万元）合计 10,283.33 万元，相差 0.01 万元（舍入级差异）',
      '部门整体收支情况「决算支出」（第 405 行）：报告所列 10,105.79 万元，按功能分类 6 个科目（一般公共服务 5,438.96 万元、公共安全 202.01 万元、科学技术 1,590.91 万元、社会保障和就业 931.91 万元、卫生健康 27.37 万元、住房保障 1,914.64 万元）合计 10,105.80 万元，相差 0.01 万元（舍入级差异）',
      '表2「基本支出」全年预算数（第 437 行）：报告所列 6,759.56 万元，人员经费 6,226.67 万元与公用经费 532.88 万元合计 6,759.55 万元，相差 0.01 万元（舍入级差异）',
    ]);
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
      message:
        '部门整体收支情况「基本支出占比」（第 418 行）：报告所列 70.00%，按表2「基本支出」决算数（第 437 行）6,756.71 万元 ÷ 表2「本年支出合计」决算数（第 435 行）10,105.79 万元计算为 66.8598%，相差 3.1402 个百分点（超出舍入误差）',
    });
  });
});
