/**
 * Year-by-year targets and actuals of one synthetic indicator (synthetic demo data). Most
 * actuals meet their target exactly or slightly (docs/domain.md, "Indicators and the target set
 * too low problem": most actuals equal their targets, only a few per cent beat them by 20 %); a department's "soft" years set
 * targets too low and overshoot, usually for several years in a row (chronic), and now and then a
 * target is set below last year's actual (ratchet failure). Numbers are integer hundredths of
 * the written unit (90 % → 9000, 210.96 万人 → 21096), so the ground truth is exact.
 */
import type { IndicatorTemplate, MeasureSpec } from './indicator-templates.js';
import type { Random } from './random.js';

/** Target and actual of one measure in one year, in hundredths of the written unit. */
export interface MeasureValues {
  target: number;
  /** Null when the actual cell only says the target was met. */
  actual: number | null;
}

/** One year of an indicator. */
export interface IndicatorYear {
  year: number;
  /** Wording variant of the year (name and `{a|b}` alternatives). */
  variant: number;
  /** One per measure of a numeric template; empty for milestones and qualitative ones. */
  values: MeasureValues[];
  /** The actual cell only says the target was met (达成预期指标). */
  saysDone: boolean;
  /** Completion date of a milestone or deadline, and a deadline's month. */
  month: number;
  day: number;
  deadlineMonth: number;
}

/** An indicator of one department followed over the corpus years. */
export interface IndicatorPlan {
  template: IndicatorTemplate;
  years: IndicatorYear[];
}

const HUNDRED_PERCENT = 10000;
const PERCENT_GRID = [60, 65, 70, 75, 80, 85, 88, 90, 92, 95, 96, 98, 99, 100].map((p) => p * 100);

function roundTo(value: number, step: number, mode: 'down' | 'up' | 'nearest'): number {
  const q = value / step;
  const n = mode === 'down' ? Math.floor(q) : mode === 'up' ? Math.ceil(q) : Math.round(q);
  return n * step;
}

/** Step of a printed value with `decimals` decimals, coarser for large round targets. */
function stepFor(value: number, decimals: number, target: boolean): number {
  const base = 100 / 10 ** decimals;
  if (!target || decimals > 0) return base;
  if (value >= 1_000_000) return 10000;
  if (value >= 100_000) return 1000;
  return base;
}

/**
 * Which years set the target too low: none for most indicators; for a soft one, a run of one to
 * five consecutive years, so that overshoots recur (CHRONIC) as they do in real reports.
 */
function softYears(count: number, laxness: number, rng: Random): boolean[] {
  const soft = Array.from({ length: count }, () => false);
  if (!rng.chance(laxness)) return soft;
  const length = rng.int(1, Math.min(5, count));
  const start = rng.int(0, count - length);
  for (let i = start; i < start + length; i++) soft[i] = true;
  return soft;
}

type Outcome = 'EXACT' | 'SLIGHT' | 'UNDER' | 'BIG' | 'ZERO' | 'OVER';

function outcome(rng: Random, soft: boolean, spec: MeasureSpec): Outcome {
  if (spec.kind === 'COST') {
    // Spending under a cost cap: mostly a little below it, sometimes well below (savings).
    return rng.weighted<Outcome>([
      ['EXACT', 0.2],
      ['SLIGHT', 0.65],
      ['BIG', 0.15],
    ]);
  }
  if (soft) {
    if (spec.kind === 'LB' || spec.kind === 'LBP') return rng.chance(0.25) ? 'ZERO' : 'BIG';
    return rng.chance(0.85) ? 'BIG' : 'SLIGHT';
  }
  switch (spec.kind) {
    case 'LBP':
      return rng.weighted<Outcome>([
        ['EXACT', 0.15],
        ['SLIGHT', 0.66],
        ['OVER', 0.08],
        ['BIG', 0.08],
        ['ZERO', 0.03],
      ]);
    case 'LB':
      return rng.weighted<Outcome>([
        ['EXACT', 0.5],
        ['SLIGHT', 0.3],
        ['ZERO', 0.12],
        ['OVER', 0.05],
        ['BIG', 0.03],
      ]);
    default:
      return rng.weighted<Outcome>([
        ['EXACT', 0.64],
        ['SLIGHT', 0.23],
        ['UNDER', 0.07],
        ['BIG', 0.06],
      ]);
  }
}

function firstTarget(spec: MeasureSpec, rng: Random): number {
  const [lo, hi] = spec.range;
  if (spec.kind === 'HBP') {
    const grid = PERCENT_GRID.filter((p) => p >= lo * 100 && p <= hi * 100);
    return rng.weighted(grid.map((p, i) => [p, 1 + i] as const));
  }
  // Log-uniform: ranges span an order of magnitude across small and large departments.
  const value = Math.exp(rng.between(Math.log(lo), Math.log(hi))) * 100;
  const step = stepFor(value, spec.decimals[0], true);
  return Math.max(step, roundTo(value, step, 'nearest'));
}

function nextTarget(
  spec: MeasureSpec,
  previous: MeasureValues,
  soft: boolean,
  rng: Random,
): number {
  const tStep = (v: number) => stepFor(v, spec.decimals[0], true);
  const base = previous.actual ?? previous.target;
  if (spec.kind === 'HBP') {
    if (soft) return previous.target;
    if (rng.chance(0.03)) return Math.max(5000, previous.target - 500);
    if (previous.actual !== null && previous.actual > previous.target && rng.chance(0.75)) {
      // Raised to what was achieved (rounded up, so never below last year's actual).
      return Math.min(HUNDRED_PERCENT, roundTo(previous.actual, 100, 'up'));
    }
    return previous.target;
  }
  if (spec.kind === 'COST') {
    // Next year's cap is what was spent (rounded down to whole 万元): budgets follow spending.
    const spent = previous.actual ?? previous.target;
    return Math.max(100, roundTo(spent, 100, 'down'));
  }
  if (spec.kind === 'LBP' || spec.kind === 'LB') {
    if (soft) return previous.target;
    const step = 100 / 10 ** spec.decimals[0];
    if (previous.actual !== null && previous.actual < previous.target && rng.chance(0.7)) {
      // Tightened to what was achieved (rounded down, so never above last year's actual).
      const tightened = roundTo(previous.actual, step, 'down');
      if (tightened >= step) return tightened;
    }
    if (rng.chance(0.04)) return previous.target + step;
    return previous.target;
  }
  if (soft)
    return Math.max(
      tStep(previous.target),
      roundTo(previous.target * rng.between(1, 1.05), tStep(previous.target), 'down'),
    );
  if (rng.chance(0.04)) {
    const lowered = roundTo(base * rng.between(0.8, 0.97), tStep(base), 'down');
    return Math.max(tStep(base), lowered);
  }
  const raised = Math.max(base, previous.target) * rng.between(1, 1.06);
  return roundTo(raised, tStep(raised), 'up');
}

function actualFor(spec: MeasureSpec, target: number, result: Outcome, rng: Random): number {
  const aStep = 100 / 10 ** spec.decimals[1];
  const near = (v: number) => roundTo(v, aStep, 'nearest');
  const cap = spec.maxActual * 100;
  switch (spec.kind) {
    case 'COST': {
      if (result === 'EXACT') return target;
      const share = result === 'BIG' ? rng.between(0.6, 0.8) : rng.between(0.9, 0.995);
      return Math.max(aStep, near(target * share));
    }
    case 'HBP': {
      const ceiling = Math.min(cap, HUNDRED_PERCENT);
      if (result === 'EXACT') return target;
      if (result === 'SLIGHT') {
        if (target >= ceiling) return target;
        return Math.min(ceiling - aStep, near(target + rng.between(0.1, 0.8) * (ceiling - target)));
      }
      if (result === 'UNDER') return Math.max(0, near(target - rng.between(20, 400)));
      // BIG: the share reaches its ceiling, or a completion rate well above its target.
      if (cap > HUNDRED_PERCENT) return Math.min(cap, near(target * rng.between(1.2, 1.35)));
      return ceiling;
    }
    case 'LBP':
    case 'LB': {
      if (result === 'EXACT') return target;
      if (result === 'ZERO') return 0;
      if (result === 'OVER') return near(target * rng.between(1.02, 1.25)) || target + aStep;
      if (result === 'BIG') return Math.max(aStep, near(target * rng.between(0.15, 0.75)));
      // SLIGHT: a little under the cap, attainment below 1.2.
      const slight = near(target * rng.between(0.86, 0.99));
      return slight * 12 > target * 10 ? slight : target;
    }
    default: {
      if (result === 'EXACT') return target;
      if (result === 'UNDER') return Math.max(aStep, near(target * rng.between(0.85, 0.99)));
      if (result === 'BIG') {
        const big = near(target * rng.between(1.2, 1.7));
        return big * 10 >= target * 12 ? big : roundTo(target * 1.2, aStep, 'up');
      }
      const slight = near(target * rng.between(1.01, 1.15));
      return slight * 10 < target * 12 ? Math.max(slight, target) : target;
    }
  }
}

/**
 * Plans an indicator over the given consecutive years. `laxness` is the department's chance
 * that an indicator has a run of soft (too low) targets.
 */
export function planIndicator(
  template: IndicatorTemplate,
  years: readonly number[],
  laxness: number,
  rng: Random,
): IndicatorPlan {
  const soft = softYears(years.length, laxness, rng);
  const out: IndicatorYear[] = [];
  let variant = rng.int(0, template.names.length - 1);
  const deadlineMonth = rng.int(6, 12);
  years.forEach((year, k) => {
    if (k > 0 && rng.chance(0.2)) variant = (variant + rng.int(1, 3)) % template.names.length;
    const month =
      template.kind === 'DEADLINE'
        ? rng.int(Math.max(1, deadlineMonth - 3), deadlineMonth)
        : rng.int(3, 12);
    const entry: IndicatorYear = {
      year,
      variant,
      values: [],
      saysDone: false,
      month,
      day: rng.int(1, 28),
      deadlineMonth,
    };
    if (template.kind === 'NUMERIC') {
      const zeroOnly = template.measures.every((m) => m.kind === 'ZERO');
      entry.saysDone = !zeroOnly && !soft[k] && rng.chance(0.03);
      template.measures.forEach((spec, m) => {
        if (spec.kind === 'ZERO') {
          entry.values.push({ target: 0, actual: 0 });
          return;
        }
        const previous = out[k - 1]?.values[m];
        const target = previous
          ? nextTarget(spec, previous, soft[k]!, rng)
          : firstTarget(spec, rng);
        const actual = entry.saysDone
          ? null
          : actualFor(spec, target, outcome(rng, soft[k]!, spec), rng);
        entry.values.push({ target, actual });
      });
    }
    out.push(entry);
  });
  return { template, years: out };
}
