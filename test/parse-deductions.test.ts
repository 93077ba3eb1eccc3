import { describe, expect, it } from 'vitest';
import {
  managementDeductions,
  parseStatedDeductions,
} from '../src/ingest/report/parse-deductions.js';
import { parseManagementTable } from '../src/ingest/report/parse-management-table.js';
import { realReportSlice } from './support/real-report.js';

const DUTY =
  '指标分值50分，得分49.99分，得分率为99.98%。扣分的主要原因是一般公共预算年度平均支出执行率为99.91%，未达到100%，扣0.01分。';
const MANAGEMENT =
  '指标分值50分，得分46.98分，得分率为93.96%。扣分的主要原因：一是部分合同未自合同签订之日起2个工作日内在“广东省政府采购网”备案公开，致使“采购合同签订时效性”“合同备案时效性”指标合计被扣3分；二是按照《政府采购促进中小企业发展管理办法》要求，实际面向中小企业采购金额小于年初为中小企业预留的采购份额,扣0.02分。';

describe('deductions (扣分)', () => {
  it('reads the duty deduction and its reason from the paragraph', () => {
    expect(parseStatedDeductions(DUTY)).toEqual([
      {
        reason: '一般公共预算年度平均支出执行率为99.91%，未达到100%',
        points: '0.01',
        text: '一般公共预算年度平均支出执行率为99.91%，未达到100%，扣0.01分。',
      },
    ]);
  });

  it('reads enumerated management reasons with the items they quote', () => {
    const stated = parseStatedDeductions(MANAGEMENT);
    expect(stated.map((s) => s.points)).toEqual(['3', '0.02']);
    expect(stated[0]!.text).toContain('致使采购合同签订时效性合同备案时效性指标合计被扣3分');
  });

  it('takes management deductions from table 4 and attaches the paragraph reasons', () => {
    const rows = parseManagementTable('real.txt', realReportSlice(746, 818));
    const { deductions, notes } = managementDeductions(rows, parseStatedDeductions(MANAGEMENT));
    expect(deductions.map((d) => [d.item, d.points, d.source])).toEqual([
      ['采购合同签订时效性', '2', 'BOTH'],
      ['合同备案时效性', '1', 'BOTH'],
      ['采购政策效能', '0.02', 'BOTH'],
    ]);
    expect(deductions[2]!.reason).toContain('中小企业');
    expect(notes).toEqual([]);
  });

  it('keeps a paragraph deduction that no table row explains, and notes it', () => {
    const rows = parseManagementTable('real.txt', realReportSlice(746, 818));
    const { deductions, notes } = managementDeductions(rows, [
      { reason: '资产盘点不及时', points: '0.5', text: '资产盘点不及时，扣0.5分' },
    ]);
    expect(deductions.at(-1)).toMatchObject({ item: null, points: '0.5', source: 'PARAGRAPH' });
    expect(notes[0]).toMatchObject({ check: 'deduction.paragraph_unmatched', severity: 'WARNING' });
  });

  it('notes when the paragraph and table 4 disagree on the points', () => {
    const rows = parseManagementTable('real.txt', realReportSlice(746, 818));
    const { notes } = managementDeductions(rows, [
      { reason: 'x', points: '2.5', text: '采购合同签订时效性、合同备案时效性扣2.5分' },
    ]);
    expect(notes[0]).toMatchObject({
      check: 'deduction.paragraph_vs_table',
      expected: '2.5',
      actual: '3',
    });
  });
});

describe('item names with quotation marks of their own', () => {
  it('matches “三公”经费控制情况 however the paragraph quotes it', () => {
    const rows = parseManagementTable('real.txt', realReportSlice(746, 818)).map((r) =>
      r.level3 === '“三公”经费控制情况' ? { ...r, score: '1.5' } : r,
    );
    const stated = parseStatedDeductions(
      '扣分的主要原因：“‘三公’经费控制情况”指标超出控制数，扣0.5分。',
    );
    const { deductions, notes } = managementDeductions(rows, stated);
    expect(deductions.find((d) => d.item === '“三公”经费控制情况')).toMatchObject({
      points: '0.5',
      source: 'BOTH',
    });
    expect(notes).toEqual([]);
  });
});
