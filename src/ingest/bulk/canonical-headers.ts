import type { CanonicalTable } from '../canonical-tables.js';

/** The header language of a canonical CSV file: Chinese titles, or the database column names. */
export type HeaderLanguage = 'zh' | 'en';

export const HEADER_LANGUAGES: readonly HeaderLanguage[] = ['zh', 'en'];

/** Titles shared by several tables. */
const reportKey = { department_code: '部门编码', year: '年度' } as const;
const source = { line: '行号', page: '页码' } as const;
const functionAmounts = {
  ...reportKey,
  seq: '序号',
  function_class: '功能分类',
  function_code: '科目编码',
  amount: '金额（万元）',
  ...source,
} as const;

/**
 * Chinese column titles of the canonical CSV files, one map per table, keyed by database column.
 * They use the report's own terms (决算数, 预期实现值, 扣分) and the titles of the HTTP downloads,
 * so that an analyst sees in Excel the words of the report. Money columns say their unit, 万元.
 * Import reads a file under either these titles or the column names; a title must therefore be
 * unique within its table (test/canonical-csv.test.ts checks that, and that every column of the
 * migrated schema has one).
 */
export const CHINESE_HEADERS: { readonly [T in CanonicalTable]: Readonly<Record<string, string>> } =
  {
    departments: {
      code: '部门编码',
      name: '部门名称',
      sector: '领域',
      level: '行政级别',
      synthetic: '合成数据',
    },
    department_aliases: { alias: '别名', department_code: '部门编码' },
    reports: {
      ...reportKey,
      title: '标题',
      synthetic: '合成数据',
      source_file: '来源文件',
      content_sha256: '文本SHA-256',
      duties_text: '部门职能',
      overview_text: '年度总体工作和重点工作任务',
      performance_text: '部门整体绩效管理情况',
      evaluation_text: '绩效自评情况',
      revenue_total: '年初预算收入（万元）',
      full_year_budget: '全年预算数（万元）',
      final_total: '决算支出（万元）',
      total_score: '综合自评得分',
      total_weight: '总分值',
      duty_score: '履职效能得分',
      duty_weight: '履职效能分值',
      management_score: '管理效率得分',
      management_weight: '管理效率分值',
      template: '报告模板',
    },
    goals: { ...reportKey, seq: '序号', text: '绩效目标' },
    revenue_by_function: functionAmounts,
    expenditure_by_function: functionAmounts,
    expenditure_by_nature: {
      ...reportKey,
      category: '支出类别',
      initial_budget: '年初预算数（万元）',
      full_year_budget: '全年预算数（万元）',
      final: '决算数（万元）',
      ...source,
    },
    stated_figures: { ...reportKey, name: '名称', value: '数值', unit: '单位', ...source },
    key_tasks: {
      ...reportKey,
      seq: '序号',
      name: '年度重点工作任务',
      target_text: '任务绩效目标',
      actual_text: '实际完成情况',
    },
    indicators: {
      ...reportKey,
      seq: '序号',
      name: '指标名称',
      target_text: '预期实现值',
      actual_text: '实际完成值',
      indicator_key: '指标键',
      understood: '已读出度量',
      not_understood_reason: '未读出原因',
      ...source,
    },
    management_scores: {
      ...reportKey,
      seq: '序号',
      level1: '一级指标',
      level2: '二级指标',
      level3: '三级指标',
      weight: '分值',
      score: '得分',
      score_rate: '得分率（%）',
      ...source,
    },
    deductions: {
      ...reportKey,
      seq: '序号',
      part: '部分',
      item: '扣分项',
      level2: '二级指标',
      reason: '扣分原因',
      points: '扣分',
      source: '来源',
      ...source,
    },
    problems: { ...reportKey, seq: '序号', text: '问题', topics: '主题' },
    improvements: { ...reportKey, seq: '序号', text: '改进措施' },
    data_quality_issues: {
      ...reportKey,
      seq: '序号',
      check_name: '检查',
      severity: '严重程度',
      message: '说明',
      expected: '报告所列数',
      actual: '分项合计数',
    },
    indicator_measures: {
      ...reportKey,
      seq: '指标序号',
      measure_index: '度量序号',
      comparator: '比较方式',
      target: '目标值',
      target_high: '目标上限',
      actual: '实际值',
      unit: '单位',
      unit_kind: '单位类别',
      direction: '方向',
      confidence: '置信度',
      actual_kind: '实际值类型',
      target_source: '目标原文',
      actual_source: '实际值原文',
      attainment: '完成比',
      evidence: '计入证据',
      ceiling: '触顶',
    },
    indicator_links: {
      ...reportKey,
      seq: '指标序号',
      previous_year: '上年年度',
      previous_seq: '上年指标序号',
      score: '匹配得分',
      matched_by: '匹配依据',
    },
    measure_links: {
      ...reportKey,
      seq: '指标序号',
      measure_index: '度量序号',
      previous_seq: '上年指标序号',
      previous_measure_index: '上年度量序号',
      previous_actual: '上年实际值',
      ratchet_failure: '目标低于上年实际',
    },
  };

/**
 * The title of a column in a file of the given language. A column the map does not know yet (a
 * migration newer than the map) keeps its column name, so an export never fails for a title.
 */
export function headerOf(table: CanonicalTable, column: string, language: HeaderLanguage): string {
  return language === 'zh' ? (CHINESE_HEADERS[table][column] ?? column) : column;
}

/**
 * The column a header of a file names: its Chinese title read back to the column name, anything
 * else as it is (a column name, or an extra column that import ignores). A byte order mark a
 * reader left on the first header, and spaces around a header, are not part of the name.
 */
export function columnOfHeader(table: CanonicalTable, header: string): string {
  const name = header.replace(/^\uFEFF/, '').trim();
  const titles = CHINESE_HEADERS[table];
  return Object.keys(titles).find((column) => titles[column] === name) ?? name;
}
