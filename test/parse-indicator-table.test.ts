import { describe, expect, it } from 'vitest';
import { parseIndicatorTable } from '../src/ingest/report/parse-indicator-table.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { realReportSlice } from './support/real-report.js';

const rows = () => parseIndicatorTable('real.txt', realReportSlice(520, 745));

describe('indicator table (表3)', () => {
  it('reads the 15 numbered rows of the real report across the page break', () => {
    expect(rows().map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('joins names broken over several lines', () => {
    const names = rows().map((r) => r.name);
    expect(names[5]).toBe('完成项目主体建设部分的初步验收');
    expect(names[11]).toBe('刑事案件网上提捕、移送审查起诉率');
    expect(names[14]).toBe('群众重复咨询比例');
  });

  it('separates target and actual cells at the end of the target sentence', () => {
    const fans = rows()[1]!;
    expect(fans.targetText).toBe('“广州政法”各个新媒体平台账号粉丝总数累计超过170万人。');
    expect(fans.actualText).toBe('“广州政法”各个新媒体平台账号粉丝总数累计达到210.96万人。');
  });

  it('keeps an actual cell that holds two sentences whole', () => {
    expect(rows()[12]!.actualText).toBe(
      '全省平安建设考核中涉及我市信息化建设考核项共2项、30分。考核结果显示我市未被扣分。',
    );
  });

  it('records the line each row starts on', () => {
    expect(rows()[0]!.line).toBe(529);
    expect(rows()[8]!.line).toBe(626);
  });

  it('splits cells without sentence marks at the short last line of the target', () => {
    const lines = splitLines(
      '表3 关键指标\n序号 指标名称 预期实现值 实际完成值\n1 办结率\n办结率达到百分之九十\n以上\n办结率达到百分之九\n十五',
    );
    expect(parseIndicatorTable('t.txt', lines)[0]).toMatchObject({
      name: '办结率',
      targetText: '办结率达到百分之九十以上',
      actualText: '办结率达到百分之九十五',
    });
  });

  it('reports a missing table', () => {
    expect(() => parseIndicatorTable('bad.txt', realReportSlice(520, 523))).toThrowError(
      /bad\.txt:521: \[表3/,
    );
  });
});
