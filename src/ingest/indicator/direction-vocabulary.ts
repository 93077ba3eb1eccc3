/**
 * The one home of the words that say which way is good for an indicator (docs/domain.md,
 * "Direction"): the families of rates that are caps (lower-better) or goals (higher-better), the
 * rates whose direction depends on how a document defines them, the bad things whose count or
 * share is a cap, and cost words. The decision that weighs them against the comparator is in
 * indicator-direction.ts. All patterns run on compact folded text (no whitespace, half-width).
 */

/** Which way a family of rates points; AMBIGUOUS when documents define the same name both ways. */
export type FamilyDirection = 'LOWER_BETTER' | 'HIGHER_BETTER' | 'AMBIGUOUS';

/** A family of rates with one direction, named by the rate words that end an indicator's rate. */
export interface DirectionFamily {
  id: string;
  direction: FamilyDirection;
  /** Rate words of the family as they end a rate's name (the head: 投诉办结率 is an 办结率). */
  terms: RegExp;
}

/**
 * A family from its terms, separated by whitespace: plain words, or patterns for qualified ones
 * (…经费控制率).
 */
const family = (id: string, direction: FamilyDirection, terms: string): DirectionFamily => ({
  id,
  direction,
  terms: new RegExp(terms.trim().split(/\s+/).join('|')),
});

/** Spending and staffing, whose control rate is measured against a budget or a quota. */
const CONTROLLED = '(?:经费|费用|费|开支|支出|人员|编制|三公)';

/**
 * Running costs, whose change against last year is meant to be none. Narrower than CONTROLLED:
 * 支出增长率 may be a finance bureau's outlay and 消费增长率 is consumption, both goals.
 */
const RUNNING_COSTS = '(?:经费|费用|开支|三公|接待费|会议费|培训费|差旅费|运行费|维护费|购置费)';

/**
 * The families. Where two terms end at the same place the longer wins (不合格率 over 合格率,
 * 公用经费控制率 over 控制率), so a qualified term may sit in any family.
 */
export const DIRECTION_FAMILIES: readonly DirectionFamily[] = [
  // 财预〔2013〕53号 defines 在职人员控制率 = 在职人员数 / 编制数, 公用经费控制率 = 实际支出公用经费
  // / 预算安排公用经费 and "三公经费"控制率 = 实际支出数 / 预算安排数, all full marks at ≤ 100 %.
  family('spending-control', 'LOWER_BETTER', `${CONTROLLED}控制率`),
  // The same framework's "三公经费"变动率 (this year against last) has full marks at ≤ 0.
  family('spending-change', 'LOWER_BETTER', `${RUNNING_COSTS}(?:变动率|增长率|增幅)`),
  // 成本控制率 is spent / budgeted (≤ 100 %) in some documents and saved / budgeted (the more the
  // better) in others; 变动率 alone names no direction. Only a comparator settles them.
  family('control-or-change', 'AMBIGUOUS', `控制率 变动率`),
  // Control of a disease or outbreak is the share brought under control.
  family('disease-control', 'HIGHER_BETTER', `(?:血压|血糖|血脂|疫情|病情|病媒)控制率`),
  family(
    'incidence',
    'LOWER_BETTER',
    `
    发生率 事故率 发案率 犯罪率 再犯率 发病率 患病率 死亡率 病死率 伤亡率 感染率 复发率 受害率
    致残率 失业率 辍学率 返贫率 致贫率
  `,
  ),
  family(
    'error',
    'LOWER_BETTER',
    `
    差错率 错误率 误差率 失误率 出错率 错报率 误报率 漏报率 漏检率 误判率 偏差率 偏离率 差异率
    纠错率 改判率 发回重审率 败诉率
  `,
  ),
  family('complaint', 'LOWER_BETTER', `投诉率 信访率 上访率 重复咨询率 重复来电率 差评率 不满意率`),
  family(
    'overspend',
    'LOWER_BETTER',
    `超支率 超预算率 超概算率 超标率 超期率 超时率 超限率 超载率`,
  ),
  family('carry-over', 'LOWER_BETTER', `结转结余率 结余率 结转率 结余变动率 结转变动率`),
  family('adjustment', 'LOWER_BETTER', `调整率 调剂率 追加率 变更率`),
  family(
    'rework',
    'LOWER_BETTER',
    `
    返工率 返修率 不合格率 不达标率 缺陷率 故障率 退货率 退回率 退件率 驳回率 废品率 次品率
    损耗率 损失率
  `,
  ),
  family('violation', 'LOWER_BETTER', `违规率 违法率 违纪率 违章率 违约率`),
  family(
    'vacancy-loss-arrears',
    'LOWER_BETTER',
    `
    空置率 闲置率 流失率 逾期率 拖欠率 欠费率 欠款率 欠薪率 不良率 坏账率 延误率 延期率 积压率
    滞留率 扣分率
  `,
  ),
  family(
    'completion',
    'HIGHER_BETTER',
    `
    完成率 执行率 实施率 落实率 兑现率 到位率 拨付率 支付率 发放率 进度率 开工率 竣工率 验收率
    安排率 实现率 建成率
  `,
  ),
  family(
    'quality',
    'HIGHER_BETTER',
    `
    合格率 达标率 优良率 优秀率 通过率 合规率 得分率 准确率 正确率 符合率 规范率 完好率 成功率
    准点率 一致率 可办率 接通率
  `,
  ),
  family(
    'coverage',
    'HIGHER_BETTER',
    `
    覆盖率 普及率 就业率 参保率 入学率 巩固率 接种率 建档率 签约率 登记率 录入率 上线率 联网率
    知晓率 参与率 参加率 出勤率 入园率 持卡率 数字化率 公开率 年检率 监测率 检测率 治理率 处理率
    分担率 回收率 利用率 使用率 入住率
  `,
  ),
  family(
    'timeliness',
    'HIGHER_BETTER',
    `及时率 按时率 准时率 响应率 回复率 答复率 反馈率 受理率 到场率`,
  ),
  // Handling a bad thing is good: 投诉办结率, 违法案件查处率, 问题整改率, 挽回经济损失率.
  family(
    'handling',
    'HIGHER_BETTER',
    `
    处置率 查处率 整改率 化解率 破案率 侦破率 调处率 结案率 办结率 解决率 销号率 回访率 追回率
    清偿率 收回率 挽回率 挽回(?:经济)?损失率 纠正率 救治率 治愈率 救助率 保障率
  `,
  ),
  family('satisfaction', 'HIGHER_BETTER', `满意度 满意率 好评率 认可度 获得感 幸福感 信任度`),
  // A reduction rate (事故下降率) is the size of a fall: the bigger the better.
  family('reduction', 'HIGHER_BETTER', `下降率 降低率 减少率 压降率 压减率 降幅 减幅`),
];

/**
 * A number governed by a reduction verb (`较上年下降10%`, `同比减少不少于5%`) is the size of a fall,
 * not the level of the rate, whatever the rate. 下降至 / 降低到 set a level and do not count.
 */
export const REDUCTION_BEFORE = /(?:下降|降低|减少|压降|压减|削减)了?$/;

/** A reduction verb after a name's rate (投诉率同比下降): the name is about the fall, not the level. */
export const REDUCTION_AFTER = /(?:下降|降低|减少|压降|压减|削减)(?![至到])/;

/**
 * Things whose count or share is bad: a bare number for them is a cap (docs/domain.md,
 * "Direction"). The fallback for counts and for shares that no rate family names (群众重复咨询比例,
 * 扣分, 结转结余资金占…的比例).
 */
export const BAD_THING =
  /投诉|重复咨询|扣分|事故|发生率|差错|超支|失误|违规|违纪|违法|逾期|超期|不合格|误差|缺陷|故障|伤亡|死亡|火灾|发案|犯罪率|损失|流失|返工|偏差|误报|漏报|错误|延误|积压|超标|退回|驳回|空置|闲置|舆情|上访|信访量|复发|不良|纠错|被追责|处罚|结转结余/;

/**
 * Handling of a bad thing is a good thing: 投诉处置, 违法案件查处, 问题整改 and 事故下降 name
 * complaints, offences, problems and accidents but are higher-better. Negated words (不合格,
 * 不及时, 不到位, 不满意) are bad things themselves and do not count.
 */
export const HANDLING =
  /处置|办结|整改|查处|纠正|解决|处理|回复|答复|化解|结案|受理|调处|销号|挽回|破案|侦破|追回|防控|排查|治理|(?<!不)满意|(?<!不)及时|(?<![不未])合格|(?<![不未])完成|覆盖|(?<!不)到位|下降|降低|减少|清零|压降/;

/**
 * A cost (成本指标, 项目总成本 ≤ X 万元): a bare amount for it is a cap, and spending less is
 * savings, not an easy target (docs/domain.md, "Not evidence"). Kept to 成本 and 造价: 经费 / 支出
 * amounts are as often outputs (发放经费500万元) as caps, and caps say so with ≤ or 控制在.
 */
export const COST_WORDS = /成本|造价/;

/** A family found in a text: the family, the term that named it and the text after the term. */
export interface FamilyHit {
  family: DirectionFamily;
  term: string;
  rest: string;
}

/** Quotation marks inside names (“三公经费”控制率, "三公"经费控制率) split terms apart. */
const QUOTES = /[“”"'‘’「」『』]/g;

const GLOBAL_TERMS = DIRECTION_FAMILIES.map((f) => ({
  family: f,
  pattern: new RegExp(f.terms.source, 'g'),
}));

/**
 * The family of the rate a text ends on: of all family terms in it, the one that ends last (the
 * head of a Chinese noun phrase is at its end: 投诉办结率 is a handling rate, 降低群众投诉率 a
 * complaint rate), the longer of two that end together. Null when no family names it.
 */
export function headFamily(text: string): FamilyHit | null {
  const plain = text.replace(QUOTES, '');
  let best: { family: DirectionFamily; term: string; end: number } | null = null;
  for (const { family: f, pattern } of GLOBAL_TERMS) {
    for (const m of plain.matchAll(pattern)) {
      const end = m.index + m[0].length;
      const longer = best !== null && end === best.end && m[0].length > best.term.length;
      if (best === null || end > best.end || longer) best = { family: f, term: m[0], end };
    }
  }
  return best && { family: best.family, term: best.term, rest: plain.slice(best.end) };
}
