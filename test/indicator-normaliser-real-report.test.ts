import { describe, expect, it } from 'vitest';
import {
  normaliseIndicator,
  type NormaliseResult,
} from '../src/ingest/indicator/indicator-normaliser.js';
import type { IndicatorMeasure } from '../src/rules/indicator-measure.js';

/**
 * Table 3 (履职效能关键指标) of the real report, seeds/reports/000_541c9492cc78057a.txt lines
 * 525-745, cell by cell as the PDF extraction broke them (line breaks and stray spaces kept).
 */
const TABLE_3 = [
  {
    name: '专题宣传教育\n活动',
    target: '开展不少于 1次的人民群众宣\n传教育活动。',
    actual: '2023年组织开展《反有组织犯\n罪法》实施一周年系列法治宣\n传活动 1次。',
  },
  {
    name: '新媒体宣传影\n响力提升',
    target: '“广州政法”各个新媒体平台账\n号粉丝总数累计超过 170万人。',
    actual: '“广州政法”各个新媒体平台\n账号粉丝总数累计达到\n210.96万人。',
  },
  {
    name: '期刊发行情况',
    target: '《法治论坛》发行量=全年 4期，\n总发行量不低于 6000册。',
    actual: '《法治论坛》全年共发行 4期、\n6000册。',
  },
  {
    name: '群防共治人员\n数量',
    target: '“广州街坊”平台实名注册人数\n65万人以上。',
    actual: '“广州街坊”平台实名注册人\n数 66.55万人。',
  },
  {
    name: '打造示范项目',
    target: '培育标准化示范综治中心 10\n个。',
    actual: '培育标准化示范综治中心 12\n个。',
  },
  {
    name: '完成项目主体\n建设部分的初\n步验收',
    target: '通过项目初步验收。',
    actual: '项目已于 2023年 8月 30日通\n过初步验收。',
  },
  {
    name: '完成等级保护\n测评',
    target: '完成等级保护测评工作，出具相\n关报告。',
    actual: '项目在 2023年 12月 25日已\n完成等级保护测评并出具报\n告。',
  },
  {
    name: '第三方验收测\n评',
    target: '完成项目第三方验收测评工作，\n出具相关报告。',
    actual: '项目在 2023年 12月 28日已\n完成第三方验收测评并出具\n报告。',
  },
  {
    name: '刑事案件法律\n援助处置率',
    target: '司法行政机关通过跨部门办案\n平台实现法律援助刑事案件处\n置率达 90%。',
    actual: '司法行政机关通过跨部门办\n案平台实现法律援助刑事案\n件处置率达 100%。',
  },
  {
    name: '刑事案件电子\n送达率',
    target: '审判机关通过跨部门办案平台\n实现认罪认罚盗窃案件电子送\n达率不低于 90%。',
    actual: '审判机关通过跨部门办案平\n台实现认罪认罚盗窃案件电\n子送达率已达 96.71%。',
  },
  {
    name: '刑事案件网上\n批捕、起诉率',
    target: '检察机关通过跨部门办案平台\n实现网上批捕、起诉认罪认罚盗\n窃案件达 90%。',
    actual: '检察机关通过跨部门办案平\n台实现网上批捕、起诉认罪认\n罚盗窃案件达 100%。',
  },
  {
    name: '刑事案件网上\n提捕、移送审查\n起诉率',
    target: '公安机关通过跨部门办案平台\n实现网上提捕、移送审查起诉认\n罪认罚盗窃案件达 90%。',
    actual: '公安机关通过跨部门办案平\n台实现网上提捕案件率\n95.22%、移送审查 95.02%。',
  },
  {
    name: '信息化建设类\n考核情况',
    target: '全省平安建设考核中我市信息\n化建设类考核扣分不多于该项\n总分的 5%。',
    actual:
      '全省平安建设考核中涉及我\n市信息化建设考核项共 2项、\n30分。考核结果显示我市未被\n扣分。',
  },
  {
    name: '社会治安突出\n问题排查整治\n成效',
    target:
      '对 10个及以上镇街实施社会治\n安重点治理、突出问题挂牌整\n治，年底检查验收实现解除达标\n率 85%以上。',
    actual:
      '2023年全市社会治安重点治\n理和突出问题挂牌整治地区\n共 16个镇街。经检查验收实\n现解除达标率达 100%。',
  },
  {
    name: '群众重复咨询\n比例',
    target: '中立法律服务全年接受群众重\n复咨询比例低于 20%。',
    actual: '中立法律服务全年接受群众\n重复咨询比例 4.75%。',
  },
] as const;

/** The measures of row `seq` (1-based); fails the test when the row is not understood. */
function measuresOf(seq: number): IndicatorMeasure[] {
  const row = TABLE_3[seq - 1];
  if (!row) throw new Error(`no row ${seq}`);
  const result: NormaliseResult = normaliseIndicator(row);
  if (!result.understood) throw new Error(`row ${seq} not understood: ${result.reason}`);
  return result.measures;
}

type Expected = Pick<
  IndicatorMeasure,
  'comparator' | 'target' | 'actual' | 'unit' | 'unitKind' | 'direction' | 'actualKind'
>;

/** Checks the fields that matter exactly, and the floats to 10 decimals. */
function expectMeasure(m: IndicatorMeasure | undefined, e: Expected): void {
  expect(m).toBeDefined();
  if (!m) return;
  expect({
    comparator: m.comparator,
    unit: m.unit,
    unitKind: m.unitKind,
    direction: m.direction,
    actualKind: m.actualKind,
    targetHigh: m.targetHigh,
    confidence: m.confidence,
  }).toEqual({
    comparator: e.comparator,
    unit: e.unit,
    unitKind: e.unitKind,
    direction: e.direction,
    actualKind: e.actualKind,
    targetHigh: null,
    confidence: 'HIGH',
  });
  for (const key of ['target', 'actual'] as const) {
    const expected = e[key];
    if (expected === null) expect(m[key]).toBeNull();
    else expect(m[key]).toBeCloseTo(expected, 10);
  }
}

const count = (unit: string) => ({ unit, unitKind: 'COUNT' as const });
const people = { unit: '人', unitKind: 'PEOPLE' as const };
const percent = { unit: '%', unitKind: 'PERCENT' as const };
const milestone = {
  comparator: 'MILESTONE' as const,
  target: null,
  actual: null,
  unit: null,
  unitKind: null,
  direction: 'MILESTONE' as const,
  actualKind: 'SAYS_DONE' as const,
};
const higher = { direction: 'HIGHER_BETTER' as const, actualKind: 'VALUE' as const };
const lower = { direction: 'LOWER_BETTER' as const, actualKind: 'VALUE' as const };

describe('indicator normaliser on table 3 of the real report', () => {
  it('understands all 15 indicators', () => {
    for (const row of TABLE_3) expect(normaliseIndicator(row).understood).toBe(true);
  });

  it('reads as many measures per row as the row states targets or actual values', () => {
    expect(TABLE_3.map((_, k) => measuresOf(k + 1).length)).toEqual([
      1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1,
    ]);
  });

  it('1 专题宣传教育活动: 不少于1次 against 1次, past the year 2023 and 一周年', () => {
    expectMeasure(measuresOf(1)[0], {
      comparator: 'GTE',
      target: 1,
      actual: 1,
      ...count('次'),
      ...higher,
    });
  });

  it('2 新媒体宣传影响力提升: 超过170万人 is GT 1,700,000 人 against 2,109,600', () => {
    expectMeasure(measuresOf(2)[0], {
      comparator: 'GT',
      target: 1_700_000,
      actual: 2_109_600,
      ...people,
      ...higher,
    });
  });

  it('3 期刊发行情况: =全年4期 and 不低于6000册 paired by unit with 4期、6000册', () => {
    const [issues, copies] = measuresOf(3);
    expectMeasure(issues, { comparator: 'EQ', target: 4, actual: 4, ...count('期'), ...higher });
    expectMeasure(copies, {
      comparator: 'GTE',
      target: 6000,
      actual: 6000,
      ...count('册'),
      ...higher,
    });
  });

  it('4 群防共治人员数量: 65万人以上 is GTE 650,000 人 against 665,500', () => {
    expectMeasure(measuresOf(4)[0], {
      comparator: 'GTE',
      target: 650_000,
      actual: 665_500,
      ...people,
      ...higher,
    });
  });

  it('5 打造示范项目: a bare 10个 is EQ (at least by convention) against 12', () => {
    expectMeasure(measuresOf(5)[0], {
      comparator: 'EQ',
      target: 10,
      actual: 12,
      ...count('个'),
      ...higher,
    });
  });

  it('6-8 acceptance and evaluation tasks are milestones whose actuals say done', () => {
    for (const seq of [6, 7, 8]) expectMeasure(measuresOf(seq)[0], milestone);
  });

  it('9 法律援助处置率: 达90% against 达100%', () => {
    expectMeasure(measuresOf(9)[0], {
      comparator: 'GTE',
      target: 0.9,
      actual: 1,
      ...percent,
      ...higher,
    });
  });

  it('10 电子送达率: 不低于90% against 已达96.71% (达 inside 送达率 is not a comparator)', () => {
    expectMeasure(measuresOf(10)[0], {
      comparator: 'GTE',
      target: 0.9,
      actual: 0.9671,
      ...percent,
      ...higher,
    });
  });

  it('11 网上批捕、起诉率: 达90% against 达100%', () => {
    expectMeasure(measuresOf(11)[0], {
      comparator: 'GTE',
      target: 0.9,
      actual: 1,
      ...percent,
      ...higher,
    });
  });

  it('12 网上提捕、移送审查起诉率: one target of 90% against two actual rates', () => {
    const [arrests, transfers] = measuresOf(12);
    expectMeasure(arrests, {
      comparator: 'GTE',
      target: 0.9,
      actual: 0.9522,
      ...percent,
      ...higher,
    });
    expectMeasure(transfers, {
      comparator: 'GTE',
      target: 0.9,
      actual: 0.9502,
      ...percent,
      ...higher,
    });
  });

  it('13 信息化建设类考核情况: 扣分不多于5% is a lower-better cap met with 未被扣分 = 0', () => {
    expectMeasure(measuresOf(13)[0], {
      comparator: 'LTE',
      target: 0.05,
      actual: 0,
      ...percent,
      ...lower,
    });
  });

  it('14 社会治安突出问题排查整治成效: 10个及以上 and 85%以上 against 16个 and 100%', () => {
    const [towns, rate] = measuresOf(14);
    expectMeasure(towns, { comparator: 'GTE', target: 10, actual: 16, ...count('个'), ...higher });
    expectMeasure(rate, { comparator: 'GTE', target: 0.85, actual: 1, ...percent, ...higher });
  });

  it('15 群众重复咨询比例: 低于20% is LT, lower-better, against 4.75%', () => {
    expectMeasure(measuresOf(15)[0], {
      comparator: 'LT',
      target: 0.2,
      actual: 0.0475,
      ...percent,
      ...lower,
    });
  });

  it('keeps the fragments the measures were read from', () => {
    expect(measuresOf(2)[0]).toMatchObject({
      targetSource: '超过170万人',
      actualSource: '达到210.96万人',
    });
    expect(measuresOf(13)[0]).toMatchObject({
      targetSource: '不多于该项总分的5%',
      actualSource: '未被扣分',
    });
  });

  it('reads the cells the same way whether the line breaks are kept or removed', () => {
    for (const row of TABLE_3) {
      const joined = {
        name: row.name.replace(/\s+/g, ''),
        target: row.target.replace(/\s+/g, ''),
        actual: row.actual.replace(/\s+/g, ''),
      };
      expect(normaliseIndicator(joined)).toEqual(normaliseIndicator(row));
    }
  });
});
