import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/access/token-store.js';
import { parseGrant } from '../src/access/token-grant.js';
import type { RuleMeasure } from '../src/rules/evidence.js';
import { ATTAINMENT_BANDS, attainmentBand } from '../src/rules/attainment-band.js';
import { ThresholdClusteringDocument, type ThresholdClusteringQuery } from './generated/graphql.js';
import { postAs } from './support/access-server.js';
import {
  editIndicator,
  startSignalServer,
  type SignalDepartment,
} from './support/signal-corpus.js';
import type { ReportDocument } from '../src/ingest/report-document.js';

/**
 * thresholdClustering (docs/domain.md, "Threshold clustering") on the real report (gz-zfw 2023,
 * counted by hand from its 表3) and on a small synthetic corpus of copies of it over 2022-2024:
 * in sector 测试, sig-buncher lands seven of its fifteen evidence measures just above target every
 * year, sig-once only in 2023, three others keep the real report's one; sig-alone bunches every
 * year but is the only department of its sector.
 */

/** Seven of the fifteen evidence measures just above target: rows 3 (册), 4, 9, 10, 11, 12 (two). */
function bunchJustAbove(doc: ReportDocument): void {
  editIndicator(doc, 3, 'actualText', '6000册', '6200册');
  editIndicator(doc, 9, 'actualText', '达100%', '达94%');
  editIndicator(doc, 10, 'actualText', '已达96.71%', '已达93%');
  editIndicator(doc, 11, 'actualText', '达100%', '达93%');
  editIndicator(doc, 12, 'actualText', '95.22%、移送审查95.02%', '92.5%、移送审查93.1%');
}

const CORPUS: SignalDepartment[] = [
  { code: 'sig-buncher', sector: '测试', edit: bunchJustAbove },
  { code: 'sig-once', sector: '测试', edit: (doc, year) => year === 2023 && bunchJustAbove(doc) },
  { code: 'sig-plain-1', sector: '测试' },
  { code: 'sig-plain-2', sector: '测试' },
  { code: 'sig-plain-3', sector: '测试' },
  { code: 'sig-alone', sector: '独立', edit: bunchJustAbove },
];

const ROLES = ['ANALYST', 'DEPARTMENT:sig-buncher', 'DEPARTMENT:sig-alone'] as const;
const query = print(ThresholdClusteringDocument);

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

async function clustering(
  variables: Record<string, unknown>,
  role: (typeof ROLES)[number] = 'ANALYST',
) {
  const answer = await postAs<ThresholdClusteringQuery>(
    server.url,
    tokens[role]!,
    query,
    variables,
  );
  expect(answer.errors).toBeUndefined();
  return { ...answer.data!.thresholdClustering, text: answer.text };
}

const entry = (c: ThresholdClusteringQuery['thresholdClustering'], code: string) =>
  c.departments.find((d) => d.department.code === code)!;

describe('thresholdClustering on the real report (gz-zfw 2023)', () => {
  it('counts 3 of its 15 evidence measures exactly on target: rows 1 (1 次) and 3 (4 期, 6000 册)', async () => {
    const c = await clustering({ departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 });
    const [year] = entry(c, 'gz-zfw').years;
    expect(year).toMatchObject({
      year: 2023,
      measurable: 15,
      exactlyOnTarget: 3,
      exactlyOnTargetShareText: '20.00%',
    });
    expect(c.exactlyOnTarget).toBe(3);
  });

  it('counts 1 just above target: row 4, 66.55 万人 against 65 万人 (102.38 %)', async () => {
    const c = await clustering({ departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 });
    expect(c.justAbove).toBe(1);
    expect(c.justAboveShareText).toBe('6.67%');
    expect(c.onOrJustAboveShareText).toBe('26.67%');
  });

  it('spreads its 15 evidence measures over the bands as docs/domain.md lists their attainments', async () => {
    const c = await clustering({ departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 });
    // 105-120 %: rows 9, 10, 11, 12 (two) and 14 (85 % met with 100 %); 120-200 %: rows 2, 5 and
    // 14 (16 of 10); above 200 %: row 15 (4.21) and row 13 (扣分 at most 5 % met with 0).
    expect(c.bands.map((b) => [b.band, b.count])).toEqual([
      ['BELOW_95', 0],
      ['FROM_95_TO_100', 0],
      ['EXACTLY_100', 3],
      ['JUST_ABOVE', 1],
      ['FROM_105_TO_120', 6],
      ['FROM_120_TO_200', 3],
      ['ABOVE_200', 2],
    ]);
    expect(c.bands.find((b) => b.band === 'JUST_ABOVE')!.range).toBe('(100 %, 105 %]');
  });

  it('names nothing on a single year: bunching is a habit of two years or more', async () => {
    const c = await clustering({ departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 });
    expect(entry(c, 'gz-zfw')).toMatchObject({ bunching: false, bunchingYears: 0, findings: [] });
  });
});

describe('thresholdClustering on a synthetic corpus', () => {
  it('puts every evidence measure in the band the rule gives, counted independently over the stored rows', async () => {
    const rows = await server.db.kysely
      .selectFrom('indicator_measures as m')
      .innerJoin('reports as r', 'r.id', 'm.report_id')
      .select(['r.department_code', 'm.year', 'm.comparator', 'm.target', 'm.actual'])
      .select(['m.direction', 'm.unit_kind', 'm.confidence', 'm.actual_kind'])
      .execute();
    const expected = new Map<string, number[]>();
    for (const row of rows) {
      const band = attainmentBand({
        comparator: row.comparator,
        target: row.target,
        actual: row.actual,
        direction: row.direction,
        unitKind: row.unit_kind,
        confidence: row.confidence,
        actualKind: row.actual_kind,
      } as RuleMeasure);
      if (band === null) continue;
      const key = `${row.department_code}/${row.year}`;
      const counts = expected.get(key) ?? ATTAINMENT_BANDS.map(() => 0);
      counts[ATTAINMENT_BANDS.indexOf(band)]! += 1;
      expected.set(key, counts);
    }
    const full = await postAs<{
      thresholdClustering: {
        departments: {
          department: { code: string };
          years: { year: number; bands: { count: number }[] }[];
        }[];
      };
    }>(
      server.url,
      tokens.ANALYST!,
      '{ thresholdClustering(fromYear: 2022, toYear: 2024, first: 500) { departments { department { code } years { year bands { count } } } } }',
    );
    const answered = new Map(
      full.data!.thresholdClustering.departments.flatMap((d) =>
        d.years.map((y) => [`${d.department.code}/${y.year}`, y.bands.map((b) => b.count)]),
      ),
    );
    expect(Object.fromEntries(answered)).toEqual(Object.fromEntries(expected));
  });

  it('names a department whose results bunch just above target in two or more years, first', async () => {
    const c = await clustering({ fromYear: 2022, toYear: 2024 });
    expect(c.departments[0]!.department.code).toBe('sig-buncher');
    expect(entry(c, 'sig-buncher')).toMatchObject({ bunching: true, bunchingYears: 3 });
    expect(entry(c, 'sig-buncher').years.map((y) => [y.year, y.justAbove, y.bunches])).toEqual([
      [2022, 7, true],
      [2023, 7, true],
      [2024, 7, true],
    ]);
  });

  it('lists each just-above measure of its bunching years as a finding, with its attainment', async () => {
    const c = await clustering({ departments: ['sig-buncher'], fromYear: 2022, toYear: 2024 });
    const findings = entry(c, 'sig-buncher').findings;
    expect(findings).toHaveLength(21);
    expect(
      findings
        .filter((f) => f.year === 2022)
        .map((f) => [f.indicator.seq, f.measureIndex, f.attainmentText]),
    ).toEqual([
      [3, 1, '103.33%'],
      [4, 0, '102.38%'],
      [9, 0, '104.44%'],
      [10, 0, '103.33%'],
      [11, 0, '103.33%'],
      [12, 0, '102.78%'],
      [12, 1, '103.44%'],
    ]);
    expect(findings.every((f) => f.rule === 'JUST_ABOVE_BUNCHING')).toBe(true);
  });

  it('explains a finding: the numbers the rule used, its thresholds and the row it rests on', async () => {
    const c = await clustering({ departments: ['sig-buncher'], fromYear: 2022, toYear: 2024 });
    const row4 = entry(c, 'sig-buncher').findings.find(
      (f) => f.year === 2023 && f.indicator.seq === 4,
    )!;
    expect(row4).toMatchObject({
      target: 650_000,
      actual: 665_500,
      unit: '人',
      measurable: 15,
      justAbove: 7,
      justAboveShareText: '46.67%',
      // The sector's median share: sig-buncher and sig-once 7 of 15, the three others 1 of 15.
      sectorMedian: 1 / 15,
      sectorMedianText: '6.67%',
      justAboveMax: 1.05,
      minShare: 0.25,
      minYears: 2,
      source: { file: 'signal/sig-buncher-2023.txt', line: 566 },
    });
    expect(row4.source!.text).toContain('群防共治人员数量');
    expect(row4.explanation).toBe(
      '2023年 15 项可计量指标中有 7 项（46.67%）完成比落在刚超目标区间 (100 %, 105 %]，不低于阈值 25.00%，' +
        '且高于同领域中位数 6.67%；该部门在所查年度中有 3 年如此（阈值 2 年）。' +
        '本项目标 650,000 人，实际 665,500 人，完成比 102.38%。',
    );
  });

  it('does not name a department that bunches in one year only', async () => {
    const c = await clustering({ departments: ['sig-once'], fromYear: 2022, toYear: 2024 });
    const once = entry(c, 'sig-once');
    expect(once.years.map((y) => [y.year, y.bunches])).toEqual([
      [2022, false],
      [2023, true],
      [2024, false],
    ]);
    expect(once).toMatchObject({ bunching: false, bunchingYears: 1, findings: [] });
  });

  it('compares a department with its own sector only: alone in it, it is never above it', async () => {
    const c = await clustering({ sector: '独立', fromYear: 2022, toYear: 2024 });
    expect(c.departments.map((d) => d.department.code)).toEqual(['sig-alone']);
    const alone = entry(c, 'sig-alone');
    expect(alone.years.every((y) => y.justAbove === 7 && !y.aboveSector)).toBe(true);
    expect(alone.years[0]!.sectorJustAbove).toEqual({
      departments: 1,
      tooSmall: true,
      median: 7 / 15,
    });
    expect(alone.bunching).toBe(false);
  });

  it('bounds the departments returned by first, named ones kept, and refuses a first out of range', async () => {
    const c = await clustering({ fromYear: 2022, toYear: 2024, first: 1 });
    expect(c.departments.map((d) => d.department.code)).toEqual(['sig-buncher']);
    expect(c.departmentCount).toBe(7);
    const refused = await postAs(server.url, tokens.ANALYST!, query, { first: 501 });
    expect(refused.errors?.[0]?.message).toBe('first must be between 1 and 500, got 501');
  });
});

describe('thresholdClustering for a DEPARTMENT token', () => {
  it('returns its own department only and names no other department', async () => {
    const c = await clustering({ fromYear: 2022, toYear: 2024 }, 'DEPARTMENT:sig-buncher');
    expect(c.departments.map((d) => d.department.code)).toEqual(['sig-buncher']);
    for (const other of CORPUS.filter((d) => d.code !== 'sig-buncher'))
      expect(c.text).not.toContain(other.code);
    expect(c.text).not.toContain('gz-zfw');
    expect(c.text).not.toMatch(/信号测试部门0[2-6]|政法委员会/);
  });

  it('sees its sector’s quartiles over five departments, and none over fewer', async () => {
    const own = await clustering({ fromYear: 2023, toYear: 2023 }, 'DEPARTMENT:sig-buncher');
    expect(own.departments[0]!.years[0]!.sectorJustAbove).toEqual({
      departments: 5,
      tooSmall: false,
      median: 1 / 15,
    });
    const alone = await clustering({ fromYear: 2023, toYear: 2023 }, 'DEPARTMENT:sig-alone');
    expect(alone.departments[0]!.years[0]!.sectorJustAbove).toEqual({
      departments: 1,
      tooSmall: true,
      median: null,
    });
  });

  it('is refused another department by name', async () => {
    const answer = await postAs(server.url, tokens['DEPARTMENT:sig-buncher']!, query, {
      departments: ['sig-once'],
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.data).toBeNull();
  });
});
