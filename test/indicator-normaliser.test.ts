import { describe, expect, it } from 'vitest';
import { normaliseIndicator } from '../src/ingest/indicator/indicator-normaliser.js';
import type { IndicatorMeasure } from '../src/rules/indicator-measure.js';

/** All measures of an indicator; fails when it is not understood. */
function read(target: string, actual: string, name = '指标'): IndicatorMeasure[] {
  const result = normaliseIndicator({ name, target, actual });
  if (!result.understood) throw new Error(`not understood: ${result.reason}`);
  return result.measures;
}

/** The only measure of an indicator. */
function one(target: string, actual: string, name = '指标'): IndicatorMeasure {
  const measures = read(target, actual, name);
  expect(measures).toHaveLength(1);
  return measures[0]!;
}

/** The reason an indicator is not understood; fails when it is. */
function refused(target: string, actual: string, name = '指标'): string {
  const result = normaliseIndicator({ name, target, actual });
  if (result.understood) throw new Error(`understood: ${JSON.stringify(result.measures)}`);
  expect(result.measures).toEqual([]);
  return result.reason;
}

describe('at-least comparators', () => {
  it('reads 不低于 as GTE', () => {
    expect(one('满意度不低于90%', '95%')).toMatchObject({
      comparator: 'GTE',
      target: 0.9,
      actual: 0.95,
      direction: 'HIGHER_BETTER',
    });
  });

  it('reads 不少于 as GTE', () => {
    expect(one('开展培训不少于10场', '12场')).toMatchObject({
      comparator: 'GTE',
      target: 10,
      actual: 12,
      unit: '场',
    });
  });

  it('reads 以上 after the number as GTE', () => {
    expect(one('注册人数65万人以上', '66.55万人')).toMatchObject({
      comparator: 'GTE',
      target: 650_000,
      actual: 665_500,
    });
  });

  it('reads 及以上 after the unit as GTE', () => {
    expect(one('覆盖10个及以上镇街', '16个')).toMatchObject({
      comparator: 'GTE',
      target: 10,
      actual: 16,
    });
  });

  it('reads 达 and 达到 right before the number as GTE', () => {
    expect(one('处置率达90%', '达100%').comparator).toBe('GTE');
    expect(one('粉丝数达到170万人', '180万人').comparator).toBe('GTE');
  });

  it('does not read 达 inside a word (送达率, 达标率) as a comparator', () => {
    expect(one('电子送达率90%', '96.71%').comparator).toBe('EQ');
  });

  it('reads ≥, >= and the look-alike ≧ as GTE', () => {
    for (const target of ['≥90%', '>=90%', '≧90%', '＞＝90%'])
      expect(one(target, '95%').comparator).toBe('GTE');
  });

  it('reads 超过, 大于 and 高于 as GT', () => {
    for (const target of ['粉丝超过170万人', '粉丝大于170万人', '粉丝高于170万人'])
      expect(one(target, '180万人').comparator).toBe('GT');
  });

  it('reads > and the full-width ＞ as GT', () => {
    expect(one('>85%', '90%').comparator).toBe('GT');
    expect(one('＞85%', '90%').comparator).toBe('GT');
  });
});

describe('at-most comparators', () => {
  it('reads 低于, 少于 and 小于 as LT, lower-better', () => {
    for (const target of ['重复咨询比例低于20%', '重复咨询比例少于20%', '重复咨询比例小于20%']) {
      expect(one(target, '4.75%')).toMatchObject({ comparator: 'LT', direction: 'LOWER_BETTER' });
    }
  });

  it('reads 不高于 and 不多于 as LTE', () => {
    expect(one('投诉率不高于5%', '2%').comparator).toBe('LTE');
    expect(one('扣分不多于该项总分的5%', '0%').comparator).toBe('LTE');
  });

  it('reads 不超过 as LTE, not as 超过', () => {
    expect(one('不超过3个工作日', '2个工作日').comparator).toBe('LTE');
  });

  it('reads 以下 and 以内 after the number as LTE', () => {
    expect(one('差错率1%以下', '0.5%').comparator).toBe('LTE');
    expect(one('3个工作日以内', '2个工作日').comparator).toBe('LTE');
  });

  it('reads 控制在 as LTE', () => {
    expect(one('控制在5%以内', '3%')).toMatchObject({
      comparator: 'LTE',
      target: 0.05,
      direction: 'LOWER_BETTER',
    });
  });

  it('reads ≤, <= and the look-alike ≦ as LTE', () => {
    for (const target of ['≤10次', '<=10次', '≦10次'])
      expect(one(target, '3次').comparator).toBe('LTE');
  });

  it('reads < and the full-width ＜ as LT', () => {
    expect(one('<5%', '2%').comparator).toBe('LT');
    expect(one('＜5%', '2%').comparator).toBe('LT');
  });

  it('reads 内 after a duration as LTE', () => {
    expect(one('30个工作日内办结', '25个工作日')).toMatchObject({
      comparator: 'LTE',
      target: 30,
      unit: '工作日',
      unitKind: 'DURATION',
    });
  });

  it('does not read 内 after a count as a comparator (10个内设机构)', () => {
    expect(one('覆盖10个内设机构', '10个').comparator).toBe('EQ');
  });
});

describe('equality and bare numbers', () => {
  it('reads = and its look-alikes ﹦ ═ ＝ as EQ', () => {
    for (const target of ['=4期', '﹦4期', '═4期', '＝4期'])
      expect(one(target, '4期').comparator).toBe('EQ');
  });

  it('reads a bare number as EQ, higher-better by convention', () => {
    expect(one('培育示范中心10个', '12个')).toMatchObject({
      comparator: 'EQ',
      target: 10,
      actual: 12,
      direction: 'HIGHER_BETTER',
    });
  });

  it('reads a bare number without any unit with MEDIUM confidence', () => {
    expect(one('500', '520')).toMatchObject({
      comparator: 'EQ',
      target: 500,
      actual: 520,
      unit: null,
      confidence: 'MEDIUM',
    });
  });

  it('reads a bare amount of a bad thing as a cap (LTE, lower-better, MEDIUM)', () => {
    expect(one('20%', '4.75%', '群众重复咨询比例')).toMatchObject({
      comparator: 'LTE',
      direction: 'LOWER_BETTER',
      confidence: 'MEDIUM',
    });
  });

  it('refuses a comparator that says both at least and at most', () => {
    expect(refused('不低于5%以下', '3%')).toMatch(/both at least and at most/);
  });
});

describe('ranges', () => {
  it('reads 85%-95% as RANGE with both bounds', () => {
    expect(one('85%-95%', '90%')).toMatchObject({
      comparator: 'RANGE',
      target: 0.85,
      targetHigh: 0.95,
      actual: 0.9,
    });
  });

  it('reads 3至5个 as RANGE, the first number taking the unit of the second', () => {
    expect(one('3至5个', '4个')).toMatchObject({
      comparator: 'RANGE',
      target: 3,
      targetHigh: 5,
      unit: '个',
    });
  });

  it('reads 在80%至90%之间 as RANGE', () => {
    expect(one('在80%至90%之间', '85%')).toMatchObject({
      comparator: 'RANGE',
      target: 0.8,
      targetHigh: 0.9,
    });
  });

  it('reads an age range 18-60周岁', () => {
    expect(one('18-60周岁', '35岁')).toMatchObject({
      comparator: 'RANGE',
      target: 18,
      targetHigh: 60,
      unit: '岁',
    });
  });

  it('reads 3-5万人 with the multiplier on both bounds', () => {
    expect(one('3-5万人', '4万人')).toMatchObject({
      target: 30_000,
      targetHigh: 50_000,
      actual: 40_000,
    });
  });

  it('refuses a range that runs backwards', () => {
    expect(refused('95%-85%', '90%')).toMatch(/backwards/);
  });
});

describe('the indicator name', () => {
  it('lends its comparator and unit to a bare target (公猪舍(≥**平方米))', () => {
    expect(one('1200', '1260', '公猪舍(≥**平方米)')).toMatchObject({
      comparator: 'GTE',
      target: 1200,
      actual: 1260,
      unit: '平方米',
      unitKind: 'AREA',
      confidence: 'MEDIUM',
    });
  });

  it('gives the target when the target cell has no number (…完成率100%)', () => {
    expect(one('完成', '100%', '项目完成率100%')).toMatchObject({
      comparator: 'EQ',
      target: 1,
      actual: 1,
      targetSource: '项目完成率100%',
      confidence: 'MEDIUM',
    });
  });

  it('lends a unit with a multiplier from brackets (培训人数(万人))', () => {
    expect(one('≥3', '3.2', '培训人数(万人)')).toMatchObject({
      target: 30_000,
      actual: 32_000,
      unit: '人',
    });
  });

  it('makes a bare 95 a percentage when it names a rate', () => {
    expect(one('95', '98', '群众满意率')).toMatchObject({
      target: 0.95,
      actual: 0.98,
      unit: '%',
      confidence: 'MEDIUM',
    });
  });

  it('refuses a bare 1 for a rate: a fraction or a percentage?', () => {
    expect(refused('1', '1', '项目完成率')).toMatch(/fraction or a percentage/);
  });
});

describe('the actual cell', () => {
  it('keeps a value given with a repeated operator (≥266米) as VALUE, MEDIUM', () => {
    expect(one('≥250米', '≥266米')).toMatchObject({
      actual: 266,
      actualKind: 'VALUE',
      confidence: 'MEDIUM',
      unit: '米',
    });
  });

  it('keeps 88.32%及以上 as the value 0.8832', () => {
    expect(one('≥85%', '88.32%及以上')).toMatchObject({ actual: 0.8832, actualKind: 'VALUE' });
  });

  it('marks an operator-repeated actual equal to the target as COPIES_TARGET', () => {
    expect(one('满意度≥95%', '≥95%').actualKind).toBe('COPIES_TARGET');
  });

  it('marks an actual whose text equals the target (whitespace aside) as COPIES_TARGET', () => {
    expect(one('培训≥500人次', '培训 ≥ 500 人次')).toMatchObject({
      actual: 500,
      actualKind: 'COPIES_TARGET',
    });
  });

  it('reads 达成预期指标 as SAYS_DONE without a number', () => {
    expect(one('≥500人', '达成预期指标')).toMatchObject({
      actual: null,
      actualKind: 'SAYS_DONE',
      actualSource: '达成预期指标',
    });
  });

  it('reads 已完成 as SAYS_DONE', () => {
    expect(one('≥500人', '已完成')).toMatchObject({ actual: null, actualKind: 'SAYS_DONE' });
  });

  it('reads a blank actual (— or empty) as NONE', () => {
    expect(one('≥500人', '—')).toMatchObject({ actual: null, actualKind: 'NONE' });
    expect(one('≥500人', '')).toMatchObject({ actual: null, actualKind: 'NONE' });
  });

  it('reads a bare actual in the unit the target was written in (170万人 against 210.96)', () => {
    expect(one('超过170万人', '210.96')).toMatchObject({ actual: 2_109_600, confidence: 'MEDIUM' });
  });

  it('reads a bare 98 against a percentage target as 98 %', () => {
    expect(one('≥95%', '98')).toMatchObject({ actual: 0.98, confidence: 'MEDIUM' });
  });

  it("lets a target without a unit adopt the actual's", () => {
    expect(one('≥500', '520人')).toMatchObject({
      target: 500,
      actual: 520,
      unit: '人',
      confidence: 'MEDIUM',
    });
  });

  it('ignores the year and anniversaries around the actual value', () => {
    expect(one('开展不少于1次', '2023年组织开展实施一周年系列宣传活动1次').actual).toBe(1);
  });

  it('reads an approximate 1200余人 with MEDIUM confidence', () => {
    expect(one('不少于1000人', '1200余人')).toMatchObject({ actual: 1200, confidence: 'MEDIUM' });
  });
});

describe('two targets or two actuals in one cell', () => {
  it('reads two targets in two units and pairs the actuals by unit', () => {
    const [towns, rate] = read(
      '对10个及以上镇街实施挂牌整治，解除达标率85%以上',
      '共16个镇街，解除达标率达100%',
    );
    expect(towns).toMatchObject({ comparator: 'GTE', target: 10, actual: 16, unit: '个' });
    expect(rate).toMatchObject({ comparator: 'GTE', target: 0.85, actual: 1, unit: '%' });
  });

  it('pairs by unit, not by order, when the actual lists them the other way round', () => {
    const [people, rate] = read('培训≥500人次，满意度≥90%', '满意度95%，培训520人次');
    expect(people).toMatchObject({ target: 500, actual: 520 });
    expect(rate).toMatchObject({ target: 0.9, actual: 0.95 });
  });

  it('pairs two targets of the same unit by order', () => {
    const [first, year] = read('一季度完成30%，全年完成100%', '一季度35%，全年100%');
    expect(first).toMatchObject({ target: 0.3, actual: 0.35 });
    expect(year).toMatchObject({ target: 1, actual: 1 });
  });

  it('splits one rate target against two actual rates into two measures', () => {
    const measures = read('达90%', '提捕案件率95.22%、移送审查95.02%');
    expect(measures.map((m) => [m.target, m.actual])).toEqual([
      [0.9, 0.9522],
      [0.9, 0.9502],
    ]);
  });

  it('takes the total when an actual lists a total and its parts (共…其中…)', () => {
    expect(one('培训≥10场', '共举办培训14场，其中线上6场').actual).toBe(14);
  });

  it('leaves out a change against last year beside the value', () => {
    expect(one('完成率≥90%', '完成率98%，较上年提高3%').actual).toBe(0.98);
  });

  it('leaves out the target quoted inside the actual (目标95%)', () => {
    expect(one('≥95%', '98.6%（目标95%）').actual).toBe(0.986);
  });

  it("leaves out last year's value quoted beside the target", () => {
    expect(one('≥95%（上年为92%）', '98%').target).toBe(0.95);
  });

  it('skips item numbers of a list inside the cells', () => {
    expect(
      read('1、培训≥500人次；2、满意度≥90%', '(1)培训520人次(2)满意度95%').map((m) => m.actual),
    ).toEqual([520, 0.95]);
  });

  it('refuses several counts against one count target without a total', () => {
    expect(refused('培训≥10场', '线上培训6场、线下培训8场')).toMatch(/against 2 actual values/);
  });
});

describe('numbers', () => {
  it('reads thousands separators', () => {
    expect(one('≥6,000册', '10,283册')).toMatchObject({ target: 6000, actual: 10_283 });
  });

  it('reads numbers with stray spaces from the PDF (2023 年, 4 期)', () => {
    expect(one('发行量 = 全年 4 期', '2023 年 共发行 4 期')).toMatchObject({
      target: 4,
      actual: 4,
    });
  });

  it('reads Chinese numerals with a unit: 两, 十二, 一百', () => {
    expect(one('开展两次', '开展三次')).toMatchObject({ target: 2, actual: 3 });
    expect(one('开展十二场活动', '十五场')).toMatchObject({ target: 12, actual: 15 });
    expect(one('惠及一百户', '120户')).toMatchObject({ target: 100, actual: 120 });
  });

  it('does not read Chinese numerals in slogans and words (一件事, 十分, 一次性)', () => {
    expect(one('高效办成一件事，群众十分满意', '已完成').comparator).toBe('QUALITATIVE');
  });

  it('applies 万 to the unit (170万人 → 1,700,000 人)', () => {
    expect(one('超过170万人', '210.96万人')).toMatchObject({
      target: 1_700_000,
      actual: 2_109_600,
      unit: '人',
    });
  });

  it('reads 3万 written with Arabic digits and a Chinese multiplier', () => {
    expect(one('覆盖3万人', '3.2万人')).toMatchObject({ target: 30_000, actual: 32_000 });
  });

  it('keeps money in 万元: 1.5亿元 is 15,000 万元, 5,000,000元 is 500 万元', () => {
    expect(one('1.5亿元', '1.6亿元')).toMatchObject({
      target: 15_000,
      actual: 16_000,
      unit: '万元',
      unitKind: 'MONEY',
    });
    expect(one('5,000,000元', '5,200,000元')).toMatchObject({
      target: 500,
      actual: 520,
      unit: '万元',
    });
  });

  it('reads percentages written %, ％ and 百分之九十 as fractions', () => {
    expect(one('≥90%', '95％')).toMatchObject({ target: 0.9, actual: 0.95 });
    expect(one('百分之九十', '百分之九十五')).toMatchObject({
      target: 0.9,
      actual: 0.95,
      unit: '%',
    });
  });

  it('reads 三分之二以上 as a fraction', () => {
    expect(one('三分之二以上', '80%').target).toBeCloseTo(2 / 3, 12);
  });

  it('converts lengths to 米 and areas to 平方米', () => {
    expect(one('新建道路5公里', '5.2公里')).toMatchObject({
      target: 5000,
      actual: 5200,
      unit: '米',
    });
    expect(one('新增绿地1.2万㎡', '12500平方米')).toMatchObject({
      target: 12_000,
      actual: 12_500,
      unit: '平方米',
    });
  });

  it('does not read numbers in titles, hotlines and codes (《…2023…》, 12345热线, 5G)', () => {
    expect(one('《2023年工作方案》明确12345热线接通率≥95%', '98%')).toMatchObject({
      target: 0.95,
      actual: 0.98,
    });
  });

  it('refuses a number broken by whitespace', () => {
    expect(refused('≥95%', '9 8%')).toMatch(/separated only by whitespace/);
  });

  it('refuses a negative number rather than dropping its sign', () => {
    expect(refused('增长率不低于-5%', '3%')).toMatch(/negative/);
  });

  it('refuses an ideographic comma that may be a thousands separator', () => {
    expect(refused('1，000人', '1，200人')).toMatch(/thousands separator or list/);
  });
});

describe('zero targets', () => {
  it('reads 零事故 as LTE 0, lower-better', () => {
    expect(one('零事故', '无')).toMatchObject({
      comparator: 'LTE',
      target: 0,
      actual: 0,
      direction: 'LOWER_BETTER',
    });
  });

  it('reads 0起 as LTE 0 in 起', () => {
    expect(one('安全事故发生0起', '0起')).toMatchObject({
      comparator: 'LTE',
      target: 0,
      unit: '起',
      direction: 'LOWER_BETTER',
    });
  });

  it('reads 不发生 as a zero target and 未发生 as a zero actual', () => {
    expect(one('不发生重大安全事故', '全年未发生重大安全事故')).toMatchObject({
      comparator: 'LTE',
      target: 0,
      actual: 0,
      actualKind: 'VALUE',
    });
  });

  it('reads 杜绝 as a zero target', () => {
    expect(one('杜绝安全生产事故', '未发生').target).toBe(0);
  });

  it('reads a count of incidents against a zero target', () => {
    expect(one('不发生重大安全事故', '发生1起')).toMatchObject({
      target: 0,
      actual: 1,
      unit: '起',
    });
  });

  it('reads 未被扣分 as 0 against an at-most share of points', () => {
    expect(
      one('考核扣分不多于该项总分的5%', '考核项共2项、30分。考核结果显示我市未被扣分。'),
    ).toMatchObject({ target: 0.05, actual: 0, actualSource: '未被扣分' });
  });

  it('does not read 无纸化 or 零距离 as zero targets', () => {
    expect(one('实现无纸化办公，零距离服务群众', '已实现').comparator).not.toBe('LTE');
  });
});

describe('deadlines', () => {
  it('reads 12月底前完成 as a MILESTONE with no date when the year is not written', () => {
    expect(one('12月底前完成', '已完成')).toMatchObject({
      comparator: 'MILESTONE',
      target: null,
      unit: '日期',
      unitKind: 'DATE',
      direction: 'MILESTONE',
      actualKind: 'SAYS_DONE',
    });
  });

  it('reads 2023年6月30日前 as 20230630 and the completion date of the actual', () => {
    expect(one('2023年6月30日前', '2023年6月28日完成')).toMatchObject({
      comparator: 'MILESTONE',
      target: 20230630,
      actual: 20230628,
      actualKind: 'VALUE',
    });
  });

  it('reads the last day of the month for 月底 (2024年2月底前 is 20240229)', () => {
    expect(one('2024年2月底前完成', '已完成').target).toBe(20240229);
  });

  it('reads 年底前 with the year as December 31', () => {
    expect(one('2023年底前建成', '2023年11月建成')).toMatchObject({
      target: 20231231,
      actual: 20231130,
    });
  });

  it('does not read a year before a count as a deadline (2023年完成培训3次)', () => {
    expect(one('2023年完成培训3次', '2023年完成4次')).toMatchObject({
      comparator: 'EQ',
      target: 3,
      actual: 4,
    });
  });

  it('reads a date range 2023年1月-12月 as a RANGE of dates', () => {
    expect(one('2023年1月-12月', '全年')).toMatchObject({
      comparator: 'RANGE',
      target: 20230101,
      targetHigh: 20231231,
      unitKind: 'DATE',
    });
  });

  it("gives an actual date without a year the target's year, MEDIUM", () => {
    expect(one('2023年12月底前完成', '12月20日完成')).toMatchObject({
      actual: 20231220,
      confidence: 'MEDIUM',
    });
  });

  it('reads a target that is only a date as a deadline', () => {
    expect(one('2023年12月31日', '2023年12月20日')).toMatchObject({
      comparator: 'MILESTONE',
      target: 20231231,
      actual: 20231220,
    });
  });

  it('reads a deadline and a count in one target as two measures', () => {
    const [deadline, count] = read('2023年6月30日前完成10个站点', '2023年6月20日完成12个');
    expect(deadline).toMatchObject({ comparator: 'MILESTONE', target: 20230630, actual: 20230620 });
    expect(count).toMatchObject({ target: 10, actual: 12 });
  });
});

describe('milestones and qualitative targets', () => {
  it('reads 通过项目初步验收 as a MILESTONE and a date-stamped actual as SAYS_DONE', () => {
    expect(one('通过项目初步验收。', '项目已于 2023年 8月 30日通过初步验收。')).toMatchObject({
      comparator: 'MILESTONE',
      direction: 'MILESTONE',
      target: null,
      actual: null,
      actualKind: 'SAYS_DONE',
    });
  });

  it('reads 完成…工作，出具相关报告 as a MILESTONE', () => {
    expect(one('完成等级保护测评工作，出具相关报告。', '已完成').comparator).toBe('MILESTONE');
  });

  it('reads 未通过 as NONE, not as done', () => {
    expect(one('通过项目初步验收', '未通过').actualKind).toBe('NONE');
  });

  it('reads 群众满意度明显提升 as QUALITATIVE (understood, no number)', () => {
    expect(one('群众满意度明显提升', '群众满意度明显提升')).toMatchObject({
      comparator: 'QUALITATIVE',
      direction: 'QUALITATIVE',
      target: null,
      actualKind: 'COPIES_TARGET',
    });
  });

  it('reads 有效提升 against a different description as QUALITATIVE with no actual', () => {
    expect(one('有效提升', '明显提升')).toMatchObject({
      comparator: 'QUALITATIVE',
      actual: null,
      actualKind: 'NONE',
    });
  });
});

describe('direction', () => {
  it('makes any at-most comparator lower-better', () => {
    expect(one('≤10次', '3次', '科目调整次数').direction).toBe('LOWER_BETTER');
  });

  it('keeps a bare rate of handling a bad thing higher-better (投诉办结率 100%)', () => {
    expect(one('100%', '100%', '投诉办结率')).toMatchObject({
      comparator: 'EQ',
      direction: 'HIGHER_BETTER',
    });
    expect(one('95%', '98%', '违法案件查处率').direction).toBe('HIGHER_BETTER');
  });

  it('keeps an at-least reduction rate higher-better (下降率≥10%)', () => {
    expect(one('下降率≥10%', '12%', '事故下降率').direction).toBe('HIGHER_BETTER');
  });

  it('reads a cost cap 项目总成本≤X万元 as lower-better money', () => {
    expect(one('项目总成本≤500万元', '480万元')).toMatchObject({
      comparator: 'LTE',
      unitKind: 'MONEY',
      direction: 'LOWER_BETTER',
      target: 500,
      actual: 480,
    });
  });

  it('reads 控制在X万元以内 as a cost cap', () => {
    expect(one('控制在500万元以内', '498.5万元', '成本指标')).toMatchObject({
      comparator: 'LTE',
      unitKind: 'MONEY',
      direction: 'LOWER_BETTER',
    });
  });

  it('reads a bare cost as a cap, MEDIUM', () => {
    expect(one('500万元', '480万元', '项目成本')).toMatchObject({
      comparator: 'LTE',
      direction: 'LOWER_BETTER',
      confidence: 'MEDIUM',
    });
  });

  it('keeps a bare output amount of money higher-better', () => {
    expect(one('发放补贴500万元', '520万元', '惠民补贴发放').direction).toBe('HIGHER_BETTER');
  });
});

describe('OCR damage', () => {
  it('recognises ≥ read as 2 before a number (2 95%) with LOW confidence', () => {
    expect(one('2 95%', '98%')).toMatchObject({
      comparator: 'GTE',
      target: 0.95,
      confidence: 'LOW',
    });
  });

  it('recognises ≥ read as 工 before a number (工95%) with LOW confidence', () => {
    expect(one('工95%', '98%')).toMatchObject({
      comparator: 'GTE',
      target: 0.95,
      confidence: 'LOW',
    });
  });

  it('keeps 工 that belongs to a word (员工95人)', () => {
    expect(one('培训员工95人', '100人')).toMatchObject({
      comparator: 'EQ',
      target: 95,
      confidence: 'HIGH',
    });
  });

  it('recognises a letter O for zero (1O0%) with LOW confidence', () => {
    expect(one('1O0%', '98%')).toMatchObject({ target: 1, actual: 0.98, confidence: 'LOW' });
  });

  it('keeps the letter O in a code (ISO9001)', () => {
    expect(one('通过ISO9001认证', '已通过')).toMatchObject({
      comparator: 'MILESTONE',
      confidence: 'HIGH',
    });
  });

  it('refuses a share above 100 % that may hide a damaged ≥ (295%)', () => {
    expect(refused('295%', '98%')).toMatch(/damaged/);
  });
});

describe('cells the normaliser refuses', () => {
  it('refuses two numbers of one unit side by side (fused cells)', () => {
    expect(refused('≥95%98%', '')).toMatch(/fused/);
  });

  it('refuses a number followed by another after whitespace (the score column fused in)', () => {
    expect(refused('≥95% 10', '98%')).toMatch(/fused cells/);
  });

  it('refuses a cell that holds a column heading', () => {
    expect(refused('预期实现值 ≥90%', '95%')).toMatch(/heading/);
  });

  it('refuses an actual whose units disagree with the target', () => {
    expect(refused('≥500人', '30个')).toMatch(/units disagree/);
  });

  it('refuses a per-unit target against a total (每月1次 against 12次)', () => {
    expect(refused('每月开展1次', '全年开展12次')).toMatch(/per-unit/);
  });

  it('refuses ranking targets', () => {
    expect(refused('全省排名前5', '第3名')).toMatch(/ranking/);
  });

  it('refuses ratios', () => {
    expect(refused('资金配套1:1', '1:1')).toMatch(/ratio/);
  });

  it('refuses a placeholder where the number should be (≥**平方米)', () => {
    expect(refused('≥**平方米', '1260平方米')).toMatch(/placeholder/);
  });

  it('refuses an empty target', () => {
    expect(refused('', '100%')).toMatch(/empty target/);
  });

  it('refuses a target whose only number cannot be read as a value', () => {
    expect(refused('落实12345热线工作', '已落实')).toMatch(/could not be read/);
  });
});
