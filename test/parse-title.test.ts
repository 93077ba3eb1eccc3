import { describe, expect, it } from 'vitest';
import { parseTitle } from '../src/ingest/report/parse-title.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import { realReportLines } from './support/real-report.js';

describe('report title', () => {
  it('reads year and department from a title broken over two lines', () => {
    const title = parseTitle('real.txt', realReportLines());
    expect(title.year).toBe(2023);
    expect(title.departmentName).toBe('中国共产党广州市委员会政法委员会');
    expect(title.title).toBe('2023年度中国共产党广州市委员会政法委员会部门整体支出绩效自评报告');
  });

  it('accepts a stray space between the year and 年度', () => {
    const title = parseTitle(
      't.txt',
      splitLines('2022 年度广州市司法局部门整体支出绩效自评报告\n一、部门基本情况'),
    );
    expect(title).toMatchObject({ year: 2022, departmentName: '广州市司法局' });
  });

  it('rejects a file without a title, naming the file and the first line', () => {
    expect(() =>
      parseTitle('notitle.txt', splitLines('一、部门基本情况\n（一）部门职能')),
    ).toThrowError(/notitle\.txt:1: \[标题\]/);
    expect(() => parseTitle('notitle.txt', splitLines('x'))).toThrow(ReportParseError);
  });
});
