import { describe, expect, it } from 'vitest';
import { sumDecimals } from '../src/ingest/decimal.js';
import { parseManagementTable } from '../src/ingest/report/parse-management-table.js';
import { realReportSlice } from './support/real-report.js';

const rows = () => parseManagementTable('real.txt', realReportSlice(746, 818));

describe('management table (表4)', () => {
  it('reads 23 level-3 rows whose weights add up to 50 and scores to 46.98', () => {
    const all = rows();
    expect(all).toHaveLength(23);
    expect(sumDecimals(all.map((r) => r.weight))).toBe('50');
    expect(sumDecimals(all.map((r) => r.score))).toBe('46.98');
  });

  it('carries merged level-1 and level-2 cells down to their rows', () => {
    const byName = new Map(rows().map((r) => [r.level3, r]));
    expect(byName.get('新增预算项目事前绩效评估')).toMatchObject({
      level1: '管理效率',
      level2: '预算编制',
    });
    expect(byName.get('采购合同签订时效性')).toMatchObject({
      level2: '采购管理',
      weight: '3',
      score: '1',
      scoreRate: '33.33',
    });
    expect(byName.get('“三公”经费控制情况')).toMatchObject({ level2: '运行成本' });
  });

  it('lists the level-2 groups in order', () => {
    expect([...new Set(rows().map((r) => r.level2))]).toEqual([
      '预算编制',
      '预算执行',
      '信息公开',
      '绩效管理',
      '采购管理',
      '资产管理',
      '运行成本',
    ]);
  });

  it('names the line of a row whose score is not a number', () => {
    const lines = realReportSlice(746, 818).map((l) =>
      l.no === 797 ? { ...l, text: '合同备案时效性 1 零 0.00%' } : l,
    );
    expect(() => parseManagementTable('bad.txt', lines)).toThrowError(
      /bad\.txt:797: \[表4 管理效率自评得分情况\]/,
    );
  });
});
