/**
 * Words that classify an indicator text without a number: zero targets and zero actuals,
 * "done" actuals, milestones, qualitative targets, totals, parts and references. Which way is
 * good (rate families, bad things, costs) has its own home, direction-vocabulary.ts. All
 * patterns run on compact folded text (no whitespace, half-width).
 */

/** Events whose absence a zero target asks for (安全事故, 有效投诉, 扣分). */
const ZERO_EVENT =
  '(?:重大|较大|一般|安全|责任|质量|生产|重复|有效|违法|违规)?(?:事故|投诉|差错|伤亡|失误|违规|违纪|案件|事件|扣分|缺陷|舆情|上访|问题|逾期|损失|故障|火灾|死亡|隐患|通报|退回)';

/**
 * A zero target: 零, 无, 0起, 不发生, 杜绝 (docs/domain.md). Kept to phrases that name an event, so that
 * 无纸化, 零距离, 零跑腿 and 零容忍 are not read as "at most 0".
 */
export const ZERO_TARGET = new RegExp(
  [
    `不发生[^，,。;；]{0,12}?${ZERO_EVENT}`,
    `杜绝[^，,。;；]{0,12}?${ZERO_EVENT}`,
    `确保(?:无|零)[^，,。;；]{0,8}?${ZERO_EVENT}`,
    `(?:无|零)${ZERO_EVENT}`,
    `${ZERO_EVENT}(?:发生)?(?:数|率|次数|起数|件数)?(?:为|是)?(?:零|0|无)(?:发生)?(?![\\d.])`,
    `零发生`,
    `^(?:无|零)$`,
  ].join('|'),
);

/**
 * An actual that reads as zero for a lower-better measure: 无, 未发生, 未被扣分 (docs/domain.md). Only
 * applied when the measure is lower-better, where "none happened" clearly refers to it.
 */
export const ZERO_ACTUAL = new RegExp(
  [
    `(?:未|没有|无|零)(?:被|发生|出现|收到|接到|产生)?[^，,。;；]{0,8}?${ZERO_EVENT}`,
    `${ZERO_EVENT}(?:发生)?(?:数|率|次数|起数|件数)?(?:为|是)?(?:零|无)`,
    `未发生|未出现|零发生|无发生|没有发生|未扣分|不扣分|未被扣分`,
    `^(?:无|零|0)$`,
  ].join('|'),
);

/** The actual cell only says the target was met (达成预期指标, 已完成, 完成, 达到预期, 通过). */
export const SAYS_DONE =
  /(?:达成|达到|完成|实现|符合)预期(?:指标|目标|值|效果|要求)?|已完成|全部完成|按时完成|如期完成|顺利完成|按期完成|完成|已达成|达成|已达到|达到|达标|已实现|实现|已通过|通过|已落实|落实|已建成|建成|已上线|上线|已(?:出台|印发|制定|建立|开展|举办|召开|发布|编制|验收|办结|实施|投入使用)|出台|印发|符合|满足|合格|合规|^是$|^已$/;

/** A negated completion: 未完成, 尚未通过, 没有达到. Checked before SAYS_DONE. */
export const NOT_DONE =
  /不合格|不合规|不达标|(?:未|没有|尚未|未能|不能|没能|无法)(?:按时|按期|全部)?(?:完成|达成|达到|实现|通过|达标|落实|建成|上线|验收)|^否$/;

/** Milestone verbs that make a numberless target a milestone even next to softer words. */
export const STRONG_MILESTONE =
  /验收|出具|上线|竣工|建成|投入使用|印发|出台|交付|挂牌|揭牌|发布|颁布|通车|开通|办结|结题|备案/;

/** Weaker milestone verbs: a milestone unless the text is about improvement. */
export const WEAK_MILESTONE =
  /完成|通过|制定|编制|启动|实施|落实|开展|举办|召开|建立|组建|修订|形成|提交|报送|^是$/;

/** Improvement words: a numberless target with them is qualitative (群众满意度明显提升, 有效提升). */
export const QUALITATIVE_WORDS =
  /提升|提高|改善|增强|明显|显著|有效|良好|稳步|持续|逐步|不断|加强|优化|降低|减少|规范|保障|推动|促进|满意|稳定|较好|健全|完善/;

/** Ranking targets (排名前5, 位次): a rank is not a quantity; left to a human. */
export const RANKING = /排名|名次|位次|排位|排序/;

/** A total before the number in an actual listing parts (`共16个镇街`, `合计700人次`). */
export const TOTAL_BEFORE = /共|合计|共计|总计|累计|总共|总量|总数/;

/**
 * A per-unit or per-period value (每月1次, 人均20小时, 平均12小时): comparable only with an actual
 * per the same unit. 每年 is the reporting period itself and does not count.
 */
export const PER_UNIT_BEFORE = /(?:每(?!年)|人均|户均|平均|场均|次均)[^，,。；;、\d]{0,4}$/;

/** A name about a per-unit value (人均培训时长): target and actual are both per unit. */
export const PER_UNIT_NAME = /每(?!年)|人均|户均|平均|场均|次均/;

/** The target quoted inside the actual (`98.6%（目标95%）`): a reference, not a second actual. */
export const REFERENCE_BEFORE = /(?:目标|预期|计划|指标值|要求)(?:值|数)?(?:为|是)?$/;

/** Last year's value quoted beside the target (`≥95%（上年为92%）`): a reference, not a second target. */
export const PREVIOUS_YEAR_VALUE = /(?:上年|去年|上一年)度?(?:为|是|完成|实际|实现|达到?)$/;

/** A change against another period (`较上年提高3%`, `同比增长5%`): not the measure itself. */
export const CHANGE_BEFORE =
  /同比|环比|较上年|比上年|较去年|比去年|提高|增长|增加|下降|减少|上升|降低|提升/;
