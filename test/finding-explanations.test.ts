import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LowTargetRiskDocument,
  OvershootIndicatorsDocument,
  TargetRatchetDocument,
  type LowTargetRiskQuery,
  type OvershootIndicatorsQuery,
  type TargetRatchetQuery,
} from './generated/graphql.js';
import { postAs } from './support/access-server.js';
import { startSignalServer } from './support/signal-corpus.js';

/**
 * Every finding explains itself (docs/domain.md, "Every finding explains itself"): the rule, the
 * numbers it used, its thresholds, last year's row where the rule compares two years, the source
 * line, and a Chinese sentence quoting them. On the real report (gz-zfw 2023: 4 RATIO and 4
 * CEILING findings, docs/domain.md "Expected findings on the real report") and on sig-repeat, a
 * copy of it for 2023 and 2024 with the same texts: every target of 2024 left where 2023's actual
 * beat it is a ratchet failure, and every overshoot recurs as CHRONIC.
 */

let server: Awaited<ReturnType<typeof startSignalServer>>;
beforeAll(async () => {
  server = await startSignalServer([{ code: 'sig-repeat', sector: '测试' }], [2023, 2024]);
});
afterAll(async () => server.cleanup());

async function run<T>(document: Parameters<typeof print>[0], variables: Record<string, unknown>) {
  const answer = await postAs<T>(server.url, null, print(document), variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

const overshoots = async (variables: Record<string, unknown>) =>
  (await run<OvershootIndicatorsQuery>(OvershootIndicatorsDocument, variables)).overshootIndicators;

describe('the overshoot findings of the real report (gz-zfw 2023)', () => {
  const realReport = { departments: ['gz-zfw'], fromYear: 2023, toYear: 2023 };

  it('each of the 4 RATIO and 4 CEILING findings carries its explanation, thresholds and source line', async () => {
    const findings = await overshoots(realReport);
    expect(findings.map((f) => [f.rule, f.indicator.seq, f.source?.page, f.source?.line])).toEqual([
      ['RATIO', 15, 8, 734],
      ['RATIO', 14, 8, 711],
      ['RATIO', 2, 7, 543],
      ['RATIO', 5, 7, 578],
      ['CEILING', 14, 8, 711],
      ['CEILING', 9, 8, 626],
      ['CEILING', 11, 8, 658],
      ['CEILING', 13, 8, 693],
    ]);
    for (const f of findings) {
      expect(f.explanation).toContain(`2023年第${f.indicator.seq}行“${f.indicator.name}”`);
      expect(f).toMatchObject({
        minAttainment: 1.2,
        minAttainmentText: '120.00%',
        ceilingMaxTarget: 0.95,
        ceilingMaxTargetText: '95.00%',
        previous: null,
      });
      expect(f.source!.file).toBe('seeds/reports/000_541c9492cc78057a.txt');
      expect(f.source!.text).toContain(f.indicator.name);
    }
  });

  it('explains RATIO with the target, the actual, the attainment and its threshold', async () => {
    const fans = (await overshoots(realReport)).find((f) => f.indicator.seq === 2)!;
    expect(fans.explanation).toBe(
      '2023年第2行“新媒体宣传影响力提升”：目标超过 1,700,000 人，实际 2,109,600 人，' +
        '完成比（实际/目标）124.09%，不低于超目标阈值 120.00%。',
    );
  });

  it('explains CEILING with the target against its threshold and the actual that used all headroom', async () => {
    const findings = await overshoots(realReport);
    const legalAid = findings.find((f) => f.rule === 'CEILING' && f.indicator.seq === 9)!;
    expect(legalAid.explanation).toBe(
      '2023年第9行“刑事案件法律援助处置率”：目标不低于 90.00%，不高于触顶阈值 95.00%，实际 100.00%，' +
        '完成比（实际/目标）111.11%：目标以上的空间全部用尽（触顶）。',
    );
    const points = findings.find((f) => f.rule === 'CEILING' && f.indicator.seq === 13)!;
    expect(points.explanation).toBe(
      '2023年第13行“信息化建设类考核情况”：目标不高于 5.00%（越低越好），实际 0.00%：' +
        '目标高于 0 而实际为 0，已不可能更好（触顶）。',
    );
  });

  it('quotes the RATIO threshold the request asked for', async () => {
    const findings = await overshoots({ ...realReport, minAttainment: 1.5 });
    const ratio = findings.filter((f) => f.rule === 'RATIO');
    expect(ratio.map((f) => [f.indicator.seq, f.minAttainmentText])).toEqual([
      [15, '150.00%'],
      [14, '150.00%'],
    ]);
    expect(ratio[1]!.explanation).toContain('不低于超目标阈值 150.00%');
  });

  it('explains each measure of its risk score, flagged or not', async () => {
    const [risk] = (await run<LowTargetRiskQuery>(LowTargetRiskDocument, { year: 2023 }))
      .lowTargetRisk;
    expect(risk!.department.code).toBe('gz-zfw');
    expect(risk!.measures.every((m) => m.explanation.startsWith('2023年第'))).toBe(true);
    const members = risk!.measures.find((m) => m.indicator.seq === 4)!;
    expect(members).toMatchObject({ flagged: false, minAttainment: 1.2, previous: null });
    expect(members.explanation).toBe(
      '2023年第4行“群防共治人员数量”：目标不低于 650,000 人，实际 665,500 人，完成比（实际/目标）102.38%，' +
        '低于超目标阈值 120.00%，未触顶：未触发规则。',
    );
  });
});

describe('findings that compare two years (sig-repeat, 2024 against 2023)', () => {
  it('gives CHRONIC last year’s row that fired, with its source, and quotes both years', async () => {
    const findings = await overshoots({
      departments: ['sig-repeat'],
      fromYear: 2024,
      toYear: 2024,
    });
    const fans = findings.find((f) => f.rule === 'CHRONIC' && f.indicator.seq === 2)!;
    expect(fans.previous).toEqual({
      year: 2023,
      indicator: { seq: 2, name: '新媒体宣传影响力提升' },
      target: 1_700_000,
      actual: 2_109_600,
      attainmentText: '124.09%',
      matchedBy: "same key '新媒体宣传影响力提升'",
      source: {
        file: 'signal/sig-repeat-2023.txt',
        page: 7,
        line: 543,
        text: expect.stringContaining('新媒体宣传影响力提升'),
      },
    });
    expect(fans.explanation).toBe(
      '2024年第2行“新媒体宣传影响力提升”：本年目标超过 1,700,000 人，实际 2,109,600 人，完成比（实际/目标）124.09%；' +
        "上年（2023年第2行“新媒体宣传影响力提升”，匹配依据：same key '新媒体宣传影响力提升'）" +
        '目标 1,700,000 人，实际 2,109,600 人，完成比（实际/目标）124.09%：' +
        '连续两年超目标或触顶（超目标阈值 120.00%，触顶阈值 95.00%）。',
    );
    expect(findings.filter((f) => f.rule !== 'CHRONIC').every((f) => f.previous === null)).toBe(
      true,
    );
  });

  it('gives a ratchet failure its rule, last year’s row with its source, and the sentence', async () => {
    const ratchets = (
      await run<TargetRatchetQuery>(TargetRatchetDocument, { departments: ['sig-repeat'] })
    ).targetRatchet;
    expect(ratchets.every((r) => r.rule === 'RATCHET' && r.previousYear !== null)).toBe(true);
    const consultations = ratchets.find((r) => r.indicator.name === '群众重复咨询比例')!;
    expect(consultations.previousYear).toMatchObject({
      year: 2023,
      measureIndex: 0,
      actual: 0.0475,
      actualText: '4.75%',
      source: { file: 'signal/sig-repeat-2023.txt', line: 734 },
    });
    expect(consultations.source).toMatchObject({ file: 'signal/sig-repeat-2024.txt', line: 734 });
    expect(consultations.explanation).toBe(
      '2024年第15行“群众重复咨询比例”：本年目标 20.00% 高于上年实际 4.75%' +
        "（2023年第15行“群众重复咨询比例”，匹配依据：same key '群众重复咨询比例'）：目标未随已达到的水平收紧。",
    );
  });

  it('gives a risk measure with a ratchet failure last year’s row, and no row to one without', async () => {
    const risks = (await run<LowTargetRiskQuery>(LowTargetRiskDocument, { year: 2024 }))
      .lowTargetRisk;
    const measures = risks.find((r) => r.department.code === 'sig-repeat')!.measures;
    const withRatchet = measures.filter((m) => m.ratchetFailure);
    expect(withRatchet.length).toBeGreaterThan(0);
    for (const m of withRatchet) {
      expect(m.previous?.year).toBe(2023);
      expect(m.previous?.source?.file).toBe('signal/sig-repeat-2023.txt');
      expect(m.explanation).toContain('上年实际');
    }
    expect(measures.filter((m) => !m.ratchetFailure).every((m) => m.previous === null)).toBe(true);
  });
});
