import { describe, expect, it } from 'vitest';
import { parseTitle } from '../src/ingest/report/parse-title.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { splitLines } from '../src/ingest/report/source-text.js';

const BODY = '一、部门基本情况\n（一）部门职能\n本部门2022年度部门整体支出绩效良好。';

/** Title and department of a text whose title is `title` over a short body. */
function read(title: string, body = BODY) {
  const result = parseTitle('t.txt', splitLines(`${title}\n${body}`));
  return { year: result.year, departmentName: result.departmentName };
}

describe('titles as other departments write them', () => {
  it('reads a department written before the year', () => {
    expect(read('屏边县司法局2022年度部门整体支出绩效自评报告')).toEqual({
      year: 2022,
      departmentName: '屏边县司法局',
    });
    expect(read('广州市民政局2023年度部门整体支出绩效自评报告')).toEqual({
      year: 2023,
      departmentName: '广州市民政局',
    });
  });

  it('reads 年 without 度', () => {
    expect(read('2023年广州市民政局部门整体支出绩效自评报告')).toEqual({
      year: 2023,
      departmentName: '广州市民政局',
    });
  });

  it.each([
    '2023年度广州市民政局部门整体支出绩效评价报告',
    '2023年度广州市民政局部门整体支出自我绩效评价报告',
    '2023年度广州市民政局部门整体支出绩效自我评价报告',
    '2023年度广州市民政局机关整体支出绩效自评报告',
    '2023年度广州市民政局单位整体支出绩效自评报告',
    '2023年度广州市民政局部门（单位）整体支出绩效自评报告',
  ])('takes the report words of "%s"', (title) => {
    expect(read(title)).toEqual({ year: 2023, departmentName: '广州市民政局' });
  });

  it('drops 关于 between the department and the year', () => {
    expect(read('广州市民政局关于2023年度部门整体支出绩效自评报告').departmentName).toBe(
      '广州市民政局',
    );
  });

  it('reads a year in brackets after the report words', () => {
    expect(read('广州市民政局部门整体支出绩效自评报告（2023年度）')).toEqual({
      year: 2023,
      departmentName: '广州市民政局',
    });
  });

  it('ignores a file extension after the title', () => {
    const title = parseTitle(
      't.txt',
      splitLines(`2023年度广州市民政局部门整体支出绩效自评报告.pdf\n${BODY}`),
    );
    expect(title.title).toBe('2023年度广州市民政局部门整体支出绩效自评报告');
    expect(title.next).toBe(1);
  });

  it('joins a title broken over three lines in the middle of words', () => {
    const title = parseTitle(
      't.txt',
      splitLines(`2023年度广州市\n民政局部门整体支出绩\n效自评报告\n${BODY}`),
    );
    expect(title).toMatchObject({ year: 2023, departmentName: '广州市民政局', next: 3 });
  });

  it('skips web-page furniture above the title, half-width colons included', () => {
    const furniture = [
      '索引号：11440100MB2C92XXXX/2024-00123',
      '分类: 财政预决算',
      '发布机构：广州市民政局',
      '发布日期：2024-09-30',
      '来源：广州市民政局',
      '文号：无',
      '浏览次数：1024',
      '首页 > 政务公开 > 财政信息',
    ].join('\n');
    const lines = splitLines(`${furniture}\n2023年度广州市民政局部门整体支出绩效自评报告\n${BODY}`);
    const title = parseTitle('t.txt', lines);
    expect(title).toMatchObject({ year: 2023, departmentName: '广州市民政局' });
    expect(lines[title.next]!.text).toBe('一、部门基本情况');
  });

  it('keeps the text after the title on a line that runs on as the start of the body', () => {
    const title = parseTitle(
      't.txt',
      splitLines('2023年度广州市民政局部门整体支出绩效自评报告 根据市财政局要求……'),
    );
    expect(title.departmentName).toBe('广州市民政局');
    expect(title.remainder?.text).toBe('根据市财政局要求……');
  });
});

describe('a title without a year', () => {
  it('takes the year from a phrase about the overall expenditure in the text', () => {
    expect(read('广州市民政局部门整体支出绩效自评报告')).toEqual({
      year: 2022,
      departmentName: '广州市民政局',
    });
  });

  it('takes the year from a fiscal-year phrase of the budget', () => {
    const body = '一、部门基本情况\n本部门 2021 年度年初预算收入 100.00万元。';
    expect(read('广州市民政局部门整体支出绩效自评报告', body).year).toBe(2021);
  });

  it('is refused, naming file, 标题 and line, when the text names no year', () => {
    const text =
      '发布日期：2024-09-30\n广州市民政局部门整体支出绩效自评报告\n一、部门基本情况\n正文';
    expect(() => parseTitle('noyear.txt', splitLines(text))).toThrowError(
      /^noyear\.txt:2: \[标题\] the title states no year and the text names none/,
    );
  });

  it('is refused when the text names different years, rather than picking one', () => {
    const body = '2022年度部门整体支出……2023年度部门整体支出……';
    expect(() => read('广州市民政局部门整体支出绩效自评报告', body)).toThrowError(
      /names several \(2022, 2023\)/,
    );
  });
});

describe('the department name', () => {
  it('never absorbs the year or the report words', () => {
    for (const title of [
      '广州市民政局2023年度部门整体支出绩效自评报告',
      '2023年度广州市民政局部门整体支出绩效自评报告',
      '广州市民政局2023年部门整体支出自我绩效评价报告.pdf',
    ]) {
      expect(read(title).departmentName).toBe('广州市民政局');
    }
  });

  it('must be there: a title of only a year and report words is refused', () => {
    expect(() => read('2023年度部门整体支出绩效自评报告')).toThrow(ReportParseError);
    expect(() => read('2023年度部门整体支出绩效自评报告')).toThrowError(/\[标题\] no department/);
  });
});

describe('a first paragraph that mentions the report', () => {
  it('is not taken for a title', () => {
    const text =
      '根据市财政局要求，现将我局2023年度部门整体支出绩效自评报告如下：\n一、部门基本情况';
    expect(() => parseTitle('t.txt', splitLines(text))).toThrowError(/\[标题\] no department/);
  });
});
