import { describe, expect, it } from 'vitest';
import { scoreTableDeductions } from '../src/ingest/report/national/national-deductions.js';
import { parseNationalBudgetTable } from '../src/ingest/report/national/national-budget-table.js';
import { locateNationalSections } from '../src/ingest/report/national/national-sections.js';
import { parseKeyIndicatorTable } from '../src/ingest/report/national/parse-key-indicator-table.js';
import { parseScoreTable } from '../src/ingest/report/national/parse-score-table.js';
import { parseStatedDeductions } from '../src/ingest/report/parse-deductions.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { splitLines } from '../src/ingest/report/source-text.js';

const lines = (text: readonly string[]) => splitLines(text.join('\n'));

/** Score rows as level1/level2/level3 weight score. */
function scoreRows(text: readonly string[]): string[] {
  const table = parseScoreTable(lines(text));
  return (table?.rows ?? []).map(
    (r) => `${r.level1}/${r.level2}/${r.level3} ${r.weight} ${r.score}`,
  );
}

describe('the score table', () => {
  it('reads one row per line, the merged level-1 and level-2 cells on a group’s first row', () => {
    const text = [
      '表2 部门整体支出绩效评价指标评分表',
      '一级指标 二级指标 三级指标 分值 得分',
      '投入 目标设定 绩效目标合理性 4 4',
      '绩效指标明确性 4 3.5',
      '预算配置 “三公经费”变动率 4 4',
      '过程 预算执行 预算完成率 3 2.77',
      '产出 职责履行 实际完成率 8 8',
      '效果 履职效益 社会公众或服务对象满意度 6 5.5',
      '合计 29 27.77',
    ];
    expect(scoreRows(text)).toEqual([
      '投入/目标设定/绩效目标合理性 4 4',
      '投入/目标设定/绩效指标明确性 4 3.5',
      '投入/预算配置/“三公经费”变动率 4 4',
      '过程/预算执行/预算完成率 3 2.77',
      '产出/职责履行/实际完成率 8 8',
      '效果/履职效益/社会公众或服务对象满意度 6 5.5',
    ]);
  });

  it('reads the 合计 row as the total, not as a row, and spans the table from its title', () => {
    const table = parseScoreTable(
      lines([
        '表2 评分表',
        '一级指标 二级指标 三级指标 分值 得分',
        '投入 目标设定 绩效目标合理性 100 96',
        '合计 100 96',
        '扣分原因如下。',
      ]),
    )!;
    expect(table.total).toEqual({ weight: '100', score: '96', line: 4 });
    expect(table.rows).toHaveLength(1);
    expect([table.start, table.end]).toEqual([0, 4]);
  });

  it('reads cells broken across lines: the header cell by cell, merged cells alone, names in parts', () => {
    const text = [
      '一级指标',
      '二级指标',
      '三级指标',
      '分值',
      '得分',
      '投入',
      '目标设定',
      '绩效目标合理性 4 4',
      '绩效指标明确',
      '性 4 3.5',
      '过程',
      '预算管理',
      '资金使用合规性',
      '3 2.5',
      '预决算信息公开',
      '性 2 2',
    ];
    expect(scoreRows(text)).toEqual([
      '投入/目标设定/绩效目标合理性 4 4',
      '投入/目标设定/绩效指标明确性 4 3.5',
      '过程/预算管理/资金使用合规性 3 2.5',
      '过程/预算管理/预决算信息公开性 2 2',
    ]);
  });

  it('gives a broken row the line where its name begins', () => {
    const table = parseScoreTable(
      lines(['一级指标 二级指标 三级指标 分值 得分', '投入 目标设定', '绩效指标明确', '性 4 3.5']),
    )!;
    expect(table.rows[0]!.line).toBe(3);
  });

  it('keeps 得分率 as printed, and skips a header repeated after a page break', () => {
    const table = parseScoreTable(
      lines([
        '一级指标 二级指标 三级指标 分值 得分 得分率',
        '投入 目标设定 绩效目标合理性 4 3 75%',
        '\f续表',
        '一级指标 二级指标 三级指标 分值 得分 得分率',
        '绩效指标明确性 4 4 100%',
      ]),
    )!;
    expect(table.rows.map((r) => r.scoreRate)).toEqual(['75', '100']);
    expect(table.rows[1]!.level2).toBe('目标设定');
  });

  it('ends at the next heading, and is absent from a text without one', () => {
    const text = [
      '一级指标 二级指标 三级指标 分值 得分',
      '投入 目标设定 绩效目标合理性 4 4',
      '四、存在的问题',
      '问题 1 1',
    ];
    expect(scoreRows(text)).toHaveLength(1);
    expect(parseScoreTable(lines(['本部门自评得分95分。']))).toBeNull();
  });
});

/** Indicator rows as seq|name|target|actual. */
function indicatorRows(text: readonly string[]): string[] {
  const table = parseKeyIndicatorTable(lines(text));
  return (table?.rows ?? []).map((r) => `${r.seq}|${r.name}|${r.targetText}|${r.actualText}`);
}

describe('the key indicator table', () => {
  it('reads numbered rows of one line each, with stray spaces around numbers inside cells', () => {
    const text = [
      '序号 指标名称 年度目标值 实际完成值',
      '1 专题宣传教育活动 开展不少于 4次的群众专题宣传教育活动。 2023年组织开展群众专题宣传教育活动 5次。',
      '2 新媒体宣传影响力 粉丝总数累计超过 170万人 达到210.96万人',
      '3 群众满意度 ≥90% 100%',
      '4 打造示范项目 10 个 12 个',
    ];
    expect(indicatorRows(text)).toEqual([
      '1|专题宣传教育活动|开展不少于4次的群众专题宣传教育活动。|2023年组织开展群众专题宣传教育活动5次。',
      '2|新媒体宣传影响力|粉丝总数累计超过170万人|达到210.96万人',
      '3|群众满意度|≥90%|100%',
      '4|打造示范项目|10个|12个',
    ]);
  });

  it('reads numbered rows broken column by column: the name’s lines, the target’s, the actual’s', () => {
    const text = [
      '序号 指标名称 年度指标值 实际完成值',
      '1',
      '新媒体宣传影',
      '响力提升',
      '粉丝总数累计超过170万人',
      '达到210.96万人',
      '2 完成信息化项目初',
      '步验收',
      '通过信息化项目初步验收。',
      '项目已于 2019年 12月 7日通过',
      '初步验收。',
    ];
    expect(indicatorRows(text)).toEqual([
      '1|新媒体宣传影响力提升|粉丝总数累计超过170万人|达到210.96万人',
      '2|完成信息化项目初步验收|通过信息化项目初步验收。|项目已于2019年12月7日通过初步验收。',
    ]);
  });

  it('reads a one-line row wrapped onto the next line, and takes `2 次。` for a cell, not row 2', () => {
    const text = [
      '序号 指标名称 年度目标值 实际完成值',
      '1 专题宣传教育活动 开展不少于4次的群众专题宣传',
      '教育活动。 全年开展群众专题宣传教育活动',
      '2 次。',
    ];
    expect(indicatorRows(text)).toEqual([
      '1|专题宣传教育活动|开展不少于4次的群众专题宣传教育活动。|全年开展群众专题宣传教育活动2次。',
    ]);
  });

  it('reads the 一级/二级/三级指标 layout, merged cells on a group’s first row or alone', () => {
    const text = [
      '一级指标 二级指标 三级指标 指标值 实际完成值',
      '产出 数量指标 业务培训人次 培训不少于500人次。 全年培训620人次。',
      '政务信息报送数量 报送政务信息不少于 60条。 报送政务信息 72条。',
      '效果',
      '满意度指标',
      '服务对象满意度 ≥90% 95%',
    ];
    expect(indicatorRows(text)).toEqual([
      '1|业务培训人次|培训不少于500人次。|全年培训620人次。',
      '2|政务信息报送数量|报送政务信息不少于60条。|报送政务信息72条。',
      '3|服务对象满意度|≥90%|95%',
    ]);
  });

  it('notes a row it cannot split into name, target and actual, and keeps the others', () => {
    const table = parseKeyIndicatorTable(
      lines(['序号 指标名称 年度目标值 实际完成值', '1 只有名称', '2 群众满意度 ≥90% 95%']),
    )!;
    expect(table.rows.map((r) => r.seq)).toEqual([2]);
    expect(table.notes.map((n) => [n.check, n.severity])).toEqual([
      ['indicator.row_unreadable', 'WARNING'],
    ]);
  });

  it('is not the score table: a header naming 分值 and 得分 is no indicator header', () => {
    expect(
      parseKeyIndicatorTable(
        lines(['一级指标 二级指标 三级指标 分值 得分', '投入 目标设定 绩效目标合理性 4 4']),
      ),
    ).toBeNull();
  });
});

describe('the expenditure table', () => {
  it('reads the stages its header names, in its order, and leaves the others null', () => {
    const table = parseNationalBudgetTable(
      'x.txt',
      lines([
        '表1 2023年度部门整体支出情况表',
        '单位：万元',
        '项目 调整后预算数 决算数',
        '支出合计 1,300.00 1,250.00',
        '基本支出 900.00 880.5',
        '其中：人员经费 800.00 790.00',
        '公用经费 100.00 90.50',
        '项目支出 400.00 369.50',
      ]),
    )!;
    // Each row keeps the line it was read from (4 and 7 of the table's text).
    expect(table.byNature.TOTAL).toEqual({
      initialBudget: null,
      fullYearBudget: '1300',
      final: '1250',
      line: 4,
    });
    expect(table.byNature.PUBLIC).toEqual({
      initialBudget: null,
      fullYearBudget: '100',
      final: '90.5',
      line: 7,
    });
    expect([table.start, table.end]).toEqual([0, 8]);
  });

  it('refuses a category printed twice: budget figures are not guessed', () => {
    expect(() =>
      parseNationalBudgetTable(
        'x.txt',
        lines(['项目 决算数', '支出合计 1,250.00', '基本支出 880.50', '基本支出 880.50']),
      ),
    ).toThrow(ReportParseError);
  });
});

describe('deductions of the score table', () => {
  const table = parseScoreTable(
    lines([
      '一级指标 二级指标 三级指标 分值 得分',
      '投入 目标设定 绩效指标明确性 4 3.4',
      '过程 预算管理 管理制度健全性 2 2',
      '资产管理 管理制度健全性 1 0.5',
      '效果 履职效益 社会效益 6 5.8',
    ]),
  )!;

  it('are the rows scored below their weight: 投入/过程 as MANAGEMENT, 产出/效果 as DUTY', () => {
    const { deductions } = scoreTableDeductions(table.rows, []);
    expect(deductions.map((d) => [d.part, d.item, d.points, d.source])).toEqual([
      ['MANAGEMENT', '绩效指标明确性', '0.6', 'TABLE'],
      ['MANAGEMENT', '管理制度健全性', '0.5', 'TABLE'],
      ['DUTY', '社会效益', '0.2', 'TABLE'],
    ]);
  });

  it('take the reason of the clause naming their item, and its group where the name repeats', () => {
    const stated = parseStatedDeductions(
      '扣分原因：一是部分绩效指标未细化量化，致使“绩效指标明确性”指标被扣0.6分；二是固定资产管理制度未及时修订，致使资产管理“管理制度健全性”指标被扣0.5分。',
    );
    const { deductions, notes } = scoreTableDeductions(table.rows, stated);
    expect(deductions.map((d) => [d.item, d.level2, d.reason, d.source])).toEqual([
      ['绩效指标明确性', '目标设定', '部分绩效指标未细化量化', 'BOTH'],
      ['管理制度健全性', '资产管理', '固定资产管理制度未及时修订', 'BOTH'],
      ['社会效益', '履职效益', null, 'TABLE'],
    ]);
    expect(notes).toEqual([]);
  });

  it('keep a stated deduction no row shows, with a warning', () => {
    const stated = parseStatedDeductions('扣分原因：档案整理不及时，扣0.3分。');
    const { deductions, notes } = scoreTableDeductions(table.rows, stated);
    expect(deductions.at(-1)).toMatchObject({ item: null, points: '0.3', source: 'PARAGRAPH' });
    expect(notes.map((n) => [n.check, n.severity])).toEqual([
      ['deduction.paragraph_unmatched', 'WARNING'],
    ]);
  });
});

describe('the sections of a national report', () => {
  it('are found by their headings, 部门整体支出绩效情况 being the evaluation, not the finance section', () => {
    const sections = locateNationalSections(
      'x.txt',
      lines([
        '一、部门基本概况',
        '二、部门预算收支情况',
        '三、部门整体支出绩效情况',
        '四、存在的主要问题',
        '五、下一步改进措施',
        '六、绩效自评结果应用',
      ]),
    );
    expect(Object.values(sections).map((s) => [s.id, s.heading.text])).toEqual([
      ['basics', '一、部门基本概况'],
      ['finance', '二、部门预算收支情况'],
      ['evaluation', '三、部门整体支出绩效情况'],
      ['problems', '四、存在的主要问题'],
      ['improvements', '五、下一步改进措施'],
      ['resultsUse', '六、绩效自评结果应用'],
    ]);
  });

  it('fall back on sub-headings where no main heading holds the finance section', () => {
    const sections = locateNationalSections(
      'x.txt',
      lines(['一、部门基本情况', '（二）部门整体支出情况', '本部门支出总计100万元。']),
    );
    expect(sections.finance?.heading.text).toBe('（二）部门整体支出情况');
  });

  it('refuse a report without a finance section, naming the section', () => {
    expect(() =>
      locateNationalSections('x.txt', lines(['一、部门基本情况', '三、绩效自评情况'])),
    ).toThrow(/部门整体支出情况/);
  });
});
