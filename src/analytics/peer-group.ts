import { sql, type RawBuilder } from 'kysely';

/** Whom a department is compared with in the same year. */
export type PeerGroup = 'ALL' | 'SECTOR' | 'LEVEL';

/** Without a choice, a department is compared with every department of the year. */
export const DEFAULT_PEER_GROUP: PeerGroup = 'ALL';

const PEER_KEY: Record<PeerGroup, string> = {
  ALL: `'ALL'`,
  SECTOR: `coalesce(d.sector, '(no sector)')`,
  LEVEL: 'd.level',
};

/** The SQL naming a department's peer group; needs `departments` joined as `d`. */
export function peerKeySql(group: PeerGroup): RawBuilder<string> {
  return sql.raw<string>(PEER_KEY[group]);
}
