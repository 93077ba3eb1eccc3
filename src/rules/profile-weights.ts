/**
 * The target-setting profile (docs/domain.md, "Target-setting profile"): four signals of how a
 * department sets its targets, each a score from 0 (no sign) to 1, combined into one weighted
 * mean per department and year. A screening aid that says where to look first, not a verdict.
 */

/** The components, in the order every answer lists them. */
export const PROFILE_COMPONENTS = [
  'LOW_TARGET_RISK',
  'JUST_ABOVE',
  'AMBITION_SHORTFALL',
  'COPIED_ACTUALS',
] as const;

/** One component of the profile. */
export type ProfileComponent = (typeof PROFILE_COMPONENTS)[number];

/**
 * The weight of each component in the composite; they sum to 1. Equal: each component is
 * evidence of a different way a target can be easy (beaten by far, just cleared, set below what
 * was achieved, or never measured), none is known to predict a soft target better than another,
 * and the corpus has no labelled cases to fit weights to (docs/domain.md says why each counts).
 */
export const PROFILE_WEIGHTS: Readonly<Record<ProfileComponent, number>> = {
  LOW_TARGET_RISK: 0.25,
  JUST_ABOVE: 0.25,
  AMBITION_SHORTFALL: 0.25,
  COPIED_ACTUALS: 0.25,
};

/** A score per component; null where the component cannot be computed that year. */
export type ComponentScores = Readonly<Record<ProfileComponent, number | null>>;

/**
 * The weights the composite applies: a component that cannot be computed gets 0, and the others
 * share its weight in proportion to their own (each weight over the sum of the available ones),
 * so the composite stays a weighted mean on the same 0-1 scale. All 0 when none is available.
 */
export function appliedWeights(scores: ComponentScores): Record<ProfileComponent, number> {
  const available = PROFILE_COMPONENTS.filter((c) => scores[c] !== null);
  const total = available.reduce((sum, c) => sum + PROFILE_WEIGHTS[c], 0);
  return Object.fromEntries(
    PROFILE_COMPONENTS.map((c) => [
      c,
      total > 0 && scores[c] !== null ? PROFILE_WEIGHTS[c] / total : 0,
    ]),
  ) as Record<ProfileComponent, number>;
}

/** The composite: the weighted mean of the available scores; null when none is available. */
export function compositeScore(scores: ComponentScores): number | null {
  const weights = appliedWeights(scores);
  if (PROFILE_COMPONENTS.every((c) => scores[c] === null)) return null;
  return PROFILE_COMPONENTS.reduce((sum, c) => sum + weights[c] * (scores[c] ?? 0), 0);
}

/**
 * The ambition component's score from a department-year's median ambition (this year's target
 * over last year's actual, docs/domain.md "Target ambition"): how far its typical target falls
 * short of what was already achieved, 1 − median, clipped to 0-1. A typical target at or above
 * last year's actual scores 0; one at half of it, 0.5; a cap met with 0 last year (ambition 0), 1.
 */
export function ambitionShortfall(medianAmbition: number): number {
  return Math.min(1, Math.max(0, 1 - medianAmbition));
}
