import { describe, expect, it } from 'vitest';
import { headFamily } from '../src/ingest/indicator/direction-vocabulary.js';
import { normaliseIndicator } from '../src/ingest/indicator/indicator-normaliser.js';
import { attainment } from '../src/rules/attainment.js';
import { isEvidence } from '../src/rules/evidence.js';
import type { IndicatorMeasure } from '../src/rules/indicator-measure.js';
import { measureFlags } from '../src/rules/measure-flags.js';

/**
 * Direction of good, from the domain (docs/domain.md, "Direction"): for each family of rates,
 * phrasings as published reports write them (name, 年度目标值, 实际完成值), with the direction,
 * the attainment and whether the measure is evidence.
 */

/** The only measure of an indicator row; fails when the row is not understood. */
function measure(name: string, target: string, actual: string): IndicatorMeasure {
  const result = normaliseIndicator({ name, target, actual });
  if (!result.understood) throw new Error(`not understood: ${result.reason}`);
  expect(result.measures).toHaveLength(1);
  return result.measures[0]!;
}

/** What the rules see of a row: direction, comparator, confidence, attainment, evidence, findings. */
function judged(name: string, target: string, actual: string) {
  const m = measure(name, target, actual);
  const a = attainment(m);
  return {
    direction: m.direction,
    comparator: m.comparator,
    confidence: m.confidence,
    attainment: a === null ? null : Number(a.toFixed(3)),
    evidence: isEvidence(m),
    findings: measureFlags(m),
  };
}

/** A lower-better row read as evidence, with attainment = target / actual. */
function cap(attainmentValue: number | null, confidence: 'HIGH' | 'MEDIUM' = 'HIGH') {
  return {
    direction: 'LOWER_BETTER',
    confidence,
    attainment: attainmentValue,
    evidence: true,
  };
}

/** A row that keeps a reading but is not evidence: no RATIO or CEILING can fire on it. */
const notEvidence = { confidence: 'LOW', evidence: false, findings: [] };

describe('the head of a rate name', () => {
  it('is the rate the name ends on: 投诉办结率 handles complaints, 降低群众投诉率 counts them', () => {
    expect(headFamily('投诉办结率')?.family.id).toBe('handling');
    expect(headFamily('旅游投诉处理及时率')?.family.id).toBe('timeliness');
    expect(headFamily('降低群众投诉率')?.family.id).toBe('complaint');
  });

  it('is the longer of two terms that end together: 不合格率 is not a 合格率', () => {
    expect(headFamily('产品质量不合格率')?.family.direction).toBe('LOWER_BETTER');
    expect(headFamily('食品安全抽检合格率')?.family.direction).toBe('HIGHER_BETTER');
    expect(headFamily('公用经费控制率')?.family.id).toBe('spending-control');
    expect(headFamily('成本控制率')?.family.id).toBe('control-or-change');
  });

  it('reads through quotation marks (“三公”经费控制率, “三公经费”变动率)', () => {
    expect(headFamily('“三公”经费控制率')?.family.id).toBe('spending-control');
    expect(headFamily('"三公"经费控制率')?.family.id).toBe('spending-control');
    expect(headFamily('“三公经费”变动率')?.family.id).toBe('spending-change');
  });

  it('is null for a rate no family names (电子送达率, 提捕案件率)', () => {
    expect(headFamily('认罪认罚盗窃案件电子送达率')).toBeNull();
    expect(headFamily('办案平台实现网上提捕案件率')).toBeNull();
  });
});

describe('control rates (控制率) of spending and staff: caps, 财预〔2013〕53号', () => {
  it('reads 公用经费控制率 ≤100% as lower-better, attainment = target / actual', () => {
    expect(judged('公用经费控制率', '≤100%', '96.5%')).toMatchObject({
      ...cap(1.036),
      comparator: 'LTE',
    });
    expect(judged('公用经费控制率', '公用经费控制率不超过100%', '98.21%')).toMatchObject(
      cap(1.018),
    );
  });

  it('reads a bare 100% as the cap the framework defines (LTE, MEDIUM), not as higher-better', () => {
    expect(judged('三公经费控制率', '100%', '85%')).toMatchObject({
      ...cap(1.176, 'MEDIUM'),
      comparator: 'LTE',
    });
    expect(judged('公用经费控制率', '100%', '96.5%')).toMatchObject(cap(1.036, 'MEDIUM'));
  });

  it('reads the quoted forms “三公”经费控制率, "三公"经费控制率 and “三公经费”控制率 alike', () => {
    expect(judged('“三公”经费控制率', '100%', '92%')).toMatchObject(cap(1.087, 'MEDIUM'));
    expect(judged('"三公"经费控制率', '≤100%', '92%')).toMatchObject(cap(1.087));
    expect(judged('“三公经费”控制率', '100%', '92%')).toMatchObject(cap(1.087, 'MEDIUM'));
  });

  it('reads 在职人员控制率 (staff / quota) and 人员经费控制率 as caps', () => {
    expect(judged('在职人员控制率', '≤100%', '95.6%')).toMatchObject(cap(1.046));
    expect(judged('人员经费控制率', '100%', '98%')).toMatchObject(cap(1.02, 'MEDIUM'));
  });

  it('gives an overspent cap an attainment below 1', () => {
    expect(judged('公用经费控制率', '≤100%', '103.2%')).toMatchObject(cap(0.969));
  });

  it('flags a cap used far below it as RATIO, like any lower-better target', () => {
    expect(judged('“三公”经费控制率', '≤100%', '78.3%')).toMatchObject({
      ...cap(1.277),
      findings: ['RATIO'],
    });
  });

  it('is not evidence when the target says at least (公用经费控制率 ≥95%): name and comparator disagree', () => {
    expect(judged('公用经费控制率', '≥95%', '98%')).toMatchObject(notEvidence);
    expect(judged('三公经费控制率', '不低于90%', '75%')).toMatchObject(notEvidence);
  });

  it('is not evidence for 成本控制率 with a bare number: spent / budgeted or saved / budgeted?', () => {
    expect(judged('项目成本控制率', '100%', '95%')).toMatchObject(notEvidence);
    expect(judged('成本控制率', '10%', '12%')).toMatchObject(notEvidence);
  });

  it('lets the comparator settle 成本控制率 (≤100% is a cap)', () => {
    expect(judged('项目成本控制率', '≤100%', '97%')).toMatchObject(cap(1.031));
  });

  it('keeps disease control rates higher-better (血压控制率, 血糖控制率)', () => {
    expect(judged('高血压患者血压控制率', '≥60%', '65%')).toMatchObject({
      direction: 'HIGHER_BETTER',
      attainment: 1.083,
      evidence: true,
    });
    expect(judged('糖尿病患者血糖控制率', '60%', '66%').direction).toBe('HIGHER_BETTER');
  });
});

describe('incidence (发生率, 事故率, 犯罪率, 死亡率, 失业率): lower-better', () => {
  it('reads a zero incidence target met with zero as not evidence', () => {
    expect(judged('安全生产事故发生率', '0', '0')).toMatchObject({
      direction: 'LOWER_BETTER',
      comparator: 'LTE',
      evidence: false,
    });
    expect(judged('重大安全事故发生率', '0', '全年未发生重大安全事故')).toMatchObject({
      direction: 'LOWER_BETTER',
      evidence: false,
    });
  });

  it('reads 控制在…以下 and ‰ caps with attainment = target / actual', () => {
    expect(
      judged('社区矫正对象再犯罪率', '社区矫正对象再犯罪率控制在1%以下', '0.3%'),
    ).toMatchObject(cap(3.333));
    expect(judged('孕产妇死亡率', '≤15‰', '10‰')).toMatchObject(cap(1.5));
  });

  it('reads a bare incidence or unemployment rate as a cap (MEDIUM)', () => {
    expect(judged('城镇登记失业率', '4.5%', '3.1%')).toMatchObject({
      ...cap(1.452, 'MEDIUM'),
      comparator: 'LTE',
    });
    expect(judged('刑事案件发案率', '3‰', '2.5‰')).toMatchObject(cap(1.2, 'MEDIUM'));
  });
});

describe('errors (差错率, 错误率, 误差率, 纠错率): lower-better', () => {
  it('reads 差错率1%以下 and a bare 差错率 alike', () => {
    expect(judged('统计数据差错率', '1%以下', '0.2%')).toMatchObject(cap(5));
    expect(judged('统计数据差错率', '1%', '0.2%')).toMatchObject(cap(5, 'MEDIUM'));
  });

  it('reads 行政复议纠错率 and 预算编制偏差率 as caps', () => {
    expect(judged('行政复议纠错率', '≤5%', '4%')).toMatchObject(cap(1.25));
    expect(judged('预算编制偏差率', '10%', '8%')).toMatchObject(cap(1.25, 'MEDIUM'));
  });
});

describe('complaints (投诉率, 信访率, 不满意率): lower-better', () => {
  it('reads 低于 and 不高于 as caps', () => {
    expect(judged('群众投诉率', '低于1%', '0.5%')).toMatchObject({
      ...cap(2),
      comparator: 'LT',
    });
    expect(
      judged('群众有效投诉率', '群众有效投诉率不高于3%。', '群众有效投诉率为1.5%。'),
    ).toMatchObject(cap(2));
  });

  it('reads a bare complaint or dissatisfaction rate as a cap (MEDIUM)', () => {
    expect(judged('医疗服务有效投诉率', '1%', '0.8%')).toMatchObject(cap(1.25, 'MEDIUM'));
    expect(judged('服务对象不满意率', '5%', '2%')).toMatchObject(cap(2.5, 'MEDIUM'));
  });

  it('keeps rates of handling complaints higher-better (办结率, 处置率, 及时率)', () => {
    for (const [name, target, actual] of [
      ['投诉办结率', '100%', '98%'],
      ['消费投诉举报按时处置率', '消费投诉举报按时处置率达95%。', '消费投诉举报按时处置率达98%。'],
      ['旅游投诉处理及时率', '达到95%', '98%'],
      ['环境信访投诉办结率', '不低于90%', '96%'],
    ])
      expect(judged(name!, target!, actual!).direction, name).toBe('HIGHER_BETTER');
  });
});

describe('overspending (超支率, 超预算率, 超期率): lower-better', () => {
  it('reads 项目超支率 ≤5% and a bare 办件超期率 as caps', () => {
    expect(judged('项目超支率', '≤5%', '2%')).toMatchObject(cap(2.5));
    expect(judged('政务服务办件超期率', '1%', '0.4%')).toMatchObject(cap(2.5, 'MEDIUM'));
  });
});

describe('carry-over (结转结余率, 结余率): lower-better', () => {
  it('reads 结转结余率 ≤5% with attainment = target / actual', () => {
    expect(judged('结转结余率', '≤5%', '3.2%')).toMatchObject({
      ...cap(1.563),
      findings: ['RATIO'],
    });
  });

  it('reads a bare 结转结余率 as a cap (MEDIUM)', () => {
    expect(judged('结转结余率', '5%', '2%')).toMatchObject(cap(2.5, 'MEDIUM'));
    expect(judged('资金结余率', '3%', '1.2%')).toMatchObject(cap(2.5, 'MEDIUM'));
  });

  it('reads a cap met with nothing carried over as CEILING', () => {
    expect(judged('结转结余率', '≤5%', '0').findings).toEqual(['CEILING']);
  });

  it('reads a share of carried-over funds (结转结余资金占…的比例) as a cap', () => {
    expect(judged('结转结余资金占全年预算的比例', '5%', '2%')).toMatchObject(cap(2.5, 'MEDIUM'));
  });
});

describe('adjustment (预算调整率, 调剂率): lower-better', () => {
  it('gives an adjustment above its cap an attainment below 1', () => {
    expect(judged('预算调整率', '≤10%', '12%')).toMatchObject(cap(0.833));
  });

  it('reads a bare 预算调整率 as a cap (MEDIUM)', () => {
    expect(judged('预算调整率', '10%', '4%')).toMatchObject({
      ...cap(2.5, 'MEDIUM'),
      comparator: 'LTE',
    });
  });

  it('is not evidence when an adjustment rate is asked to be at least something', () => {
    expect(judged('预算调整率', '≥5%', '6%')).toMatchObject(notEvidence);
  });
});

describe('rework, defects, violations, vacancy, loss and arrears: lower-better', () => {
  it('reads each as a cap', () => {
    for (const [name, target, actual, expected] of [
      ['产品质量不合格率', '2%', '1%', 2],
      ['工程质量返工率', '≤3%', '1.5%', 2],
      ['执法案卷违规率', '2%以下', '1%', 2],
      ['公租房空置率', '5%', '2%', 2.5],
      ['专业技术人才流失率', '低于5%', '4%', 1.25],
      ['应收账款逾期率', '3%', '1%', 3],
      ['农民工工资拖欠率', '≤1%', '0.5%', 2],
    ] as const) {
      const row = judged(name, target, actual);
      expect(row.direction, name).toBe('LOWER_BETTER');
      expect(row.attainment, name).toBe(expected);
      expect(row.evidence, name).toBe(true);
    }
  });
});

describe('higher-better families (完成率, 执行率, 合格率, 覆盖率, 满意度, 及时率 …)', () => {
  it('reads at-least and bare targets as higher-better, attainment = actual / target', () => {
    for (const [name, target, actual, expected] of [
      ['政府采购执行率', '≥95%', '98%', 1.032],
      ['政府采购执行率', '95%', '98%', 1.032],
      ['重点工作实际完成率', '100%', '100%', 1],
      ['食品安全抽检合格率', '≥98%', '99.2%', 1.012],
      ['地表水考核断面水质达标率', '达到80%', '85.7%', 1.071],
      ['基本医疗保险参保率', '95%', '97.3%', 1.024],
      ['社会公众或服务对象满意度', '≥90%', '96.5%', 1.072],
      ['法定传染病报告及时率', '不低于95%', '100%', 1.053],
      ['普法知晓率', '80%以上', '88%', 1.1],
      ['重点工作办结率', '90%', '95%', 1.056],
      ['资金到位率', '100%', '100%', 1],
    ] as const) {
      const row = judged(name, target, actual);
      expect(row.direction, name).toBe('HIGHER_BETTER');
      expect(row.attainment, name).toBe(expected);
      expect(row.confidence, name).not.toBe('LOW');
    }
  });

  it('is not evidence when a higher-better rate is capped (预算执行率 ≤100%)', () => {
    expect(judged('预算执行率', '≤100%', '98%')).toMatchObject(notEvidence);
    expect(judged('投诉办结率', '不超过100%', '98%')).toMatchObject(notEvidence);
  });
});

describe('reductions (下降率, 较上年下降): the bigger the fall, the better', () => {
  it('reads a reduction rate as higher-better (事故下降率 ≥10%)', () => {
    expect(judged('事故下降率', '≥10%', '12%')).toMatchObject({
      direction: 'HIGHER_BETTER',
      attainment: 1.2,
      evidence: true,
    });
  });

  it('reads a fall of a lower-better rate written in the target as higher-better', () => {
    expect(judged('安全事故发生率', '较上年下降10%', '下降12%')).toMatchObject({
      direction: 'HIGHER_BETTER',
      attainment: 1.2,
    });
    expect(judged('安全事故发生率', '同比下降不少于10%', '下降15%').direction).toBe(
      'HIGHER_BETTER',
    );
  });

  it('reads a fall asked for in the name (投诉率同比下降) as higher-better', () => {
    expect(judged('群众投诉率同比下降', '10%', '12%').direction).toBe('HIGHER_BETTER');
  });

  it('reads a fall in 三公 spending and in costs as higher-better, not as a cost cap', () => {
    expect(judged('“三公”经费支出', '较上年下降5%', '下降8%')).toMatchObject({
      direction: 'HIGHER_BETTER',
      attainment: 1.6,
    });
    expect(judged('项目运行成本', '较上年降低50万元', '降低60万元')).toMatchObject({
      direction: 'HIGHER_BETTER',
      evidence: true,
    });
  });

  it('keeps a level after 下降至 lower-better (投诉率下降至1%以下)', () => {
    expect(judged('群众投诉率', '下降至1%以下', '0.6%').direction).toBe('LOWER_BETTER');
  });

  it('is not evidence for a fall capped from above (下降不超过5%)', () => {
    expect(judged('粮食播种面积', '下降不超过5%', '3%')).toMatchObject(notEvidence);
  });
});

describe('rates and other quantities in one row', () => {
  it("does not apply the name's rate to a duration in the target (投诉办结率: 办结时限)", () => {
    expect(judged('投诉办结率', '办结时限不超过15个工作日', '12个工作日')).toMatchObject({
      direction: 'LOWER_BETTER',
      confidence: 'HIGH',
      evidence: true,
    });
  });

  it("does not apply the name's rate to a count in the target (城镇登记失业率: 新增就业)", () => {
    expect(judged('城镇登记失业率', '新增就业1.2万人', '1.5万人').direction).toBe('HIGHER_BETTER');
  });

  it('takes the rate named in the clause over the name (社会治安…: 解除达标率85%以上)', () => {
    expect(
      judged('社会治安突出问题排查整治成效', '年底检查验收实现解除达标率85%以上', '100%'),
    ).toMatchObject({ direction: 'HIGHER_BETTER', findings: ['CEILING'] });
  });
});

describe('rates the words leave open', () => {
  it('is not evidence for a bare 变动率 or 控制率 of something unnamed', () => {
    expect(judged('结构变动率', '5%', '3%')).toMatchObject(notEvidence);
    expect(judged('扬尘控制率', '90%', '95%')).toMatchObject(notEvidence);
  });

  it('lets a comparator settle them', () => {
    expect(judged('扬尘控制率', '≥90%', '95%')).toMatchObject({
      direction: 'HIGHER_BETTER',
      evidence: true,
    });
    expect(judged('“三公经费”变动率', '≤0', '0')).toMatchObject({
      direction: 'LOWER_BETTER',
      comparator: 'LTE',
    });
  });

  it('keeps the convention for a rate no family names: a bare number is at least', () => {
    expect(judged('认罪认罚案件电子送达率', '90%', '96.71%')).toMatchObject({
      direction: 'HIGHER_BETTER',
      comparator: 'EQ',
      confidence: 'HIGH',
      evidence: true,
    });
  });
});
