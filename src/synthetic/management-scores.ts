/**
 * 表4 (管理效率) of the synthetic demo corpus: the real report's 23 level-3 rows with their
 * level-2 groups and weights (summing to 50), and deductions concentrated on a few items
 * (docs/domain.md, "Deductions and their trends": contract signing and filing timeliness, SME
 * procurement share, carry-over, disclosure …). Each department has its own weak items, which
 * persist or improve over the years. Scores are integer hundredths of a point.
 */
import type { Random } from './random.js';

/** A level-3 row of 表4: level-2 group, name and weight (分值) in hundredths. */
export interface ManagementRowSpec {
  level2: string;
  level3: string;
  weight: number;
}

/** The real report's table 4 (docs/domain.md: 23 level-3 rows, weights summing to 50). */
export const MANAGEMENT_ROWS: readonly ManagementRowSpec[] = [
  ['预算编制', '新增预算项目事前绩效评估', 300],
  ['预算执行', '结转结余率', 200],
  ['预算执行', '财务管理合规性', 200],
  ['信息公开', '预决算公开合规性', 200],
  ['信息公开', '绩效信息公开情况', 200],
  ['绩效管理', '绩效管理制度建设', 500],
  ['绩效管理', '绩效结果应用', 300],
  ['绩效管理', '绩效管理制度执行', 700],
  ['采购管理', '采购意向公开合规性', 50],
  ['采购管理', '采购意向公开时限', 150],
  ['采购管理', '采购内控制度建设', 100],
  ['采购管理', '采购活动合规性', 200],
  ['采购管理', '采购合同签订时效性', 300],
  ['采购管理', '合同备案时效性', 100],
  ['采购管理', '采购政策效能', 100],
  ['资产管理', '资产配置合规性', 200],
  ['资产管理', '资产收益上缴的及时性', 100],
  ['资产管理', '资产盘点情况', 100],
  ['资产管理', '数据质量', 200],
  ['资产管理', '资产管理合规性', 200],
  ['资产管理', '固定资产利用率', 200],
  ['运行成本', '公用经费控制率', 200],
  ['运行成本', '“三公”经费控制情况', 200],
].map(([level2, level3, weight]) => ({
  level2: level2 as string,
  level3: level3 as string,
  weight: weight as number,
}));

/** Points lost on an item (hundredths) and the reasons a paragraph gives. */
interface DeductionSpec {
  losses: readonly number[] | 'SMALL';
  reasons: readonly string[];
}

/** Reason shared when both contract items lose points, as in the real report. */
export const CONTRACT_FILING_REASON =
  '部分合同未自合同签订之日起2个工作日内在“示例省政府采购网”备案公开';

const GENERIC_REASON = '该项指标未完全达到评分标准要求';

const SPECS: Readonly<Record<string, DeductionSpec>> = {
  采购合同签订时效性: {
    losses: [100, 200, 50, 150],
    reasons: [
      '部分采购合同未在中标（成交）通知书发出之日起30日内签订',
      '个别采购合同签订时间超出规定时限',
    ],
  },
  合同备案时效性: {
    losses: [100, 50],
    reasons: ['部分政府采购合同未在签订之日起2个工作日内备案公开'],
  },
  采购政策效能: {
    losses: 'SMALL',
    reasons: [
      '按照《政府采购促进中小企业发展管理办法》要求，实际面向中小企业采购金额小于年初为中小企业预留的采购份额',
      '面向中小企业预留采购份额的执行比例未达到规定要求',
    ],
  },
  结转结余率: {
    losses: [20, 40, 50, 80, 100],
    reasons: ['年末结转结余资金占全年预算的比例偏高', '部分项目资金结转结余规模较大'],
  },
  预决算公开合规性: {
    losses: [50, 100],
    reasons: ['部门预决算公开内容不够完整', '部分预决算公开表格未按规定时限公开'],
  },
  绩效信息公开情况: {
    losses: [50, 100],
    reasons: ['部分项目绩效目标及自评结果未随预决算同步公开'],
  },
  公用经费控制率: {
    losses: [20, 50, 100],
    reasons: ['公用经费决算数超过年初预算数'],
  },
  新增预算项目事前绩效评估: {
    losses: [50, 100],
    reasons: ['个别新增项目未按要求开展事前绩效评估'],
  },
  绩效管理制度执行: {
    losses: [50, 100, 200],
    reasons: ['部分项目绩效运行监控不及时、偏差纠正不到位'],
  },
  采购意向公开时限: {
    losses: [50],
    reasons: ['个别采购项目未在采购活动开始前30日公开采购意向'],
  },
  资产盘点情况: { losses: [50], reasons: ['年度资产盘点存在账实不符情况'] },
  固定资产利用率: { losses: [20, 50], reasons: ['部分固定资产闲置，利用率不高'] },
  财务管理合规性: { losses: [50, 100], reasons: ['个别支出报销凭证附件不齐全'] },
  数据质量: { losses: [20, 50], reasons: ['部分资产卡片信息填报不准确'] },
};

/** Items where real departments lose points most often, with how often a department is weak on them. */
const CONCENTRATED: readonly (readonly [string, number])[] = [
  ['采购合同签订时效性', 0.45],
  ['合同备案时效性', 0.4],
  ['采购政策效能', 0.45],
  ['结转结余率', 0.35],
  ['预决算公开合规性', 0.2],
  ['绩效信息公开情况', 0.15],
  ['公用经费控制率', 0.12],
];

interface WeakItem {
  level3: string;
  probability: number;
  /** Yearly factor on the probability: below 1 for a department that improves. */
  trend: number;
  reason: string;
}

/** A department's habits in management scoring. */
export interface ManagementTendency {
  weak: WeakItem[];
  /** Chance of a one-off deduction on any other item in a year. */
  background: number;
  /** Chance that the two contract items share one reason when both lose points. */
  groupContracts: number;
  /** Factor on the points lost per item (above 1 for poorly managed departments). */
  severity: number;
}

/** A level-3 row with its score, and the reason for lost points (null: not explained). */
export interface ScoredRow extends ManagementRowSpec {
  score: number;
  reason: string | null;
}

function reasonFor(level3: string, rng: Random): string {
  return rng.pick(SPECS[level3]?.reasons ?? [GENERIC_REASON]);
}

function lossFor(row: ManagementRowSpec, rng: Random, severity = 1): number {
  const spec = SPECS[row.level3];
  const loss =
    spec === undefined
      ? rng.pick([20, 50, 100])
      : spec.losses === 'SMALL'
        ? rng.int(1, 30)
        : rng.pick(spec.losses);
  return Math.min(row.weight, Math.round(loss * severity));
}

/**
 * Whether a paragraph can name the item in quotes. `“三公”经费控制情况` carries its own quotation
 * marks, which the parser cannot match against a quoted name (the real report never deducts it);
 * the corpus leaves that item at full score.
 */
function quotable(row: ManagementRowSpec): boolean {
  return !/[“”"]/.test(row.level3);
}

/** Draws a department's weak items and habits; a few departments are weak on many items. */
export function managementTendency(rng: Random): ManagementTendency {
  const poor = rng.chance(0.12);
  const weak: WeakItem[] = [];
  for (const [level3, share] of CONCENTRATED) {
    if (!rng.chance(poor ? Math.min(0.9, share * 2.5) : share)) continue;
    weak.push({
      level3,
      probability: rng.between(0.4, 0.9),
      trend: rng.chance(0.5) ? rng.between(0.6, 0.85) : 1,
      reason: reasonFor(level3, rng),
    });
  }
  return {
    weak,
    background: poor ? rng.between(0.08, 0.3) : 0.015,
    groupContracts: rng.between(0.3, 0.9),
    severity: poor ? rng.between(1.5, 3) : 1,
  };
}

/**
 * Scores table 4 for the k-th corpus year. Duty points lost (履职效能) are given so that the
 * self-score stays within 85-99 (at least one and at most fifteen points lost in all).
 */
export function scoreManagement(
  tendency: ManagementTendency,
  k: number,
  dutyLost: number,
  rng: Random,
): ScoredRow[] {
  const rows: ScoredRow[] = MANAGEMENT_ROWS.map((spec) => {
    const weak = tendency.weak.find((w) => w.level3 === spec.level3);
    const p = !quotable(spec) ? 0 : weak ? weak.probability * weak.trend ** k : tendency.background;
    if (!rng.chance(p)) return { ...spec, score: spec.weight, reason: null };
    const loss = lossFor(spec, rng, tendency.severity);
    return {
      ...spec,
      score: spec.weight - loss,
      reason: weak?.reason ?? reasonFor(spec.level3, rng),
    };
  });
  const lost = () => dutyLost + rows.reduce((sum, r) => sum + r.weight - r.score, 0);
  // At least one point lost: a score of 100 is not what the corpus models (85-99).
  const fallback = [
    ...tendency.weak.map((w) => w.level3),
    '采购合同签订时效性',
    '结转结余率',
    ...MANAGEMENT_ROWS.map((r) => r.level3),
  ];
  for (const level3 of fallback) {
    if (lost() >= 100) break;
    const row = rows.find((r) => r.level3 === level3 && r.score > 0 && quotable(r));
    if (!row) continue;
    const extra =
      row.score === row.weight ? Math.max(lossFor(row, rng), 100 - lost()) : 100 - lost();
    row.score = Math.max(0, row.score - extra);
    row.reason ??= tendency.weak.find((w) => w.level3 === level3)?.reason ?? reasonFor(level3, rng);
  }
  for (let i = rows.length - 1; i >= 0 && lost() > 1500; i--) {
    const row = rows[i]!;
    row.score = row.weight;
    row.reason = null;
  }
  const signing = rows.find((r) => r.level3 === '采购合同签订时效性')!;
  const filing = rows.find((r) => r.level3 === '合同备案时效性')!;
  if (
    signing.score < signing.weight &&
    filing.score < filing.weight &&
    rng.chance(tendency.groupContracts)
  ) {
    signing.reason = CONTRACT_FILING_REASON;
    filing.reason = CONTRACT_FILING_REASON;
  }
  for (const row of rows) {
    // Now and then a small deduction is left unexplained in the paragraph (table only).
    const loss = row.weight - row.score;
    if (loss > 0 && loss <= 50 && row.reason !== CONTRACT_FILING_REASON && rng.chance(0.05))
      row.reason = null;
    if (loss === 0) row.reason = null;
  }
  return rows;
}
