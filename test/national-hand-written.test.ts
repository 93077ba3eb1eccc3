import { describe, expect, it } from 'vitest';
import { parseReportText } from '../src/ingest/report/national/parse-report-text.js';

/**
 * A national-framework report written by hand in another province's style than the generator's
 * (the score stated in a section of its own before the basics, 评分 for 得分, level-1 cells with
 * their weights, figures in one sentence, no key indicator table), to hold the parser to the
 * template rather than to the generator. Fictitious, like every report of 示例.
 */
const TEXT = [
  '示例县财政局2020年度机关整体支出绩效评价报告',
  '一、自评得分情况',
  '按照部门整体支出绩效评价指标体系，对本局2020年度机关整体支出开展了绩效评价，综合评分为97分。',
  '二、单位基本概况',
  '（一）机构设置情况',
  '内设股室16个。',
  '（二）单位职责',
  '负责全县财政收支管理。',
  '三、部门整体支出管理及使用情况',
  '2020年度本单位总支出 2,345.67 万元，其中基本支出1,800.00万元，项目支出545.67万元。',
  '四、部门整体支出绩效情况',
  '附表：部门整体支出绩效评价评分表',
  '一级指标 二级指标 三级指标 分值 得分',
  '投入（20分） 目标设定 绩效目标合理性 5 5',
  '绩效指标明确性 5 5',
  '预算配置 在职人员控制率 5 4',
  '“三公经费”变动率 5 5',
  '过程（30分） 预算执行 预算完成率 30 29',
  '产出（30分） 职责履行 实际完成率 30 30',
  '效果（20分） 履职效益 社会公众或服务对象满意度 20 19',
  '五、存在的问题',
  '一是预算执行进度有待加快；二是在职人员超编。',
  '六、改进措施',
  '加强预算执行管理。',
].join('\n');

const doc = parseReportText(TEXT, 'hand-written.txt');

describe('a hand-written national report in another province’s style', () => {
  it('is read as a national-framework report of its department and year', () => {
    expect(doc.template).toBe('NATIONAL_53');
    expect([doc.departmentName, doc.year]).toEqual(['示例县财政局', 2020]);
  });

  it('takes the score stated before the basics, and its level-1 cells without their weights', () => {
    expect(doc.score).toEqual({ total: '97', totalWeight: '100', duty: null, management: null });
    expect([...new Set(doc.managementScores.map((r) => r.level1))]).toEqual([
      '投入',
      '过程',
      '产出',
      '效果',
    ]);
  });

  it('keeps the final amounts it states and leaves every stage it does not give null', () => {
    expect(doc.byNature.TOTAL).toEqual({
      initialBudget: null,
      fullYearBudget: null,
      final: '2345.67',
    });
    expect(doc.byNature.BASIC.final).toBe('1800');
    expect(doc.byNature.PROJECT.final).toBe('545.67');
    expect(doc.byNature.PERSONNEL.final).toBeNull();
  });

  it('says which parts it lacks: the score split, key tasks, budget stages and the indicator table', () => {
    expect(doc.notes.map((n) => n.check)).toEqual([
      'template.missing_part',
      'template.missing_part',
      'template.part_not_found',
      'template.part_not_found',
      'template.part_not_found',
    ]);
    expect(doc.notes.slice(2).map((n) => n.message)).toEqual([
      expect.stringContaining('年初预算数'),
      expect.stringContaining('全年预算数'),
      expect.stringContaining('关键绩效指标表'),
    ]);
    expect(doc.indicators).toEqual([]);
  });

  it('reads the points lost from the score table', () => {
    expect(doc.deductions.map((d) => [d.part, d.item, d.points])).toEqual([
      ['MANAGEMENT', '在职人员控制率', '1'],
      ['MANAGEMENT', '预算完成率', '1'],
      ['DUTY', '社会公众或服务对象满意度', '1'],
    ]);
  });

  it('reads its basics, problems and improvements', () => {
    expect(doc.dutiesText).toBe('负责全县财政收支管理。');
    expect(doc.overviewText).toBe('内设股室16个。');
    expect(doc.problems).toEqual(['预算执行进度有待加快', '在职人员超编']);
    expect(doc.improvements).toEqual(['加强预算执行管理']);
  });
});
