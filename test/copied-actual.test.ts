import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { copiedActual, normaliseForCopy } from '../src/rules/copied-actual.js';
import { REAL_REPORT_FILE, realReportText } from './support/real-report.js';

/**
 * The copied-actual rule (docs/domain.md, "Copied actuals"): an actual that only restates its
 * target, the target text again or a bare completion word, never an actual with a figure of its
 * own.
 */

describe('copiedActual', () => {
  it('counts the target text repeated as the actual: SAME_TEXT', () => {
    expect(copiedActual('处置率达90%。', '处置率达90%。')).toEqual({
      reason: 'SAME_TEXT',
      family: null,
      normalised: '处置率达90%',
    });
  });

  it('compares the two texts after removing spaces and prose punctuation and folding full-width forms', () => {
    const target = '“广州政法”粉丝总数 超过170万人。';
    for (const actual of [
      '广州政法粉丝总数超过170万人',
      '“广州政法”粉丝总数超过１７０万人；',
      '《广州政法》粉丝总数，超过170万人',
    ])
      expect(copiedActual(target, actual)?.reason, actual).toBe('SAME_TEXT');
  });

  it('keeps what belongs to a figure: 9.5% is not 95%, ≥95% is not 95%', () => {
    expect(copiedActual('达到9.5%', '达到95%')).toBeNull();
    expect(copiedActual('≥95%', '95%')).toBeNull();
    expect(normaliseForCopy('≧９５．５％')).toBe('≥95.5%');
  });

  it('counts a bare completion word: COMPLETION_WORD with its family', () => {
    expect(copiedActual('出具测评报告', '已完成。')).toMatchObject({
      reason: 'COMPLETION_WORD',
      family: 'DONE',
    });
    expect(copiedActual('满意度≥90%', '达到预期')).toMatchObject({ family: 'AS_EXPECTED' });
    expect(copiedActual('12月底前上线', '按计划完成')).toMatchObject({ family: 'AS_PLANNED' });
  });

  it('never counts an actual that carries its own figure: 完成 98%, or 100% against ≥95%', () => {
    expect(copiedActual('达到95%', '完成 98%')).toBeNull();
    expect(copiedActual('≥95%', '100%')).toBeNull();
    expect(copiedActual('12月底前完成', '已于2023年11月20日完成')).toBeNull();
  });

  it('does not count a blank actual: nothing is restated, the value is missing', () => {
    for (const actual of ['', '  ', '—', '/', '-'])
      expect(copiedActual('≥95%', actual), actual).toBeNull();
    expect(copiedActual('—', '—')).toBeNull();
  });

  it('does not count an actual that says something else without a figure: 满意度进一步提升', () => {
    expect(copiedActual('满意度明显提升', '满意度进一步提升')).toBeNull();
  });
});

describe('copiedActual on the real report (gz-zfw 2023, 表3 read by hand)', () => {
  const rows = parseReport(realReportText(), REAL_REPORT_FILE).indicators;

  it('finds none of its 15 actuals restating the target: each states a figure or a date of its own', () => {
    // Rows 1-5 and 9-15 give their own numbers (1次, 210.96万人, 4期、6000册, 66.55万人, 12个,
    // 100%, 96.71%, 95.22%、95.02%, 未被扣分 of 2项30分, 16个镇街 and 100%, 4.75%); rows 6-8, the
    // milestones, say when they were done (2023年8月30日, 12月25日, 12月28日).
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => copiedActual(r.targetText, r.actualText) !== null)).toEqual([]);
  });

  it('would count row 9 had its actual repeated its target, or said only 完成', () => {
    const row9 = rows.find((r) => r.seq === 9)!;
    expect(copiedActual(row9.targetText, row9.targetText)?.reason).toBe('SAME_TEXT');
    expect(copiedActual(row9.targetText, '完成')?.reason).toBe('COMPLETION_WORD');
  });
});
