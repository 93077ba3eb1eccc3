import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from './support/fixture-database.js';
import { postGraphQL } from './support/test-server.js';

/**
 * Empty answers say why, in `extensions.notices`. The fixture server holds the real report
 * (gz-zfw, 2023 only) and five synthetic fixture departments over 2020-2023.
 */
let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.cleanup());

interface Notices {
  extensions?: { notices?: { field: string; code: string; message: string; messageZh: string }[] };
}

async function notices(query: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as Notices & { errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.extensions?.notices ?? [];
}

describe('an empty answer says why', () => {
  it('names the years that do have reports when none falls in the range asked', async () => {
    expect(await notices('{ overshootIndicators(fromYear: 2015, toYear: 2016) { year } }')).toEqual(
      [
        {
          field: 'overshootIndicators',
          code: 'NO_REPORTS_IN_YEARS',
          message:
            'no department has a report for 2015-2016; years with reports: 2020, 2021, 2022, 2023',
          messageZh: '2015—2016年没有任何部门的报告；有报告的年度：2020、2021、2022、2023',
        },
      ],
    );
  });

  it("names a department's own years when it has no report in the range asked", async () => {
    const [notice] = await notices(
      '{ targetRatchet(fromYear: 2021, toYear: 2021, departments: ["gz-zfw"]) { year } }',
    );
    expect(notice).toMatchObject({
      code: 'NO_REPORTS_OF_DEPARTMENTS',
      message: 'gz-zfw: no report for 2021; their years with reports: 2023',
    });
  });

  it('says when synthetic data left out is all there is', async () => {
    const [notice] = await notices(
      '{ lowTargetRisk(year: 2021, includeSynthetic: false) { rank } }',
    );
    expect(notice).toMatchObject({ field: 'lowTargetRisk', code: 'ONLY_SYNTHETIC' });
    expect(notice!.messageZh).toContain('只有合成示例数据');
  });

  it('says the scope holds reports when the rule simply found nothing', async () => {
    const [notice] = await notices(
      '{ ratchets: targetRatchet(fromYear: 2023, toYear: 2023, departments: ["gz-zfw"]) { year } }',
    );
    expect(notice).toMatchObject({ field: 'ratchets', code: 'NOTHING_FOUND' });
    expect(notice!.message).toContain("a target below the previous year's actual");
  });

  it('explains an empty benchmark by its count of departments', async () => {
    const [notice] = await notices('{ benchmark(metric: BASIC_SHARE, year: 2030) { count } }');
    expect(notice).toMatchObject({ field: 'benchmark', code: 'NO_REPORTS_IN_YEARS' });
  });

  it('adds nothing to an answer that holds something', async () => {
    expect(await notices('{ lowTargetRisk(year: 2023) { rank } }')).toEqual([]);
  });
});

describe('a bad scope is still an error, not a notice', () => {
  it('names an unknown department code', async () => {
    const { errors } = await postGraphQL(
      server.url,
      '{ overshootIndicators(departments: ["nope"]) { year } }',
    );
    expect(errors?.[0]?.message).toContain('unknown department code: nope');
  });
});
