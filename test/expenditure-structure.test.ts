import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpenditureStructureDocument } from './generated/graphql.js';
import { fixtureCorpus } from './support/fixture-corpus.js';
import { startFixtureServer } from './support/fixture-database.js';
import { execute } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.cleanup());

const documentOf = (code: string, year: number) =>
  fixtureCorpus().documents.find((d) => d.code === code && d.document.year === year)?.document;

describe('expenditureStructure', () => {
  it('breaks the real report down by nature with shares of final expenditure', async () => {
    const { data } = await execute(server.url, ExpenditureStructureDocument, {
      year: 2023,
      departments: ['gz-zfw'],
      by: 'NATURE',
    });
    const s = data!.expenditureStructure[0]!;
    expect(s.total).toBe(10105.79);
    expect(
      s.parts.map((p) => [p.key, p.label, p.initialBudget, p.fullYearBudget, p.final]),
    ).toEqual([
      ['BASIC', '基本支出', 6777.42, 6759.56, 6756.71],
      ['PERSONNEL', '人员经费', 6373.21, 6226.67, 6225.01],
      ['PUBLIC', '公用经费', 404.21, 532.88, 531.7],
      ['PROJECT', '项目支出', 3505.9, 3432.92, 3349.08],
    ]);
    expect(s.parts[0]!.share).toBeCloseTo(6756.71 / 10105.79, 12);
    expect(s.parts.every((p) => p.shareChange === null)).toBe(true);
  });

  it('reads the real report’s amounts and shares as a person does: 10,105.79 万元, 66.86 %', async () => {
    const { data } = await execute(server.url, ExpenditureStructureDocument, {
      year: 2023,
      departments: ['gz-zfw'],
      by: 'NATURE',
    });
    const s = data!.expenditureStructure[0]!;
    expect(s.totalText).toBe('10,105.79 万元');
    expect(s.parts.map((p) => [p.key, p.finalText, p.shareText, p.shareChangeText])).toEqual([
      ['BASIC', '6,756.71 万元', '66.86%', null],
      ['PERSONNEL', '6,225.01 万元', '61.60%', null],
      ['PUBLIC', '531.70 万元', '5.26%', null],
      ['PROJECT', '3,349.08 万元', '33.14%', null],
    ]);
  });

  it('reads a share’s change in percentage points, rounded half up from the exact change', async () => {
    const { data } = await execute(server.url, ExpenditureStructureDocument, {
      year: 2023,
      by: 'NATURE',
    });
    const parts = data!.expenditureStructure
      .filter((x) => x.department.code.startsWith('fx-'))
      .flatMap((x) => x.parts);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      expect(part.shareChangeText).toMatch(/^([+-]\d+\.\d{2}|0\.00) 个百分点$/);
      expect(
        Math.abs(parseFloat(part.shareChangeText!) - part.shareChange! * 100),
      ).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(parseFloat(part.shareText!) - part.share! * 100)).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
    }
  });

  it('computes each share and its change against the previous year from the amounts', async () => {
    const { data } = await execute(server.url, ExpenditureStructureDocument, {
      year: 2023,
      by: 'NATURE',
    });
    for (const s of data!.expenditureStructure.filter((x) => x.department.code.startsWith('fx-'))) {
      const now = documentOf(s.department.code, 2023)!;
      const before = documentOf(s.department.code, 2022)!;
      for (const part of s.parts) {
        const category = part.key as 'BASIC' | 'PERSONNEL' | 'PUBLIC' | 'PROJECT';
        const share = Number(now.byNature[category].final) / Number(now.byNature.TOTAL.final);
        const previous =
          Number(before.byNature[category].final) / Number(before.byNature.TOTAL.final);
        expect(part.share).toBeCloseTo(share, 12);
        expect(part.shareChange).toBeCloseTo(share - previous, 12);
      }
    }
  });

  it('has no share change after a missing year', async () => {
    const { data } = await execute(server.url, ExpenditureStructureDocument, {
      year: 2022,
      departments: ['fx-b'],
      by: 'NATURE',
    });
    expect(data!.expenditureStructure[0]!.parts.map((p) => p.shareChange)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('breaks expenditure down by functional class with class codes', async () => {
    const { data } = await execute(server.url, ExpenditureStructureDocument, {
      year: 2023,
      departments: ['gz-zfw'],
      by: 'FUNCTION_CLASS',
    });
    const parts = data!.expenditureStructure[0]!.parts;
    expect(parts.map((p) => [p.key, p.label, p.final])).toEqual([
      ['201', '一般公共服务', 5438.96],
      ['204', '公共安全', 202.01],
      ['206', '科学技术', 1590.91],
      ['208', '社会保障和就业', 931.91],
      ['210', '卫生健康', 27.37],
      ['221', '住房保障', 1914.64],
    ]);
    expect(parts[0]!.share).toBeCloseTo(5438.96 / 10105.79, 12);
    expect(parts[0]!.initialBudget).toBeNull();
  });

  it('names each component’s parent, so that the top-level shares add up to 1 for every department', async () => {
    const { data } = await execute(server.url, ExpenditureStructureDocument, {
      year: 2023,
      by: 'NATURE',
    });
    const structures = data!.expenditureStructure;
    expect(structures.length).toBeGreaterThan(1);
    for (const s of structures) {
      expect(s.parts.filter((p) => !p.topLevel).map((p) => [p.key, p.parent])).toEqual([
        ['PERSONNEL', 'BASIC'],
        ['PUBLIC', 'BASIC'],
      ]);
      const topLevel = s.parts.filter((p) => p.topLevel).reduce((sum, p) => sum + p.share!, 0);
      expect(topLevel).toBeCloseTo(1, 9);
    }
  });
});
