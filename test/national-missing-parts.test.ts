import { describe, expect, it } from 'vitest';
import { reconcile } from '../src/ingest/reconcile.js';
import { parseNationalReport } from '../src/ingest/report/national/parse-national-report.js';
import { ReportParseError } from '../src/ingest/report/report-parse-error.js';
import { splitLines } from '../src/ingest/report/source-text.js';
import {
  renderNationalReport,
  type NationalLayout,
} from '../src/synthetic/national/render-national-report.js';

const FILE = 'reports/national.txt';

function generated(layout: Partial<NationalLayout> = {}) {
  return renderNationalReport({
    seed: 3,
    departmentName: '示例市东湖示范区财政局',
    year: 2022,
    layout: { headings: 0, budgetForm: 'PROSE', ...layout },
  });
}

const parse = (text: string) => parseNationalReport(FILE, splitLines(text));

/** The ReportParseError a parse raises (fails the test when it raises none). */
function refusal(text: string): ReportParseError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ReportParseError) return error;
    throw error;
  }
  throw new Error('the report was not refused');
}

/** The text with the finance section's body replaced. */
function withFinance(text: string, body: string): string {
  return text.replace(
    /二、部门整体支出情况[\s\S]*?(?=\f?三、绩效自评情况)/,
    `二、部门整体支出情况\n${body}\n`,
  );
}

describe('a national report', () => {
  const { text } = generated();
  const doc = parse(text);

  it('has no 履职效能 / 管理效率 parts: they are null, not invented', () => {
    expect(doc.score.duty).toBeNull();
    expect(doc.score.management).toBeNull();
  });

  it('says so in a template.missing_part note, as it does for the missing 表1 key tasks', () => {
    const missing = doc.notes.filter((n) => n.check === 'template.missing_part');
    expect(missing.map((n) => n.severity)).toEqual(['WARNING', 'WARNING']);
    expect(missing[0]!.message).toContain('履职效能/管理效率');
    expect(missing[1]!.message).toContain('重点工作任务');
    expect(doc.keyTasks).toEqual([]);
  });

  it('counts points lost on 投入 and 过程 as MANAGEMENT, on 产出 and 效果 as DUTY', () => {
    const levels = new Map(doc.managementScores.map((r) => [`${r.level2}/${r.level3}`, r.level1]));
    for (const d of doc.deductions) {
      const level1 = levels.get(`${d.level2}/${d.item}`);
      expect(d.part).toBe(level1 === '产出' || level1 === '效果' ? 'DUTY' : 'MANAGEMENT');
      expect(d.source === 'TABLE' || d.source === 'BOTH').toBe(true);
    }
  });

  it('reconciles with no finding beyond its notes: sums, shares, score table and deductions agree', () => {
    expect(reconcile(doc)).toEqual(doc.notes);
  });

  it('keeps stages its expenditure table does not give null, and notes the missing initial budget', () => {
    const twoStages = parse(generated({ budgetForm: 'TABLE_TWO_STAGES' }).text);
    for (const stages of Object.values(twoStages.byNature)) {
      expect(stages.initialBudget).toBeNull();
      expect(stages.fullYearBudget).not.toBeNull();
      expect(stages.final).not.toBeNull();
    }
    const notFound = twoStages.notes.filter((n) => n.check === 'template.part_not_found');
    expect(notFound.map((n) => n.message)).toEqual([expect.stringContaining('年初预算数')]);
  });

  it('notes a missing problems section and stores no problems', () => {
    const without = text.replace(/\f?四、存在的问题\n[\s\S]*?(?=\f?五、改进措施)/, '');
    const parsed = parse(without);
    expect(parsed.problems).toEqual([]);
    expect(parsed.notes.map((n) => n.message)).toContainEqual(
      expect.stringContaining('存在的问题'),
    );
  });

  it('reads problems enumerated （一）（二） as items, not as sub-headings', () => {
    const enumerated = text.replace(
      /(四、存在的问题\n)[\s\S]*?(?=\f?五、改进措施)/,
      '$1（一）预算执行进度偏慢。\n（二）绩效目标设置不够科学。\n',
    );
    expect(parse(enumerated).problems).toEqual(['预算执行进度偏慢', '绩效目标设置不够科学']);
  });
});

describe('a national report is refused', () => {
  const { text } = generated();

  it('without its budget figures, naming the file and the section', () => {
    const error = refusal(withFinance(text, '本部门严格按照预算批复执行。'));
    expect(error.file).toBe(FILE);
    expect(error.section).toBe('部门整体支出情况');
    const heading = splitLines(withFinance(text, '本部门严格按照预算批复执行。')).find(
      (l) => l.text === '二、部门整体支出情况',
    );
    expect(error.line).toBe(heading!.no);
    expect(error.message).toContain(FILE);
  });

  it('without a section on its expenditure at all', () => {
    const error = refusal(text.replace(/二、部门整体支出情况[\s\S]*?(?=\f?三、绩效自评情况)/, ''));
    expect(error.section).toBe('部门整体支出情况');
  });

  it('with a total it cannot read as a number, naming its line', () => {
    const damaged = withFinance(text, '本部门支出总计1,2x4.00万元。');
    const error = refusal(damaged);
    expect(error.section).toBe('部门整体支出情况');
    expect(splitLines(damaged).find((l) => l.no === error.line)!.text).toContain('1,2x4.00');
  });

  it('without a title naming the department and the year', () => {
    // The title may be broken over two lines.
    const lines = text.split('\n');
    const untitled = ['关于本部门整体支出情况的说明', ...lines.slice(2)].join('\n');
    const error = refusal(untitled);
    expect(error.section).toBe('标题');
    expect(error.file).toBe(FILE);
  });

  it('without any self-score, stated or tabled', () => {
    const report = generated({
      scoreTable: { form: 'ROWS', totalRow: true, rates: false, twoDecimals: false },
    });
    const noScore = report.text
      .replace(/综合自评得分为[\d.]+分/, '综合自评情况良好')
      .replace(/一级指标 二级指标 三级指标 分值 得分/, '');
    expect(refusal(noScore).section).toBe('绩效自评情况');
  });
});
