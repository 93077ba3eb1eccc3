import { describe, expect, it } from 'vitest';
import { reportRows } from '../src/ingest/load/report-rows.js';
import { normaliseIndicator } from '../src/ingest/indicator/indicator-normaliser.js';
import { reconcile } from '../src/ingest/reconcile.js';
import type { ParseNote } from '../src/ingest/report-document.js';
import { parseReportText } from '../src/ingest/report/national/parse-report-text.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { renderNationalReport } from '../src/synthetic/national/render-national-report.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';

/**
 * Nothing plausible and wrong is stored silently (issue 11), family by family, on the real report
 * and a national-framework report of the demo: every figure stated twice is reconciled, a figure
 * the template always states is missed aloud, figures that cannot be are named, percentages keep
 * their printed precision, and a file holding more than one report is refused.
 */

const REAL = realReportText();
const LINES = REAL.split('\n');

/** The real report with each `[printed, replacement]` replaced once; fails if one is not printed. */
function damaged(...replacements: (readonly [string, string])[]): string {
  return replacements.reduce((text, [printed, replacement]) => {
    if (!text.includes(printed)) throw new Error(`the report does not print ${printed}`);
    return text.replace(printed, replacement);
  }, REAL);
}

/** A finding without its line numbers: a deleted line moves the real report's own findings. */
const identity = (n: ParseNote) => n.message.replace(/（第 [\d、]+ 行）/g, '');
const REAL_FINDINGS = new Set(reconcile(parseReportText(REAL, REAL_REPORT_FILE)).map(identity));

/** The findings of a text the real report does not have, as [check, severity, message]. */
function findings(text: string, file = 'damaged.txt'): [string, string, string][] {
  return reconcile(parseReportText(text, file))
    .filter((n) => !REAL_FINDINGS.has(identity(n)))
    .map((n) => [n.check, n.severity, n.message]);
}

/** The ReportParseError a text raises (fails the test when it raises none). */
function refusal(text: string, file = 'damaged.txt'): ReportParseError {
  try {
    parseReportText(text, file);
  } catch (error) {
    if (error instanceof ReportParseError) return error;
    throw error;
  }
  throw new Error('the report was not refused');
}

const NATIONAL = renderNationalReport({
  seed: 3,
  departmentName: '示例市东湖示范区财政局',
  year: 2022,
  layout: {
    headings: 0,
    budgetForm: 'TABLE_THREE_STAGES',
    scoreTable: { form: 'ROWS', totalRow: true, rates: false, twoDecimals: true },
  },
}).text;

const NATIONAL_FINDINGS = new Set(
  reconcile(parseReportText(NATIONAL, 'national.txt')).map((n) => n.message),
);

/** The national report's new findings after replacing `printed` with `replacement`. */
function nationalFindings(printed: string, replacement: string): [string, string, string][] {
  if (!NATIONAL.includes(printed)) throw new Error(`the report does not print ${printed}`);
  return reconcile(parseReportText(NATIONAL.replace(printed, replacement), 'national.txt'))
    .filter((n) => !NATIONAL_FINDINGS.has(n.message))
    .map((n) => [n.check, n.severity, n.message]);
}

describe('a figure the report states twice', () => {
  it('部门决算支出 10,150.79 in 3.支出规模 against 表2 10,105.79 is an ERROR naming both lines', () => {
    expect(
      findings(damaged(['10,105.79万元，其中：基本支出', '10,150.79万元，其中：基本支出'])),
    ).toEqual([
      [
        'nature.scale_total_vs_final',
        'ERROR',
        '部门整体收支情况「部门决算支出」（第 417 行）：报告所列 10,150.79 万元，表2「本年支出合计」决算数（第 435 行）为 10,105.79 万元，相差 45.00 万元（超出舍入误差）',
      ],
    ]);
  });

  it('a part score its paragraph restates otherwise than 自评结论, and a 得分率 off its score', () => {
    expect(
      findings(
        damaged(
          ['指标分值 50分，得分 49.99分，', '指标分值 50分，得分 49.95分，'],
          ['得分率为 93.96%', '得分率为 93.90%'],
        ),
      ),
    ).toEqual([
      [
        'score.paragraph_vs_conclusion',
        'ERROR',
        '自评结论「履职效能得分」（第 518 行）：报告所列 49.99 分，履职效能分析「得分」（第 519 行）为 49.95 分，相差 0.04 分（超出舍入误差）',
      ],
      // The paragraph's 99.98 % is the rate of the 49.99 it should have restated.
      [
        'ratio.part_score_rate',
        'WARNING',
        '履职效能分析「得分率」（第 521 行）：报告所列 99.98%，按得分 49.95 分 ÷ 分值 50 分计算为 99.9000%，相差 0.08 个百分点（超出舍入误差）',
      ],
      [
        'ratio.part_score_rate',
        'WARNING',
        '管理效率分析「得分率」（第 748 行）：报告所列 93.90%，按得分 46.98 分 ÷ 分值 50 分计算为 93.9600%，相差 0.06 个百分点（超出舍入误差）',
      ],
    ]);
  });

  it('the title’s year against the year the budget is stated for', () => {
    expect(findings(damaged(['2023年度中国共产党', '2024年度中国共产党']))).toEqual([
      [
        'title.year_vs_text',
        'WARNING',
        '标题（第 1 行）：标题所列年度为 2024 年，正文按 2023 年陈述年度预算收支或部门整体支出（第 393、403、415、420、512 行），两处年度不一致，请核对报告所属年度',
      ],
    ]);
  });

  it('national: 人员经费 of the prose against its table, and the score table’s 合计 row against its rows', () => {
    expect(
      nationalFindings(
        '人员经费 13,566.62 13,040.06 12,155.38',
        '人员经费 13,566.62 13,040.06 12,145.38',
      ),
    ).toContainEqual([
      'nature.personnel_vs_stated',
      'ERROR',
      '部门整体支出情况「人员经费」（第 30 行）：报告所列 12,155.38 万元，部门整体支出情况表「人员经费」决算数（第 43 行）为 12,145.38 万元，相差 10.00 万元（超出舍入误差）',
    ]);
    expect(nationalFindings('合计 100.00 97.52', '合计 100.00 97.25')).toEqual([
      [
        'score.table_total_row',
        'ERROR',
        '评分表「合计」得分（第 96 行）：报告所列 97.25 分，评分表 28 个三级指标得分合计 97.52 分，相差 0.27 分（超出舍入误差）',
      ],
    ]);
  });
});

describe('a figure the template always states that cannot be found', () => {
  it('年初预算收入 and its functional classes, their line deleted: named, not a silent empty value', () => {
    const text = LINES.filter((_, i) => i + 1 !== 395).join('\n');
    expect(findings(text).map(([check, , message]) => [check, message])).toEqual([
      [
        'stated.not_found',
        '部门整体收支情况：未找到「年初预算收入」，该数留空，无法与按功能分类合计和表2「本年支出合计」年初预算数核对',
      ],
      [
        'stated.not_found',
        '部门整体收支情况：未找到「按功能分类的年初预算收入」，该数留空，无法与年初预算收入合计核对',
      ],
    ]);
  });

  it('a part’s 得分率, and the deduction that explains its lost points', () => {
    expect(
      findings(damaged(['得分率为 99.98%。', '。'], ['未达到 100%，扣 0.01分。', '未达到 100%。'])),
    ).toEqual([
      // Without its 0.01, the deductions fall short of the points lost by as little as rounding.
      [
        'score.deductions',
        'INFO',
        '自评结论「扣分」：总分值 100 分减自评得分 96.97 分为 3.03 分，扣分 3 项（采购合同签订时效性 2 分、合同备案时效性 1 分、采购政策效能 0.02 分）合计 3.02 分，相差 0.01 分（舍入级差异）',
      ],
      [
        'deduction.unexplained',
        'WARNING',
        '自评结论「履职效能」扣分：分值 50 分减得分 49.99 分为 0.01 分，履职效能分析未说明扣分原因（所列扣分合计 0 分），相差 0.01 分',
      ],
      ['stated.not_found', 'WARNING', '履职效能分析：未找到「得分率」，无法与得分和分值核对'],
    ]);
  });

  it('national: 基本支出 missing beside 项目支出, and a row of the expenditure table', () => {
    const checks = nationalFindings('基本支出 16,428.19 15,790.56 14,971.54\n', '').filter(
      ([check]) => check === 'stated.not_found',
    );
    expect(checks.map(([, , message]) => message)).toEqual([
      '部门整体支出情况表：未找到「基本支出」行，该行各阶段金额按文中所述或留空',
    ]);
  });
});

describe('figures that cannot be', () => {
  it('a title year outside 2000–2100 is refused at the title', () => {
    for (const year of ['1999', '2101', '7023']) {
      const error = refusal(damaged(['2023年度中国共产党', `${year}年度中国共产党`]));
      expect(error).toMatchObject({ file: 'damaged.txt', section: '标题', line: 1 });
      expect(error.message).toContain(`the fiscal year ${year} is outside 2000–2100`);
    }
  });

  it('a rate of 9915 % is named as out of range as well as off the amounts', () => {
    const found = findings(damaged(['支出执行率 99.15%', '支出执行率 9915%']));
    expect(found.map(([check, severity]) => [check, severity])).toEqual([
      ['ratio.execution_rate', 'WARNING'],
      ['range.percent', 'WARNING'],
    ]);
    expect(found[1]![2]).toBe(
      '部门整体收支情况「支出执行率」（第 413 行）：报告所列 9,915%，超出 0%–100% 的合理范围（占比、执行率和得分率不超过 100%），请核对是否漏印或错印小数点',
    );
  });

  it('a score above its weight, and a negative amount', () => {
    const found = findings(
      damaged(
        ['资产配置合规性 2 2 100%', '资产配置合规性 2 3 150%'],
        ['公共安全预算收入 274.64万元', '公共安全预算收入 -274.64万元'],
      ),
    );
    expect(found.filter(([check]) => check.startsWith('range.'))).toEqual([
      [
        'range.negative_amount',
        'ERROR',
        '部门整体收支情况「公共安全」年初预算收入（第 397 行）：报告所列 -274.64 万元，金额不能为负数',
      ],
      [
        'range.score_above_weight',
        'ERROR',
        '表4「资产配置合规性」（第 803 行）：得分 3 分高于分值 2 分，相差 1 分，得分不能超过分值',
      ],
      [
        'range.percent',
        'WARNING',
        '表4「资产配置合规性」得分率（第 803 行）：报告所列 150%，超出 0%–100% 的合理范围（占比、执行率和得分率不超过 100%），请核对是否漏印或错印小数点',
      ],
    ]);
  });

  it('9522 % in a 表3 cell is a lost decimal point, not a rate: the row is not understood', () => {
    const result = normaliseIndicator({
      name: '刑事案件网上提捕、移送审查起诉率',
      target: '公安机关通过跨部门办案平台实现网上提捕、移送审查起诉认罪认罚盗窃案件达90%。',
      actual: '公安机关通过跨部门办案平台实现网上提捕案件率9522%、移送审查95.02%。',
    });
    expect(result).toEqual({
      understood: false,
      reason: "percentage '9522%' of 1000 % or more: a decimal point lost in print?",
      measures: [],
    });
  });

  it('an actual ten times its target is stored with a WARNING to check the printed cells', () => {
    const text = damaged(['210.96万人。', '2109.6万人。']);
    const { rows } = reportRows({
      doc: parseReportText(text, REAL_REPORT_FILE),
      departmentCode: 'gz-zfw',
      contentSha256: '0',
      synthetic: false,
    });
    expect(
      rows.data_quality_issues!.filter((i) => i.check_name === 'indicator.implausible_attainment'),
    ).toMatchObject([
      {
        severity: 'WARNING',
        message:
          '表3「新媒体宣传影响力提升」（第 543 行）：实际完成值「达到2109.6万人」与预期值「超过170万人」相比，完成程度为 12.41 倍，远超合理范围，请核对是否错印或漏印（小数点、单位）',
      },
    ]);
  });
});

describe('percentages keep the precision they are printed with', () => {
  const doc = parseReportText(REAL, REAL_REPORT_FILE);

  it('a stated 99.15 % and a 表4 rate of 98.00 % keep their two decimals beside their values', () => {
    expect(doc.statedFigures.find((f) => f.name === 'execution_rate')).toMatchObject({
      value: '99.15',
      decimals: 2,
    });
    expect(doc.managementScores.find((r) => r.level3 === '采购政策效能')).toMatchObject({
      scoreRate: '98',
      scoreRateDecimals: 2,
    });
  });

  it('97.00 % against a computed 98 % is a WARNING a point off, not rounding to 0 decimals', () => {
    expect(findings(damaged(['采购政策效能 1 0.98 98.00%', '采购政策效能 1 0.98 97.00%']))).toEqual(
      [
        [
          'management.score_rate.15',
          'WARNING',
          '表4「采购政策效能」得分率（第 799 行）：报告所列 97.00%，按得分 0.98 分 ÷ 分值 1 分计算为 98.0000%，相差 1 个百分点（超出舍入误差）',
        ],
      ],
    );
  });

  it('a stated 99.10 % is named as printed, with its trailing zero', () => {
    const [[, severity, message]] = findings(damaged(['支出进度 99.15%', '支出进度 99.10%'])) as [
      [string, string, string],
    ];
    expect(severity).toBe('WARNING');
    expect(message).toContain('报告所列 99.10%');
  });
});

describe('a file holding more than one report, or a table twice', () => {
  it('the report twice is refused at the title of the second copy', () => {
    const error = refusal(`${REAL}\n${REAL}`);
    expect(error).toMatchObject({ section: '标题', line: LINES.length + 1 });
    expect(error.message).toContain('a second report title');
  });

  it('表2 appended after the report is refused at the copy’s caption', () => {
    const error = refusal([...LINES, ...LINES.slice(419, 443)].join('\n'));
    expect(error).toMatchObject({ section: '表2 部门整体支出决算表', line: LINES.length + 1 });
    expect(error.message).toContain('appears a second time (first at line 420)');
  });

  it('a national report twice is refused, and its score table twice', () => {
    const lines = NATIONAL.split('\n');
    expect(refusal(`${NATIONAL}\n${NATIONAL}`, 'national.txt')).toMatchObject({
      section: '标题',
      line: lines.length + 1,
    });
    const table = lines.slice(56, 96);
    const withCopy = [...lines.slice(0, 96), ...table, ...lines.slice(96)].join('\n');
    expect(refusal(withCopy, 'national.txt')).toMatchObject({ section: '评分表', line: 97 });
  });

  it('prose repeated after the last section changes no figure and is accepted', () => {
    const text = [...LINES, ...LINES.slice(446, 463)].join('\n');
    expect(findings(text)).toEqual([]);
  });
});

describe('表3 rows whose numbers skip', () => {
  it('are all read, and the gap is named', () => {
    const text = damaged(['\n2 新媒体宣传影', '\n新媒体宣传影']);
    expect(parseReportText(text, 'damaged.txt').indicators.map((r) => r.seq)).toEqual([
      1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(findings(text)).toEqual([
      [
        'indicator.row_missing',
        'WARNING',
        '表3（第 557 行）：缺少序号 2 的行（序号 1 之后为 3），序号 1 的行可能混入了缺失行的内容，请核对该表',
      ],
    ]);
  });
});
