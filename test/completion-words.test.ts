import { describe, expect, it } from 'vitest';
import {
  COMPLETION_FAMILIES,
  COMPLETION_WORD_PATTERN,
  completionFamily,
  type CompletionFamily,
} from '../src/rules/completion-words.js';
import { normaliseForCopy } from '../src/rules/copied-actual.js';

/**
 * The vocabulary of actuals that only say the target was met (docs/domain.md, "Copied
 * actuals"): each family with the words it holds, read as whole normalised cells.
 */

const EXAMPLES: Readonly<Record<CompletionFamily, readonly string[]>> = {
  DONE: [
    '完成',
    '已完成',
    '全部完成',
    '均已完成',
    '顺利完成',
    '完成了',
    '完成目标',
    '完成任务',
    '已完成年度目标任务',
    '全部完成年度任务',
    '完成预期目标',
  ],
  AS_PLANNED: ['按计划完成', '已按期完成', '如期完成', '按时完成', '按计划推进', '按要求落实'],
  AS_EXPECTED: ['达到预期', '达到目标', '达成预期指标', '已实现目标', '符合预期', '达到预期效果'],
  MEETS_STANDARD: ['达标', '已达标', '全部达标', '合格', '符合要求', '满足要求', '达到要求'],
  AFFIRMATIVE: ['是', '已', '有', '√'],
  GRADE: ['好', '良好', '较好', '优', '优秀', '优良', '满意'],
};

describe('completion words', () => {
  for (const family of COMPLETION_FAMILIES) {
    it(`reads ${EXAMPLES[family].join('、')} as ${family}`, () => {
      expect(EXAMPLES[family].map((word) => completionFamily(word))).toEqual(
        EXAMPLES[family].map(() => family),
      );
    });
  }

  it('reads a completion word through its punctuation and spaces: “已完成。”, 达到 预期', () => {
    expect(completionFamily(normaliseForCopy('“已完成。”'))).toBe('DONE');
    expect(completionFamily(normaliseForCopy('达到 预期'))).toBe('AS_EXPECTED');
    expect(completionFamily(normaliseForCopy('达标.'))).toBe('MEETS_STANDARD');
  });

  it('does not read a negation as a completion: 未完成, 不达标, 未达到预期, 不合格, 否', () => {
    for (const text of ['未完成', '不达标', '未达到预期', '不合格', '否', '尚未完成', '基本未完成'])
      expect(completionFamily(text), text).toBeNull();
  });

  it('does not read a cell with a figure of its own: 完成98%, 完成12个, 达到预期95%, 100%', () => {
    for (const text of [
      '完成98%',
      '完成12个',
      '达到预期95%',
      '100%',
      '已完成2023年目标',
      '优秀率98%',
    ])
      expect(completionFamily(normaliseForCopy(text)), text).toBeNull();
  });

  it('does not read a sentence with a subject or a date: 项目已完成, 已于8月30日完成, 满意度进一步提升', () => {
    for (const text of [
      '项目已完成',
      '已于8月30日完成',
      '满意度进一步提升',
      '完成情况良好',
      '好评',
    ])
      expect(completionFamily(text), text).toBeNull();
  });

  it('matches the same cells with the one pattern the SQL uses', () => {
    const whole = new RegExp(`^(?:${COMPLETION_WORD_PATTERN})$`);
    const words = Object.values(EXAMPLES).flat();
    expect(words.filter((w) => !whole.test(w))).toEqual([]);
    expect(['未完成', '完成98%', '项目已完成'].filter((w) => whole.test(w))).toEqual([]);
  });
});
