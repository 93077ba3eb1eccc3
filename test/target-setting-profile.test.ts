import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/access/token-store.js';
import { parseGrant } from '../src/access/token-grant.js';
import type { ReportDocument } from '../src/ingest/report-document.js';
import {
  compositeScore,
  PROFILE_COMPONENTS,
  type ComponentScores,
} from '../src/rules/profile-weights.js';
import {
  CopiedActualsDocument,
  LowTargetRiskDocument,
  TargetAmbitionDocument,
  TargetSettingProfileDocument,
  ThresholdClusteringDocument,
  type TargetSettingProfileQuery,
} from './generated/graphql.js';
import { postAs } from './support/access-server.js';
import {
  editIndicator,
  startSignalServer,
  type SignalDepartment,
} from './support/signal-corpus.js';

/**
 * targetSettingProfile (docs/domain.md, "Target-setting profile") on the real report (gz-zfw
 * 2023, alone in its sector 政法 here) and on a small synthetic corpus of copies of it over
 * 2022-2024: in sector 测试, sig-planted has three signals planted (four measures just above
 * target, three actuals that restate their targets), sig-copier answers rows 1-12 with a bare
 * 完成, three others keep the real report's texts; in sector 独立, sig-alone is sig-planted
 * without peers.
 */

type Answer = TargetSettingProfileQuery['targetSettingProfile'];
type Profile = Answer['profiles'][number];

function setActual(doc: ReportDocument, seq: number, text: string): void {
  doc.indicators.find((i) => i.seq === seq)!.actualText = text;
}

/**
 * Rows 10 and 12 (two measures) brought just above their 90 % targets, row 4 is already there:
 * 4 just above. Rows 1 (its target again), 3 (完成, two measures) and 5 (达到预期。) restate their
 * targets: 3 of 15 copied, and 11 evidence measures left, 7 of them flagged as before (row 5's
 * RATIO is gone).
 */
function plantSignals(doc: ReportDocument): void {
  editIndicator(doc, 10, 'actualText', '已达96.71%', '已达93%');
  editIndicator(doc, 12, 'actualText', '95.22%、移送审查95.02%', '92.5%、移送审查93.1%');
  setActual(doc, 1, doc.indicators.find((i) => i.seq === 1)!.targetText);
  setActual(doc, 3, '完成');
  setActual(doc, 5, '达到预期。');
}

/** Rows 1-12 answered 完成: 12 of 15 copied, 4 evidence measures left (rows 13-15). */
function copyMost(doc: ReportDocument): void {
  for (let seq = 1; seq <= 12; seq += 1) setActual(doc, seq, '完成');
}

const CORPUS: SignalDepartment[] = [
  { code: 'sig-planted', sector: '测试', edit: plantSignals },
  { code: 'sig-copier', sector: '测试', edit: copyMost },
  { code: 'sig-plain-1', sector: '测试' },
  { code: 'sig-plain-2', sector: '测试' },
  { code: 'sig-plain-3', sector: '测试' },
  { code: 'sig-alone', sector: '独立', edit: plantSignals },
];

const ROLES = ['ANALYST', 'DEPARTMENT:sig-planted', 'DEPARTMENT:sig-alone'] as const;
const query = print(TargetSettingProfileDocument);

let server: Awaited<ReturnType<typeof startSignalServer>>;
let tokensDir: string;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  tokensDir = mkdtempSync(join(tmpdir(), 'jixiao-profile-tokens-'));
  const tokensPath = join(tokensDir, 'tokens.json');
  for (const role of ROLES)
    tokens[role] = (await createToken(tokensPath, parseGrant(role), role)).secret;
  server = await startSignalServer(CORPUS, [2022, 2023, 2024], { tokensPath });
});
afterAll(async () => {
  await server.cleanup();
  rmSync(tokensDir, { recursive: true, force: true });
});

async function ask<T>(
  text: string,
  variables: Record<string, unknown>,
  role: (typeof ROLES)[number] = 'ANALYST',
) {
  const answer = await postAs<T>(server.url, tokens[role]!, text, variables);
  expect(answer.errors).toBeUndefined();
  const { extensions } = JSON.parse(answer.text) as { extensions?: Record<string, unknown> };
  return { data: answer.data!, text: answer.text, extensions };
}

async function profiles(
  variables: Record<string, unknown>,
  role: (typeof ROLES)[number] = 'ANALYST',
) {
  const { data, text } = await ask<TargetSettingProfileQuery>(query, variables, role);
  return { ...data.targetSettingProfile, text };
}

const profileOf = (a: Answer, code: string, year: number) =>
  a.profiles.find((p) => p.department.code === code && p.year === year)!;

const component = (p: Profile, name: (typeof PROFILE_COMPONENTS)[number]) =>
  p.components.find((c) => c.component === name)!;

const scoresOf = (p: Profile): ComponentScores =>
  Object.fromEntries(p.components.map((c) => [c.component, c.score ?? null])) as ComponentScores;

const GZ_2023 = { departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 };

describe('targetSettingProfile on the real report (gz-zfw 2023)', () => {
  it('scores the low-target risk as lowTargetRisk does: 8 of its 15 measurable measures flagged', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    const { data } = await ask<{
      lowTargetRisk: { department: { code: string }; riskScore: number; measurable: number }[];
    }>(print(LowTargetRiskDocument), { year: 2023 });
    const risk = data.lowTargetRisk.find((r) => r.department.code === 'gz-zfw')!;
    expect(risk).toMatchObject({ riskScore: 8 / 15, measurable: 15 });
    expect(component(gz, 'LOW_TARGET_RISK')).toMatchObject({
      computable: true,
      count: 8,
      basis: risk.measurable,
      raw: risk.riskScore,
      score: risk.riskScore,
      scoreText: '53.33%',
    });
  });

  it('scores the share just above target as thresholdClustering does: 1 of 15 (row 4, 102.38 %)', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    const { data } = await ask<{
      thresholdClustering: {
        departments: {
          years: { measurable: number; justAbove: number; justAboveShare: number }[];
        }[];
      };
    }>(print(ThresholdClusteringDocument), GZ_2023);
    const [year] = data.thresholdClustering.departments[0]!.years;
    expect(year).toMatchObject({ measurable: 15, justAbove: 1 });
    expect(component(gz, 'JUST_ABOVE')).toMatchObject({
      count: year!.justAbove,
      basis: year!.measurable,
      raw: year!.justAboveShare,
      score: year!.justAboveShare,
      scoreText: '6.67%',
    });
  });

  it('has no ambition component: there is no 2022 report to compare its targets with', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    const { data } = await ask<{
      targetAmbition: { departments: { years: { hasPreviousYear: boolean; series: number }[] }[] };
    }>(print(TargetAmbitionDocument), GZ_2023);
    expect(data.targetAmbition.departments[0]!.years[0]).toMatchObject({
      hasPreviousYear: false,
      series: 0,
    });
    expect(component(gz, 'AMBITION_SHORTFALL')).toMatchObject({
      computable: false,
      gap: 'NO_PREVIOUS_YEAR',
      score: null,
      raw: null,
      appliedWeight: 0,
      contribution: null,
      explanation:
        '2023年目标进取度不足：没有上年报告，目标无法与上年实际比较，本项不计分，其权重由其余各项按比例分摊。',
    });
  });

  it('scores copied actuals as copiedActuals does: none of its 15 actuals restates its target', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    const { data } = await ask<{
      copiedActuals: {
        departments: { years: { indicators: number; copied: number; share: number }[] }[];
      };
    }>(print(CopiedActualsDocument), GZ_2023);
    const [year] = data.copiedActuals.departments[0]!.years;
    expect(year).toEqual({ ...year, indicators: 15, copied: 0, share: 0 });
    expect(component(gz, 'COPIED_ACTUALS')).toMatchObject({
      count: year!.copied,
      basis: year!.indicators,
      raw: year!.share,
      score: 0,
    });
  });

  it('composes the three components it has with a third of the weight each: (8/15 + 1/15 + 0) / 3 = 20.00%', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    const byHand = (8 / 15 + 1 / 15 + 0) / 3;
    expect(gz.composite).toBeCloseTo(byHand, 12);
    expect(gz.compositeText).toBe('20.00%');
    expect(gz.components.map((c) => [c.component, c.weight, c.appliedWeightText])).toEqual([
      ['LOW_TARGET_RISK', 0.25, '33.33%'],
      ['JUST_ABOVE', 0.25, '33.33%'],
      ['AMBITION_SHORTFALL', 0.25, '0.00%'],
      ['COPIED_ACTUALS', 0.25, '33.33%'],
    ]);
    const contributions = gz.components.reduce((sum, c) => sum + (c.contribution ?? 0), 0);
    expect(contributions).toBeCloseTo(gz.composite!, 12);
  });

  it('says which component is missing and that the composite is re-weighted over the others', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    expect(gz).toMatchObject({
      componentsUsed: 3,
      reweighted: true,
      missingComponents: ['AMBITION_SHORTFALL'],
      weightNote:
        '目标进取度不足（没有上年报告，目标无法与上年实际比较），无法计算；综合得分按其余 3 项的权重重新加权。',
    });
    expect(gz.explanation).toBe(
      '2023年目标设定综合得分 20.00%（目标偏低风险 53.33% × 33.33%，刚超目标 6.67% × 33.33%，实际完成值照抄目标 0.00% × 33.33%）。' +
        '目标进取度不足（没有上年报告，目标无法与上年实际比较），无法计算；综合得分按其余 3 项的权重重新加权。' +
        '在同领域（政法）1 个部门中排第 1 位（1 为信号最多）。此为筛查提示，不是结论。',
    );
  });

  it('is alone in its sector here: rank 1, no percentile, and a benchmark too small to compare with', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    expect(gz).toMatchObject({ sector: '政法', rank: 1, percentile: null });
    expect(gz.sectorComposite).toMatchObject({ departments: 1, tooSmall: true });
    expect(gz.sectorComposite.median).toBeCloseTo(0.2, 12);
  });

  it('names for each component the query and rules of its findings, with variables that find this department-year', async () => {
    const gz = profileOf(await profiles(GZ_2023), 'gz-zfw', 2023);
    expect(
      gz.components.map((c) => [c.findings.query, c.findings.operation, c.findings.rules]),
    ).toEqual([
      ['lowTargetRisk', 'LowTargetRisk', ['RATIO', 'CEILING', 'RATCHET']],
      ['thresholdClustering', 'ThresholdClustering', ['JUST_ABOVE_BUNCHING']],
      ['targetAmbition', 'TargetAmbition', ['TARGET_BELOW_ACHIEVED']],
      ['copiedActuals', 'CopiedActuals', ['COPIED_ACTUALS']],
    ]);
    const documents = {
      LowTargetRisk: LowTargetRiskDocument,
      ThresholdClustering: ThresholdClusteringDocument,
      TargetAmbition: TargetAmbitionDocument,
      CopiedActuals: CopiedActualsDocument,
    } as const;
    for (const c of gz.components) {
      const { text } = await ask(
        print(documents[c.findings.operation as keyof typeof documents]),
        JSON.parse(c.findings.variables) as Record<string, unknown>,
      );
      expect(text).toContain('"code":"gz-zfw"');
    }
  });
});

describe('targetSettingProfile on a synthetic corpus', () => {
  it('gives every department-year the figures of the four component queries', async () => {
    const all = await profiles({ fromYear: 2022, toYear: 2024 });
    expect(all.profiles).toHaveLength(19);
    const clustering = await ask<{
      thresholdClustering: {
        departments: {
          department: { code: string };
          years: { year: number; measurable: number; justAbove: number }[];
        }[];
      };
    }>(
      '{ thresholdClustering(fromYear: 2022, toYear: 2024, first: 500) { departments { department { code } years { year measurable justAbove } } } }',
      {},
    );
    const ambition = await ask<{
      targetAmbition: {
        departments: {
          department: { code: string };
          years: {
            year: number;
            series: number;
            belowAchieved: number;
            medianAmbition: number | null;
          }[];
        }[];
      };
    }>(
      '{ targetAmbition(fromYear: 2022, toYear: 2024, first: 500) { departments { department { code } years { year series belowAchieved medianAmbition } } } }',
      {},
    );
    const copied = await ask<{
      copiedActuals: {
        departments: {
          department: { code: string };
          years: { year: number; indicators: number; copied: number }[];
        }[];
      };
    }>(
      '{ copiedActuals(fromYear: 2022, toYear: 2024, first: 500) { departments { department { code } years { year indicators copied } } } }',
      {},
    );
    const expected = new Map<string, number[][]>();
    const put = (code: string, year: number, index: number, figures: number[]) => {
      const key = `${code}/${year}`;
      const row = expected.get(key) ?? [[], [], [], []];
      row[index] = figures;
      expected.set(key, row);
    };
    for (const year of [2022, 2023, 2024]) {
      const { data } = await ask<{
        lowTargetRisk: { department: { code: string }; measurable: number; riskScore: number }[];
      }>(
        'query ($y: Int!) { lowTargetRisk(year: $y) { department { code } measurable riskScore } }',
        {
          y: year,
        },
      );
      for (const r of data.lowTargetRisk)
        put(r.department.code, year, 0, [Math.round(r.riskScore * r.measurable), r.measurable]);
    }
    for (const d of clustering.data.thresholdClustering.departments)
      for (const y of d.years) put(d.department.code, y.year, 1, [y.justAbove, y.measurable]);
    for (const d of ambition.data.targetAmbition.departments)
      for (const y of d.years) put(d.department.code, y.year, 2, [y.belowAchieved, y.series]);
    for (const d of copied.data.copiedActuals.departments)
      for (const y of d.years) put(d.department.code, y.year, 3, [y.copied, y.indicators]);
    const answered = new Map(
      all.profiles.map((p) => [
        `${p.department.code}/${p.year}`,
        p.components.map((c) => [c.count, c.basis]),
      ]),
    );
    expect(Object.fromEntries(answered)).toEqual(Object.fromEntries(expected));
    const medians = new Map(
      ambition.data.targetAmbition.departments.flatMap((d) =>
        d.years.map((y) => [`${d.department.code}/${y.year}`, y.medianAmbition]),
      ),
    );
    for (const p of all.profiles)
      expect(component(p, 'AMBITION_SHORTFALL').raw ?? null).toBe(
        medians.get(`${p.department.code}/${p.year}`) ?? null,
      );
  });

  it('composes every department-year as the weighted mean of the scores it has', async () => {
    const all = await profiles({ fromYear: 2022, toYear: 2024 });
    for (const p of all.profiles) {
      expect(p.composite).toBeCloseTo(compositeScore(scoresOf(p))!, 12);
      const weights = p.components.reduce((sum, c) => sum + c.appliedWeight, 0);
      expect(weights).toBeCloseTo(1, 12);
    }
  });

  it('scores the ambition shortfall as 1 − the median target / last year’s actual', async () => {
    const planted = profileOf(
      await profiles({ departments: ['sig-planted'] }),
      'sig-planted',
      2023,
    );
    // 2023 keeps 2022's targets, which 2022's actuals beat: 11 of 12 series below, median 90 %.
    expect(component(planted, 'AMBITION_SHORTFALL')).toMatchObject({
      count: 11,
      basis: 12,
      rawText: '90.00%',
      scoreText: '10.00%',
    });
  });

  it('ranks the department with planted signals above those without, in every year', async () => {
    const all = await profiles({ sector: '测试', fromYear: 2022, toYear: 2024 });
    for (const year of [2022, 2023, 2024]) {
      const planted = profileOf(all, 'sig-planted', year);
      for (const plain of ['sig-plain-1', 'sig-plain-2', 'sig-plain-3']) {
        const other = profileOf(all, plain, year);
        expect(planted.composite!).toBeGreaterThan(other.composite!);
        expect(planted.rank!).toBeLessThan(other.rank!);
      }
    }
    // 2022 by hand: (7/11 + 4/11 + 3/15) / 3 against (8/15 + 1/15 + 0) / 3.
    expect(profileOf(all, 'sig-planted', 2022).composite).toBeCloseTo(
      (7 / 11 + 4 / 11 + 3 / 15) / 3,
      12,
    );
    expect(profileOf(all, 'sig-plain-1', 2022).composite).toBeCloseTo((8 / 15 + 1 / 15) / 3, 12);
  });

  it('ranks within the sector: ties share a rank, the percentile is the share of the others scored below', async () => {
    const all = await profiles({ sector: '测试', fromYear: 2022, toYear: 2022 });
    expect(
      all.profiles.map((p) => [p.department.code, p.rank, p.percentile, p.compositeText]),
    ).toEqual([
      ['sig-copier', 1, 1, '80.00%'],
      ['sig-planted', 2, 0.75, '40.00%'],
      ['sig-plain-1', 3, 0, '20.00%'],
      ['sig-plain-2', 3, 0, '20.00%'],
      ['sig-plain-3', 3, 0, '20.00%'],
    ]);
  });

  it('benchmarks the composite with its sector’s quartiles', async () => {
    const all = await profiles({ departments: ['sig-plain-1'], fromYear: 2022, toYear: 2022 });
    const sector = all.profiles[0]!.sectorComposite;
    // 0.2, 0.2, 0.2, 0.4, 0.8: quartiles by linear interpolation.
    expect(sector).toMatchObject({ departments: 5, tooSmall: false });
    expect([sector.p25, sector.median, sector.p75].map((v) => v!.toFixed(12))).toEqual([
      '0.200000000000',
      '0.200000000000',
      '0.400000000000',
    ]);
  });

  it('scores a department whose actuals are mostly 完成 on what can be computed, and says what cannot', async () => {
    const copier = profileOf(
      await profiles({ departments: ['sig-copier'], fromYear: 2022, toYear: 2022 }),
      'sig-copier',
      2022,
    );
    expect(copier.components.map((c) => [c.component, c.gap, c.basis, c.appliedWeight])).toEqual([
      ['LOW_TARGET_RISK', 'TOO_FEW_MEASURES', 4, 0],
      ['JUST_ABOVE', 'TOO_FEW_MEASURES', 4, 0],
      ['AMBITION_SHORTFALL', 'NO_PREVIOUS_YEAR', 0, 0],
      ['COPIED_ACTUALS', null, 15, 1],
    ]);
    expect(copier).toMatchObject({
      composite: 0.8,
      componentsUsed: 1,
      missingComponents: ['LOW_TARGET_RISK', 'JUST_ABOVE', 'AMBITION_SHORTFALL'],
      weightNote:
        '目标偏低风险（可计量度量仅 4 项，少于 5 项）；刚超目标（可计量度量仅 4 项，少于 5 项）；' +
        '目标进取度不足（没有上年报告，目标无法与上年实际比较），无法计算；综合得分按其余 1 项的权重重新加权。',
    });
  });

  it('bounds the departments returned by first, highest composite first, and refuses a first out of range', async () => {
    const top = await profiles({ fromYear: 2022, toYear: 2024, first: 1 });
    expect([...new Set(top.profiles.map((p) => p.department.code))]).toEqual(['sig-copier']);
    expect(top.departmentCount).toBe(7);
    const refused = await postAs(server.url, tokens.ANALYST!, query, { first: 501 });
    expect(refused.errors?.[0]?.message).toBe('first must be between 1 and 500, got 501');
  });

  it('says why an answer is empty: no report in the years asked', async () => {
    const { extensions } = await ask<TargetSettingProfileQuery>(query, {
      fromYear: 2030,
      toYear: 2030,
    });
    expect(extensions).toMatchObject({
      notices: [{ field: 'targetSettingProfile', code: 'NO_REPORTS_IN_YEARS' }],
    });
  });
});

describe('targetSettingProfile for a DEPARTMENT token', () => {
  it('returns its own profiles only and names no other department', async () => {
    const own = await profiles({ fromYear: 2022, toYear: 2024 }, 'DEPARTMENT:sig-planted');
    expect([...new Set(own.profiles.map((p) => p.department.code))]).toEqual(['sig-planted']);
    for (const other of CORPUS.filter((d) => d.code !== 'sig-planted'))
      expect(own.text).not.toContain(other.code);
    expect(own.text).not.toContain('gz-zfw');
    expect(own.text).not.toMatch(/信号测试部门0[2-6]|政法委员会/);
  });

  it('sees its rank and its sector’s quartiles over five departments', async () => {
    const own = await profiles({ fromYear: 2022, toYear: 2022 }, 'DEPARTMENT:sig-planted');
    const [planted] = own.profiles;
    expect(planted).toMatchObject({ rank: 2, percentile: 0.75 });
    expect(planted!.sectorComposite).toMatchObject({ departments: 5, tooSmall: false });
    expect(planted!.sectorComposite.median).toBeCloseTo(0.2, 12);
  });

  it('sees neither quartiles, rank nor percentile in a sector of fewer than five', async () => {
    const alone = await profiles({ fromYear: 2022, toYear: 2022 }, 'DEPARTMENT:sig-alone');
    const [profile] = alone.profiles;
    expect(profile).toMatchObject({
      rank: null,
      percentile: null,
      sectorComposite: { departments: 1, tooSmall: true, p25: null, median: null, p75: null },
    });
    expect(profile!.compositeText).toBe('40.00%');
    expect(profile!.explanation).toContain('不足 5 个，不予显示排名');
  });

  it('is refused another department by name', async () => {
    const answer = await postAs(server.url, tokens['DEPARTMENT:sig-planted']!, query, {
      departments: ['sig-plain-1'],
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.data).toBeNull();
  });
});
