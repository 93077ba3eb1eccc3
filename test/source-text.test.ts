import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/report/source-text.js';

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

  it('leaves the page unknown in a text without form feeds', () => {
    expect(splitLines('a\nb').map((l) => l.page)).toEqual([null, null]);
  });

  it('reads digits, ％ and ． set in full-width forms as ASCII, leaving Chinese punctuation', () => {
    expect(splitLines('１０，２８３．３２ ９９．１５％')[0]!.text).toBe('10，283.32 99.15%');
  });
});
