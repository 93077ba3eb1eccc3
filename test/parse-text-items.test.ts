import { describe, expect, it } from 'vitest';
import {
  parseGoals,
  parseImprovements,
  parseProblems,
} from '../src/ingest/report/parse-text-items.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';

describe('problems, improvements and goals', () => {
  it("splits the real report's problem list, including the admitted low targets", () => {
    const doc = parseReport(realReportText(), REAL_REPORT_FILE);
    expect(doc.problems).toEqual([
      '合同签订及备案不及时',
      '绩效管理与部门业务发展深度融合不够',
      '绩效运行监控及偏差调整工作不细致',
      '个别绩效指标全年实现值远超年初设定的预期值',
      '绩效评价管理和监督工作过度依赖财务部门推进，预算执行部门绩效管理主体责任意识有待进一步加强',
    ]);
  });

  it('splits improvements at 一是/二是/三是', () => {
    const doc = parseReport(realReportText(), REAL_REPORT_FILE);
    expect(doc.improvements).toHaveLength(3);
    expect(
      doc.improvements[0]!.startsWith('进一步明确并细化财务部门和业务部门的绩效管理责任约束'),
    ).toBe(true);
  });

  it('splits numbered goals 1. 2. 3. 4.', () => {
    const doc = parseReport(realReportText(), REAL_REPORT_FILE);
    expect(doc.goals).toHaveLength(4);
    expect(doc.goals[3]).toBe(
      '大力推进信息化项目建设，加强政法工作信息化应用，提高政法部门信息化覆盖率',
    );
  });

  it('splits problems enumerated with （一）（二）', () => {
    expect(parseProblems('（一）绩效目标设置不够科学；（二）预算执行进度偏慢。')).toEqual([
      '绩效目标设置不够科学',
      '预算执行进度偏慢',
    ]);
  });

  it('falls back to sentences when nothing is enumerated', () => {
    expect(parseImprovements('加强预算管理。提高资金使用效益。')).toEqual([
      '加强预算管理',
      '提高资金使用效益',
    ]);
    expect(parseGoals('')).toEqual([]);
  });
});
