import { isRatchetComparable, type RatchetMeasure } from './ratchet.js';

/**
 * Target ambition (docs/domain.md, "Target ambition"): this year's target against last year's
 * actual of the same measure, target / previous actual for higher-better and previous actual /
 * target for lower-better (mirrored, as attainment is), so that below 1 always means the target
 * asks for less than was already achieved, and 1 means it asks for exactly that.
 *
 * The pairs it reads are the ratchet rule's (both measures comparable numbers, same direction and
 * unit, last year's actual a value); null for any other pair, and where the ratio is not finite
 * (a higher-better actual of 0 last year, a lower-better target of 0).
 */
export function targetAmbition(previous: RatchetMeasure, current: RatchetMeasure): number | null {
  if (!isRatchetComparable(previous) || !isRatchetComparable(current)) return null;
  if (previous.actualKind === 'SAYS_DONE' || previous.actualKind === 'NONE') return null;
  if (previous.direction !== current.direction || previous.unit !== current.unit) return null;
  if (previous.actual === null || current.target === null) return null;
  let ratio: number;
  if (current.direction === 'HIGHER_BETTER') ratio = current.target / previous.actual;
  else if (current.direction === 'LOWER_BETTER') ratio = previous.actual / current.target;
  else return null;
  return Number.isFinite(ratio) ? ratio : null;
}
