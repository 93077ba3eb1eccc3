import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/report/source-text.js';
import { realReportText } from './support/real-report.js';

describe('splitting a report text into lines', () => {
  it('numbers the non-empty lines by their line in the file', () => {
    expect(splitLines('标题\n\n  正文 \n').map((l) => [l.no, l.text])).toEqual([
      [1, '标题'],
      [3, '正文'],
    ]);
  });

  it('gives each line its page where form feeds separate the pages, as PDF extraction does', () => {
    const lines = splitLines('第一页\n续\n\f第二页\n末行\f\n\f\n第四页');
    expect(lines.map((l) => [l.text, l.page])).toEqual([
      ['第一页', 1],
      ['续', 1],
      ['第二页', 2],
      ['末行', 2],
      ['第四页', 4],
    ]);
    expect(lines.find((l) => l.text === '第二页')!.pageStart).toBe(true);
  });

  it('counts pages from lines that start with a space where a text marks several page starts', () => {
    const lines = splitLines(' 第一页\n续\n 第二页\n续\n 第三页');
    expect(lines.map((l) => l.page)).toEqual([1, 1, 2, 2, 3]);
  });

  it('leaves the page unknown in a text that marks no pages', () => {
    expect(splitLines('a\nb').map((l) => l.page)).toEqual([null, null]);
    expect(splitLines('a\n b\nc').map((l) => l.page)).toEqual([null, null, null]);
  });

  it('puts the real report on the 11 pages its extraction marks', () => {
    const lines = splitLines(realReportText());
    expect(lines[0]!.page).toBe(1);
    expect(lines.at(-1)!.page).toBe(11);
    expect(lines.find((l) => l.text.startsWith('序号 指标名称'))!.page).toBe(7);
  });

  it('reads digits, ％ and ． set in full-width forms as ASCII, leaving Chinese punctuation', () => {
    expect(splitLines('１０，２８３．３２ ９９．１５％')[0]!.text).toBe('10，283.32 99.15%');
  });
});
