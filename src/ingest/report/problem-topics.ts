/**
 * Topics of admitted problems (存在的主要问题), by keywords seen in reports. LOW_TARGETS is the
 * one the analytics compare with detection (docs/domain.md: the report's own problem list admits
 * 个别绩效指标全年实现值远超年初设定的预期值).
 */
export const PROBLEM_TOPICS = {
  LOW_TARGETS:
    /实现值(远|明显|大幅)?(超|高于)|远超.{0,8}(预期|目标|指标)|(目标|指标)值?(设置|设定)?(偏低|过低|保守)|(目标|指标).{0,6}(挑战性|前瞻性)不(足|够|强)/,
  TARGET_SETTING:
    /(目标|指标).{0,8}(不够|不)(科学|合理|细化|量化|明确|精准)|(目标|指标)(设置|设定).{0,4}(不|欠)/,
  CONTRACT_TIMELINESS: /合同.{0,6}(签订|备案|公开).{0,6}(不及时|滞后|超时|逾期)|(签订|备案)不及时/,
  PROCUREMENT: /采购|中小企业/,
  EXECUTION: /执行(率|进度).{0,6}(偏低|较慢|不足|未达)|支出进度.{0,4}(慢|滞后)|预算执行/,
  MONITORING: /监控|偏差/,
  INTEGRATION: /融合|结合不够|两张皮/,
  RESPONSIBILITY: /主体责任|责任意识|意识(不强|淡薄|有待)/,
  ASSETS: /资产/,
  DISCLOSURE: /公开/,
  RESULTS_USE: /结果(应用|运用)/,
} as const;

export type ProblemTopic = keyof typeof PROBLEM_TOPICS;

/** The topics a problem text mentions, in registry order. */
export function problemTopics(text: string): ProblemTopic[] {
  return (Object.keys(PROBLEM_TOPICS) as ProblemTopic[]).filter((topic) =>
    PROBLEM_TOPICS[topic].test(text),
  );
}
