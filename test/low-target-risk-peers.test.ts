import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccessServer, postAs, type AccessServer } from './support/access-server.js';

/**
 * lowTargetRisk(peersOf) answers one department's peer group alone, with the ranks of the whole
 * answer, and every entry says what its rank is out of (peerCount): what the dashboard's
 * department page and targets chart read instead of every group of the year.
 */

interface Entry {
  department: { code: string };
  peerKey: string;
  rank: number;
  peerCount: number;
  riskScore: number;
}

const FIELDS = 'department { code } peerKey rank peerCount riskScore';
const RISK = `query Risk($peerGroup: PeerGroup, $peersOf: ID) {
  lowTargetRisk(year: 2023, peerGroup: $peerGroup, peersOf: $peersOf) { ${FIELDS} }
}`;
const PAGE = `query Page($peersOf: ID, $first: Int) {
  lowTargetRiskPage(year: 2023, peerGroup: SECTOR, peersOf: $peersOf, first: $first) {
    totalCount nodes { ${FIELDS} }
  }
}`;

let server: AccessServer;
beforeAll(async () => {
  server = await startAccessServer(['ANALYST', 'DEPARTMENT:gz-zfw']);
});
afterAll(async () => server.cleanup());

async function risk(
  variables: { peerGroup?: string; peersOf?: string },
  token = server.tokens['ANALYST']!,
) {
  return postAs<{ lowTargetRisk: Entry[] }>(server.url, token, RISK, variables);
}

async function whole(peerGroup: string): Promise<Entry[]> {
  const answer = await risk({ peerGroup });
  expect(answer.errors).toBeUndefined();
  return answer.data!.lowTargetRisk;
}

describe('lowTargetRisk peersOf and peerCount', () => {
  it('gives each entry the number of departments ranked in its peer group', async () => {
    const entries = await whole('SECTOR');
    expect(entries.length).toBe(6);
    for (const entry of entries)
      expect(entry.peerCount).toBe(entries.filter((e) => e.peerKey === entry.peerKey).length);
    // 政法: gz-zfw, fx-a and fx-b; a group of one (卫生健康: fx-e) is out of 1.
    expect(entries.find((e) => e.department.code === 'gz-zfw')!.peerCount).toBe(3);
    expect(entries.find((e) => e.department.code === 'fx-e')!.peerCount).toBe(1);
  });

  it('answers one department’s peer group alone, with the ranks of the whole answer', async () => {
    for (const peerGroup of ['SECTOR', 'LEVEL', 'ALL']) {
      const entries = await whole(peerGroup);
      for (const { department, peerKey } of entries) {
        const answer = await risk({ peerGroup, peersOf: department.code });
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.lowTargetRisk).toEqual(entries.filter((e) => e.peerKey === peerKey));
      }
    }
  });

  it('pages one peer group, with the group’s size as the total', async () => {
    const group = (await whole('SECTOR')).filter((e) => e.peerKey === '政法');
    const answer = await postAs<{ lowTargetRiskPage: { totalCount: number; nodes: Entry[] } }>(
      server.url,
      server.tokens['ANALYST']!,
      PAGE,
      { peersOf: 'fx-a', first: 2 },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.lowTargetRiskPage).toEqual({
      totalCount: group.length,
      nodes: group.slice(0, 2),
    });
  });

  it('refuses an unknown department, naming it', async () => {
    const answer = await risk({ peerGroup: 'SECTOR', peersOf: 'no-such-dept' });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('no-such-dept');
  });

  it('gives a DEPARTMENT token its own entry among its peers, and refuses another’s group', async () => {
    const token = server.tokens['DEPARTMENT:gz-zfw']!;
    const own = await risk({ peerGroup: 'SECTOR', peersOf: 'gz-zfw' }, token);
    expect(own.errors).toBeUndefined();
    const entry = (await whole('SECTOR')).find((e) => e.department.code === 'gz-zfw');
    expect(own.data!.lowTargetRisk).toEqual([entry]);
    const other = await risk({ peerGroup: 'SECTOR', peersOf: 'fx-a' }, token);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.data?.lowTargetRisk ?? null).toBeNull();
  });
});
