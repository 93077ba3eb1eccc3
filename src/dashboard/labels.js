/**
 * Chinese labels of the API's enum values. A small table of our own, used until the API says
 * them itself: when an operation selecting `enumLabels { enum value label }` is among the named
 * operations, main.js runs it and its labels replace these (see mergeLabels).
 */
const LABELS = {
  PeerGroup: { ALL: '全部部门', SECTOR: '同领域', LEVEL: '同级别' },
  DepartmentLevel: { PROVINCIAL: '省级', MUNICIPAL: '市级', DISTRICT: '区级', COUNTY: '县级' },
  Severity: { INFO: '提示（舍入差异）', WARNING: '警告', ERROR: '错误' },
  Direction: {
    HIGHER_BETTER: '越高越好',
    LOWER_BETTER: '越低越好',
    MILESTONE: '里程碑',
    QUALITATIVE: '定性',
  },
  Trend: { IMPROVING: '改善', WORSENING: '恶化', FLAT: '持平' },
  ReportTemplate: { GUANGZHOU: '广州模板', NATIONAL_53: '全国共性框架（财预〔2013〕53号）' },
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
  OvershootRule: {
    RATIO: '超目标（完成比≥1.2）',
    CEILING: '触顶',
    CHRONIC: '连续两年',
  },
  Admission: {
    ADMITTED_AND_DETECTED: '已承认，且规则发现',
    DETECTED_NOT_ADMITTED: '规则发现，报告未承认',
    ADMITTED_NOT_DETECTED: '报告承认，规则未发现',
    NEITHER: '未承认，也未发现',
  },
  StructureDimension: { NATURE: '按经济性质', FUNCTION_CLASS: '按功能分类' },
  DeductionDimension: { INDICATOR: '按三级指标', LEVEL2: '按二级指标', DEPARTMENT: '按部门' },
  ScoreDimension: { DUTY: '履职效能', MANAGEMENT: '管理效率' },
  Confidence: { HIGH: '高', MEDIUM: '中', LOW: '低' },
  StructurePart: {
    BASIC: '基本支出',
    PERSONNEL: '人员经费',
    PUBLIC: '公用经费',
    PROJECT: '项目支出',
  },
  MetricName: {},
};

/** The Chinese label of an enum value, or the value itself when none is known. */
export function label(enumName, value) {
  if (value === null || value === undefined) return '—';
  return LABELS[enumName]?.[value] ?? String(value);
}

/** Labels of several values (a list field such as flags), joined. */
export function labels(enumName, values) {
  return (values ?? []).map((v) => label(enumName, v)).join('、') || '—';
}

/** Replaces labels with those the API gives (`enumLabels { enum value label }`). */
export function mergeLabels(list) {
  for (const { enum: name, value, label: text } of list ?? []) {
    if (!name || !value || !text) continue;
    LABELS[name] ??= {};
    LABELS[name][value] = text;
  }
}

/** A peer key of a benchmark or risk ranking: ALL, a sector, or a level. */
export function peerKeyLabel(key) {
  if (key === 'ALL') return '全部部门';
  return LABELS.DepartmentLevel[key] ?? key ?? '（未分类）';
}
