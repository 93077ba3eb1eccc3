import { MIN_PEER_GROUP, type Benchmark, type Distribution } from '../analytics/benchmark.js';
import type { Viewer } from './viewer.js';

/**
 * What a DEPARTMENT token sees of a distribution over its peers: how many departments it covers
 * and, over MIN_PEER_GROUP or more, its quartiles. Withheld are the figures that are, or give
 * away, one department's value: min and max are each some department's value; the mean and
 * standard deviation of two groups that differ by one department (a sector and the whole, the
 * population with and without the synthetic demo) give that department's value by subtraction;
 * and every figure of a group of fewer than MIN_PEER_GROUP, where a quartile is a member's value.
 */
export function anonymousDistribution(d: Distribution): Distribution {
  const enough = d.count >= MIN_PEER_GROUP;
  return {
    ...d,
    min: null,
    max: null,
    mean: null,
    stddev: null,
    p25: enough ? d.p25 : null,
    median: enough ? d.median : null,
    p75: enough ? d.p75 : null,
  };
}

/** A benchmark as the viewer may see it: whole for ADMIN and ANALYST, anonymous distributions for DEPARTMENT. */
export function benchmarkFor(viewer: Viewer, benchmark: Benchmark): Benchmark {
  if (viewer.role !== 'DEPARTMENT') return benchmark;
  return {
    ...benchmark,
    overall: anonymousDistribution(benchmark.overall),
    groups: benchmark.groups.map(anonymousDistribution),
    entries: benchmark.entries.filter((e) => e.departmentCode === viewer.department),
  };
}
