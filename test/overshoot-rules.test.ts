import { describe, expect, it } from 'vitest';
import { attainment } from '../src/rules/attainment.js';
import { isEvidence, type RuleMeasure } from '../src/rules/evidence.js';
import { measureFlags } from '../src/rules/measure-flags.js';
import { isRatchetFailure } from '../src/rules/ratchet.js';
import { defaultRuleThresholds } from '../src/rules/thresholds.js';
import { normaliseIndicator } from '../src/ingest/indicator/indicator-normaliser.js';
import type { IndicatorMeasure } from '../src/rules/indicator-measure.js';

/**
 * Table 3 of the real report (seeds/reports/000_541c9492cc78057a.txt), cells joined as the
 * table parser yields them. The line-broken form is covered by the real-report normaliser test.
 */
const TABLE_3: ReadonlyArray<{ name: string; target: string; actual: string }> = [
  {
    name: '专题宣传教育活动',
    target: '开展不少于1次的人民群众宣传教育活动。',
    actual: '2023年组织开展《反有组织犯罪法》实施一周年系列法治宣传活动1次。',
  },
  {
    name: '新媒体宣传影响力提升',
    target: '“广州政法”各个新媒体平台账号粉丝总数累计超过170万人。',
    actual: '“广州政法”各个新媒体平台账号粉丝总数累计达到210.96万人。',
  },
  {
    name: '期刊发行情况',
    target: '《法治论坛》发行量=全年4期，总发行量不低于6000册。',
    actual: '《法治论坛》全年共发行4期、6000册。',
  },
  {
    name: '群防共治人员数量',
    target: '“广州街坊”平台实名注册人数65万人以上。',
    actual: '“广州街坊”平台实名注册人数66.55万人。',
  },
  {
    name: '打造示范项目',
    target: '培育标准化示范综治中心10个。',
    actual: '培育标准化示范综治中心12个。',
  },
  {
    name: '完成项目主体建设部分的初步验收',
    target: '通过项目初步验收。',
    actual: '项目已于2023年8月30日通过初步验收。',
  },
  {
    name: '完成等级保护测评',
    target: '完成等级保护测评工作，出具相关报告。',
    actual: '项目在2023年12月25日已完成等级保护测评并出具报告。',
  },
  {
    name: '第三方验收测评',
    target: '完成项目第三方验收测评工作，出具相关报告。',
    actual: '项目在2023年12月28日已完成第三方验收测评并出具报告。',
  },
  {
    name: '刑事案件法律援助处置率',
    target: '司法行政机关通过跨部门办案平台实现法律援助刑事案件处置率达90%。',
    actual: '司法行政机关通过跨部门办案平台实现法律援助刑事案件处置率达100%。',
  },
  {
    name: '刑事案件电子送达率',
    target: '审判机关通过跨部门办案平台实现认罪认罚盗窃案件电子送达率不低于90%。',
    actual: '审判机关通过跨部门办案平台实现认罪认罚盗窃案件电子送达率已达96.71%。',
  },
  {
    name: '刑事案件网上批捕、起诉率',
    target: '检察机关通过跨部门办案平台实现网上批捕、起诉认罪认罚盗窃案件达90%。',
    actual: '检察机关通过跨部门办案平台实现网上批捕、起诉认罪认罚盗窃案件达100%。',
  },
  {
    name: '刑事案件网上提捕、移送审查起诉率',
    target: '公安机关通过跨部门办案平台实现网上提捕、移送审查起诉认罪认罚盗窃案件达90%。',
    actual: '公安机关通过跨部门办案平台实现网上提捕案件率95.22%、移送审查95.02%。',
  },
  {
    name: '信息化建设类考核情况',
    target: '全省平安建设考核中我市信息化建设类考核扣分不多于该项总分的5%。',
    actual: '全省平安建设考核中涉及我市信息化建设考核项共2项、30分。考核结果显示我市未被扣分。',
  },
  {
    name: '社会治安突出问题排查整治成效',
    target:
      '对10个及以上镇街实施社会治安重点治理、突出问题挂牌整治，年底检查验收实现解除达标率85%以上。',
    actual:
      '2023年全市社会治安重点治理和突出问题挂牌整治地区共16个镇街。经检查验收实现解除达标率达100%。',
  },
  {
    name: '群众重复咨询比例',
    target: '中立法律服务全年接受群众重复咨询比例低于20%。',
    actual: '中立法律服务全年接受群众重复咨询比例4.75%。',
  },
];

/** Every measure of the table with its row number. */
function realMeasures(): Array<{ seq: number; measure: IndicatorMeasure }> {
  return TABLE_3.flatMap((row, k) => {
    const result = normaliseIndicator(row);
    if (!result.understood) throw new Error(`row ${k + 1} not understood: ${result.reason}`);
    return result.measures.map((measure) => ({ seq: k + 1, measure }));
  });
}

/** A measure with defaults for the fields a rule test does not care about. */
function measure(fields: Partial<RuleMeasure>): RuleMeasure {
  return {
    comparator: 'GTE',
    target: 100,
    actual: 100,
    direction: 'HIGHER_BETTER',
    unitKind: 'COUNT',
    confidence: 'HIGH',
    actualKind: 'VALUE',
    ...fields,
  };
}

describe('overshoot rules on the real report', () => {
  it('fires RATIO for 2, 5, the first measure of 14 and 15; CEILING for 9, 11, 13 and the second of 14; nothing else', () => {
    const flagged = realMeasures()
      .map(({ seq, measure: m }, k, all) => {
        const nth = all.slice(0, k).filter((x) => x.seq === seq).length + 1;
        return { at: `${seq}.${nth}`, flags: measureFlags(m) };
      })
      .filter((x) => x.flags.length > 0);
    expect(flagged).toEqual([
      { at: '2.1', flags: ['RATIO'] },
      { at: '5.1', flags: ['RATIO'] },
      { at: '9.1', flags: ['CEILING'] },
      { at: '11.1', flags: ['CEILING'] },
      { at: '13.1', flags: ['CEILING'] },
      { at: '14.1', flags: ['RATIO'] },
      { at: '14.2', flags: ['CEILING'] },
      { at: '15.1', flags: ['RATIO'] },
    ]);
  });

  it('computes the attainments docs/domain.md quotes: 1.24, 1.20, 1.60, 4.21', () => {
    const byRow = realMeasures();
    const of = (seq: number, nth = 1) =>
      attainment(byRow.filter((x) => x.seq === seq)[nth - 1]!.measure);
    expect(of(2)).toBeCloseTo(1.2409, 4);
    expect(of(5)).toBeCloseTo(1.2, 10);
    expect(of(14, 1)).toBeCloseTo(1.6, 10);
    expect(of(15)).toBeCloseTo(4.2105, 4);
  });

  it('reports 96.71 % against 90 % as attainment only, without a flag', () => {
    const row10 = realMeasures().find((x) => x.seq === 10)!.measure;
    expect(attainment(row10)).toBeCloseTo(1.0746, 4);
    expect(measureFlags(row10)).toEqual([]);
  });

  it('treats the milestones 6-8 as no evidence', () => {
    const milestones = realMeasures().filter((x) => [6, 7, 8].includes(x.seq));
    expect(milestones.map((x) => isEvidence(x.measure))).toEqual([false, false, false]);
  });
});

describe('attainment', () => {
  it('is actual / target for a higher-better measure', () => {
    expect(attainment(measure({ target: 10, actual: 16 }))).toBeCloseTo(1.6, 12);
  });

  it('is target / actual for a lower-better measure', () => {
    expect(
      attainment(
        measure({ comparator: 'LT', direction: 'LOWER_BETTER', target: 0.2, actual: 0.0475 }),
      ),
    ).toBeCloseTo(4.2105, 4);
  });

  it('is null for a lower-better actual of 0 (no finite ratio)', () => {
    expect(
      attainment(
        measure({ comparator: 'LTE', direction: 'LOWER_BETTER', target: 0.05, actual: 0 }),
      ),
    ).toBeNull();
  });

  it('is null for a higher-better target of 0', () => {
    expect(attainment(measure({ target: 0, actual: 3 }))).toBeNull();
  });

  it('is null when the actual is missing', () => {
    expect(attainment(measure({ actual: null }))).toBeNull();
  });

  it('is null for milestones, ranges and dates', () => {
    expect(attainment(measure({ comparator: 'MILESTONE', direction: 'MILESTONE' }))).toBeNull();
    expect(attainment(measure({ comparator: 'RANGE', target: 0.85, actual: 0.9 }))).toBeNull();
    expect(
      attainment(measure({ unitKind: 'DATE', target: 20231231, actual: 20231220 })),
    ).toBeNull();
  });
});

describe('measureFlags', () => {
  it('fires RATIO exactly at the threshold (12 against 10)', () => {
    expect(measureFlags(measure({ target: 10, actual: 12 }))).toEqual(['RATIO']);
  });

  it('fires RATIO at the threshold when binary rounding lands just below it (20.4 % against 17 %)', () => {
    expect(0.204 / 0.17).toBeLessThan(1.2);
    expect(measureFlags(measure({ unitKind: 'PERCENT', target: 0.17, actual: 0.204 }))).toEqual([
      'RATIO',
    ]);
  });

  it('does not fire RATIO just below the threshold', () => {
    expect(measureFlags(measure({ target: 10, actual: 11.99 }))).toEqual([]);
  });

  it('honours a custom minimum attainment', () => {
    expect(
      measureFlags(measure({ target: 10, actual: 11.5 }), {
        ...defaultRuleThresholds,
        minAttainment: 1.1,
      }),
    ).toEqual(['RATIO']);
  });

  it('fires CEILING for a percentage target at 95 % met with 100 %', () => {
    expect(measureFlags(measure({ unitKind: 'PERCENT', target: 0.95, actual: 1 }))).toEqual([
      'CEILING',
    ]);
  });

  it('does not fire CEILING for a percentage target above 95 %', () => {
    expect(measureFlags(measure({ unitKind: 'PERCENT', target: 0.98, actual: 1 }))).toEqual([]);
  });

  it('does not fire CEILING for a count that reaches 100', () => {
    expect(measureFlags(measure({ unitKind: 'COUNT', target: 90, actual: 100 }))).toEqual([]);
  });

  it('fires both RATIO and CEILING for 50 % met with 100 %', () => {
    expect(measureFlags(measure({ unitKind: 'PERCENT', target: 0.5, actual: 1 }))).toEqual([
      'RATIO',
      'CEILING',
    ]);
  });

  it('fires CEILING, not RATIO, for a lower-better target above 0 met with 0', () => {
    expect(
      measureFlags(
        measure({
          comparator: 'LTE',
          direction: 'LOWER_BETTER',
          unitKind: 'PERCENT',
          target: 0.05,
          actual: 0,
        }),
      ),
    ).toEqual(['CEILING']);
  });

  it('fires nothing for a measure that is not evidence', () => {
    expect(measureFlags(measure({ target: 10, actual: 20, actualKind: 'COPIES_TARGET' }))).toEqual(
      [],
    );
  });
});

describe('isEvidence', () => {
  it('accepts a numeric measure with a read actual', () => {
    expect(isEvidence(measure({}))).toBe(true);
  });

  it('rejects a cost cap (money, lower-better)', () => {
    expect(
      isEvidence(
        measure({
          comparator: 'LTE',
          direction: 'LOWER_BETTER',
          unitKind: 'MONEY',
          target: 500,
          actual: 300,
        }),
      ),
    ).toBe(false);
  });

  it('rejects a zero-incident target met with zero', () => {
    expect(
      isEvidence(measure({ comparator: 'LTE', direction: 'LOWER_BETTER', target: 0, actual: 0 })),
    ).toBe(false);
  });

  it('rejects actuals that say done or copy the target', () => {
    expect(isEvidence(measure({ actualKind: 'SAYS_DONE', actual: null }))).toBe(false);
    expect(isEvidence(measure({ actualKind: 'COPIES_TARGET' }))).toBe(false);
  });

  it('rejects LOW confidence readings', () => {
    expect(isEvidence(measure({ confidence: 'LOW' }))).toBe(false);
  });

  it('rejects milestones, qualitative targets and ranges', () => {
    expect(isEvidence(measure({ comparator: 'MILESTONE', direction: 'MILESTONE' }))).toBe(false);
    expect(isEvidence(measure({ comparator: 'QUALITATIVE', direction: 'QUALITATIVE' }))).toBe(
      false,
    );
    expect(isEvidence(measure({ comparator: 'RANGE' }))).toBe(false);
  });

  it('keeps a cost cap out of the flags even when it is far under', () => {
    const cost = normaliseIndicator({ name: '项目总成本', target: '≤500万元', actual: '250万元' });
    expect(cost.understood && cost.measures.map((m) => measureFlags(m))).toEqual([[]]);
  });
});

describe('isRatchetFailure', () => {
  const prev = (
    actual: number | null,
    direction: IndicatorMeasure['direction'] = 'HIGHER_BETTER',
    unit = '人',
  ) => ({ actual, direction, unit });
  const next = (
    target: number | null,
    direction: IndicatorMeasure['direction'] = 'HIGHER_BETTER',
    unit = '人',
  ) => ({ target, direction, unit });

  it('fails when next year targets less than this year achieved (higher-better)', () => {
    expect(isRatchetFailure(prev(2_109_600), next(1_800_000))).toBe(true);
  });

  it("does not fail when the target equals last year's actual", () => {
    expect(
      isRatchetFailure(prev(0.9671, 'HIGHER_BETTER', '%'), next(0.9671, 'HIGHER_BETTER', '%')),
    ).toBe(false);
  });

  it("does not fail when the target rises above last year's actual", () => {
    expect(isRatchetFailure(prev(12), next(14))).toBe(false);
  });

  it("is mirrored for lower-better: a cap above last year's actual fails", () => {
    expect(
      isRatchetFailure(prev(0.0475, 'LOWER_BETTER', '%'), next(0.2, 'LOWER_BETTER', '%')),
    ).toBe(true);
    expect(
      isRatchetFailure(prev(0.0475, 'LOWER_BETTER', '%'), next(0.04, 'LOWER_BETTER', '%')),
    ).toBe(false);
  });

  it('does not compare different units or directions', () => {
    expect(isRatchetFailure(prev(16, 'HIGHER_BETTER', '个'), next(10, 'HIGHER_BETTER', '镇'))).toBe(
      false,
    );
    expect(isRatchetFailure(prev(16), next(10, 'LOWER_BETTER'))).toBe(false);
  });

  it('does not fail when a value is missing', () => {
    expect(isRatchetFailure(prev(null), next(10))).toBe(false);
  });
});
