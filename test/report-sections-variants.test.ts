import { describe, expect, it } from 'vitest';
import { parseBudgetProse } from '../src/ingest/report/parse-budget-prose.js';
import { findExpenditureTable } from '../src/ingest/report/parse-expenditure-table.js';
import { findSections, sectionNotes } from '../src/ingest/report/report-sections.js';
import { breakRunOnLines } from '../src/ingest/report/run-on-lines.js';
import { splitLines, type SourceLine } from '../src/ingest/report/source-text.js';
import { realReportLines } from './support/real-report.js';

/** Heading line numbers by section, of a text's sections. */
function headingLines(text: string): Record<string, number> {
  const { sections } = findSections('t.txt', splitLines(text));
  return Object.fromEntries(Object.entries(sections).map(([id, s]) => [id, s.heading.no]));
}

/** The essential sections and a closing one, as a body that findSections accepts. */
const ESSENTIALS =
  '（四）部门整体收支情况\n收支正文\n（一）自评结论\n结论正文\n三、存在的主要问题\n问题正文';

describe('headings in other forms', () => {
  it('reads half-width numbering: (一), 一., 1. and 1、', () => {
    const text = [
      '(一)部门职能', // 1
      '职能正文',
      '一.部门整体收支情况', // 3
      '收支正文',
      '1.自评结论', // 5
      '结论正文',
      '2、履职效能分析.指标分值50分,得分49分', // 7
      '三.存在的主要问题', // 8
      '问题正文',
    ].join('\n');
    expect(headingLines(text)).toEqual({
      duties: 1,
      finance: 3,
      conclusion: 5,
      dutyAnalysis: 7,
      problems: 8,
    });
  });

  it('keeps the prose after a half-width full stop on the heading line', () => {
    const { sections } = findSections(
      't.txt',
      splitLines(`${ESSENTIALS}\n(二)履职效能分析.指标分值50分`),
    );
    expect(sections.dutyAnalysis?.headingRest).toBe('指标分值50分');
  });

  it.each([
    ['部门（单位）基本情况', 'overview'],
    ['部门概况', 'overview'],
    ['单位基本情况', 'overview'],
    ['基本情况', 'overview'],
    ['绩效自评工作开展情况', 'evaluation'],
    ['自评工作情况', 'evaluation'],
    ['自评得分情况', 'conclusion'],
  ])('finds "%s" as %s', (heading, id) => {
    const text =
      id === 'conclusion'
        ? `一、${heading}\n综合自评得分 96.97分\n（四）部门整体收支情况\n正文\n三、存在的主要问题\n正文`
        : `一、${heading}\n正文\n${ESSENTIALS}`;
    expect(headingLines(text)[id]).toBe(1);
  });

  it('passes over a broad name on a parent heading for one with text under it', () => {
    const text = `一、部门基本情况\n（一）部门职能\n职能正文\n（二）部门概况\n概况正文\n${ESSENTIALS}`;
    expect(headingLines(text)).toMatchObject({ duties: 2, overview: 4 });
  });

  it('prefers the template name to a broad one', () => {
    const text = `一、部门基本情况\n（一）年度总体工作和重点工作任务\n正文\n${ESSENTIALS}`;
    expect(headingLines(text).overview).toBe(2);
  });
});

describe('sections in another order', () => {
  it('finds the score first', () => {
    const text = `一、自评得分情况\n综合自评得分 90分\n二、部门基本情况\n（一）部门整体收支情况\n正文\n三、存在的主要问题\n正文`;
    const { sections } = findSections('t.txt', splitLines(text));
    expect(sections.conclusion?.heading.no).toBe(1);
    expect(sections.conclusion?.lines.map((l) => l.text)).toEqual(['综合自评得分 90分']);
  });

  it('finds problems and improvements before the analysis, each ending at the next heading', () => {
    const text = [
      '（四）部门整体收支情况',
      '正文',
      '三、存在的主要问题',
      '问题正文',
      '四、下一步改进措施',
      '措施正文',
      '（一）自评结论',
      '结论正文',
      '（二）履职效能分析',
      '分析正文',
    ].join('\n');
    const { sections } = findSections('t.txt', splitLines(text));
    expect(sections.problems?.lines.map((l) => l.text)).toEqual(['问题正文']);
    expect(sections.improvements?.lines.map((l) => l.text)).toEqual(['措施正文']);
    expect(sections.dutyAnalysis?.heading.no).toBe(9);
  });
});

describe('headings the template does not know', () => {
  it('keep their text and end the section before them', () => {
    const text = `${ESSENTIALS}\n四、下一步改进措施\n措施正文\n五、其他需要说明的情况\n说明正文`;
    const located = findSections('t.txt', splitLines(text));
    expect(located.sections.improvements?.lines.map((l) => l.text)).toEqual(['措施正文']);
    expect(located.others.map((o) => [o.heading.text, o.lines.map((l) => l.text)])).toEqual([
      ['五、其他需要说明的情况', ['说明正文']],
    ]);
  });

  it('stay inside a section when they sit deeper than its heading', () => {
    const text = `二、部门整体收支情况\n（一）预算收入情况\n收入正文\n（一）自评结论\n结论\n三、存在的主要问题\n正文`;
    const { sections, others } = findSections('t.txt', splitLines(text));
    expect(sections.finance?.lines.map((l) => l.text)).toEqual(['（一）预算收入情况', '收入正文']);
    expect(others).toEqual([]);
  });

  it('are not taken from the cells of a table', () => {
    const located = findSections('real.txt', realReportLines());
    expect(located.others).toEqual([]);
    expect(located.sections.overview?.lines.some((l) => l.text.startsWith('一、通过开展'))).toBe(
      true,
    );
  });
});

describe('missing sections', () => {
  it('that are not essential are listed and noted as WARNINGs naming them in Chinese', () => {
    const located = findSections('t.txt', splitLines(ESSENTIALS));
    expect(located.missing.map((r) => r.id)).toEqual([
      'overview',
      'dutyAnalysis',
      'managementAnalysis',
      'improvements',
    ]);
    const notes = sectionNotes(located);
    expect(notes).toHaveLength(4);
    expect(notes[3]).toMatchObject({ check: 'section.missing', severity: 'WARNING' });
    expect(notes[3]!.message).toContain('下一步改进措施');
  });

  it('that are essential refuse the report with file, section and line', () => {
    const text = '（一）部门职能\n正文\n（一）自评结论\n正文\n三、存在的主要问题\n正文';
    expect(() => findSections('nofinance.txt', splitLines(text))).toThrowError(
      'nofinance.txt:1: [部门整体收支情况] section "部门整体收支情况" not found after "部门职能"',
    );
  });

  it('at the end, without any closing section, mean a truncated file and refuse it', () => {
    const text =
      '（四）部门整体收支情况\n正文\n（一）自评结论\n正文\n（二）履职效能分析\n表 3 …\n1 指标';
    expect(() => findSections('cut.txt', splitLines(text))).toThrowError(
      'cut.txt:5: [管理效率分析] section "管理效率分析" not found after "履职效能分析"',
    );
  });

  it('all of them: the first section that is not optional is named', () => {
    expect(() => findSections('bare.txt', splitLines('正文'))).toThrowError(
      'bare.txt:1: [年度总体工作和重点工作任务] section "年度总体工作和重点工作任务" not found',
    );
  });

  it('start at their table caption when only the heading is missing, with a note', () => {
    const lines = realReportLines().filter((l) => l.no !== 746);
    const located = findSections('real.txt', lines);
    const management = located.sections.managementAnalysis!;
    expect(management).toMatchObject({ foundBy: 'table', heading: { no: 759 } });
    expect(management.lines[0]!.no).toBe(759);
    expect(located.sections.dutyAnalysis!.lines.at(-1)!.no).toBeLessThan(759);
    expect(sectionNotes(located).map((n) => n.message)).toEqual([
      expect.stringContaining('管理效率分析'),
    ]);
  });
});

describe('a report on a few long lines', () => {
  /** The real report's lines joined into one line per `size` lines, without separators. */
  function runOn(size: number): SourceLine[] {
    const lines = realReportLines();
    const out: SourceLine[] = [];
    for (let k = 0; k < lines.length; k += size) {
      const chunk = lines.slice(k, k + size);
      out.push({ ...chunk[0]!, text: chunk.map((l) => l.text).join('') });
    }
    return out;
  }

  it('has its headings found where they sit inside the lines', () => {
    const lines = runOn(200);
    expect(lines.length).toBeLessThanOrEqual(4);
    const { sections } = findSections('t.txt', breakRunOnLines(lines.slice(0)).slice(1));
    expect(Object.keys(sections)).toEqual([
      'duties',
      'overview',
      'goals',
      'finance',
      'performanceManagement',
      'evaluation',
      'conclusion',
      'dutyAnalysis',
      'managementAnalysis',
      'problems',
      'improvements',
    ]);
    expect(sections.dutyAnalysis?.heading.text).toBe('（二）履职效能分析');
  });

  it('yields the same budget figures from the prose of 收支情况', () => {
    const prose = (lines: readonly SourceLine[]) => {
      const finance = findSections('t.txt', lines).sections.finance!.lines;
      const at = findExpenditureTable(finance);
      return parseBudgetProse('t.txt', at < 0 ? finance : finance.slice(0, at)).statedFigures.map(
        (f) => [f.name, f.value],
      );
    };
    const real = prose(realReportLines().slice(2));
    expect(real.length).toBeGreaterThan(8);
    expect(prose(breakRunOnLines(runOn(200)).slice(1))).toEqual(real);
  });

  it('leaves ordinary lines as they are', () => {
    const lines = realReportLines();
    expect(breakRunOnLines(lines)).toEqual(lines);
  });
});
