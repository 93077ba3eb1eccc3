/**
 * Whether a workload's GraphQL answer and its raw SQL answer agree: both reduced to the
 * workload's figures and compared. The benchmarks check it before timing anything, and
 * test/workloads-agree.test.ts checks it on a small corpus without timing anything.
 */
import type { GraphQLResponse } from './http-client.js';
import { compareFigures, type Figures, type SqlRow, type Workload } from './workloads.js';

/** Both answers' figures and what is wrong with them (nothing when they agree). */
export interface Agreement {
  agree: boolean;
  /** A GraphQL error, an unreadable answer, each figure that differs, or an empty answer. */
  problems: string[];
  figures: { graphql: Figures; sql: Figures };
  /** Rows of the SQL answer, all statements together. */
  sqlRows: number;
}

/**
 * Compares a GraphQL response with the SQL results of the same workload. An empty answer agrees
 * with an empty answer and proves nothing, so an empty SQL answer is a problem too.
 */
export function workloadAgreement(
  workload: Workload,
  response: GraphQLResponse,
  sqlResults: SqlRow[][],
): Agreement {
  const problems: string[] = [];
  if (response.status !== 200 || response.body.errors?.length) {
    problems.push(
      `GraphQL HTTP ${response.status}: ${(response.body.errors ?? []).map((e) => e.message).join('; ')}`,
    );
  }
  let graphql: Figures = {};
  try {
    graphql = workload.graphqlFigures(response.body.data);
  } catch (error) {
    problems.push(`GraphQL answer unreadable: ${String(error)}`);
  }
  const sql = workload.sqlFigures(sqlResults);
  problems.push(...compareFigures(graphql, sql));
  const sqlRows = sqlResults.reduce((total, r) => total + r.length, 0);
  if (sqlRows === 0) problems.push('the SQL answer is empty: the workload measures nothing');
  return { agree: problems.length === 0, problems, figures: { graphql, sql }, sqlRows };
}
