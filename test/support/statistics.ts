/** Plain TypeScript statistics, written independently of the SQL they check. */

/** Quantile by linear interpolation between closest ranks (Hyndman-Fan type 7). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1). */
export function sampleStddev(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/** 1 + the number of values strictly better (higher when higherBetter). */
export function competitionRank(
  value: number,
  values: readonly number[],
  higherBetter: boolean,
): number {
  return 1 + values.filter((v) => (higherBetter ? v > value : v < value)).length;
}

/** Share of the other values this one beats. */
export function percentRank(
  value: number,
  values: readonly number[],
  higherBetter: boolean,
): number {
  const beaten = values.filter((v) => (higherBetter ? v < value : v > value)).length;
  return beaten / (values.length - 1);
}
