/**
 * Key duty indicators (表3) of the synthetic demo corpus: templates per sector and for every
 * department, written in the phrasing families the indicator normaliser reads (docs/domain.md,
 * "Indicators and the target set too low problem": 不少于 / 超过 / 以上 / 达 / bare numbers for
 * higher-better, 低于 / 不高于 / 控制在…以内 for lower-better, zero targets, milestones, deadlines
 * and qualitative targets). Each template has wording variants that drift from year to year
 * (粉丝总数 ↔ 粉丝数量, a qualifier added or dropped) without changing what is measured.
 *
 * Placeholders: {T} {A} (first measure's target and actual), {T2} {A2} (second measure), {Y}
 * (fiscal year), {M} {D} (month, day), {brand} (`示例平安`), {city} (`示例`, `东湖`), {territory}
 * (`全市`/`全区`); `{a|b}`
 * picks the wording variant of the year.
 */

/**
 * How a measure's numbers behave: HB higher-better amount, HBP higher-better percentage, LBP
 * lower-better percentage, LB lower-better count of bad things, ZERO a zero target (不发生…),
 * COST a cost cap in 万元 (docs/domain.md, "Not evidence": spending below it is savings).
 */
export type MeasureKind = 'HB' | 'HBP' | 'LBP' | 'LB' | 'ZERO' | 'COST';

/** One measure of a numeric template. */
export interface MeasureSpec {
  kind: MeasureKind;
  /** Unit as written after the number (`万人`, `个`, `%`); empty for ZERO. */
  unit: string;
  /** The comparator the wording expresses, as the normaliser reads it. */
  comparator: 'GTE' | 'GT' | 'EQ' | 'LTE' | 'LT';
  /** Range of the first year's target, in written units. */
  range: readonly [number, number];
  /** Decimals printed for targets and for actuals. */
  decimals: readonly [number, number];
  /** Highest actual for a percentage (100 for a share; more for completion rates). */
  maxActual: number;
}

interface TemplateBase {
  /** Stable identity within a department; part of IndicatorTruth.key. */
  id: string;
  /** Name variants (wording drift across years). */
  names: readonly string[];
  target: string;
  actual: string;
}

/** A template whose target has numbers: one or two measures. */
export interface NumericTemplate extends TemplateBase {
  kind: 'NUMERIC';
  measures: readonly MeasureSpec[];
  /** Actual text used when a lower-better count is zero (`全年未发生…`), instead of `0起`. */
  actualZero: string | null;
}

/** A milestone (通过验收, 投入使用): the actual says when it was done. */
export interface MilestoneTemplate extends TemplateBase {
  kind: 'MILESTONE';
}

/** A deadline (`{M}月底前完成…`): the actual gives the completion date. */
export interface DeadlineTemplate extends TemplateBase {
  kind: 'DEADLINE';
}

/** A qualitative target (满意度明显提升): never a measure with numbers. */
export interface QualitativeTemplate extends TemplateBase {
  kind: 'QUALITATIVE';
}

/** Any 表3 indicator template. */
export type IndicatorTemplate =
  NumericTemplate | MilestoneTemplate | DeadlineTemplate | QualitativeTemplate;

type Range = readonly [number, number];

const hb = (
  unit: string,
  comparator: MeasureSpec['comparator'],
  range: Range,
  decimals: Range = [0, 0],
): MeasureSpec => ({
  kind: 'HB',
  unit,
  comparator,
  range,
  decimals,
  maxActual: Number.POSITIVE_INFINITY,
});
const hbp = (
  comparator: MeasureSpec['comparator'],
  range: Range,
  maxActual = 100,
): MeasureSpec => ({
  kind: 'HBP',
  unit: '%',
  comparator,
  range,
  decimals: [0, 2],
  maxActual,
});
const lbp = (
  comparator: MeasureSpec['comparator'],
  range: Range,
  decimals: Range = [0, 2],
): MeasureSpec => ({
  kind: 'LBP',
  unit: '%',
  comparator,
  range,
  decimals,
  maxActual: 100,
});
const lb = (unit: string, comparator: MeasureSpec['comparator'], range: Range): MeasureSpec => ({
  kind: 'LB',
  unit,
  comparator,
  range,
  decimals: [0, 0],
  maxActual: Number.POSITIVE_INFINITY,
});
const costCap = (range: Range): MeasureSpec => ({
  kind: 'COST',
  unit: '万元',
  comparator: 'LTE',
  range,
  decimals: [0, 2],
  maxActual: Number.POSITIVE_INFINITY,
});
const zeroTarget: MeasureSpec = {
  kind: 'ZERO',
  unit: '',
  comparator: 'LTE',
  range: [0, 0],
  decimals: [0, 0],
  maxActual: 0,
};

function numeric(
  id: string,
  names: readonly string[],
  target: string,
  actual: string,
  measures: readonly MeasureSpec[],
  actualZero: string | null = null,
): NumericTemplate {
  return { kind: 'NUMERIC', id, names, target, actual, measures, actualZero };
}
const milestone = (
  id: string,
  names: readonly string[],
  target: string,
  actual: string,
): MilestoneTemplate => ({
  kind: 'MILESTONE',
  id,
  names,
  target,
  actual,
});
const deadline = (
  id: string,
  names: readonly string[],
  target: string,
  actual: string,
): DeadlineTemplate => ({
  kind: 'DEADLINE',
  id,
  names,
  target,
  actual,
});
const qualitative = (
  id: string,
  names: readonly string[],
  target: string,
  actual: string,
): QualitativeTemplate => ({
  kind: 'QUALITATIVE',
  id,
  names,
  target,
  actual,
});
const zero = (
  id: string,
  names: readonly string[],
  target: string,
  actual: string,
): NumericTemplate => numeric(id, names, target, actual, [zeroTarget]);

/** Indicators any department may report (publicity, training, information, complaints …). */
export const GENERIC_TEMPLATES: readonly IndicatorTemplate[] = [
  numeric(
    'publicity',
    ['专题宣传教育活动', '专题宣传教育活动开展情况'],
    '开展不少于{T}次的{人民群众|群众}专题宣传教育活动。',
    '{Y}年组织开展{人民群众|群众}专题宣传教育活动{A}次。',
    [hb('次', 'GTE', [2, 12])],
  ),
  numeric(
    'fans',
    ['新媒体宣传影响力提升', '新媒体宣传影响力'],
    '“{brand}”各新媒体平台账号{粉丝总数|粉丝数量}累计超过{T}万人。',
    '“{brand}”各新媒体平台账号{粉丝总数|粉丝数量}累计达到{A}万人。',
    [hb('万人', 'GT', [5, 180], [0, 2])],
  ),
  numeric(
    'training',
    ['业务培训人次', '业务培训覆盖人次'],
    '组织{业务|专业}培训不少于{T}人次。',
    '全年共组织{业务|专业}培训{A}人次。',
    [hb('人次', 'GTE', [200, 3000])],
  ),
  numeric(
    'information',
    ['政务信息报送数量', '政务信息报送'],
    '向上级报送政务信息不少于{T}篇。',
    '全年向上级报送政务信息{A}篇。',
    [hb('篇', 'GTE', [40, 300])],
  ),
  numeric(
    'complaints',
    ['群众投诉率', '群众有效投诉率'],
    '群众有效投诉率不高于{T}%。',
    '群众有效投诉率为{A}%。',
    [lbp('LTE', [1, 5])],
  ),
  numeric(
    'repeat-consultation',
    ['群众重复咨询比例', '重复咨询比例'],
    '{窗口|服务窗口}全年接受群众重复咨询比例低于{T}%。',
    '{窗口|服务窗口}全年接受群众重复咨询比例{A}%。',
    [lbp('LT', [10, 20])],
  ),
  numeric(
    'bulletin',
    ['内部刊物编印情况', '内部刊物编印'],
    '《{brand}工作简报》编印=全年{T}期，总印数不低于{T2}份。',
    '《{brand}工作简报》全年共编印{A}期、{A2}份。',
    [hb('期', 'EQ', [4, 12]), hb('份', 'GTE', [1000, 6000])],
  ),
  numeric(
    'archives-digital',
    ['档案数字化率', '馆藏档案数字化率'],
    '{馆藏|}档案数字化率达到{T}%。',
    '{馆藏|}档案数字化率达{A}%。',
    [hbp('GTE', [80, 98])],
  ),
  numeric(
    'project-cost',
    ['项目总成本', '项目总成本控制'],
    '{信息化|运维}项目总成本控制在{T}万元以内。',
    '{信息化|运维}项目实际总成本{A}万元。',
    [costCap([30, 600])],
  ),
  milestone(
    'acceptance',
    ['完成项目初步验收', '完成信息化项目初步验收'],
    '通过{项目|信息化项目}初步验收。',
    '项目已于{Y}年{M}月{D}日通过初步验收。',
  ),
  milestone(
    'security-rating',
    ['完成等级保护测评', '等级保护测评'],
    '完成等级保护测评工作，出具相关报告。',
    '项目在{Y}年{M}月{D}日已完成等级保护测评并出具报告。',
  ),
  deadline(
    'work-plan',
    ['年度工作计划编制', '年度工作计划编制完成时间'],
    '{M}月底前完成年度工作计划编制。',
    '已于{Y}年{M}月{D}日完成年度工作计划编制。',
  ),
  qualitative(
    'satisfaction',
    ['服务对象满意度', '服务对象满意度情况'],
    '服务对象满意度{明显|稳步}提升。',
    '服务对象满意度{进一步提升|持续提高}。',
  ),
];

/** Indicators by sector (DepartmentType.sector). */
export const SECTOR_TEMPLATES: Readonly<Record<string, readonly IndicatorTemplate[]>> = {
  政法: [
    numeric(
      'model-centres',
      ['打造示范项目', '打造示范项目数量'],
      '培育标准化示范综治中心{T}个。',
      '培育标准化示范综治中心{A}个。',
      [hb('个', 'EQ', [5, 20])],
    ),
    numeric(
      'neighbours',
      ['群防共治人员数量', '群防共治人员总数'],
      '“{city}街坊”平台实名注册人数{T}万人以上。',
      '“{city}街坊”平台实名注册人数{A}万人。',
      [hb('万人', 'GTE', [10, 80], [0, 2])],
    ),
    numeric(
      'legal-aid-rate',
      ['刑事案件法律援助处置率', '法律援助刑事案件处置率'],
      '通过跨部门办案平台实现法律援助刑事案件处置率达{T}%。',
      '通过跨部门办案平台实现法律援助刑事案件处置率达{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    numeric(
      'e-service',
      ['刑事案件电子送达率', '案件电子送达率'],
      '审判机关通过跨部门办案平台实现{认罪认罚|}案件电子送达率不低于{T}%。',
      '审判机关通过跨部门办案平台实现{认罪认罚|}案件电子送达率已达{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    numeric(
      'hotspots',
      ['社会治安突出问题排查整治成效', '社会治安突出问题整治成效'],
      '对{T}个及以上镇街实施社会治安重点治理、突出问题挂牌整治，年底检查验收实现解除达标率{T2}%以上。',
      '{Y}年{territory}社会治安重点治理和突出问题挂牌整治地区共{A}个镇街。经检查验收实现解除达标率达{A2}%。',
      [hb('个', 'GTE', [5, 15]), hbp('GTE', [80, 95])],
    ),
    numeric(
      'recidivism',
      ['社区矫正对象再犯罪率', '社区矫正再犯罪率'],
      '社区矫正对象再犯罪率控制在{T}%以下。',
      '社区矫正对象再犯罪率为{A}%。',
      [lbp('LTE', [0.2, 1], [1, 2])],
    ),
    numeric(
      'mediation',
      ['人民调解成功率', '矛盾纠纷人民调解成功率'],
      '人民调解成功率达到{T}%以上。',
      '人民调解成功率{A}%。',
      [hbp('GTE', [90, 98])],
    ),
    numeric(
      'legal-aid-cases',
      ['法律援助案件办理数量', '法律援助案件办理'],
      '办理法律援助案件不少于{T}件。',
      '全年办理法律援助案件{A}件。',
      [hb('件', 'GTE', [500, 6000])],
    ),
    numeric(
      'law-events',
      ['普法宣传活动场次', '普法活动场次'],
      '开展“法治文化基层行”等普法活动不少于{T}场。',
      '开展“法治文化基层行”等普法活动{A}场。',
      [hb('场', 'GTE', [20, 120])],
    ),
    milestone(
      'platform-phase',
      ['智慧政法平台建设', '智慧政法平台二期建设'],
      '完成智慧政法平台二期建设并投入使用。',
      '平台二期已于{Y}年{M}月{D}日建成并投入使用。',
    ),
    qualitative(
      'public-safety',
      ['群众安全感', '群众安全感和满意度'],
      '群众安全感和满意度稳步提升。',
      '群众安全感和满意度进一步提升。',
    ),
  ],
  教育: [
    numeric(
      'school-places',
      ['新增公办学位', '新增公办学位数量'],
      '新增公办中小学学位不少于{T}万个。',
      '全年新增公办中小学学位{A}万个。',
      [hb('万个', 'GTE', [0.5, 4], [1, 2])],
    ),
    numeric(
      'kindergarten',
      ['普惠性幼儿园覆盖率', '普惠性幼儿园覆盖率情况'],
      '{territory}普惠性幼儿园覆盖率达到{T}%以上。',
      '{territory}普惠性幼儿园覆盖率达{A}%。',
      [hbp('GTE', [80, 90])],
    ),
    numeric(
      'teacher-training',
      ['教师培训人次', '中小学教师培训人次'],
      '开展中小学教师全员培训不少于{T}人次。',
      '全年开展中小学教师培训{A}人次。',
      [hb('人次', 'GTE', [3000, 30000])],
    ),
    numeric(
      'retention',
      ['义务教育巩固率', '义务教育巩固率情况'],
      '义务教育巩固率不低于{T}%。',
      '义务教育巩固率达{A}%。',
      [hbp('GTE', [95, 99])],
    ),
    numeric(
      'student-aid',
      ['家庭经济困难学生资助人次', '困难学生资助人次'],
      '资助家庭经济困难学生不少于{T}人次。',
      '全年资助家庭经济困难学生{A}人次。',
      [hb('人次', 'GTE', [2000, 20000])],
    ),
    numeric(
      'new-schools',
      ['新建改扩建学校', '新建改扩建学校数量'],
      '新建、改扩建中小学校{T}所。',
      '新建、改扩建中小学校{A}所。',
      [hb('所', 'EQ', [3, 15])],
    ),
    numeric(
      'after-school',
      ['课后服务覆盖率', '义务教育学校课后服务覆盖率'],
      '义务教育学校课后服务覆盖率达{T}%。',
      '义务教育学校课后服务覆盖率达{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    zero(
      'campus-safety',
      ['校园安全责任事故', '校园重大安全责任事故'],
      '不发生校园重大安全责任事故。',
      '全年未发生校园重大安全责任事故。',
    ),
    qualitative(
      'teaching-quality',
      ['教育教学质量', '教育教学质量情况'],
      '教育教学质量稳步提升。',
      '教育教学质量进一步提高。',
    ),
    milestone(
      'smart-campus',
      ['智慧校园平台验收', '智慧校园平台建设验收'],
      '完成智慧校园平台建设并通过验收。',
      '平台已于{Y}年{M}月{D}日通过验收。',
    ),
  ],
  卫生健康: [
    numeric(
      'family-doctor',
      ['重点人群家庭医生签约率', '家庭医生重点人群签约率'],
      '重点人群家庭医生签约率不低于{T}%。',
      '重点人群家庭医生签约率达{A}%。',
      [hbp('GTE', [70, 90])],
    ),
    numeric(
      'vaccination',
      ['适龄儿童免疫规划疫苗接种率', '免疫规划疫苗接种率'],
      '适龄儿童免疫规划疫苗接种率达{T}%以上。',
      '适龄儿童免疫规划疫苗接种率{A}%。',
      [hbp('GTE', [90, 95])],
    ),
    numeric(
      'primary-visits',
      ['基层医疗卫生机构诊疗人次', '基层诊疗人次'],
      '基层医疗卫生机构诊疗量不少于{T}万人次。',
      '基层医疗卫生机构完成诊疗{A}万人次。',
      [hb('万人次', 'GTE', [50, 800], [0, 2])],
    ),
    numeric(
      'health-talks',
      ['健康教育讲座场次', '健康讲座场次'],
      '举办健康教育讲座不少于{T}场。',
      '全年举办健康教育讲座{A}场。',
      [hb('场', 'GTE', [50, 400])],
    ),
    numeric(
      'disease-report',
      ['法定传染病报告及时率', '传染病报告及时率'],
      '法定传染病网络报告及时率达到{T}%。',
      '法定传染病网络报告及时率达{A}%。',
      [hbp('GTE', [90, 98])],
    ),
    numeric(
      'medical-complaints',
      ['医疗服务投诉率', '医疗服务有效投诉率'],
      '医疗服务有效投诉率低于{T}%。',
      '医疗服务有效投诉率为{A}%。',
      [lbp('LT', [1, 3])],
    ),
    numeric(
      'insurance-coverage',
      ['基本医疗保险参保率', '基本医保参保率'],
      '基本医疗保险参保率稳定在{T}%以上。',
      '基本医疗保险参保率达{A}%。',
      [hbp('GTE', [95, 98])],
    ),
    numeric(
      'healthy-villages',
      ['创建卫生村镇', '创建卫生村镇数量'],
      '新创建省级卫生村镇{T}个。',
      '新创建省级卫生村镇{A}个。',
      [hb('个', 'EQ', [3, 20])],
    ),
    qualitative(
      'health-literacy',
      ['居民健康素养', '居民健康素养水平'],
      '居民健康素养水平稳步提升。',
      '居民健康素养水平持续提高。',
    ),
    milestone(
      'health-platform',
      ['全民健康信息平台升级', '全民健康信息平台升级改造'],
      '完成全民健康信息平台升级改造并通过验收。',
      '平台已于{Y}年{M}月{D}日完成升级改造并通过验收。',
    ),
  ],
  民政: [
    numeric(
      'care-beds',
      ['养老机构床位数', '养老机构床位数量'],
      '{territory}养老机构床位数达到{T}张以上。',
      '{territory}养老机构床位数达{A}张。',
      [hb('张', 'GTE', [1000, 20000])],
    ),
    numeric(
      'allowance',
      ['最低生活保障金按时发放率', '最低生活保障金按时足额发放率'],
      '城乡最低生活保障金按时足额发放率达{T}%。',
      '城乡最低生活保障金按时足额发放率达{A}%。',
      [hbp('GTE', [95, 100])],
    ),
    numeric(
      'home-care',
      ['居家养老服务人次', '社区居家养老服务人次'],
      '为老年人提供居家养老服务不少于{T}万人次。',
      '全年为老年人提供居家养老服务{A}万人次。',
      [hb('万人次', 'GTE', [5, 120], [0, 2])],
    ),
    numeric(
      'marriage-files',
      ['婚姻登记档案合格率', '婚姻登记合格率'],
      '婚姻登记档案合格率不低于{T}%。',
      '婚姻登记档案合格率达{A}%。',
      [hbp('GTE', [90, 98])],
    ),
    numeric(
      'org-inspection',
      ['社会组织年检率', '社会组织年检完成率'],
      '社会组织年度检查率达到{T}%以上。',
      '社会组织年度检查率{A}%。',
      [hbp('GTE', [80, 92])],
    ),
    numeric(
      'veteran-training',
      ['退役军人适应性培训人数', '退役军人培训人数'],
      '组织退役军人适应性培训不少于{T}人。',
      '全年组织退役军人适应性培训{A}人。',
      [hb('人', 'GTE', [200, 3000])],
    ),
    numeric(
      'care-complaints',
      ['养老服务投诉率', '养老服务有效投诉率'],
      '养老服务有效投诉率不高于{T}%。',
      '养老服务有效投诉率为{A}%。',
      [lbp('LTE', [1, 5])],
    ),
    qualitative(
      'wellbeing',
      ['困难群众获得感', '困难群众获得感和幸福感'],
      '困难群众获得感和幸福感明显增强。',
      '困难群众获得感和幸福感进一步增强。',
    ),
    milestone(
      'care-centre',
      ['区域养老服务中心建设', '区域养老服务中心建成'],
      '完成区域养老服务中心建设并投入使用。',
      '区域养老服务中心已于{Y}年{M}月{D}日投入使用。',
    ),
  ],
  财政: [
    numeric(
      'disclosure',
      ['部门预决算公开率', '部门预决算信息公开率'],
      '{territory}部门预决算公开率达{T}%。',
      '{territory}部门预决算公开率达{A}%。',
      [hbp('GTE', [90, 100])],
    ),
    numeric(
      'evaluation-coverage',
      ['重点项目绩效评价覆盖率', '绩效评价覆盖率'],
      '重点项目绩效评价覆盖率不低于{T}%。',
      '重点项目绩效评价覆盖率达到{A}%。',
      [hbp('GTE', [60, 90])],
    ),
    numeric(
      'audit-projects',
      ['审计项目完成数量', '完成审计项目'],
      '全年完成审计项目不少于{T}个。',
      '全年完成审计项目{A}个。',
      [hb('个', 'GTE', [20, 120])],
    ),
    numeric(
      'audit-rectification',
      ['审计发现问题整改率', '审计整改率'],
      '审计发现问题整改率达到{T}%以上。',
      '审计发现问题整改率{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    numeric(
      'surveys',
      ['专项统计调查项目', '专项统计调查'],
      '组织开展专项统计调查不少于{T}项。',
      '全年组织开展专项统计调查{A}项。',
      [hb('项', 'GTE', [5, 30])],
    ),
    numeric(
      'data-errors',
      ['统计数据差错率', '数据差错率'],
      '统计数据差错率控制在{T}%以内。',
      '统计数据差错率为{A}%。',
      [lbp('LTE', [0.5, 2], [1, 2])],
    ),
    numeric(
      'treasury-payments',
      ['国库集中支付到账及时率', '集中支付资金到账及时率'],
      '国库集中支付资金到账及时率不低于{T}%。',
      '国库集中支付资金到账及时率达{A}%。',
      [hbp('GTE', [95, 99])],
    ),
    qualitative(
      'fund-efficiency',
      ['财政资金使用效益', '财政资金使用效益情况'],
      '财政资金使用效益有效提升。',
      '财政资金使用效益进一步提升。',
    ),
    milestone(
      'budget-system',
      ['预算管理一体化系统上线', '预算管理一体化系统上线运行'],
      '预算管理一体化系统按期上线运行。',
      '系统已于{Y}年{M}月{D}日上线运行。',
    ),
  ],
  交通: [
    numeric(
      'transit-share',
      ['公共交通机动化出行分担率', '公交机动化出行分担率'],
      '公共交通占机动化出行分担率达到{T}%。',
      '公共交通占机动化出行分担率为{A}%。',
      [hbp('GTE', [50, 65], 80)],
    ),
    numeric(
      'bus-lines',
      ['新开调整公交线路', '新开调整公交线路数量'],
      '新开、优化调整公交线路{T}条。',
      '新开、优化调整公交线路{A}条。',
      [hb('条', 'EQ', [10, 60])],
    ),
    numeric(
      'road-maintenance',
      ['公路养护里程', '公路养护里程情况'],
      '完成公路养护不少于{T}公里。',
      '全年完成公路养护{A}公里。',
      [hb('公里', 'GTE', [50, 600], [0, 1])],
    ),
    numeric(
      'road-quality',
      ['国省道优良路率', '国省道路面优良路率'],
      '国省道优良路率不低于{T}%。',
      '国省道优良路率达{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    numeric(
      'transport-accidents',
      ['较大以上道路运输安全事故', '道路运输安全事故'],
      '较大以上道路运输安全事故不多于{T}起。',
      '全年发生较大以上道路运输安全事故{A}起。',
      [lb('起', 'LTE', [1, 3])],
      '全年未发生较大以上道路运输安全事故。',
    ),
    numeric(
      'taxi-complaints',
      ['巡游出租车服务投诉率', '出租车服务投诉率'],
      '巡游出租车服务有效投诉率低于{T}%。',
      '巡游出租车服务有效投诉率为{A}%。',
      [lbp('LT', [0.5, 2], [1, 2])],
    ),
    numeric(
      'chargers',
      ['新建公共充电桩', '新建公共充电桩数量'],
      '新建公共充电桩不少于{T}个。',
      '全年新建公共充电桩{A}个。',
      [hb('个', 'GTE', [200, 3000])],
    ),
    qualitative(
      'travel-satisfaction',
      ['群众出行满意度', '群众出行满意度情况'],
      '群众出行满意度明显提升。',
      '群众出行满意度进一步提升。',
    ),
    deadline(
      'traffic-platform',
      ['智慧交通平台建设', '智慧交通平台建设完成时间'],
      '{M}月底前完成智慧交通平台建设。',
      '平台已于{Y}年{M}月{D}日完成建设。',
    ),
  ],
  城建: [
    numeric(
      'affordable-housing',
      ['筹建保障性住房', '保障性住房筹建数量'],
      '筹建保障性租赁住房不少于{T}套。',
      '全年筹建保障性租赁住房{A}套。',
      [hb('套', 'GTE', [500, 20000])],
    ),
    numeric(
      'old-estates',
      ['老旧小区改造', '老旧小区改造数量'],
      '完成老旧小区微改造{T}个。',
      '完成老旧小区微改造{A}个。',
      [hb('个', 'EQ', [10, 120])],
    ),
    numeric(
      'waste-treatment',
      ['生活垃圾无害化处理率', '城市生活垃圾无害化处理率'],
      '城市生活垃圾无害化处理率达{T}%。',
      '城市生活垃圾无害化处理率达{A}%。',
      [hbp('GTE', [95, 100])],
    ),
    numeric(
      'sewage',
      ['城市污水处理率', '城市生活污水处理率'],
      '城市生活污水集中处理率不低于{T}%。',
      '城市生活污水集中处理率达{A}%。',
      [hbp('GTE', [88, 96])],
    ),
    numeric(
      'illegal-buildings',
      ['拆除违法建设面积', '违法建设拆除面积'],
      '拆除违法建设不少于{T}万平方米。',
      '全年拆除违法建设{A}万平方米。',
      [hb('万平方米', 'GTE', [20, 600], [0, 2])],
    ),
    numeric(
      'water-quality',
      ['供水水质综合合格率', '出厂水水质综合合格率'],
      '出厂水水质综合合格率达{T}%以上。',
      '出厂水水质综合合格率{A}%。',
      [hbp('GTE', [95, 99])],
    ),
    numeric(
      'greenways',
      ['新建绿道里程', '新建提升绿道里程'],
      '新建、提升绿道不少于{T}公里。',
      '全年新建、提升绿道{A}公里。',
      [hb('公里', 'GTE', [10, 150], [0, 1])],
    ),
    numeric(
      'construction-accidents',
      ['较大以上建筑施工安全事故', '建筑施工安全事故'],
      '较大以上建筑施工安全事故不多于{T}起。',
      '全年发生较大以上建筑施工安全事故{A}起。',
      [lb('起', 'LTE', [1, 3])],
      '全年未发生较大以上建筑施工安全事故。',
    ),
    deadline(
      'key-works',
      ['重点工程竣工验收', '重点工程竣工验收时间'],
      '{M}月底前完成重点工程竣工验收。',
      '已于{Y}年{M}月{D}日完成重点工程竣工验收。',
    ),
    qualitative(
      'living-environment',
      ['城市人居环境', '城市人居环境质量'],
      '城市人居环境明显改善。',
      '城市人居环境持续改善。',
    ),
  ],
  文旅: [
    numeric(
      'performances',
      ['文化惠民演出场次', '文化惠民演出'],
      '组织文化惠民演出不少于{T}场。',
      '全年组织文化惠民演出{A}场。',
      [hb('场', 'GTE', [50, 800])],
    ),
    numeric(
      'library-visits',
      ['公共图书馆接待读者', '公共图书馆接待读者人次'],
      '公共图书馆接待读者不少于{T}万人次。',
      '公共图书馆全年接待读者{A}万人次。',
      [hb('万人次', 'GTE', [20, 500], [0, 2])],
    ),
    numeric(
      'tourism-complaints',
      ['旅游投诉处理及时率', '旅游投诉处理及时率情况'],
      '旅游投诉处理及时率达到{T}%。',
      '旅游投诉处理及时率达{A}%。',
      [hbp('GTE', [90, 98])],
    ),
    numeric(
      'fitness-events',
      ['全民健身赛事活动', '全民健身赛事活动场次'],
      '举办全民健身赛事活动不少于{T}场。',
      '全年举办全民健身赛事活动{A}场。',
      [hb('场', 'GTE', [20, 300])],
    ),
    numeric(
      'heritage-events',
      ['非遗保护传承活动', '非遗保护传承活动场次'],
      '开展非物质文化遗产保护传承活动不少于{T}次。',
      '全年开展非物质文化遗产保护传承活动{A}次。',
      [hb('次', 'GTE', [10, 80])],
    ),
    zero(
      'relic-safety',
      ['文物安全事故', '文物安全责任事故'],
      '不发生文物安全责任事故。',
      '全年未发生文物安全责任事故。',
    ),
    qualitative(
      'cultural-gain',
      ['群众文化获得感', '群众文化获得感情况'],
      '群众文化获得感明显增强。',
      '群众文化获得感进一步增强。',
    ),
    milestone(
      'museum-upgrade',
      ['博物馆陈列改造验收', '博物馆基本陈列改造验收'],
      '完成博物馆基本陈列改造并通过验收。',
      '陈列改造已于{Y}年{M}月{D}日通过验收。',
    ),
  ],
  人社: [
    numeric(
      'new-jobs',
      ['城镇新增就业人数', '城镇新增就业'],
      '全年城镇新增就业{T}万人以上。',
      '全年城镇新增就业{A}万人。',
      [hb('万人', 'GTE', [1, 30], [1, 2])],
    ),
    numeric(
      'skills-training',
      ['职业技能培训人次', '补贴性职业技能培训人次'],
      '开展补贴性职业技能培训不少于{T}万人次。',
      '全年开展补贴性职业技能培训{A}万人次。',
      [hb('万人次', 'GTE', [1, 40], [1, 2])],
    ),
    numeric(
      'unemployment',
      ['城镇登记失业率', '城镇登记失业率情况'],
      '城镇登记失业率控制在{T}%以内。',
      '城镇登记失业率为{A}%。',
      [lbp('LTE', [3, 4.5], [1, 2])],
    ),
    numeric(
      'social-card',
      ['社会保障卡持卡率', '社会保障卡持卡人口覆盖率'],
      '社会保障卡持卡人口覆盖率达到{T}%以上。',
      '社会保障卡持卡人口覆盖率达{A}%。',
      [hbp('GTE', [90, 98])],
    ),
    numeric(
      'arbitration',
      ['劳动人事争议仲裁结案率', '劳动人事争议结案率'],
      '劳动人事争议仲裁结案率不低于{T}%。',
      '劳动人事争议仲裁结案率达{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    qualitative(
      'employment-quality',
      ['就业质量', '就业质量情况'],
      '就业质量稳步提升。',
      '就业质量进一步提升。',
    ),
    milestone(
      'service-platform',
      ['人社一体化服务平台上线', '人社一体化服务平台上线运行'],
      '人社一体化服务平台按期上线运行。',
      '平台已于{Y}年{M}月{D}日上线运行。',
    ),
  ],
  市场监管: [
    numeric(
      'food-sampling',
      ['食品安全抽检批次', '食品安全监督抽检批次'],
      '完成食品安全监督抽检不少于{T}批次。',
      '全年完成食品安全监督抽检{A}批次。',
      [hb('批次', 'GTE', [1000, 12000])],
    ),
    numeric(
      'food-pass-rate',
      ['食品安全抽检合格率', '食品抽检合格率'],
      '食品安全抽检合格率不低于{T}%。',
      '食品安全抽检合格率达{A}%。',
      [hbp('GTE', [95, 98])],
    ),
    numeric(
      'complaint-handling',
      ['投诉举报按时处置率', '消费投诉举报按时处置率'],
      '消费投诉举报按时处置率达{T}%。',
      '消费投诉举报按时处置率达{A}%。',
      [hbp('GTE', [90, 98])],
    ),
    numeric(
      'new-businesses',
      ['新登记市场主体', '新登记市场主体数量'],
      '全年新登记市场主体不少于{T}万户。',
      '全年新登记市场主体{A}万户。',
      [hb('万户', 'GTE', [0.5, 20], [1, 2])],
    ),
    numeric(
      'equipment-accidents',
      ['特种设备安全事故', '较大以上特种设备安全事故'],
      '较大以上特种设备安全事故不多于{T}起。',
      '全年发生较大以上特种设备安全事故{A}起。',
      [lb('起', 'LTE', [1, 2])],
      '全年未发生较大以上特种设备安全事故。',
    ),
    numeric(
      'random-checks',
      ['双随机抽查任务完成率', '随机抽查任务完成率'],
      '“双随机、一公开”抽查任务完成率达到{T}%。',
      '“双随机、一公开”抽查任务完成率达{A}%。',
      [hbp('GTE', [90, 100])],
    ),
    qualitative(
      'business-environment',
      ['营商环境', '营商环境优化'],
      '营商环境持续优化。',
      '营商环境进一步优化。',
    ),
    milestone(
      'smart-supervision',
      ['智慧监管平台验收', '智慧市场监管平台验收'],
      '完成智慧监管平台建设并通过验收。',
      '平台已于{Y}年{M}月{D}日通过验收。',
    ),
  ],
  生态环境: [
    numeric(
      'air-quality',
      ['空气质量优良天数比例', '空气质量优良天数比率'],
      '{territory}空气质量优良天数比例不低于{T}%。',
      '{territory}空气质量优良天数比例为{A}%。',
      [hbp('GTE', [80, 92])],
    ),
    numeric(
      'water-sections',
      ['地表水考核断面水质达标率', '地表水考核断面达标率'],
      '地表水考核断面水质达标率达到{T}%。',
      '地表水考核断面水质达标率达{A}%。',
      [hbp('GTE', [80, 95])],
    ),
    numeric(
      'inspections',
      ['环境执法检查企业', '环境执法检查企业家次'],
      '开展环境执法检查不少于{T}家次。',
      '全年开展环境执法检查{A}家次。',
      [hb('家次', 'GTE', [300, 3000])],
    ),
    numeric(
      'petition-closure',
      ['环境信访投诉办结率', '生态环境信访投诉办结率'],
      '环境信访投诉办结率不低于{T}%。',
      '环境信访投诉办结率达{A}%。',
      [hbp('GTE', [90, 98])],
    ),
    zero(
      'environment-incidents',
      ['突发环境事件', '较大以上突发环境事件'],
      '不发生较大以上突发环境事件。',
      '全年未发生较大以上突发环境事件。',
    ),
    numeric(
      'hazardous-waste',
      ['危险废物规范化管理达标率', '危险废物管理达标率'],
      '危险废物规范化管理抽查达标率达到{T}%以上。',
      '危险废物规范化管理抽查达标率为{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    qualitative(
      'ecology',
      ['生态环境质量', '生态环境质量情况'],
      '生态环境质量持续改善。',
      '生态环境质量进一步改善。',
    ),
    milestone(
      'monitoring-network',
      ['环境监测网络建设', '环境监测网络建设验收'],
      '完成空气质量监测网络建设并通过验收。',
      '监测网络已于{Y}年{M}月{D}日通过验收。',
    ),
  ],
  应急: [
    numeric(
      'fatalities',
      ['生产安全事故死亡人数', '生产安全事故死亡人数情况'],
      '生产安全事故死亡人数控制在{T}人以内。',
      '全年生产安全事故死亡{A}人。',
      [lb('人', 'LTE', [5, 40])],
      '全年未发生生产安全事故死亡。',
    ),
    numeric(
      'drills',
      ['综合应急演练场次', '应急演练场次'],
      '组织开展综合应急演练不少于{T}场。',
      '全年组织开展综合应急演练{A}场。',
      [hb('场', 'GTE', [5, 60])],
    ),
    numeric(
      'safety-inspections',
      ['安全生产执法检查企业', '安全生产检查企业'],
      '开展安全生产执法检查不少于{T}家。',
      '全年开展安全生产执法检查{A}家。',
      [hb('家', 'GTE', [300, 5000])],
    ),
    numeric(
      'hazard-rectification',
      ['安全隐患整改率', '重大安全隐患整改率'],
      '排查发现安全隐患整改率达到{T}%。',
      '排查发现安全隐患整改率达{A}%。',
      [hbp('GTE', [85, 98])],
    ),
    numeric(
      'supplies',
      ['应急物资储备达标率', '应急物资储备达标率情况'],
      '应急物资储备达标率不低于{T}%。',
      '应急物资储备达标率达{A}%。',
      [hbp('GTE', [85, 95])],
    ),
    milestone(
      'command-platform',
      ['应急指挥平台升级', '应急指挥平台升级改造'],
      '完成应急指挥平台升级改造并投入使用。',
      '平台已于{Y}年{M}月{D}日完成升级并投入使用。',
    ),
    qualitative(
      'safety-situation',
      ['安全生产形势', '安全生产形势情况'],
      '安全生产形势持续稳定向好。',
      '安全生产形势保持稳定。',
    ),
  ],
  农业农村: [
    numeric(
      'grain-area',
      ['粮食播种面积', '粮食作物播种面积'],
      '全年粮食播种面积不少于{T}万亩。',
      '全年粮食播种面积{A}万亩。',
      [hb('万亩', 'GTE', [2, 60], [1, 2])],
    ),
    numeric(
      'farmland',
      ['新建高标准农田', '新建高标准农田面积'],
      '新建高标准农田{T}万亩以上。',
      '新建高标准农田{A}万亩。',
      [hb('万亩', 'GTE', [0.5, 10], [1, 2])],
    ),
    numeric(
      'produce-safety',
      ['农产品质量安全抽检合格率', '农产品抽检合格率'],
      '农产品质量安全例行监测合格率不低于{T}%。',
      '农产品质量安全例行监测合格率达{A}%。',
      [hbp('GTE', [95, 98])],
    ),
    numeric(
      'rural-sewage',
      ['农村生活污水治理率', '农村生活污水治理覆盖率'],
      '农村生活污水治理率达到{T}%以上。',
      '农村生活污水治理率达{A}%。',
      [hbp('GTE', [60, 90])],
    ),
    numeric(
      'farmer-training',
      ['高素质农民培育人数', '高素质农民培训人数'],
      '培育高素质农民不少于{T}人。',
      '全年培育高素质农民{A}人。',
      [hb('人', 'GTE', [200, 3000])],
    ),
    qualitative(
      'animal-disease',
      ['重大动物疫情防控', '重大动物疫情防控情况'],
      '不发生区域性重大动物疫情。',
      '全年未发生区域性重大动物疫情。',
    ),
    qualitative(
      'rural-income',
      ['农村居民收入', '农村居民收入增长'],
      '农村居民人均可支配收入稳步增长。',
      '农村居民人均可支配收入持续增长。',
    ),
    milestone(
      'agri-park',
      ['现代农业产业园建设', '现代农业产业园建设验收'],
      '完成现代农业产业园建设并通过验收。',
      '产业园已于{Y}年{M}月{D}日通过验收。',
    ),
  ],
  经济: [
    numeric(
      'key-projects',
      ['重点建设项目推进', '重点建设项目推进情况'],
      '推进重点建设项目{T}个。',
      '推进重点建设项目{A}个。',
      [hb('个', 'EQ', [20, 200])],
    ),
    numeric(
      'investment-rate',
      ['重点项目年度投资完成率', '重点项目投资完成率'],
      '重点项目年度投资完成率不低于{T}%。',
      '重点项目年度投资完成率达{A}%。',
      [hbp('GTE', [85, 100], 130)],
    ),
    numeric(
      'high-tech',
      ['高新技术企业数量', '高新技术企业总数'],
      '高新技术企业数量达到{T}家以上。',
      '高新技术企业数量达{A}家。',
      [hb('家', 'GTE', [200, 6000])],
    ),
    numeric(
      'patents',
      ['发明专利授权量', '发明专利授权数量'],
      '全年发明专利授权量不少于{T}件。',
      '全年发明专利授权量{A}件。',
      [hb('件', 'GTE', [200, 8000])],
    ),
    numeric(
      'company-visits',
      ['走访服务企业', '走访服务企业家次'],
      '走访服务企业不少于{T}家次。',
      '全年走访服务企业{A}家次。',
      [hb('家次', 'GTE', [100, 2000])],
    ),
    milestone(
      'science-acceptance',
      ['科技计划项目验收', '科技计划项目结题验收'],
      '完成到期科技计划项目结题验收。',
      '已于{Y}年{M}月{D}日完成到期项目结题验收。',
    ),
    qualitative(
      'innovation',
      ['创新能力', '区域创新能力'],
      '区域创新能力明显增强。',
      '区域创新能力进一步增强。',
    ),
  ],
  政务: [
    numeric(
      'online-services',
      ['政务服务事项网上可办率', '政务服务网上可办率'],
      '政务服务事项网上可办率达到{T}%以上。',
      '政务服务事项网上可办率达{A}%。',
      [hbp('GTE', [85, 98])],
    ),
    numeric(
      'good-ratings',
      ['政务服务好评率', '政务服务好差评好评率'],
      '政务服务“好差评”好评率不低于{T}%。',
      '政务服务“好差评”好评率达{A}%。',
      [hbp('GTE', [95, 99])],
    ),
    numeric(
      'overdue',
      ['办件超期率', '政务服务办件超期率'],
      '政务服务办件超期率低于{T}%。',
      '政务服务办件超期率为{A}%。',
      [lbp('LT', [0.5, 2], [1, 2])],
    ),
    numeric(
      'archive-intake',
      ['接收进馆档案', '档案接收进馆数量'],
      '接收进馆档案不少于{T}万卷。',
      '全年接收进馆档案{A}万卷。',
      [hb('万卷', 'GTE', [0.5, 8], [1, 2])],
    ),
    numeric(
      'data-sharing',
      ['政务数据共享调用量', '政务数据共享调用次数'],
      '政务数据共享调用量不少于{T}亿次。',
      '全年政务数据共享调用量{A}亿次。',
      [hb('亿次', 'GTE', [0.5, 10], [1, 2])],
    ),
    qualitative(
      'convenience',
      ['办事便利度', '企业群众办事便利度'],
      '企业群众办事便利度明显提升。',
      '企业群众办事便利度进一步提升。',
    ),
    milestone(
      'one-network',
      ['一网通办平台升级', '一网通办平台升级改造'],
      '完成一网通办平台升级改造并上线运行。',
      '平台已于{Y}年{M}月{D}日完成升级并上线运行。',
    ),
  ],
};

/** Base unit (as the normaliser states it) and the power of ten from a written unit. */
export function writtenUnitBase(unit: string): { label: string; shift: number } {
  const table: Readonly<Record<string, readonly [string, number]>> = {
    '%': ['%', -2],
    万人: ['人', 4],
    万人次: ['人次', 4],
    万个: ['个', 4],
    万户: ['户', 4],
    万卷: ['卷', 4],
    万亩: ['亩', 4],
    万平方米: ['平方米', 4],
    亿次: ['次', 8],
    公里: ['米', 3],
  };
  const hit = table[unit];
  return hit ? { label: hit[0], shift: hit[1] } : { label: unit, shift: 0 };
}
