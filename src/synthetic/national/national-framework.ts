/**
 * The 100-point score table of the national common framework for a department's overall
 * expenditure, 财预〔2013〕53号 (docs/domain.md, "Other templates"), as the synthetic national
 * reports use it (synthetic demo data): level-1 投入 20 / 过程 30 / 产出 30 / 效果 20, the
 * framework's level-2 groups and level-3 indicators, and for each a reason a report would give for
 * points lost on it. Weights are in hundredths of a point (4 points → 400), so sums are exact.
 *
 * Reasons are written so that the evaluation prose can state them: no sentence ends (。；), no
 * enumeration marker (一是), no 扣 and no other row's name, since the parser attaches a stated
 * reason to the row whose name the clause contains.
 */
import type { Level1Name } from '../../ingest/report/national/national-vocabulary.js';

/** One level-3 row of the framework. */
export interface FrameworkRow {
  level1: Level1Name;
  level2: string;
  level3: string;
  /** Weight (分值) in hundredths of a point. */
  weight: number;
  /** Why points are lost on it, as the evaluation would say; `{rate}` is the execution rate. */
  reason: string;
  /** How often a department loses points on it (per report). */
  lossChance: number;
}

const row = (
  level1: Level1Name,
  level2: string,
  level3: string,
  weight: number,
  reason: string,
  lossChance = 0.08,
): FrameworkRow => ({ level1, level2, level3, weight, reason, lossChance });

/** The framework's rows in table order; their weights sum to 10000 (100 points). */
export const FRAMEWORK_ROWS: readonly FrameworkRow[] = [
  row(
    '投入',
    '目标设定',
    '绩效目标合理性',
    400,
    '部分绩效目标与部门职责和年度工作任务衔接不够紧密',
  ),
  row('投入', '目标设定', '绩效指标明确性', 400, '部分绩效指标未细化量化，可衡量性不足', 0.15),
  row('投入', '预算配置', '在职人员控制率', 400, '年末在职人员数超出核定编制数', 0.04),
  row('投入', '预算配置', '“三公经费”变动率', 400, '公务接待费较上年有所增长'),
  row('投入', '预算配置', '重点支出安排率', 400, '重点项目支出占项目支出总额的比例偏低'),
  // 预算完成率 loses points with the execution rate (see scoreFramework), not by chance.
  row('过程', '预算执行', '预算完成率', 300, '预算执行率为{rate}%，未达到100%', 0),
  row('过程', '预算执行', '预算调整率', 200, '年中追加调整预算较多'),
  row('过程', '预算执行', '支付进度率', 200, '部分项目资金支付进度滞后于序时进度', 0.15),
  row('过程', '预算执行', '结转结余率', 200, '年末结转结余资金规模偏大', 0.12),
  row('过程', '预算执行', '结转结余变动率', 200, '结转结余资金较上年有所增加'),
  row('过程', '预算执行', '公用经费控制率', 200, '公用经费实际支出超过预算数'),
  row('过程', '预算执行', '“三公经费”控制率', 200, '个别月份公务用车运行维护费支出超出预算'),
  row('过程', '预算执行', '政府采购执行率', 200, '部分政府采购项目未按采购预算执行', 0.12),
  row('过程', '预算管理', '管理制度健全性', 200, '内部财务管理制度未及时修订完善'),
  row('过程', '预算管理', '资金使用合规性', 300, '个别报销凭证附件不齐全', 0.12),
  row('过程', '预算管理', '预决算信息公开性', 200, '预决算信息公开不够及时'),
  row('过程', '预算管理', '基础信息完善性', 200, '部分基础数据信息更新不及时'),
  row('过程', '资产管理', '管理制度健全性', 100, '固定资产管理制度未及时修订完善'),
  row('过程', '资产管理', '资产管理安全性', 200, '部分固定资产未及时登记入账'),
  row('过程', '资产管理', '固定资产利用率', 100, '个别办公设备闲置'),
  row('产出', '职责履行', '实际完成率', 800, '个别年度工作任务未全部完成', 0.06),
  row('产出', '职责履行', '完成及时率', 700, '部分工作任务完成时间晚于计划时间'),
  row('产出', '职责履行', '质量达标率', 800, '个别工作成果质量未达到预期标准', 0.05),
  row('产出', '职责履行', '重点工作办结率', 700, '个别重点工作未按期办结', 0.06),
  row('效果', '履职效益', '经济效益', 400, '部分项目经济效益未充分显现', 0.1),
  row('效果', '履职效益', '社会效益', 600, '部分惠民项目社会效益有待进一步提升', 0.15),
  row('效果', '履职效益', '生态效益', 400, '节能降耗措施落实不够到位', 0.1),
  row('效果', '履职效益', '社会公众或服务对象满意度', 600, '个别服务事项满意度偏低', 0.3),
];

/** Full marks: the weights of the framework's rows add up to 100 points. */
export const FULL_SCORE = 10000;
