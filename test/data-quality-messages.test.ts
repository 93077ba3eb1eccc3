import { describe, expect, it } from 'vitest';
import { compareDecimals, parseDecimal, subtractDecimals } from '../src/ingest/decimal.js';
import { reconcile } from '../src/ingest/reconcile.js';
import type { ParseNote } from '../src/ingest/report-document.js';
import { parseReportText } from '../src/ingest/report/national/parse-report-text.js';
import { renderNationalReport } from '../src/synthetic/national/render-national-report.js';
import { realReportText } from './support/real-report.js';

/**
 * Data-quality messages are read by finance analysts beside the report (docs/domain.md,
 * "Reconciliation"): in Chinese, naming the figure and where it is printed, with the stated and
 * the computed value in their unit and the difference. Every check family is made to fire here,
 * on the real report, a national-framework report of the synthetic demo, and damaged copies.
 */

/** A report text with each `[printed, damaged]` replaced once; fails if a printed text is absent. */
function damaged(text: string, ...replacements: (readonly [string, string])[]): string {
  return replacements.reduce((t, [printed, replacement]) => {
    if (!t.includes(printed)) throw new Error(`the report does not print ${printed}`);
    return t.replace(printed, replacement);
  }, text);
}

const REAL = realReportText();
const NATIONAL = renderNationalReport({
  seed: 3,
  departmentName: '示例市东湖示范区财政局',
  year: 2022,
  layout: {
    headings: 0,
    budgetForm: 'TABLE_THREE_STAGES',
    byFunction: true,
    indicatorTable: 'SEQ_ROWS',
  },
}).text;
const NATIONAL_TOTAL_ROW = renderNationalReport({
  seed: 3,
  departmentName: '示例市东湖示范区财政局',
  year: 2022,
  layout: {
    headings: 0,
    budgetForm: 'TABLE_THREE_STAGES',
    scoreTable: { form: 'ROWS', totalRow: true, rates: false, twoDecimals: true },
  },
}).text;
const NATIONAL_TWO_STAGES = renderNationalReport({
  seed: 3,
  departmentName: '示例市东湖示范区财政局',
  year: 2022,
  layout: { headings: 0, budgetForm: 'TABLE_TWO_STAGES' },
}).text;

/** Report texts by what was done to them, each read with the parser its template calls for. */
const REPORTS: Readonly<Record<string, string>> = {
  'the real report': REAL,
  'the real report, its prose totals off 表2': damaged(
    REAL,
    ['10,283.32万元，其中', '10,293.32万元，其中'],
    ['全年预算数 10,192.48', '全年预算数 10,198.48'],
    ['决算支出 10,105.79 万元', '决算支出 10,115.79 万元'],
    ['基本支出决算数 6,756.71万元', '基本支出决算数 6,766.71万元'],
  ),
  'the real report, 表2 项目支出 决算数 10 万元 higher': damaged(REAL, [
    '二、项目支出 3,505.9 3,432.92 3,349.08',
    '二、项目支出 3,505.9 3,432.92 3,359.08',
  ]),
  'the real report, stated shares and rates the amounts do not support': damaged(
    REAL,
    [' 66.86%；', ' 70.00%；'],
    ['支出进度 99.15%', '支出进度 98.15%'],
    ['支出执行率 99.15%', '支出执行率 98.15%'],
  ),
  'the real report, its self-score and 履职效能 weight misstated': damaged(
    REAL,
    ['综合自评得分 96.97分', '综合自评得分 96.99分'],
    ['（二）履职效能分析。指标分值 50分', '（二）履职效能分析。指标分值 51分'],
  ),
  'the real report, a 表4 row weighted 2 instead of 1 and a score rate misprinted': damaged(
    REAL,
    ['资产盘点情况 1 1 100%', '资产盘点情况 2 2 100%'],
    ['采购政策效能 1 0.98 98.00%', '采购政策效能 1 0.98 97.00%'],
  ),
  'the real report, its 管理效率 paragraph stating other points than 表4': damaged(
    REAL,
    ['被扣 3分；', '被扣 2.5分；'],
    ['的采购份额,扣 0.02分。', '的采购份额,扣 0.02分；三是档案整理不及时，扣0.3分。'],
  ),
  'the real report, its 部门决算支出 off 表2': damaged(REAL, [
    '10,105.79万元，其中：基本支出',
    '10,150.79万元，其中：基本支出',
  ]),
  'the real report, its 履职效能 paragraph restating another score and rate': damaged(
    REAL,
    ['指标分值 50分，得分 49.99分，', '指标分值 50分，得分 49.95分，'],
    ['得分率为 99.98%', '得分率为 99.90%'],
  ),
  'the real report without its 全年预算数 and its 履职效能 deduction': damaged(
    REAL,
    ['本部门 2023年度全年预算数 10,192.48', '本部门 2023年度'],
    ['未达到 100%，扣 0.01分。', '未达到 100%。'],
  ),
  'the real report titled 2024年度': damaged(REAL, ['2023年度中国共产党', '2024年度中国共产党']),
  'the real report with the number of 表3 row 2 lost': damaged(REAL, [
    '\n2 新媒体宣传影',
    '\n新媒体宣传影',
  ]),
  'the real report without the caption of 表1': damaged(REAL, [
    '表 1 2023年重点工作任务完成情况',
    '',
  ]),
  'the real report with figures that cannot be': damaged(
    REAL,
    ['公共安全预算收入 274.64万元', '公共安全预算收入 -274.64万元'],
    [' 66.86%；', ' 6686%；'],
    ['资产配置合规性 2 2 100%', '资产配置合规性 2 3 150%'],
  ),
  'the real report without 下一步改进措施': REAL.split('\n').slice(0, 836).join('\n'),
  'the real report without the heading of 管理效率分析': REAL.split('\n')
    .filter((_, i) => i + 1 !== 746)
    .join('\n'),
  'a national-framework report': NATIONAL,
  'a national-framework report with two budget stages': NATIONAL_TWO_STAGES,
  'a national-framework report, its 合计 row misprinted': NATIONAL_TOTAL_ROW.replace(
    /合计 (\d+\.\d+) (\d+)\.(\d+)/,
    (_, weight: string, int: string, frac: string) => `合计 ${weight} ${Number(int) - 1}.${frac}`,
  ),
  'a national-framework report, damaged': damaged(
    NATIONAL,
    ['公用经费 2,861.57 2,750.50 2,816.16', '公用经费 2,861.57 2,750.50 2,826.16'],
    ['人员经费 13,566.62 13,040.06 12,155.38', '人员经费 13,566.62 13,040.06 12,145.38'],
    ['卫生健康支出960.25万元', '卫生健康支出970.25万元'],
    ['支付进度率 2.00 2.00', '支付进度率 3.00 3.00'],
    ['被扣 0.9分', '被扣 0.7分'],
    ['\n（二）关键绩效指标完成情况', '另，档案整理不及时，扣0.3分。\n（二）关键绩效指标完成情况'],
    [
      '1 专项统计调查 组织开展专项统计调查不少于25项。 全年组织开展专项统计调查 25项。',
      '1 专项统计调查',
    ],
  ),
};

const findings = Object.entries(REPORTS).flatMap(([report, text]) =>
  reconcile(parseReportText(text, 'report.txt')).map((note) => ({ report, text, note })),
);

/** A check's family: its code without the stage or row it was made for. */
const familyOf = (check: string) =>
  check.replace(/^(nature\.(?:basic|total)_parts|management\.score_rate)\..*$/, '$1');

/** The figures of a message with their units, thousands separators removed. */
function figuresIn(message: string): { value: string; unit: string }[] {
  return [...message.matchAll(/(\d[\d,]*(?:\.\d+)?) ?(万元|分|%|个百分点)/g)].map((m) => ({
    value: parseDecimal(m[1]!)!,
    unit: m[2]!,
  }));
}

/** Whether a message gives `value` as a figure with a unit. */
const has = (figures: { value: string; unit: string }[], value: string) =>
  figures.some((f) => compareDecimals(f.value, value) === 0);

/** Where a figure is printed, as the reports name their tables and sections. */
const PLACES =
  /标题|表2|表3|表4|评分表|部门整体收支情况|部门整体支出情况|自评结论|绩效自评情况|履职效能分析|管理效率分析|关键绩效指标表|「[^」]+」一节|全国共性指标框架|报告未列|未找到/;

describe('data-quality messages', () => {
  it('are made to fire for every check family', () => {
    expect([...new Set(findings.map((f) => familyOf(f.note.check)))].sort()).toEqual(
      [
        'revenue.by_function',
        'expenditure.by_function',
        'nature.basic_parts',
        'nature.total_parts',
        'nature.total_vs_revenue',
        'nature.total_vs_full_year',
        'nature.total_vs_final',
        'nature.basic_vs_stated',
        'nature.project_vs_stated',
        'nature.scale_total_vs_final',
        'nature.personnel_vs_stated',
        'nature.public_vs_stated',
        'ratio.basic_share',
        'ratio.project_share',
        'ratio.execution_rate',
        'ratio.spending_progress',
        'ratio.part_score_rate',
        'score.paragraph_vs_conclusion',
        'score.table_total_row',
        'stated.not_found',
        'section.table_not_found',
        'title.year_vs_text',
        'indicator.row_missing',
        'deduction.unexplained',
        'range.negative_amount',
        'range.percent',
        'range.score_above_weight',
        'score.parts',
        'score.weights',
        'management.weights',
        'management.scores',
        'management.score_rate',
        'score.table_weights',
        'score.table_scores',
        'score.deductions',
        'deduction.paragraph_unmatched',
        'deduction.paragraph_vs_table',
        'section.missing',
        'template.missing_part',
        'template.part_not_found',
        'indicator.row_unreadable',
      ].sort(),
    );
  });

  it('are Chinese: no Latin word of three letters or more but what the report itself prints', () => {
    for (const { report, text, note } of findings) {
      for (const [word] of note.message.matchAll(/[A-Za-z]{3,}/g)) {
        expect(text, `${report}, ${note.check}: ${note.message}`).toContain(word);
      }
    }
  });

  it('say first which figure or part they are about and where the report prints it', () => {
    for (const { report, note } of findings) {
      const subject = note.message.split('：')[0]!;
      expect(subject, `${report}, ${note.check}`).toMatch(PLACES);
    }
  });

  it('give the stated and the computed figure with its unit, and their difference', () => {
    for (const { report, note } of findings) {
      const where = `${report}, ${note.check}: ${note.message}`;
      const figures = figuresIn(note.message);
      if (note.expected !== null) expect(has(figures, note.expected), where).toBe(true);
      if (note.actual !== null) expect(has(figures, note.actual), where).toBe(true);
      if (note.expected !== null && note.actual !== null) {
        const difference = subtractDecimals(note.actual, note.expected).replace(/^-/, '');
        expect(has(figures, difference), where).toBe(true);
      }
    }
  });

  it('print amounts in 万元 with thousands separators and the two decimals the reports use', () => {
    const amounts = findings.flatMap(({ note }) =>
      [...note.message.matchAll(/([\d,.]+) 万元/g)].map((m) => m[1]!),
    );
    expect(amounts.length).toBeGreaterThan(50);
    for (const amount of amounts) expect(amount).toMatch(/^\d{1,3}(?:,\d{3})*\.\d{2}$/);
  });

  it('say whether a difference is within rounding, as the severity does', () => {
    const compared = findings.filter(({ note }) => note.expected !== null && note.actual !== null);
    for (const { note } of compared) {
      expect(note.message.endsWith('（舍入级差异）'), note.message).toBe(note.severity === 'INFO');
    }
  });

  it('name the parts a sum was computed from, and the rows that lost the points', () => {
    const message = (report: string, check: string) =>
      findings.find((f) => f.report === report && f.note.check === check)!.note.message;
    expect(message('the real report', 'revenue.by_function')).toContain(
      '按功能分类 6 个科目（一般公共服务 5,781.20 万元、公共安全 274.64 万元、科学技术 1,580.00 万元、社会保障和就业 774.33 万元、卫生健康 35.86 万元、住房保障 1,837.30 万元）合计 10,283.33 万元',
    );
    expect(
      message(
        'the real report, its 管理效率 paragraph stating other points than 表4',
        'deduction.paragraph_vs_table',
      ),
    ).toContain(
      '报告所列扣 2.5 分，表4 对应行的失分（分值减得分）为「采购合同签订时效性」（第 795 行）2 分、「合同备案时效性」（第 797 行）1 分，合计 3 分，相差 0.5 分',
    );
    expect(
      message(
        'the real report, stated shares and rates the amounts do not support',
        'ratio.basic_share',
      ),
    ).toContain(
      '按表2「基本支出」决算数（第 437 行）6,756.71 万元 ÷ 表2「本年支出合计」决算数（第 435 行）10,105.79 万元计算为 66.8598%',
    );
  });
});
