import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/access/token-store.js';
import { parseGrant } from '../src/access/token-grant.js';
import type { ReportDocument } from '../src/ingest/report-document.js';
import type { RatchetMeasure } from '../src/rules/ratchet.js';
import { targetAmbition } from '../src/rules/target-ambition.js';
import { TargetAmbitionDocument, type TargetAmbitionQuery } from './generated/graphql.js';
import { postAs } from './support/access-server.js';
import {
  editIndicator,
  startSignalServer,
  type SignalDepartment,
} from './support/signal-corpus.js';

/**
 * targetAmbition (docs/domain.md, "Target ambition") on the real report (gz-zfw 2023, which has
 * no 2022 report to compare with) and on a small synthetic corpus of copies of it over
 * 2022-2024: in sector 测试, sig-keeper keeps the real report's targets every year although its
 * actuals beat them, and four departments raise theirs from 2023 to what was achieved; in
 * sector 独立, sig-lone keeps its targets too but has no peers that raise theirs.
 */

/** From 2023, targets raised to (or just above) the real report's actuals, rows 2-15. */
function raiseTargets(doc: ReportDocument, year: number): void {
  if (year < 2023) return;
  editIndicator(doc, 2, 'targetText', '超过170万人', '超过211万人');
  editIndicator(doc, 4, 'targetText', '65万人以上', '67万人以上');
  editIndicator(doc, 5, 'targetText', '综治中心10个', '综治中心12个');
  editIndicator(doc, 9, 'targetText', '处置率达90%', '处置率达100%');
  editIndicator(doc, 10, 'targetText', '不低于90%', '不低于97%');
  editIndicator(doc, 11, 'targetText', '案件达90%', '案件达100%');
  editIndicator(doc, 14, 'targetText', '对10个及以上镇街', '对16个及以上镇街');
  editIndicator(doc, 15, 'targetText', '低于20%', '低于4%');
}

const CORPUS: SignalDepartment[] = [
  { code: 'sig-keeper', sector: '测试' },
  ...[1, 2, 3, 4].map((n) => ({ code: `sig-raiser-${n}`, sector: '测试', edit: raiseTargets })),
  { code: 'sig-lone', sector: '独立' },
];

const ROLES = ['ANALYST', 'DEPARTMENT:sig-keeper', 'DEPARTMENT:sig-lone'] as const;
const query = print(TargetAmbitionDocument);

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

async function ambition(
  variables: Record<string, unknown>,
  role: (typeof ROLES)[number] = 'ANALYST',
) {
  const answer = await postAs<TargetAmbitionQuery>(server.url, tokens[role]!, query, variables);
  expect(answer.errors).toBeUndefined();
  return { ...answer.data!.targetAmbition, text: answer.text };
}

const entry = (a: TargetAmbitionQuery['targetAmbition'], code: string) =>
  a.departments.find((d) => d.department.code === code)!;

describe('targetAmbition on the real report (gz-zfw 2023)', () => {
  it('has nothing to compare: there is no 2022 report, so no series and no finding', async () => {
    const a = await ambition({ departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 });
    expect(entry(a, 'gz-zfw')).toMatchObject({
      namedYears: 0,
      years: [
        { year: 2023, hasPreviousYear: false, series: 0, medianAmbition: null, named: false },
      ],
      steps: [],
      findings: [],
    });
  });
});

describe('targetAmbition on a synthetic corpus', () => {
  it('computes every step as the rule does over the stored pairs of measures', async () => {
    const a = await ambition({ fromYear: 2022, toYear: 2024, first: 500 });
    const measures = await server.db.kysely
      .selectFrom('indicator_measures as m')
      .innerJoin('reports as r', 'r.id', 'm.report_id')
      .select(['r.department_code', 'm.year', 'm.seq', 'm.measure_index', 'm.comparator'])
      .select(['m.target', 'm.actual', 'm.unit', 'm.unit_kind', 'm.direction', 'm.confidence'])
      .select('m.actual_kind')
      .execute();
    const links = await server.db.kysely
      .selectFrom('measure_links as l')
      .innerJoin('reports as r', 'r.id', 'l.report_id')
      .select(['r.department_code', 'l.year', 'l.seq', 'l.measure_index'])
      .select(['l.previous_seq', 'l.previous_measure_index'])
      .execute();
    const key = (code: string, year: number, seq: number, index: number) =>
      `${code}/${year}/${seq}/${index}`;
    const asRule = (m: (typeof measures)[number]): RatchetMeasure =>
      ({
        comparator: m.comparator,
        target: m.target,
        actual: m.actual,
        unit: m.unit,
        unitKind: m.unit_kind,
        direction: m.direction,
        confidence: m.confidence,
        actualKind: m.actual_kind,
      }) as RatchetMeasure;
    const byKey = new Map(
      measures.map((m) => [key(m.department_code, m.year, m.seq, m.measure_index), m]),
    );
    const expected = links
      .map((l) => {
        const now = byKey.get(key(l.department_code, l.year, l.seq, l.measure_index))!;
        const before = byKey.get(
          key(l.department_code, l.year - 1, l.previous_seq, l.previous_measure_index),
        )!;
        return [
          key(l.department_code, l.year, l.seq, l.measure_index),
          targetAmbition(asRule(before), asRule(now)),
        ];
      })
      .filter(([, value]) => value !== null)
      .sort();
    const answered = a.departments
      .flatMap((d) =>
        d.steps.map((s) => [
          key(d.department.code, s.year, s.indicator.seq, s.measureIndex),
          s.ambition,
        ]),
      )
      .sort();
    expect(answered).toEqual(expected);
  });

  it('follows each indicator series: this year’s target against last year’s actual, with last year’s row', async () => {
    const a = await ambition({ departments: ['sig-keeper'], fromYear: 2023, toYear: 2023 });
    const fans = entry(a, 'sig-keeper').steps.find((s) => s.indicator.seq === 2)!;
    expect(fans).toMatchObject({
      year: 2023,
      target: 1_700_000,
      targetText: '1,700,000 人',
      ambitionText: '80.58%',
      belowAchieved: true,
      previous: {
        year: 2022,
        target: 1_700_000,
        actual: 2_109_600,
        actualText: '2,109,600 人',
        matchedBy: "same key '新媒体宣传影响力提升'",
      },
    });
    expect(fans.ambition).toBeCloseTo(1_700_000 / 2_109_600, 12);
  });

  it('mirrors lower-better series: last year’s actual over this year’s cap', async () => {
    const a = await ambition({ departments: ['sig-keeper'], fromYear: 2023, toYear: 2023 });
    const consultations = entry(a, 'sig-keeper').steps.find((s) => s.indicator.seq === 15)!;
    expect(consultations).toMatchObject({ direction: 'LOWER_BETTER', target: 0.2 });
    expect(consultations.ambition).toBeCloseTo(0.0475 / 0.2, 12);
  });

  it('names a department whose median stays below 1 while its sector’s is at least 1, in each such year', async () => {
    const a = await ambition({ fromYear: 2022, toYear: 2024 });
    expect(a.departments[0]!.department.code).toBe('sig-keeper');
    const keeper = entry(a, 'sig-keeper');
    expect(
      keeper.years.map((y) => [y.year, y.series, y.belowAchieved, y.medianAmbitionText, y.named]),
    ).toEqual([
      [2022, 0, 0, null, false],
      [2023, 15, 12, '90.00%', true],
      [2024, 15, 12, '90.00%', true],
    ]);
    expect(keeper.years[1]!.sector).toEqual({ departments: 5, tooSmall: false, median: 1 });
    expect(keeper.namedYears).toBe(2);
  });

  it('lists the targets below last year’s actual of its named years as findings', async () => {
    const a = await ambition({ departments: ['sig-keeper'], fromYear: 2022, toYear: 2024 });
    const findings = entry(a, 'sig-keeper').findings;
    expect(findings).toHaveLength(24);
    expect(findings.every((f) => f.rule === 'TARGET_BELOW_ACHIEVED' && f.ambition < 1)).toBe(true);
    // Rows 1 and 3 (once, 4 期 and 6000 册) met their targets exactly: kept, not below.
    expect(findings.some((f) => f.indicator.seq === 1 || f.indicator.seq === 3)).toBe(false);
  });

  it('explains a finding: both years’ numbers, the medians, its threshold and both rows’ sources', async () => {
    const a = await ambition({ departments: ['sig-keeper'], fromYear: 2024, toYear: 2024 });
    const fans = entry(a, 'sig-keeper').findings.find((f) => f.indicator.seq === 2)!;
    expect(fans).toMatchObject({
      year: 2024,
      series: 15,
      medianAmbitionText: '90.00%',
      sectorMedian: 1,
      sectorMedianText: '100.00%',
      threshold: 1,
      minSeries: 3,
      source: { file: 'signal/sig-keeper-2024.txt', line: 543 },
      previous: {
        year: 2023,
        actual: 2_109_600,
        indicator: { seq: 2, name: '新媒体宣传影响力提升' },
        source: { file: 'signal/sig-keeper-2023.txt', line: 543 },
      },
    });
    expect(fans.explanation).toBe(
      '2024年目标 1,700,000 人 低于 2023年实际 2,109,600 人（目标/上年实际 80.58%）。' +
        '该部门当年 15 个可比指标序列的中位数为 90.00%，低于 100.00%，而同领域中位数为 100.00%：' +
        '同类部门提高了目标，该部门的目标仍低于已达到的水平。',
    );
  });

  it('does not name departments that raised their targets to what they achieved', async () => {
    const a = await ambition({ sector: '测试', fromYear: 2022, toYear: 2024 });
    const raiser = entry(a, 'sig-raiser-1');
    expect(raiser.years.map((y) => [y.year, y.medianAmbitionText, y.named])).toEqual([
      [2022, null, false],
      [2023, '100.00%', false],
      [2024, '100.00%', false],
    ]);
    expect(raiser.findings).toEqual([]);
  });

  it('does not name a department whose sector does not raise its targets either', async () => {
    const a = await ambition({ sector: '独立', fromYear: 2022, toYear: 2024 });
    const lone = entry(a, 'sig-lone');
    expect(lone.years[1]).toMatchObject({ medianAmbitionText: '90.00%', named: false });
    expect(lone).toMatchObject({ namedYears: 0, findings: [] });
  });
});

describe('targetAmbition for a DEPARTMENT token', () => {
  it('returns its own department only and names no other department', async () => {
    const a = await ambition({ fromYear: 2022, toYear: 2024 }, 'DEPARTMENT:sig-keeper');
    expect(a.departments.map((d) => d.department.code)).toEqual(['sig-keeper']);
    for (const other of CORPUS.filter((d) => d.code !== 'sig-keeper'))
      expect(a.text).not.toContain(other.code);
    expect(a.text).not.toContain('gz-zfw');
    expect(a.text).not.toMatch(/信号测试部门0[2-6]|政法委员会/);
  });

  it('sees its sector’s median over five departments, and none over fewer', async () => {
    const own = await ambition({ fromYear: 2023, toYear: 2023 }, 'DEPARTMENT:sig-keeper');
    expect(own.departments[0]!.years[0]!.sector.median).toBe(1);
    expect(own.departments[0]!.findings[0]!.sectorMedian).toBe(1);
    const lone = await ambition({ fromYear: 2023, toYear: 2023 }, 'DEPARTMENT:sig-lone');
    expect(lone.departments[0]!.years[0]!.sector).toEqual({
      departments: 1,
      tooSmall: true,
      median: null,
    });
  });
});
