import { MAX_DEPARTMENTS } from '../analytics/scope.js';
import type { SignalScope } from '../analytics/signal-population.js';
import { departmentsFor } from './department-access.js';
import { checkedFirst } from './page-size.js';
import {
  departmentsArg,
  includeSyntheticArg,
  scopeOf,
  yearRangeArgs,
  type ScopeArgs,
} from './scope-args.js';
import type { Viewer } from './viewer.js';

/*
 * The arguments every target-setting signal query takes (thresholdClustering, targetAmbition,
 * copiedActuals, targetSettingProfile), and the scope they become: one definition, so that the
 * four cannot drift apart in what they accept or how a DEPARTMENT token is narrowed.
 */

/** What differs between the signals' argument descriptions. */
export interface SignalArgsText {
  /** fromYear and toYear, when a signal reads more than the years named. */
  years?: { from: string; to: string };
  /** How each entry meets its sector: "compared with", "ranked within". */
  againstSector: string;
  /** Which departments a page holds first: "those named first". */
  order: string;
}

/** Years, departments (each set against its whole sector), sector, synthetic, and a page size. */
export function signalArgs(arg: Parameters<typeof yearRangeArgs>[0], text: SignalArgsText) {
  return {
    ...yearRangeArgs(arg, text.years),
    departments: departmentsArg(
      arg,
      `Entries to return (all when omitted; at most ${MAX_DEPARTMENTS}); each is ${text.againstSector} its whole sector.`,
    ),
    sector: arg.string({ description: 'Only departments of this sector (领域).' }),
    includeSynthetic: includeSyntheticArg(arg),
    first: arg.int({
      defaultValue: 100,
      description: `At most this many departments (1 to ${MAX_DEPARTMENTS}), ${text.order}.`,
    }),
  };
}

/** The signal arguments as a field receives them. */
export interface SignalArgs extends ScopeArgs {
  sector?: string | null;
  first?: number | null;
}

/**
 * The scope a signal reads for this viewer: a DEPARTMENT token's own department when it names
 * none (others refused), the page size checked against its range.
 */
export function signalScope(viewer: Viewer, args: SignalArgs): SignalScope & { first: number } {
  return {
    ...scopeOf(args),
    departments: departmentsFor(viewer, args.departments),
    sector: args.sector,
    first: checkedFirst(args.first ?? 100, MAX_DEPARTMENTS),
  };
}
