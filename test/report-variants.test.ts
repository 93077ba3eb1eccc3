import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../src/ingest/report-document.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { parseReport } from '../src/ingest/report/report-parser.js';
import { realReportText } from './support/real-report.js';
import {
  keyFigures,
  REAL_FIGURES,
  realLines,
  replaceRealLines,
  withoutPlaces,
} from './support/report-variants.js';

const real = parseReport(realReportText(), 'real.txt');

function parse(text: string): ReportDocument {
  return parseReport(text, 'variant.txt');
}

/** The document but for the file name: a variant that keeps every line where it was. */
function sameLines(doc: ReportDocument): ReportDocument {
  return { ...doc, sourceFile: real.sourceFile };
}

/** The real report's file as lines, to move or join them. */
function realFileLines(): string[] {
  return realReportText().split('\n');
}

describe('the real report under titles as other departments write them reads the same', () => {
  it('with the department before the year', () => {
    const doc = parse(
      replaceRealLines(1, 2, [
        ' 中国共产党广州市委员会政法',
        '委员会2023年度部门整体支出绩效自评报告',
      ]),
    );
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(doc.title).toBe('中国共产党广州市委员会政法委员会2023年度部门整体支出绩效自评报告');
    expect(sameLines({ ...doc, title: real.title })).toEqual(real);
  });

  it('with no year in the title: the year comes from the text', () => {
    const doc = parse(
      replaceRealLines(1, 2, [' 中国共产党广州市委员会政法', '委员会部门整体支出绩效自评报告']),
    );
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
  });

  it('with the title broken over three lines', () => {
    const three = replaceRealLines(1, 3, [
      ' 2023年度中国共产党广州市',
      '委员会政法委员会部门整体支出',
      '绩效自评报告',
    ]);
    expect(keyFigures(parse(three))).toEqual(REAL_FIGURES);
    expect(sameLines(parse(three))).toEqual(real);
  });

  it('with a .pdf suffix', () => {
    const doc = parse(replaceRealLines(2, 2, ['委员会部门整体支出绩效自评报告.pdf']));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(sameLines(doc)).toEqual(real);
  });

  it('below web-page furniture', () => {
    const furniture = [
      '索引号：11440100MB2C92XXXX/2024-00123',
      '分类：财政预决算',
      '发布机构：中共广州市委政法委员会',
      '发布日期：2024-09-30',
      '来源：中共广州市委政法委员会',
      '浏览次数：321',
      '首页 > 政务公开 > 财政预决算',
    ];
    const doc = parse([...furniture, realReportText()].join('\n'));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(withoutPlaces(doc)).toEqual(withoutPlaces(real));
  });
});

describe('page furniture between lines', () => {
  it('page numbers in their printed forms are dropped wherever they stand', () => {
    let text = realReportText();
    const marks: [number, string][] = [
      [3, '- 1 -'],
      [15, '— 2 —'],
      [436, '-5-'],
      [530, '第 7 页'],
      [764, '第9页 共11页'],
      [838, '第 11 页 / 共 11 页'],
    ];
    for (const [line, mark] of marks) {
      expect(realLines(line, line)).toEqual(['']);
      text = text
        .split('\n')
        .toSpliced(line - 1, 1, mark)
        .join('\n');
    }
    const doc = parse(text);
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(sameLines(doc)).toEqual(real);
  });

  it('a bare number at the edge of a page is dropped', () => {
    const lines = realFileLines();
    // Before the page starting at line 624 (the repeated header of 表3) and the one at 371.
    lines.splice(623, 1, '8', `\f${lines[623]}`);
    lines.splice(370, 1, '4', `\f${lines[370]}`);
    const doc = parse(lines.join('\n'));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(withoutPlaces(doc)).toEqual(withoutPlaces(real));
  });

  it('a row number of 表3 at the top of a page is kept', () => {
    expect(realLines(585, 585)).toEqual(['6']);
    const doc = parse(replaceRealLines(585, 585, [' 6']));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(doc.indicators).toEqual(real.indicators);
  });
});

describe('the real report with headings in other forms and orders reads the same', () => {
  it('with half-width punctuation in the headings', () => {
    const headings: [number, string][] = [
      [6, '(一)部门职能'],
      [12, '(二)年度总体工作和重点工作任务'],
      [371, ' (三)部门整体支出绩效目标'],
      [391, '(四)部门整体收支情况'],
      [445, '(五)部门整体绩效管理情况'],
      [465, '二.绩效自评情况'],
      [508, '(一)自评结论'],
      [519, ' (二)履职效能分析.指标分值 50分,得分 49.99分,'],
      [746, '(三)管理效率分析:指标分值 50分,得分 46.98分,'],
      [819, ' 三.存在的主要问题'],
      [837, '4、下一步改进措施'],
    ];
    const lines = realFileLines();
    for (const [line, text] of headings) lines[line - 1] = text;
    const doc = parse(lines.join('\n'));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(withoutPlaces(doc)).toEqual(withoutPlaces(real));
  });

  it('with headings renamed 部门（单位）基本情况, 单位基本情况, 绩效自评工作开展情况, 自评得分情况', () => {
    const lines = realFileLines();
    lines[3] = '一、部门（单位）基本情况';
    lines[11] = '（二）单位基本情况';
    lines[464] = '二、绩效自评工作开展情况';
    lines[507] = '（一）自评得分情况';
    const doc = parse(lines.join('\n'));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(sameLines(doc)).toEqual(real);
  });

  it('with problems and improvements before the analysis', () => {
    const lines = realFileLines();
    const closing = lines.splice(818);
    lines.splice(464, 0, ...closing);
    const doc = parse(lines.join('\n'));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(withoutPlaces(doc)).toEqual(withoutPlaces(real));
  });

  it('with the score first', () => {
    const lines = realFileLines();
    const conclusion = lines.splice(507, 11);
    expect(conclusion[0]).toBe('（一）自评结论');
    lines.splice(3, 0, '一、自评得分情况', ...conclusion.slice(1));
    const doc = parse(lines.join('\n'));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(withoutPlaces(doc)).toEqual(withoutPlaces(real));
  });
});

describe('the real report with a section missing', () => {
  it('without 改进措施: the same figures and a WARNING note naming the section', () => {
    const doc = parse(realFileLines().slice(0, 836).join('\n'));
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(doc.improvements).toEqual([]);
    expect(doc.problems).toEqual(real.problems);
    expect(doc.notes).toEqual([
      expect.objectContaining({
        check: 'section.missing',
        severity: 'WARNING',
        message: expect.stringContaining('下一步改进措施'),
      }),
    ]);
  });

  it('without 表2: refused, naming the table', () => {
    const text = realFileLines()
      .filter((_, i) => i + 1 < 420 || i + 1 > 443)
      .join('\n');
    expect(() => parse(text)).toThrowError(ReportParseError);
    expect(() => parse(text)).toThrowError(/\[表2 部门整体支出决算表\] table 2 .* not found/);
  });
});

describe('the real report extracted without line breaks', () => {
  /** The real report's file with each range of lines joined into one line. */
  function joined(ranges: readonly [number, number][]): string {
    const lines = realFileLines();
    for (const [from, to] of [...ranges].reverse()) {
      lines.splice(from - 1, to - from + 1, lines.slice(from - 1, to).join(''));
    }
    return lines.join('\n');
  }

  it('with its prose on a handful of lines and its tables as rows: the same document', () => {
    const text = joined([
      [1, 33],
      [371, 419],
      [445, 524],
      [746, 758],
      [819, 868],
    ]);
    const doc = parse(text);
    expect(keyFigures(doc)).toEqual(REAL_FIGURES);
    expect(withoutPlaces(doc)).toEqual(withoutPlaces(real));
  });

  it('with its tables flattened too: refused at a table rather than guessed', () => {
    const last = realFileLines().length;
    const text = joined([
      [1, 300],
      [301, 600],
      [601, last],
    ]);
    expect(text.split('\n')).toHaveLength(3);
    let error: unknown = null;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).section).toMatch(/^表\d/);
  });
});
