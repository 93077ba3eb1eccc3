import { describe, expect, it } from 'vitest';
import { problemTopics } from '../src/ingest/report/problem-topics.js';

describe('problem topics', () => {
  it("tags the real report's admission of targets set too low", () => {
    expect(problemTopics('个别绩效指标全年实现值远超年初设定的预期值')).toContain('LOW_TARGETS');
  });

  it('tags other phrasings of low targets', () => {
    expect(problemTopics('部分绩效指标目标值设置偏低')).toContain('LOW_TARGETS');
    expect(problemTopics('绩效目标缺乏挑战性')).toEqual([]);
    expect(problemTopics('指标设置的挑战性不足')).toContain('LOW_TARGETS');
  });

  it('tags contract timeliness, monitoring and responsibility', () => {
    expect(problemTopics('合同签订及备案不及时')).toEqual(['CONTRACT_TIMELINESS']);
    expect(problemTopics('绩效运行监控及偏差调整工作不细致')).toEqual(['MONITORING']);
    expect(problemTopics('预算执行部门绩效管理主体责任意识有待进一步加强')).toContain(
      'RESPONSIBILITY',
    );
  });

  it('does not tag target-setting quality as low targets', () => {
    expect(problemTopics('绩效指标设置不够细化量化')).toEqual(['TARGET_SETTING']);
  });
});
