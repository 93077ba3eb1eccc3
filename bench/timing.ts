/**
 * Timing helpers for the benchmarks: interleaved runs of competing variants and order statistics.
 * On this 2-core machine absolute numbers drift between runs; alternating the variants run by run
 * exposes both to the same drift, so their ratio within one run is what to read.
 */

/** Order statistics of a sample, in milliseconds. */
export interface Stats {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** The q-quantile of sorted values by linear interpolation (q = 0.5: the median). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Median, p90, min and max of samples in milliseconds. */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** A named thing to time; it returns whatever it produced, so that nothing is optimised away. */
export interface Variant {
  name: string;
  run(): Promise<unknown>;
}

/**
 * Runs `warmup` rounds untimed, then `runs` rounds, each round running every variant once in
 * the given order (A, B, A, B …). Returns each variant's samples in milliseconds.
 */
export async function interleaved(
  variants: readonly Variant[],
  warmup: number,
  runs: number,
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const variant of variants) {
      const started = performance.now();
      await variant.run();
      const elapsed = performance.now() - started;
      if (round >= warmup) samples.get(variant.name)!.push(elapsed);
    }
  }
  return samples;
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
