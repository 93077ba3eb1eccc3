import type { Config } from '../config.js';
import { defaultQueryLimits, type QueryLimits } from '../graphql/query-limits.js';
import type { BudgetLimits } from '../graphql/request-budget.js';

/** What one request may spend, and how much heavy work runs and waits at once. */
export interface RequestLimits extends BudgetLimits {
  /** Bytes of one serialised GraphQL answer (0: no cap). */
  maxResponseBytes: number;
  /** Heavy operations running at once (at least 1). */
  heavyConcurrency: number;
  /** Heavy operations waiting; one more is refused with 503 SERVER_BUSY. */
  heavyQueue: number;
}

export const defaultRequestLimits: RequestLimits = {
  requestTimeoutMs: 20_000,
  maxResponseObjects: 200_000,
  maxResponseBytes: 32_000_000,
  heavyConcurrency: 1,
  heavyQueue: 8,
};

/** The request limits of a configuration (JIXIAO_REQUEST_TIMEOUT_MS, JIXIAO_MAX_RESPONSE_*, JIXIAO_HEAVY_*). */
export function requestLimitsOf(config: Config): RequestLimits {
  return {
    requestTimeoutMs: config.requestTimeoutMs,
    maxResponseObjects: config.maxResponseObjects,
    maxResponseBytes: config.maxResponseBytes,
    heavyConcurrency: config.heavyConcurrency,
    heavyQueue: config.heavyQueue,
  };
}

/** The query limits of a configuration: the estimate's limit from JIXIAO_MAX_COMPLEXITY. */
export function queryLimitsOf(config: Config): QueryLimits {
  return { ...defaultQueryLimits, maxComplexity: config.maxComplexity };
}
