import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/access/token-store.js';
import { parseGrant } from '../src/access/token-grant.js';
import { withCopiedReason } from '../src/analytics/copied-actuals.js';
import type { ReportDocument } from '../src/ingest/report-document.js';
import { copiedActual } from '../src/rules/copied-actual.js';
import { copiedCounts, copiedRowsTruth, copiedTruth } from '../src/synthetic/copied-truth.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import { generateDepartments, generateReports } from '../src/synthetic/generate-corpus.js';
import { CopiedActualsDocument, type CopiedActualsQuery } from './generated/graphql.js';
import { postAs } from './support/access-server.js';
import { startSignalServer, type SignalDepartment } from './support/signal-corpus.js';

/**
 * copiedActuals (docs/domain.md, "Copied actuals") on the real report (gz-zfw 2023, none of
 * whose actuals restate their targets) and on a small synthetic corpus of copies of it over
 * 2022-2024: in sector 测试, sig-copier has four of its fifteen actuals restate their targets
 * every year, sig-rising none in 2022, two in 2023 and four in 2024, three others none; in
 * sector 独立, sig-alone copies four every year but has no peers.
 */

function setActual(doc: ReportDocument, seq: number, text: string): void {
  doc.indicators.find((i) => i.seq === seq)!.actualText = text;
}

/** Rows 1 (its target again), 3 (完成), 5 (达到预期。) and 9 (已完成年度目标任务); row 10 keeps a figure. */
function copyFour(doc: ReportDocument): void {
  copyTwo(doc);
  setActual(doc, 5, '达到预期。');
  setActual(doc, 9, '已完成年度目标任务');
  setActual(doc, 10, '完成 96.71%');
}

function copyTwo(doc: ReportDocument): void {
  setActual(doc, 1, doc.indicators.find((i) => i.seq === 1)!.targetText);
  setActual(doc, 3, '完成');
}

const CORPUS: SignalDepartment[] = [
  { code: 'sig-copier', sector: '测试', edit: copyFour },
  {
    code: 'sig-rising',
    sector: '测试',
    edit: (doc, year) => (year === 2023 ? copyTwo(doc) : year === 2024 && copyFour(doc)),
  },
  { code: 'sig-plain-1', sector: '测试' },
  { code: 'sig-plain-2', sector: '测试' },
  { code: 'sig-plain-3', sector: '测试' },
  { code: 'sig-alone', sector: '独立', edit: copyFour },
];

const ROLES = ['ANALYST', 'DEPARTMENT:sig-copier', 'DEPARTMENT:sig-alone'] as const;
const query = print(CopiedActualsDocument);

let server: Awaited<ReturnType<typeof startSignalServer>>;
let tokensDir: string;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  tokensDir = mkdtempSync(join(tmpdir(), 'jixiao-signal-tokens-'));
  const tokensPath = join(tokensDir, 'tokens.json');
  for (const role of ROLES)
    tokens[role] = (await createToken(tokensPath, parseGrant(role), role)).secret;
  server = await startSignalServer(CORPUS, [2022, 2023, 2024], { tokensPath });
});
afterAll(async () => {
  await server.cleanup();
  rmSync(tokensDir, { recursive: true, force: true });
});

async function copied(
  variables: Record<string, unknown>,
  role: (typeof ROLES)[number] = 'ANALYST',
) {
  const answer = await postAs<CopiedActualsQuery>(server.url, tokens[role]!, query, variables);
  expect(answer.errors).toBeUndefined();
  return { ...answer.data!.copiedActuals, text: answer.text };
}

const entry = (c: CopiedActualsQuery['copiedActuals'], code: string) =>
  c.departments.find((d) => d.department.code === code)!;

describe('copiedActuals on the real report (gz-zfw 2023)', () => {
  it('counts none of its 15 key indicators as copied: each actual states a figure or a date', async () => {
    const c = await copied({ departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 });
    expect(entry(c, 'gz-zfw')).toMatchObject({
      namedYears: 0,
      trend: null,
      years: [{ year: 2023, indicators: 15, copied: 0, share: 0, shareText: '0.00%' }],
      rows: [],
      findings: [],
    });
  });
});

describe('copiedActuals: the SQL decides as the rule', () => {
  it('gives every stored row the reason copiedActual gives it', async () => {
    const { rows } = await sql<{
      seq: number;
      target_text: string;
      actual_text: string;
      reason: string | null;
    }>`
      SELECT * FROM (${withCopiedReason(sql`SELECT seq, target_text, actual_text FROM indicators`)})`.execute(
      server.db.kysely,
    );
    expect(rows.length).toBeGreaterThan(200);
    const disagree = rows.filter(
      (r) => r.reason !== (copiedActual(r.target_text, r.actual_text)?.reason ?? null),
    );
    expect(disagree).toEqual([]);
    expect(new Set(rows.map((r) => r.reason))).toEqual(
      new Set([null, 'SAME_TEXT', 'COMPLETION_WORD']),
    );
  });

  it('agrees on texts written to mislead: widths, punctuation, blanks, negations and figures', async () => {
    const pairs: [string, string][] = [
      ['达到95%', '达到９５％'],
      ['“广州政法”超过170万人。', '广州政法 超过170万人'],
      ['≥95%', '95%'],
      ['达到9.5%', '达到95%'],
      ['≥95%', '—'],
      ['—', '—'],
      ['', ''],
      ['≥95%', '未完成'],
      ['≥95%', '完成 98%'],
      ['≥95%', '（已完成）'],
      ['≥95%', '按计划完成。'],
      ['≥95%', '达标.'],
      ['≥95%', '是'],
      ['≥95%', '优秀'],
      ['≥95%', '项目已完成'],
      ['≥95%', '≧95%'],
      ['12月底前', '12月底前。'],
      ['≥95%', "'完成'"],
    ];
    const values = sql.join(pairs.map(([t, a]) => sql`(${t}, ${a})`));
    const { rows } = await sql<{ target_text: string; actual_text: string; reason: string | null }>`
      SELECT * FROM (${withCopiedReason(sql`SELECT * FROM (VALUES ${values}) v(target_text, actual_text)`)})`.execute(
      server.db.kysely,
    );
    expect(rows.map((r) => [r.target_text, r.actual_text, r.reason])).toEqual(
      pairs.map(([t, a]) => [t, a, copiedActual(t, a)?.reason ?? null]),
    );
    expect(rows.filter((r) => r.reason !== null)).toHaveLength(10);
  });
});

describe('copiedActuals on a synthetic corpus', () => {
  it('counts indicators and copied actuals per department-year, with the share as text', async () => {
    const c = await copied({
      departments: ['sig-copier', 'sig-rising'],
      fromYear: 2022,
      toYear: 2024,
    });
    expect(
      entry(c, 'sig-copier').years.map((y) => [y.year, y.indicators, y.copied, y.shareText]),
    ).toEqual([
      [2022, 15, 4, '26.67%'],
      [2023, 15, 4, '26.67%'],
      [2024, 15, 4, '26.67%'],
    ]);
    expect(entry(c, 'sig-rising').years.map((y) => [y.year, y.copied, y.changeText])).toEqual([
      [2022, 0, null],
      [2023, 2, '+13.33 个百分点'],
      [2024, 4, '+13.33 个百分点'],
    ]);
    expect([c.indicators, c.copied]).toEqual([90, 18]);
  });

  it('names a department-year whose share is at least a quarter and above its sector’s median, named departments first', async () => {
    const c = await copied({ fromYear: 2022, toYear: 2024 });
    expect(c.departments[0]!.department.code).toBe('sig-copier');
    expect(entry(c, 'sig-copier').years.map((y) => [y.year, y.named])).toEqual([
      [2022, true],
      [2023, true],
      [2024, true],
    ]);
    // 2023: two of fifteen (13.33 %) is above the sector's median of 0, but below a quarter.
    expect(entry(c, 'sig-rising').years.map((y) => [y.year, y.aboveSector, y.named])).toEqual([
      [2022, false, false],
      [2023, true, false],
      [2024, true, true],
    ]);
    expect(entry(c, 'sig-copier').years[1]!.sector).toEqual({
      departments: 5,
      tooSmall: false,
      median: 0,
    });
  });

  it('lists the copied rows with why each counts and where it was read; an actual with its own figure is not one', async () => {
    const c = await copied({ departments: ['sig-copier'], fromYear: 2023, toYear: 2023 });
    const rows = entry(c, 'sig-copier').rows;
    expect(rows.map((r) => [r.indicator.seq, r.reason, r.family])).toEqual([
      [1, 'SAME_TEXT', null],
      [3, 'COMPLETION_WORD', 'DONE'],
      [5, 'COMPLETION_WORD', 'AS_EXPECTED'],
      [9, 'COMPLETION_WORD', 'DONE'],
    ]);
    expect(rows[1]!.source).toMatchObject({ file: 'signal/sig-copier-2023.txt', line: 557 });
    expect(rows[1]!.source!.text).toContain('期刊发行情况');
  });

  it('explains a finding: the numbers the rule used, its thresholds and the row it rests on', async () => {
    const c = await copied({ departments: ['sig-copier'], fromYear: 2023, toYear: 2023 });
    const row3 = entry(c, 'sig-copier').findings.find((f) => f.indicator.seq === 3)!;
    expect(row3).toMatchObject({
      rule: 'COPIED_ACTUALS',
      year: 2023,
      reason: 'COMPLETION_WORD',
      family: 'DONE',
      indicators: 15,
      copied: 4,
      shareText: '26.67%',
      sectorMedian: 0,
      sectorMedianText: '0.00%',
      sectorDepartments: 5,
      minShare: 0.25,
      minShareText: '25.00%',
      minIndicators: 5,
      source: { file: 'signal/sig-copier-2023.txt', line: 557 },
    });
    expect(row3.explanation).toBe(
      '2023年 15 项关键指标中有 4 项（26.67%）的实际完成值仅复述目标，不低于阈值 25.00%，且高于同领域中位数 0.00%。' +
        '本项（第3行“期刊发行情况”）实际完成值仅写“完成”，没有实际数值：自评未计量完成情况。',
    );
    expect(entry(c, 'sig-copier').findings).toHaveLength(4);
  });

  it('gives the trend as the share’s change per year, against its sector’s median', async () => {
    const c = await copied({
      departments: ['sig-rising', 'sig-copier'],
      fromYear: 2022,
      toYear: 2024,
    });
    expect(entry(c, 'sig-rising')).toMatchObject({
      trendText: '+13.33 个百分点/年',
      sectorTrend: 0,
      sectorTrendText: '0.00 个百分点/年',
    });
    expect(entry(c, 'sig-rising').trend).toBeCloseTo(2 / 15, 12);
    expect(entry(c, 'sig-copier').trend).toBeCloseTo(0, 12);
  });

  it('compares a department with its own sector only: alone in it, it is never above it', async () => {
    const c = await copied({ sector: '独立', fromYear: 2022, toYear: 2024 });
    expect(c.departments.map((d) => d.department.code)).toEqual(['sig-alone']);
    const alone = entry(c, 'sig-alone');
    expect(alone.years.every((y) => y.copied === 4 && !y.aboveSector && !y.named)).toBe(true);
    expect(alone.rows).toHaveLength(12);
    expect(alone.findings).toEqual([]);
  });

  it('bounds the departments returned by first, named ones kept, and refuses a first out of range', async () => {
    const c = await copied({ fromYear: 2022, toYear: 2024, first: 1 });
    expect(c.departments.map((d) => d.department.code)).toEqual(['sig-copier']);
    expect(c.departmentCount).toBe(7);
    const refused = await postAs(server.url, tokens.ANALYST!, query, { first: 501 });
    expect(refused.errors?.[0]?.message).toBe('first must be between 1 and 500, got 501');
  });
});

describe('copiedActuals for a DEPARTMENT token', () => {
  it('returns its own department only and names no other department', async () => {
    const c = await copied({ fromYear: 2022, toYear: 2024 }, 'DEPARTMENT:sig-copier');
    expect(c.departments.map((d) => d.department.code)).toEqual(['sig-copier']);
    for (const other of CORPUS.filter((d) => d.code !== 'sig-copier'))
      expect(c.text).not.toContain(other.code);
    expect(c.text).not.toContain('gz-zfw');
  });

  it('sees its sector’s quartiles and trend over five departments, and neither over fewer', async () => {
    const own = await copied({ fromYear: 2022, toYear: 2024 }, 'DEPARTMENT:sig-copier');
    expect(own.departments[0]!.years[0]!.sector).toEqual({
      departments: 5,
      tooSmall: false,
      median: 0,
    });
    expect(own.departments[0]!.sectorTrend).toBe(0);
    const alone = await copied({ fromYear: 2022, toYear: 2024 }, 'DEPARTMENT:sig-alone');
    expect(alone.departments[0]!.years[0]!.sector).toEqual({
      departments: 1,
      tooSmall: true,
      median: null,
    });
    expect(alone.departments[0]!.sectorTrend).toBeNull();
  });

  it('is refused another department by name', async () => {
    const answer = await postAs(server.url, tokens['DEPARTMENT:sig-copier']!, query, {
      departments: ['sig-rising'],
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.data).toBeNull();
  });
});

describe('copied actuals of the synthetic demo corpus', () => {
  const reports = [...generateReports(DEMO_CORPUS)];

  it('reads every generated row as the generator labelled it: a done text or the target repeated', () => {
    const disagree = reports.flatMap((report) => {
      const labels = copiedRowsTruth(report);
      return report.document.indicators
        .filter((row, i) => (copiedActual(row.targetText, row.actualText) !== null) !== labels[i])
        .map((row) => `${report.document.sourceFile} #${row.seq}`);
    });
    expect(disagree).toEqual([]);
    expect(reports.flatMap(copiedRowsTruth).filter(Boolean).length).toBeGreaterThan(100);
  });

  it('labels a few department-years, a small minority', () => {
    const sectors = new Map(generateDepartments(DEMO_CORPUS).map((d) => [d.code, d.sector ?? '']));
    const labels = copiedTruth(reports.map(copiedCounts), (code) => sectors.get(code)!);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length / reports.length).toBeLessThan(0.1);
  });
});
