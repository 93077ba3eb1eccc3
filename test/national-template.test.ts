import { describe, expect, it } from 'vitest';
import { isNationalTemplate } from '../src/ingest/report/national/national-template.js';
import { parseReportText } from '../src/ingest/report/national/parse-report-text.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { generateReports } from '../src/synthetic/generate-corpus.js';
import { renderNationalReport } from '../src/synthetic/national/render-national-report.js';
import { renderReport } from '../src/synthetic/render-report.js';
import { REAL_REPORT_FILE, realReportLines, realReportText } from './support/real-report.js';

const lines = (text: readonly string[]) => splitLines(text.join('\n'));

const nationalTexts = Array.from({ length: 12 }, (_, i) =>
  renderNationalReport({
    seed: i + 1,
    departmentName: i % 2 ? '示例市交通运输局' : '示例市东湖示范区财政局',
    year: 2022,
  }),
);

describe('isNationalTemplate', () => {
  it('recognises national-framework reports in every layout the generator writes', () => {
    for (const report of nationalTexts) {
      expect(isNationalTemplate(splitLines(report.text)), JSON.stringify(report.layout)).toBe(true);
    }
  });

  it('does not take the real Guangzhou report for a national one', () => {
    expect(isNationalTemplate(realReportLines())).toBe(false);
  });

  it('does not take Guangzhou-template synthetic reports for national ones', () => {
    let checked = 0;
    for (const report of generateReports({
      seed: 5,
      departments: 30,
      fromYear: 2023,
      toYear: 2023,
    })) {
      expect(isNationalTemplate(splitLines(renderReport(report.document, 5)))).toBe(false);
      checked++;
    }
    expect(checked).toBe(30);
  });

  it('recognises a score table by its level-1 rows 投入, 过程, 产出 and 效果', () => {
    const table = [
      '一级指标 二级指标 三级指标 分值 得分',
      '投入 目标设定 绩效目标合理性 20 20',
      '过程 预算执行 预算完成率 30 29',
      '产出 职责履行 实际完成率 30 30',
      '效果 履职效益 社会效益 20 19',
    ];
    expect(isNationalTemplate(lines(table))).toBe(true);
  });

  it('recognises the framework named in the prose, even broken across lines', () => {
    const prose = ['本部门按照部门整体支出绩效评价共性', '指标体系框架开展自评。'];
    expect(isNationalTemplate(lines(prose))).toBe(true);
  });

  it('refuses a text with a 履职效能 or 管理效率 part, whatever else it has', () => {
    const mixed = [
      '投入 目标设定 绩效目标合理性 20 20',
      '过程 预算执行 预算完成率 30 29',
      '产出 职责履行 实际完成率 30 30',
      '（二）履职效能分析',
    ];
    expect(isNationalTemplate(lines(mixed))).toBe(false);
    expect(isNationalTemplate(lines(['共性指标', '管理效率得分46.98分']))).toBe(false);
  });

  it('is not misled by prose that mentions 管理效率 in passing', () => {
    const prose = ['按照部门整体支出绩效评价共性指标体系框架，', '进一步提高资金管理效率。'];
    expect(isNationalTemplate(lines(prose))).toBe(true);
  });
});

describe('parseReportText', () => {
  it('reads the real report with the Guangzhou parser', () => {
    const doc = parseReportText(realReportText(), REAL_REPORT_FILE);
    expect(doc.template).toBe('GUANGZHOU');
    expect(doc.score.duty).toEqual({ score: '49.99', weight: '50' });
  });

  it('reads a national report with the national parser', () => {
    const { text, expected } = nationalTexts[0]!;
    const doc = parseReportText(text, expected.document.sourceFile);
    expect(doc.template).toBe('NATIONAL_53');
    expect(doc.score.duty).toBeNull();
  });
});
