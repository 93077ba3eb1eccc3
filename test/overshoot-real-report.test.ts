import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LowTargetRiskDocument,
  OvershootIndicatorsDocument,
  ReportFiguresDocument,
} from './generated/graphql.js';
import { execute, startTestServer } from './support/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanup());

describe('overshootIndicators on the real report (docs/domain.md defaults)', () => {
  it('returns exactly the four RATIO and four CEILING findings of docs/domain.md, with their numbers', async () => {
    const { data, errors } = await execute(server.url, OvershootIndicatorsDocument, {
      fromYear: 2023,
      toYear: 2023,
    });
    expect(errors).toBeUndefined();
    const findings = data!.overshootIndicators.map((f) => [
      f.rule,
      f.indicator.seq,
      f.measure.target,
      f.measure.actual,
      f.attainment === null ? null : Number(f.attainment.toFixed(2)),
    ]);
    expect(findings).toEqual([
      ['RATIO', 15, 0.2, 0.0475, 4.21],
      ['RATIO', 14, 10, 16, 1.6],
      ['RATIO', 2, 1_700_000, 2_109_600, 1.24],
      ['RATIO', 5, 10, 12, 1.2],
      ['CEILING', 14, 0.85, 1, 1.18],
      ['CEILING', 9, 0.9, 1, 1.11],
      ['CEILING', 11, 0.9, 1, 1.11],
      ['CEILING', 13, 0.05, 0, null],
    ]);
  });

  it('never returns milestones or indicators that merely meet their targets', async () => {
    const { data } = await execute(server.url, OvershootIndicatorsDocument, {
      fromYear: 2023,
      toYear: 2023,
    });
    const seqs = new Set(data!.overshootIndicators.map((f) => f.indicator.seq));
    for (const merelyMet of [1, 3, 4, 6, 7, 8, 10, 12]) expect(seqs.has(merelyMet)).toBe(false);
  });

  it('follows the attainment threshold it is given', async () => {
    const { data } = await execute(server.url, OvershootIndicatorsDocument, {
      fromYear: 2023,
      toYear: 2023,
      minAttainment: 1.5,
    });
    expect(
      data!.overshootIndicators.filter((f) => f.rule === 'RATIO').map((f) => f.indicator.seq),
    ).toEqual([15, 14]);
  });

  it("shows each indicator's measures and flags in the report", async () => {
    const { data } = await execute(server.url, ReportFiguresDocument, {
      department: 'gz-zfw',
      year: 2023,
    });
    const indicators = data!.report!.indicators;
    expect(indicators.every((i) => i.understood)).toBe(true);
    expect(indicators[9]!.measures).toMatchObject([
      { comparator: 'GTE', target: 0.9, actual: 0.9671, flags: [], evidence: true },
    ]);
    expect(indicators[5]!.measures).toMatchObject([
      { comparator: 'MILESTONE', direction: 'MILESTONE', flags: [], evidence: false },
    ]);
    expect(indicators[11]!.measures.map((m) => m.actual)).toEqual([0.9522, 0.9502]);
  });
});

describe('lowTargetRisk on the real report', () => {
  it('counts measurable, overshooting and ceiling measures and sees the admission in the problem list', async () => {
    const { data } = await execute(server.url, LowTargetRiskDocument, { year: 2023 });
    expect(data!.lowTargetRisk).toEqual([
      expect.objectContaining({
        department: expect.objectContaining({ code: 'gz-zfw' }),
        measurable: 15,
        overshooting: 4,
        ceilingHits: 4,
        ratchetFailures: 0,
        admitted: true,
        admission: 'ADMITTED_AND_DETECTED',
        rank: 1,
        tooFew: false,
      }),
    ]);
    expect(data!.lowTargetRisk[0]!.riskScore).toBeCloseTo(8 / 15, 12);
  });

  it('lists the 15 measures its score counts, the eight flagged ones first with their rules and source lines', async () => {
    const { data } = await execute(server.url, LowTargetRiskDocument, { year: 2023 });
    const measures = data!.lowTargetRisk[0]!.measures;
    expect(measures).toHaveLength(15);
    const flagged = measures.filter((m) => m.flagged);
    expect(measures.slice(0, 8)).toEqual(flagged);
    expect(
      flagged.map((m) => [m.indicator.seq, m.measure.target, m.measure.actual, m.rules]),
    ).toEqual([
      [15, 0.2, 0.0475, ['RATIO']],
      [14, 10, 16, ['RATIO']],
      [2, 1_700_000, 2_109_600, ['RATIO']],
      [5, 10, 12, ['RATIO']],
      [14, 0.85, 1, ['CEILING']],
      [9, 0.9, 1, ['CEILING']],
      [11, 0.9, 1, ['CEILING']],
      [13, 0.05, 0, ['CEILING']],
    ]);
    for (const m of measures) {
      expect(m.source?.file).toMatch(/\.txt$/);
      expect(m.source?.line).toBeGreaterThan(0);
    }
  });
});

describe('the problems the real report admits', () => {
  it('are tagged by topic, the low targets among them', async () => {
    const { data } = await execute(server.url, ReportFiguresDocument, {
      department: 'gz-zfw',
      year: 2023,
    });
    const items = data!.report!.problemItems;
    expect(items.find((p) => p.topics.includes('LOW_TARGETS'))?.text).toBe(
      '个别绩效指标全年实现值远超年初设定的预期值',
    );
    expect(items[0]).toEqual({
      seq: 1,
      text: '合同签订及备案不及时',
      topics: ['CONTRACT_TIMELINESS'],
    });
  });
});
