import { describe, expect, it } from 'vitest';
import { parseExpenditureTable } from '../src/ingest/report/parse-expenditure-table.js';
import { parseIndicatorTable } from '../src/ingest/report/parse-indicator-table.js';
import { parseKeyTaskTable } from '../src/ingest/report/parse-key-task-table.js';
import { parseManagementTable } from '../src/ingest/report/parse-management-table.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { splitLines } from '../src/ingest/report/source-text.js';

/**
 * Tables as jixiao's PDF extraction writes them: one line per row, cells separated by a tab,
 * a row split by a page break continued on the next page's line (after a form feed).
 */
const rows = (...lines: string[]) => splitLines(lines.join('\n'));

describe('表1 with one line per row', () => {
  const header = '年度重点工作任务\t任务绩效目标\t实际完成情况';

  it('reads each row as a task with its name, target and actual', () => {
    const tasks = parseKeyTaskTable(
      't.pdf',
      rows(
        '表 1 2023年重点工作任务完成情况',
        header,
        '法学业务工作\t开展法学研究。\t出版《法治论坛》集刊 4辑。',
        '部门日常业务工作\t持续开展群防共治。\t有效促进了广州社会大局和谐稳定。',
      ),
    );
    expect(tasks).toEqual([
      {
        seq: 1,
        name: '法学业务工作',
        targetText: '开展法学研究。',
        actualText: '出版《法治论坛》集刊4辑。',
      },
      {
        seq: 2,
        name: '部门日常业务工作',
        targetText: '持续开展群防共治。',
        actualText: '有效促进了广州社会大局和谐稳定。',
      },
    ]);
  });

  it('continues a row split by a page break in the cells that were unfinished', () => {
    const tasks = parseKeyTaskTable(
      't.pdf',
      rows(
        '表 1 2023年重点工作任务完成情况',
        header,
        '信息化建设专项\t一、通过开展平台项目建设，实现全流程规范\t一、全力推进平台建设。二、完成',
        `\f${header}`,
        '透明。\t系统开发。',
        '法学业务工作\t开展法学研究。\t出版集刊。',
      ),
    );
    expect(tasks.map((t) => [t.name, t.targetText, t.actualText])).toEqual([
      [
        '信息化建设专项',
        '一、通过开展平台项目建设，实现全流程规范透明。',
        '一、全力推进平台建设。二、完成系统开发。',
      ],
      ['法学业务工作', '开展法学研究。', '出版集刊。'],
    ]);
  });

  it('puts a one-cell continuation into the only unfinished value cell', () => {
    const tasks = parseKeyTaskTable(
      't.pdf',
      rows(
        '表 1 2023年重点工作任务完成情况',
        header,
        '信息化建设专项\t一、通过开展平台项目建设，实现全流程\t一、全力推进平台建设。',
        '\f规范透明。',
      ),
    );
    expect(tasks[0]!.targetText).toBe('一、通过开展平台项目建设，实现全流程规范透明。');
    expect(tasks[0]!.actualText).toBe('一、全力推进平台建设。');
  });

  it('leaves out a sequence-number column', () => {
    const tasks = parseKeyTaskTable(
      't.pdf',
      rows(
        '表 1 重点工作任务完成情况',
        '序号\t任务名称\t绩效目标\t实际完成情况',
        '1\t法学业务工作\t开展法学研究。\t出版集刊。',
      ),
    );
    expect(tasks.map((t) => t.name)).toEqual(['法学业务工作']);
  });
});

describe('表3 with one line per row', () => {
  it('reads numbered rows, skips a repeated header and continues a split row', () => {
    const indicators = parseIndicatorTable(
      't.pdf',
      rows(
        '表 3 部门整体绩效-履职效能关键指标完成情况',
        '序号\t指标名称\t预期实现值\t实际完成值',
        '1\t专题宣传教育活动\t开展不少于 1次的人民群众宣传教育活动。\t2023年组织开展宣传活动 1次。',
        '2\t新媒体宣传影响力提升\t粉丝总数累计超过 170万\t粉丝总数累计达到',
        '\f序号\t指标名称\t预期实现值\t实际完成值',
        '人。\t210.96万人。',
        '3\t期刊发行情况\t全年 4期。\t全年共发行 4期、6000册。',
      ),
    );
    expect(indicators.map((r) => [r.seq, r.name, r.targetText, r.actualText])).toEqual([
      [
        1,
        '专题宣传教育活动',
        '开展不少于1次的人民群众宣传教育活动。',
        '2023年组织开展宣传活动1次。',
      ],
      [2, '新媒体宣传影响力提升', '粉丝总数累计超过170万人。', '粉丝总数累计达到210.96万人。'],
      [3, '期刊发行情况', '全年4期。', '全年共发行4期、6000册。'],
    ]);
    expect(indicators[1]!.line).toBe(4);
  });

  it('refuses a numbered row that lacks its actual value', () => {
    expect(() =>
      parseIndicatorTable(
        't.pdf',
        rows(
          '表 3 关键指标完成情况',
          '序号\t指标名称\t预期实现值\t实际完成值',
          '1\t专题宣传教育活动\t开展活动。\t',
        ),
      ),
    ).toThrow(ReportParseError);
  });
});

describe('表4 with one line per row', () => {
  it('takes merged level-1 and level-2 cells from the first row they span', () => {
    const scores = parseManagementTable(
      't.pdf',
      rows(
        '表 4 部门整体绩效-管理效率自评得分情况',
        '一级指标\t二级指标\t三级指标\t分值\t得分\t得分率',
        '管理效率\t预算编制\t新增预算项目事前绩效评估\t3\t3\t100%',
        '预算执行\t结转结余率\t2\t2\t100%',
        '财务管理合规性\t2\t2\t100%',
        '内部控制\t内控制度有效性\t1\t0.5\t50%',
      ),
    );
    expect(
      scores.map((r) => [r.level1, r.level2, r.level3, r.weight, r.score, r.scoreRate]),
    ).toEqual([
      ['管理效率', '预算编制', '新增预算项目事前绩效评估', '3', '3', '100'],
      ['管理效率', '预算执行', '结转结余率', '2', '2', '100'],
      ['管理效率', '预算执行', '财务管理合规性', '2', '2', '100'],
      ['管理效率', '内部控制', '内控制度有效性', '1', '0.5', '50'],
    ]);
  });
});

describe('表2 with one line per row', () => {
  it('reads the five categories with their three amounts', () => {
    const byNature = parseExpenditureTable(
      't.pdf',
      rows(
        '表 2 2023年部门整体支出决算表',
        '按支出性质分类\t年初预算数（万元）\t全年预算数（万元）\t决算数（万元）',
        '本年支出合计\t10,283.32\t10,192.48\t10,105.79',
        '一、基本支出\t6,777.42\t6,759.56\t6,756.71',
        '人员经费\t6,373.21\t6,226.67\t6,225.01',
        '公用经费\t404.21\t532.88\t531.70',
        '二、项目支出\t3,505.9\t3,432.92\t3,349.08',
      ),
    );
    expect(byNature.PROJECT).toEqual({
      initialBudget: '3505.9',
      fullYearBudget: '3432.92',
      final: '3349.08',
      line: 7,
    });
    expect(byNature.TOTAL.final).toBe('10105.79');
  });
});
