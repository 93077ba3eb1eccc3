import { METRICS, METRIC_NAMES } from '../analytics/metric-registry.js';

/**
 * The Chinese label (中文标签) of every value of every enum of the schema: the one table behind
 * both the printed schema (each value's description starts with its label, enum-labels-plugin.ts)
 * and the `enumLabels` query field, so that GraphiQL, a dashboard and a BI tool show the same
 * words. Metric names take their labels from the metric registry. test/enum-labels.test.ts holds
 * the table against the schema both ways: every enum value has a label, every label an enum value.
 */
export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  DepartmentLevel: { PROVINCIAL: '省级', MUNICIPAL: '市级', DISTRICT: '区级', COUNTY: '县级' },
  ScoreDimension: { DUTY: '履职效能', MANAGEMENT: '管理效率' },
  Severity: { INFO: '提示（舍入差异）', WARNING: '警告', ERROR: '错误' },
  Direction: {
    HIGHER_BETTER: '越高越好',
    LOWER_BETTER: '越低越好',
    MILESTONE: '里程碑',
    QUALITATIVE: '定性',
  },
  PeerGroup: { ALL: '全部部门', SECTOR: '同领域', LEVEL: '同级别' },
  Trend: { IMPROVING: '改善', WORSENING: '恶化', FLAT: '持平' },
  ReportTemplate: {
    GUANGZHOU: '广州模板',
    NATIONAL_53: '全国共性框架（财预〔2013〕53号）',
  },
  Comparator: {
    GTE: '不低于（≥）',
    GT: '超过（>）',
    LTE: '不高于（≤）',
    LT: '低于（<）',
    EQ: '等于（=）',
    RANGE: '区间',
    MILESTONE: '里程碑',
    QUALITATIVE: '定性',
  },
  OvershootRule: { RATIO: '超目标', CEILING: '目标触顶', CHRONIC: '连续两年超目标' },
  MetricName: Object.fromEntries(METRIC_NAMES.map((name) => [name, METRICS[name].label])),
  StructureDimension: { NATURE: '按经济性质', FUNCTION_CLASS: '按功能分类' },
  DeductionDimension: { INDICATOR: '按三级指标', DEPARTMENT: '按部门', LEVEL2: '按二级指标' },
  Admission: {
    ADMITTED_AND_DETECTED: '承认且检出',
    DETECTED_NOT_ADMITTED: '检出但未承认',
    ADMITTED_NOT_DETECTED: '承认但未检出',
    NEITHER: '未承认也未检出',
  },
  FindingRule: {
    RATIO: '超目标',
    CEILING: '目标触顶',
    CHRONIC: '连续两年超目标',
    RATCHET: '目标未随上年实际提高',
    JUST_ABOVE_BUNCHING: '完成值扎堆刚超目标',
    TARGET_BELOW_ACHIEVED: '目标低于上年实际',
    COPIED_ACTUALS: '实际完成值照抄目标',
  },
  CopiedActualReason: { SAME_TEXT: '与目标原文相同', COMPLETION_WORD: '仅写“完成”类用语' },
  CompletionFamily: {
    DONE: '完成',
    AS_PLANNED: '按计划完成',
    AS_EXPECTED: '达到预期',
    MEETS_STANDARD: '达标、符合要求',
    AFFIRMATIVE: '是',
    GRADE: '好、优',
  },
  AttainmentBand: {
    BELOW_95: '低于95%',
    FROM_95_TO_100: '95%至100%',
    EXACTLY_100: '恰好100%',
    JUST_ABOVE: '刚超目标（100%至105%）',
    FROM_105_TO_120: '105%至120%',
    FROM_120_TO_200: '120%至200%',
    ABOVE_200: '200%以上',
  },
  ProfileComponent: {
    LOW_TARGET_RISK: '目标偏低风险',
    JUST_ABOVE: '刚超目标占比',
    AMBITION_SHORTFALL: '目标进取度不足',
    COPIED_ACTUALS: '实际完成值照抄目标占比',
  },
  ProfileComponentGap: {
    TOO_FEW_MEASURES: '可计量度量过少',
    NO_PREVIOUS_YEAR: '无上年报告',
    TOO_FEW_SERIES: '可比指标序列过少',
    TOO_FEW_INDICATORS: '关键指标过少',
  },
};

/** One row of the table: an enum, one of its values, and that value's Chinese label. */
export interface EnumLabel {
  enum: string;
  value: string;
  label: string;
}

/** The table as rows, in table order; only one enum's when `enumName` is given. */
export function enumLabelRows(enumName?: string | null): EnumLabel[] {
  return Object.entries(ENUM_LABELS)
    .filter(([name]) => enumName == null || name === enumName)
    .flatMap(([name, values]) =>
      Object.entries(values).map(([value, label]) => ({ enum: name, value, label })),
    );
}

/** The label of one enum value, or undefined when the table has none. */
export function enumLabel(enumName: string, value: string): string | undefined {
  return ENUM_LABELS[enumName]?.[value];
}

/**
 * A value's description with its label in front: `承认且检出: The problem list admits it …`.
 * A description that already starts with the label, or a value without a label, is left as is.
 */
export function labelledDescription(
  enumName: string,
  value: string,
  description: string | null | undefined,
): string | undefined {
  const label = enumLabel(enumName, value);
  if (!label) return description ?? undefined;
  if (!description) return label;
  return description.startsWith(label) ? description : `${label}: ${description}`;
}
