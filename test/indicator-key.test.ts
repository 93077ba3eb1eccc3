import { describe, expect, it } from 'vitest';
import { indicatorKey, matchIndicator } from '../src/ingest/indicator/indicator-key.js';

/** Names of table 3 of the real report (seeds/reports/000_541c9492cc78057a.txt). */
const REAL_NAMES = [
  '专题宣传教育活动',
  '新媒体宣传影响力提升',
  '期刊发行情况',
  '群防共治人员数量',
  '打造示范项目',
  '完成项目主体建设部分的初步验收',
  '完成等级保护测评',
  '第三方验收测评',
  '刑事案件法律援助处置率',
  '刑事案件电子送达率',
  '刑事案件网上批捕、起诉率',
  '刑事案件网上提捕、移送审查起诉率',
  '信息化建设类考核情况',
  '社会治安突出问题排查整治成效',
  '群众重复咨询比例',
].map((name) => ({ name }));

describe('indicatorKey', () => {
  it('removes whitespace and line breaks left by the PDF extraction', () => {
    expect(indicatorKey('刑事案件网上\n批捕、起诉率')).toBe(
      indicatorKey('刑事案件网上批捕、起诉率'),
    );
  });

  it('removes punctuation, quotes and brackets', () => {
    expect(indicatorKey('“广州街坊”平台注册人数')).toBe(indicatorKey('广州街坊平台注册人数'));
    expect(indicatorKey('刑事案件网上批捕、起诉率')).toBe('刑事案件网上批捕起诉率');
  });

  it('folds full-width letters and digits to half-width', () => {
    expect(indicatorKey('５Ｇ基站覆盖率')).toBe(indicatorKey('5G基站覆盖率'));
  });

  it('absorbs the 总数 / 数量 drift', () => {
    expect(indicatorKey('新媒体粉丝总数')).toBe(indicatorKey('新媒体粉丝数量'));
  });

  it('drops filler such as 情况 and a leading 完成', () => {
    expect(indicatorKey('期刊发行情况')).toBe('期刊发行');
    expect(indicatorKey('完成等级保护测评')).toBe('等级保护测评');
  });

  it('keeps 完成率: a completion rate is not the completion', () => {
    expect(indicatorKey('项目完成率')).toBe('项目完成率');
  });

  it('drops a year written into the name', () => {
    expect(indicatorKey('2023年度专题宣传教育活动')).toBe(indicatorKey('专题宣传教育活动'));
  });

  it('drops a unit or target written into the name', () => {
    expect(indicatorKey('培训人数（人次）')).toBe(indicatorKey('培训人数'));
    expect(indicatorKey('公猪舍(≥**平方米)')).toBe('公猪舍');
    expect(indicatorKey('项目完成率100%')).toBe(indicatorKey('项目完成率'));
    expect(indicatorKey('满意度≥90%')).toBe(indicatorKey('满意度'));
  });
});

describe('matchIndicator', () => {
  it('matches wording drift through the same key, with score 1', () => {
    expect(
      matchIndicator({ name: '新媒体粉丝总数' }, [
        { name: '期刊发行情况' },
        { name: '新媒体粉丝数量' },
      ]),
    ).toEqual({
      index: 1,
      match: { score: 1, matchedBy: "same key '新媒体粉丝'" },
    });
  });

  it('matches a shortened name by bigram similarity and says so', () => {
    const found = matchIndicator({ name: '认罪认罚盗窃案件电子送达率' }, [
      { name: '盗窃案件电子送达率' },
    ]);
    expect(found?.index).toBe(0);
    expect(found?.match.score).toBeCloseTo(0.8, 10);
    expect(found?.match.matchedBy).toMatch(/^name similarity 0\.80 \(bigram Dice/);
  });

  it('does not match unrelated names', () => {
    expect(matchIndicator({ name: '期刊发行情况' }, [{ name: '群防共治人员数量' }])).toBeNull();
  });

  it('does not match the indicators of two agencies that share most words', () => {
    expect(
      matchIndicator({ name: '刑事案件网上批捕、起诉率' }, [
        { name: '刑事案件网上提捕、移送审查起诉率' },
      ]),
    ).toBeNull();
  });

  it('finds every real indicator among the real names, and only itself', () => {
    const found = REAL_NAMES.map((n) => matchIndicator(n, REAL_NAMES)?.index);
    expect(found).toEqual(REAL_NAMES.map((_, k) => k));
  });

  it('prefers an exact key over a similar name listed earlier', () => {
    const found = matchIndicator({ name: '法律援助刑事案件处置率' }, [
      { name: '法律援助民事案件处置率' },
      { name: '法律援助刑事案件处置率' },
    ]);
    expect(found?.index).toBe(1);
  });

  it('picks the most similar candidate', () => {
    const found = matchIndicator({ name: '群众重复咨询比例' }, [
      { name: '群众咨询满意度' },
      { name: '群众重复咨询占比例' },
    ]);
    expect(found?.index).toBe(1);
  });

  it('refuses a match whose units differ', () => {
    expect(
      matchIndicator({ name: '培训人数', unit: '人' }, [{ name: '培训人数', unit: '个' }]),
    ).toBeNull();
  });

  it('treats units written differently but with one base as the same (万人 and 人)', () => {
    expect(
      matchIndicator({ name: '注册人数', unit: '万人' }, [{ name: '注册人数', unit: '人' }])?.index,
    ).toBe(0);
  });

  it('ignores a missing unit on either side', () => {
    expect(
      matchIndicator({ name: '培训人数', unit: '人' }, [{ name: '培训人数', unit: null }])?.index,
    ).toBe(0);
  });

  it('honours a stricter minimum score', () => {
    expect(
      matchIndicator({ name: '认罪认罚盗窃案件电子送达率' }, [{ name: '盗窃案件电子送达率' }], 0.9),
    ).toBeNull();
  });

  it('returns null when there are no candidates', () => {
    expect(matchIndicator({ name: '专题宣传教育活动' }, [])).toBeNull();
  });
});

describe('qualifier drift', () => {
  it('matches a name that dropped a qualifier, and says so', () => {
    const match = matchIndicator({ name: '审计整改率' }, [{ name: '审计发现问题整改率' }]);
    expect(match?.match.matchedBy).toBe(
      "qualifier added or dropped: '审计整改率' within '审计发现问题整改率'",
    );
  });

  it("does not match a different agency's indicator that merely shares words", () => {
    expect(
      matchIndicator({ name: '刑事案件网上批捕、起诉率' }, [
        { name: '刑事案件网上提捕、移送审查起诉率' },
      ]),
    ).toBeNull();
  });

  it('does not match a short name inside a much longer one', () => {
    expect(matchIndicator({ name: '满意度' }, [{ name: '群众对公共法律服务满意度' }])).toBeNull();
  });
});
