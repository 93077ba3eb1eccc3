import { DEFAULT_PEER_GROUP, type PeerGroup } from '../analytics/peer-group.js';
import { DEFAULT_INCLUDE_SYNTHETIC, MAX_DEPARTMENTS, type Scope } from '../analytics/scope.js';
import { builder } from './builder.js';
import { PeerGroupEnum } from './enums.js';

/**
 * The scope arguments every analytic query shares (years, departments, synthetic data, peer
 * group), declared once with their defaults. A field may say in its own words what an argument
 * means to it (a benchmark's departments are the entries returned, not the peers).
 */

type ArgBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0]['arg'];

/** fromYear and toYear: an inclusive range of fiscal years, open where omitted. */
export function yearRangeArgs(
  arg: ArgBuilder,
  describe: { from: string; to: string } = { from: 'First fiscal year.', to: 'Last fiscal year.' },
) {
  return {
    fromYear: arg.int({ description: describe.from }),
    toYear: arg.int({ description: describe.to }),
  };
}

/** departments: a list of department codes, bounded by the analytics' MAX_DEPARTMENTS. */
export function departmentsArg(
  arg: ArgBuilder,
  description = `Only these departments (at most ${MAX_DEPARTMENTS}).`,
) {
  return arg.idList({ description });
}

/** includeSynthetic: whether the labelled demo departments count; they do by default. */
export function includeSyntheticArg(
  arg: ArgBuilder,
  description = 'Include synthetic demo departments.',
) {
  return arg.boolean({ defaultValue: DEFAULT_INCLUDE_SYNTHETIC, description });
}

/** peerGroup: whom a department is compared with; everyone by default. */
export function peerGroupArg(arg: ArgBuilder, description: string) {
  return arg({ type: PeerGroupEnum, defaultValue: DEFAULT_PEER_GROUP, description });
}

/** The scope arguments as a field receives them (GraphQL passes null for an explicit null). */
export interface ScopeArgs {
  fromYear?: number | null;
  toYear?: number | null;
  departments?: readonly (string | number)[] | null;
  includeSynthetic?: boolean | null;
}

/** The analytics' scope from a field's arguments, defaults applied. */
export function scopeOf(args: ScopeArgs): Scope {
  return {
    fromYear: args.fromYear,
    toYear: args.toYear,
    departments: args.departments?.map(String),
    includeSynthetic: args.includeSynthetic ?? DEFAULT_INCLUDE_SYNTHETIC,
  };
}

/** The peer group argument, default applied. */
export function peerGroupOf(value: PeerGroup | null | undefined): PeerGroup {
  return value ?? DEFAULT_PEER_GROUP;
}
